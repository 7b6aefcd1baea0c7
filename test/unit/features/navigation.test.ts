import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { MAX_CHILD_SYMBOLS } from '../../../server/src/features/symbols';
import { createLanguageService } from '../../../server/src/languageService';
import { createNodeFs } from '../../../engine/nodeFs';
import { caret, doc, tempBundle } from './util';

const EC2 = [
  'version: 0.0',
  'os: linux',
  'files:',
  '  - source: app',
  '    destination: /srv/app',
  'permissions:',
  '  - object: /srv/app',
  '    owner: web',
  '    mode: 755',
  '# the hooks',
  '# run in order',
  'hooks:',
  '  BeforeInstall:',
  '    - location: scripts/install.sh',
  '      timeout: 300',
  '  ApplicationStart:',
  '    - location: "scripts/start.sh"',
  '      runas: web',
  '',
].join('\n');

function tree(symbols: DocumentSymbol[]): unknown[] {
  return symbols.map((s) => (s.children?.length ? { [s.name]: tree(s.children) } : s.name));
}

describe('document symbols', () => {
  const ls = createLanguageService();

  test('EC2: files as source → destination, permissions by object, hooks with their scripts', () => {
    const symbols = ls.documentSymbols(doc('file:///w/appspec.yml', EC2));
    assert.deepEqual(tree(symbols), [
      'version',
      'os',
      { files: ['app → /srv/app'] },
      { permissions: ['/srv/app'] },
      { hooks: [{ BeforeInstall: ['scripts/install.sh'] }, { ApplicationStart: ['scripts/start.sh'] }] },
    ]);
    const hooks = symbols[4];
    assert.equal(hooks.children![0].children![0].detail, '300 s');
    assert.equal(hooks.children![1].children![0].detail, 'as web');
    for (const s of symbols) {
      assert.ok(
        s.range.start.line <= s.selectionRange.start.line && s.selectionRange.end.line <= s.range.end.line,
        `${s.name}: selection inside range`,
      );
    }
  });

  test('a list longer than the outline limit lists its first entries and one "more" entry', () => {
    const n = MAX_CHILD_SYMBOLS + 7;
    const text = `version: 0.0\nos: linux\nfiles: [${Array.from({ length: n }, (_, i) => `a${i}`).join(', ')}]\n`;
    const files = ls.documentSymbols(doc('file:///w/appspec.yml', text))[2];
    assert.equal(files.children?.length, MAX_CHILD_SYMBOLS + 1);
    const more = files.children!.at(-1)!;
    assert.equal(more.name, '… 7 more');
    const at = text.indexOf(`a${MAX_CHILD_SYMBOLS},`);
    assert.deepEqual(more.selectionRange.start, { line: 2, character: at - text.indexOf('files') });
    assert.ok(more.range.end.character > more.range.start.character);
  });

  test('ECS: the resource with its type and properties, hooks by event', () => {
    const ecs =
      'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: td\n        LoadBalancerInfo:\n          ContainerName: app\n          ContainerPort: 80\nHooks:\n  - BeforeInstall: fnA\n  - AfterAllowTraffic: fnB\n';
    const symbols = ls.documentSymbols(doc('file:///w/appspec.yml', ecs));
    assert.deepEqual(tree(symbols), [
      'version',
      {
        Resources: [
          {
            TargetService: [
              { Properties: ['TaskDefinition', { LoadBalancerInfo: ['ContainerName', 'ContainerPort'] }] },
            ],
          },
        ],
      },
      { Hooks: ['BeforeInstall', 'AfterAllowTraffic'] },
    ]);
    assert.equal(symbols[1].children![0].detail, 'AWS::ECS::Service');
    assert.equal(symbols[2].children![1].detail, 'fnB');
  });

  test('JSON Lambda', () => {
    const json =
      '{\n  "version": 0.0,\n  "Resources": [\n    { "fn": { "Type": "AWS::Lambda::Function", "Properties": { "Name": "fn" } } }\n  ]\n}';
    assert.deepEqual(tree(ls.documentSymbols(doc('file:///w/appspec.json', json))), [
      'version',
      { Resources: [{ fn: [{ Properties: ['Name'] }] }] },
    ]);
  });
});

