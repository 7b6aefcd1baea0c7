import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/languageService';
import { createNodeFs } from '../../../engine/nodeFs';
import { SKELETONS } from '../../../server/src/features/skeletons';
import { applyEdits, caret, doc, expandSnippet, tempBundle } from './util';

const YML = 'file:///work/app/appspec.yml';
const JSN = 'file:///work/app/appspec.json';
const ls = createLanguageService();

function complete(marked: string, uri = YML): CompletionItem[] {
  const { text, position } = caret(marked);
  return ls.complete(doc(uri, text), position).items;
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const newText = (item: CompletionItem | undefined) => (item?.textEdit as TextEdit | undefined)?.newText;

/** Inserts an item into the marked text (placeholders accepted) and returns the new text. */
function accept(marked: string, label: string, uri = YML): string {
  const { text, position } = caret(marked);
  const item = ls.complete(doc(uri, text), position).items.find((i) => i.label === label);
  assert.ok(item, `no completion ${label}`);
  const edit = item.textEdit as TextEdit;
  // The editor re-indents continuation lines of a snippet to the current line's indentation.
  const indent = /^\s*/.exec(text.split('\n')[position.line])![0];
  const body = expandSnippet(edit.newText).replace(/\n/g, `\n${indent}`).replace(/\t/g, '  ');
  return applyEdits(text, [{ range: edit.range, newText: body }]);
}

const EC2_HEAD = 'version: 0.0\nos: linux\n';
const ECS_HEAD =
  'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: x\n';
const LAMBDA_HEAD =
  'version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties:\n        Name: fn\n';

describe('completion: YAML EC2', () => {
  test('top-level keys not yet present, EC2 only', () => {
    const got = labels(complete(`${EC2_HEAD}|`));
    assert.deepEqual(got, ['files', 'file_exists_behavior', 'permissions', 'hooks']);
  });

  test('a byte order mark does not hide the first key', () => {
    assert.deepEqual(labels(complete(`\uFEFF${EC2_HEAD}|`)), ['files', 'file_exists_behavior', 'permissions', 'hooks']);
  });

  test('hook names: the nine scriptable events in lifecycle order, present ones left out', () => {
    const items = complete(`${EC2_HEAD}hooks:\n  ApplicationStart:\n    - location: a.sh\n  |`);
    assert.deepEqual(labels(items), [
      'BeforeBlockTraffic',
      'AfterBlockTraffic',
      'ApplicationStop',
      'BeforeInstall',
      'AfterInstall',
      'ValidateService',
      'BeforeAllowTraffic',
      'AfterAllowTraffic',
    ]);
    const stop = items.find((i) => i.label === 'ApplicationStop')!;
    assert.match(stop.detail ?? '', /runs 3rd of 9 · in-place & blue\/green/);
    assert.match(stop.detail ?? '', /previous revision/);
    assert.equal(typeof stop.documentation === 'object' && stop.documentation.kind, 'markdown');
  });

  test('a hook inserted from completion is a valid hook with a script', () => {
    const text = accept(`${EC2_HEAD}hooks:\n  |`, 'BeforeInstall');
    assert.equal(text, `${EC2_HEAD}hooks:\n  BeforeInstall:\n    - location: scripts/start.sh`);
    const codes = ls.validate(doc(YML, text)).map((d) => d.code);
    assert.ok(!codes.some((c) => String(c).startsWith('E')), `errors after inserting: ${codes.join(', ')}`);
  });

  test('script fields in a new list item and in an existing one', () => {
    assert.deepEqual(labels(complete(`${EC2_HEAD}hooks:\n  BeforeInstall:\n    - |`)), [
      'location',
      'timeout',
      'runas',
      'sudo',
    ]);
    assert.deepEqual(labels(complete(`${EC2_HEAD}hooks:\n  BeforeInstall:\n    - location: a.sh\n      |`)), [
      'timeout',
      'runas',
      'sudo',
    ]);
  });

  test('under a list key with no dash yet, items come with their `- `', () => {
    const files = complete(`${EC2_HEAD}files:\n  |`);
    assert.deepEqual(labels(files), ['source', 'destination']);
    assert.equal(newText(files[0]), '- source: ${1:/}');
    const text = accept(`${EC2_HEAD}hooks:\n  BeforeInstall:\n    |`, 'location');
    assert.equal(text, `${EC2_HEAD}hooks:\n  BeforeInstall:\n    - location: scripts/start.sh`);
    assert.deepEqual(labels(complete(`${ECS_HEAD}Hooks:\n  |`)).slice(0, 2), ['BeforeInstall', 'AfterInstall']);
  });

  test('files and permission entry fields', () => {
    assert.deepEqual(labels(complete(`${EC2_HEAD}files:\n  - source: /\n    |`)), ['destination']);
    const perm = labels(complete(`${EC2_HEAD}permissions:\n  - object: /var/www\n    |`));
    assert.deepEqual(perm, ['pattern', 'except', 'owner', 'group', 'mode', 'acls', 'context', 'type']);
  });

  test('enum values: os, file_exists_behavior, permission type', () => {
    assert.deepEqual(labels(complete('version: 0.0\nos: |')), ['linux', 'windows']);
    assert.deepEqual(labels(complete(`${EC2_HEAD}file_exists_behavior: |`)), ['DISALLOW', 'OVERWRITE', 'RETAIN']);
    assert.deepEqual(labels(complete(`${EC2_HEAD}permissions:\n  - object: /x\n    type:\n      - |`)), [
      'file',
      'directory',
    ]);
    assert.deepEqual(labels(complete(`${EC2_HEAD}permissions:\n  - object: /x\n    type: [file, |]`)), [
      'file',
      'directory',
    ]);
  });

  test('a value typed right after the colon gets its space', () => {
    const item = complete('version: 0.0\nos:|').find((i) => i.label === 'linux');
    assert.equal(newText(item), ' linux');
  });

  test('location and source complete from the files next to the AppSpec', () => {
    const b = tempBundle({
      'appspec.yml': '',
      'scripts/start.sh': '#!/bin/sh\n',
      'scripts/stop.sh': '#!/bin/sh\n',
      'app/index.html': '',
    });
    try {
      const withFs = createLanguageService({ fs: createNodeFs({ git: false }) });
      const at = (marked: string) => {
        const { text, position } = caret(marked);
        return withFs.complete(doc(b.uri('appspec.yml'), text), position).items;
      };
      assert.deepEqual(labels(at(`${EC2_HEAD}hooks:\n  BeforeInstall:\n    - location: |`)), [
        'app/',
        'scripts/',
        'appspec.yml',
      ]);
      const inFolder = at(`${EC2_HEAD}hooks:\n  BeforeInstall:\n    - location: scripts/s|`);
      assert.deepEqual(labels(inFolder), ['start.sh', 'stop.sh']);
      const edit = inFolder[0].textEdit as TextEdit;
      assert.deepEqual(edit.range.start, { line: 4, character: 24 }, 'only the name after the last / is replaced');
      assert.equal(labels(at(`${EC2_HEAD}files:\n  - source: |`))[0], '/');
    } finally {
      b.cleanup();
    }
  });
});

describe('completion: ECS and Lambda', () => {
  test('ECS hooks: the five events, used ones left out, no EC2 events', () => {
    assert.deepEqual(labels(complete(`${ECS_HEAD}Hooks:\n  - |`)), [
      'BeforeInstall',
      'AfterInstall',
      'AfterAllowTestTraffic',
      'BeforeAllowTraffic',
      'AfterAllowTraffic',
    ]);
    assert.deepEqual(labels(complete(`${ECS_HEAD}Hooks:\n  - BeforeInstall: fnA\n  - |`)), [
      'AfterInstall',
      'AfterAllowTestTraffic',
      'BeforeAllowTraffic',
      'AfterAllowTraffic',
    ]);
  });

  test('Lambda hooks: only BeforeAllowTraffic and AfterAllowTraffic', () => {
    assert.deepEqual(labels(complete(`${LAMBDA_HEAD}Hooks:\n  - |`)), ['BeforeAllowTraffic', 'AfterAllowTraffic']);
  });

  test('ECS property keys, load balancer keys and AssignPublicIp values', () => {
    assert.deepEqual(labels(complete(`${ECS_HEAD}        |`)), [
      'LoadBalancerInfo',
      'PlatformVersion',
      'NetworkConfiguration',
      'CapacityProviderStrategy',
    ]);
    assert.deepEqual(labels(complete(`${ECS_HEAD}        LoadBalancerInfo:\n          |`)), [
      'ContainerName',
      'ContainerPort',
    ]);
    const vpc = `${ECS_HEAD}        NetworkConfiguration:\n          AwsvpcConfiguration:\n            `;
    assert.deepEqual(labels(complete(`${vpc}|`)), ['Subnets', 'SecurityGroups', 'AssignPublicIp']);
    assert.deepEqual(labels(complete(`${vpc}AssignPublicIp: |`)), ['ENABLED', 'DISABLED']);
  });

  test('Lambda property keys and resource Type values', () => {
    assert.deepEqual(labels(complete(`${LAMBDA_HEAD}        |`)), ['Alias', 'CurrentVersion', 'TargetVersion']);
    assert.deepEqual(labels(complete('version: 0.0\nResources:\n  - myResource:\n      Type: |')), [
      'AWS::ECS::Service',
      'AWS::Lambda::Function',
    ]);
    assert.deepEqual(
      labels(complete('version: 0.0\nResources:\n  - TargetService:\n      Type: |')),
      ['AWS::ECS::Service'],
      'TargetService means ECS',
    );
  });

  test('ECS top level: Hooks offered once Resources is there', () => {
    assert.deepEqual(labels(complete(`${ECS_HEAD}|`)), ['Hooks']);
  });
});

describe('completion: JSON', () => {
  const LAMBDA_JSON =
    '{\n  "version": 0.0,\n  "Resources": [\n    { "fn": { "Type": "AWS::Lambda::Function", "Properties": { "Name": "fn", |} } }\n  ],\n  "Hooks": []\n}';

  test('Lambda property keys are quoted', () => {
    const items = complete(LAMBDA_JSON, JSN);
    assert.deepEqual(labels(items), ['Alias', 'CurrentVersion', 'TargetVersion']);
    assert.equal(newText(items[0]), '"Alias": "$1"');
  });

  test('Lambda hook names inside a quoted key, replacing the quotes', () => {
    const marked =
      '{\n  "version": 0.0,\n  "Resources": [{ "fn": { "Type": "AWS::Lambda::Function" } }],\n  "Hooks": [{ "Before|" }]\n}';
    const items = complete(marked, JSN);
    assert.deepEqual(labels(items), ['BeforeAllowTraffic', 'AfterAllowTraffic']);
    const text = accept(marked, 'BeforeAllowTraffic', JSN);
    assert.match(text, /"Hooks": \[\{ "BeforeAllowTraffic": "CodeDeployHook_validate" \}\]/);
  });

  test('commas: added after the new member when another follows, and after the previous one when missing', () => {
    const lambda = '{\n  "version": 0.0,\n  |\n  "Resources": [{ "fn": { "Type": "AWS::Lambda::Function" } }]\n}';
    const hooks = complete(lambda, JSN).find((i) => i.label === 'Hooks');
    assert.equal(newText(hooks), '"Hooks": [\n\t$1\n],');
    const missing = '{\n  "version": 0.0,\n  "Resources": [{ "fn": { "Type": "AWS::Lambda::Function" } }]\n  |\n}';
    const item = complete(missing, JSN).find((i) => i.label === 'Hooks')!;
    assert.deepEqual(item.additionalTextEdits, [
      { range: { start: { line: 2, character: 62 }, end: { line: 2, character: 62 } }, newText: ',' },
    ]);
    const text = accept(missing, 'Hooks', JSN);
    const applied = applyEdits(text, item.additionalTextEdits!);
    assert.doesNotThrow(() => JSON.parse(applied), applied);
  });

  test('values are quoted, numbers are not', () => {
    const items = complete('{\n  "version": 0.0,\n  "Resources": [{ "svc": { "Type": | } }]\n}', JSN);
    assert.deepEqual(labels(items), ['AWS::ECS::Service', 'AWS::Lambda::Function']);
    assert.equal(newText(items[0]), '"AWS::ECS::Service"');
    assert.equal(newText(complete('{\n  "version": |\n}', JSN)[0]), '0.0');
  });
});

describe('completion: empty documents and snippets', () => {
  test('an empty YAML document offers a skeleton per platform, each valid once inserted', () => {
    const items = complete('|');
    assert.deepEqual(labels(items), [
      'AppSpec for EC2/On-Premises',
      'AppSpec for Amazon ECS',
      'AppSpec for AWS Lambda',
    ]);
    for (const item of items) {
      const text = expandSnippet((item.textEdit as TextEdit).newText);
      const errors = ls.validate(doc(YML, text), { workspaceChecks: false }).filter((d) => d.severity === 1);
      assert.deepEqual(
        errors.map((d) => `${d.code} ${d.message}`),
        [],
        item.label,
      );
    }
  });

  test('an empty JSON document offers the ECS and Lambda skeletons, valid once inserted', () => {
    const items = complete('|', JSN);
    assert.deepEqual(labels(items), ['AppSpec for Amazon ECS', 'AppSpec for AWS Lambda']);
    for (const item of items) {
      const text = expandSnippet((item.textEdit as TextEdit).newText).replace(/\t/g, '  ');
      assert.doesNotThrow(() => JSON.parse(text), item.label);
      const errors = ls.validate(doc(JSN, text)).filter((d) => d.severity === 1);
      assert.deepEqual(
        errors.map((d) => `${d.code} ${d.message}`),
        [],
        item.label,
      );
    }
  });

  test('snippets/*.code-snippets hold exactly the skeletons, prefixes start with appspec', () => {
    const root = path.resolve(__dirname, '..', '..', '..', '..');
    for (const format of ['yaml', 'json'] as const) {
      const file = JSON.parse(
        readFileSync(path.join(root, 'snippets', `appspec-${format}.code-snippets`), 'utf8'),
      ) as Record<string, { prefix: string; body: string[] }>;
      const expected = SKELETONS.filter((s) => s.format === format);
      assert.deepEqual(
        Object.keys(file),
        expected.map((s) => s.label),
      );
      for (const s of expected) {
        assert.deepEqual(file[s.label].body, s.body, s.label);
        assert.match(file[s.label].prefix, /^appspec/);
      }
    }
  });

  test('a space only triggers completion after a colon or a dash', () => {
    const { text, position } = caret(`${EC2_HEAD}  |`);
    assert.equal(ls.complete(doc(YML, text), position, { triggerCharacter: ' ' }).items.length, 0);
    const v = caret('version: 0.0\nos: |');
    assert.equal(ls.complete(doc(YML, v.text), v.position, { triggerCharacter: ' ' }).items.length, 2);
  });

  test('rule IDs after an appspec-lint disable comment', () => {
    const items = complete(`${EC2_HEAD}# appspec-lint disable=W4002,W40|\nhooks: {}\n`);
    assert.ok(items.length > 0);
    assert.ok(items.every((i) => /^[EWI]\d{4}$/.test(i.label)));
    assert.ok(!items.some((i) => i.label === 'W4002'), 'already listed');
    assert.deepEqual((items[0].textEdit as TextEdit).range.start, { line: 2, character: 29 });
  });

  test('no completion inside comments', () => {
    assert.equal(complete(`${EC2_HEAD}# hoo|`).length, 0);
  });
});
