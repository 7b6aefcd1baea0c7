import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { CodeAction, CreateFile, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { createLanguageService, type LanguageService } from '../../../server/src/languageService';
import { createNodeFs } from '../../../engine/nodeFs';
import { MAKE_EXECUTABLE_COMMAND } from '../../../engine/protocol';
import { applyEdits, doc, tempBundle } from './util';

const YML = 'file:///w/appspec.yml';

/** Applies a code action the way an editor would: edits to the AppSpec, files created on disk, the command run. */
function apply(action: CodeAction, uri: string, text: string): string {
  const edit = action.edit!;
  let out = text;
  if (edit.changes) out = applyEdits(out, edit.changes[uri] ?? []);
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      const create = change as CreateFile;
      const p = URI.parse(create.uri).fsPath;
      if (!(existsSync(p) && create.options?.ignoreIfExists)) writeFileSync(p, '');
    } else {
      const te = change as TextDocumentEdit;
      if (te.textDocument.uri === uri) out = applyEdits(out, te.edits as TextEdit[]);
      else {
        const p = URI.parse(te.textDocument.uri).fsPath;
        writeFileSync(p, applyEdits(readFileSync(p, 'utf8'), te.edits as TextEdit[]));
      }
    }
  }
  if (action.command?.command === MAKE_EXECUTABLE_COMMAND) {
    for (const p of action.command.arguments as string[]) chmodSync(p, statSync(p).mode | 0o111);
  }
  return out;
}

function actionsFor(ls: LanguageService, uri: string, text: string, d: Diagnostic): CodeAction[] {
  return ls.codeActions(doc(uri, text), d.range, [d]);
}

const same = (a: Diagnostic, b: Diagnostic) =>
  a.code === b.code && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;

describe('code actions: quick fixes from the rules', () => {
  const ls = createLanguageService();

  test('an edit fix (rename an unknown hook) makes its diagnostic go away', () => {
    const text = 'version: 0.0\nos: linux\nhooks:\n  BeforeInstal:\n    - location: a.sh\n';
    const d = ls.validate(doc(YML, text)).find((x) => x.code === 'W4002');
    assert.ok(d, 'W4002 reported');
    assert.equal(d.source, 'appspec');
    assert.equal(
      d.codeDescription?.href,
      'https://github.com/appspec-tools/appspec-codedeploy/blob/main/docs/rules.md#w4002',
    );
    const fix = actionsFor(ls, YML, text, d).find((a) => a.title.includes('BeforeInstall'));
    assert.ok(fix, 'a rename fix');
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    const fixed = apply(fix, YML, text);
    assert.match(fixed, /^ {2}BeforeInstall:$/m);
    assert.ok(!ls.validate(doc(YML, fixed, 2)).some((x) => same(x, d)));
  });

  test('every edit-only fix the rules offer on these samples removes its diagnostic', () => {
    const samples: [string, string][] = [
      [
        YML,
        'version: 0.0\nos: Linux\nfile_exists_behavior: overwrite\nhooks:\n  AfterInstal:\n    - location: a.sh\n      timeout: "300"\n      Runas: root\npermissions:\n  - object: /srv\n    mode: 0644\n    type: file\n',
      ],
      [
        YML,
        'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: arn:aws:ecs:us-east-1:111122223333:task-definition/app:1\n        LoadBalancerInfo:\n          ContainerName: app\n          ContainerPort: "80"\n        NetworkConfiguration:\n          AwsvpcConfiguration:\n            Subnets: [subnet-1]\n            SecurityGroups: [sg-1]\n            AssignPublicIp: enabled\n',
      ],
      [
        'file:///w/appspec.json',
        '{\n  "version": 0.0,\n  "Resources": [{ "fn": { "Type": "AWS::Lambda::Function", "Properties": { "Name": "fn", "Alias": "live", "CurrentVersion": 1, "TargetVersion": "2" } } }]\n}\n',
      ],
    ];
    let applied = 0;
    for (const [uri, text] of samples) {
      const diagnostics = ls.validate(doc(uri, text));
      for (const d of diagnostics) {
        for (const action of actionsFor(ls, uri, text, d)) {
          if (action.title.startsWith('Disable ') || !action.edit?.changes) continue;
          const fixed = apply(action, uri, text);
          const after = ls.validate(doc(uri, fixed, 2));
          assert.ok(!after.some((x) => same(x, d)), `${d.code} "${action.title}" left the diagnostic:\n${fixed}`);
          applied++;
        }
      }
    }
    assert.ok(applied >= 4, `only ${applied} fixes were exercised`);
  });

  test('diagnostics without data (or from an older version) still get their fixes', () => {
    const text = 'version: 0.0\nos: linux\nhooks:\n  BeforeInstal:\n    - location: a.sh\n';
    const d = ls.validate(doc(YML, text)).find((x) => x.code === 'W4002')!;
    const stripped: Diagnostic = { ...d, data: undefined };
    assert.ok(actionsFor(ls, YML, text, stripped).some((a) => a.title.includes('BeforeInstall')));
  });
});