describe('folding ranges', () => {
  const ls = createLanguageService();
  test('sections, entries and comment runs (YAML)', () => {
    const ranges = ls
      .foldingRanges(doc('file:///w/appspec.yml', EC2))
      .map((r) => [r.startLine, r.endLine, r.kind ?? '']);
    assert.deepEqual(ranges, [
      [2, 4, ''],
      [3, 4, ''],
      [5, 8, ''],
      [6, 8, ''],
      [9, 10, 'comment'],
      [11, 17, ''],
      [12, 14, ''],
      [13, 14, ''],
      [15, 17, ''],
      [16, 17, ''],
    ]);
  });
  test('JSON keeps closing brackets visible', () => {
    const json = '{\n  "version": 0.0,\n  "Resources": [\n    {\n      "fn": {}\n    }\n  ]\n}';
    const ranges = ls.foldingRanges(doc('file:///w/appspec.json', json)).map((r) => [r.startLine, r.endLine]);
    assert.deepEqual(ranges, [
      [0, 6],
      [2, 5],
      [3, 4],
    ]);
  });
});

describe('links, definition and references to files next to the AppSpec', () => {
  test('resolve to real files; missing files and folders get no link', () => {
    const b = tempBundle({ 'appspec.yml': EC2, 'scripts/install.sh': '#!/bin/sh\n', 'app/index.html': '' });
    try {
      const ls = createLanguageService({ fs: createNodeFs({ git: false }) });
      const uri = b.uri('appspec.yml');
      const links = ls.documentLinks(doc(uri, EC2));
      assert.deepEqual(
        links.map((l) => [l.target, l.range.start.line, l.range.start.character, l.range.end.character]),
        [[b.uri('scripts/install.sh'), 13, 16, 34]],
        'only the existing script (app is a folder, start.sh is missing)',
      );

      const { position } = caret(EC2.replace('scripts/install.sh', 'scripts/ins|tall.sh'));
      const [def] = ls.definition(doc(uri, EC2), position);
      assert.equal(def.targetUri, b.uri('scripts/install.sh'));
      assert.deepEqual(def.originSelectionRange?.start, { line: 13, character: 16 });
      assert.deepEqual(ls.definition(doc(uri, EC2), { line: 1, character: 5 }), []);

      const onScript = ls.hover(doc(uri, EC2), position);
      assert.match((onScript?.contents as { value: string }).value, /`scripts\/install\.sh` \(file found\)/);
      const missing = ls.hover(doc(uri, EC2), { line: 16, character: 20 });
      assert.match((missing?.contents as { value: string }).value, /`scripts\/start\.sh` \(\*\*not found\*\*/);

      const refs = ls.references(b.uri('scripts/install.sh'));
      assert.deepEqual(
        refs.map((r) => [r.uri, r.range.start.line]),
        [[uri, 13]],
      );
      ls.forget(uri);
      assert.deepEqual(ls.references(b.uri('scripts/install.sh')), []);
    } finally {
      b.cleanup();
    }
  });

  test('quoted values and leading slashes resolve inside the bundle', () => {
    const text = 'version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: "/scripts/start.sh"\n';
    const b = tempBundle({ 'appspec.yml': text, 'scripts/start.sh': '#!/bin/sh\n' });
    try {
      const ls = createLanguageService({ fs: createNodeFs({ git: false }) });
      const [link] = ls.documentLinks(doc(b.uri('appspec.yml'), text));
      assert.equal(link.target, b.uri('scripts/start.sh'));
      assert.equal(link.range.start.character, 17, 'the range excludes the quote');
    } finally {
      b.cleanup();
    }
  });

  test('ECS and Lambda have no file references; untitled documents have none', () => {
    const ls = createLanguageService({ fs: createNodeFs({ git: false }) });
    assert.deepEqual(ls.documentLinks(doc('untitled:appspec.yml', EC2)), []);
    assert.deepEqual(
      ls.documentLinks(
        doc('file:///w/appspec.yml', 'version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n'),
      ),
      [],
    );
  });
});