describe('code actions: files the fix creates', () => {
  test('a missing hook script is created, made executable, and the warning goes away', () => {
    const b = tempBundle({ 'appspec.yml': '' });
    try {
      const ls = createLanguageService({ fs: createNodeFs({ git: false }) });
      const uri = b.uri('appspec.yml');
      const text = 'version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: scripts/start.sh\n';
      const d = ls.validate(doc(uri, text)).find((x) => x.code === 'W5001');
      assert.ok(d, 'W5001 reported for the missing script');
      const fix = actionsFor(ls, uri, text, d).find((a) => a.edit?.documentChanges);
      assert.ok(fix, 'a create-file fix');
      const create = fix.edit!.documentChanges!.find((c) => 'kind' in c) as CreateFile;
      assert.equal(create.uri, b.uri('scripts/start.sh'));
      assert.equal(fix.command?.command, MAKE_EXECUTABLE_COMMAND);
      // The folder exists in a real workspace edit flow once CreateFile runs; create it here as the editor would.
      mkdirSync(`${b.dir}/scripts`, { recursive: true });
      const after = apply(fix, uri, text);
      assert.match(readFileSync(`${b.dir}/scripts/start.sh`, 'utf8'), /^#!/);
      const remaining = ls.validate(doc(uri, after, 2)).map((x) => x.code);
      assert.ok(!remaining.includes('W5001'), `still: ${remaining.join(', ')}`);
      assert.ok(!remaining.includes('W5002'), 'made executable');
    } finally {
      b.cleanup();
    }
  });
});

describe('code actions: suppression comments', () => {
  const ls = createLanguageService();
  const text =
    'version: 0.0\nos: linux\nhooks:\n  BeforeInstal:\n    - location: a.sh\n  AfterInstal:\n    - location: b.sh\n';

  test('disable for this line silences that diagnostic only', () => {
    const all = ls.validate(doc(YML, text)).filter((x) => x.code === 'W4002');
    assert.equal(all.length, 2);
    const action = actionsFor(ls, YML, text, all[0]).find((a) => a.title === 'Disable W4002 for this line')!;
    assert.ok(action);
    const fixed = apply(action, YML, text);
    const after = ls.validate(doc(YML, fixed, 2)).filter((x) => x.code === 'W4002');
    assert.equal(after.length, 1);
    assert.equal(after[0].range.start.line, 6, 'the other one (moved down a line) stays');
  });

  test('disable for this file silences every one of them', () => {
    const d = ls.validate(doc(YML, text)).find((x) => x.code === 'W4002')!;
    const action = actionsFor(ls, YML, text, d).find((a) => a.title === 'Disable W4002 for this file')!;
    const fixed = apply(action, YML, text);
    assert.ok(fixed.startsWith('# appspec-lint disable-file=W4002'));
    assert.equal(ls.validate(doc(YML, fixed, 2)).filter((x) => x.code === 'W4002').length, 0);
  });

  test('JSON AppSpecs get no suppression comments', () => {
    const json =
      '{"version": 0.0, "Resources": [{"fn": {"Type": "AWS::Lambda::Function", "Properties": {"Name": "f", "Alias": "a", "CurrentVersion": "1"}}}]}';
    const uri = 'file:///w/appspec.json';
    const diags = ls.validate(doc(uri, json));
    assert.ok(diags.length > 0);
    for (const d of diags) assert.ok(!actionsFor(ls, uri, json, d).some((a) => a.title.startsWith('Disable')));
  });
});
