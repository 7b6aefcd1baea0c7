/**
 * The cross-file checks through the language service: related information pointing at the other file, the quick
 * fixes, the `taskDefinitionFile` setting, findings that follow the other file when it changes, and completion of
 * container names and ports from the task definition file.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { CompletionItem, Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/languageService';
import { createNodeFs } from '../../../engine/nodeFs';
import { applyEdits, caret, doc, tempBundle } from './util';
import { ecsJson, ecsYaml, NETWORK, taskdef } from '../engine/coverage/casesCrossFile';

const service = () => createLanguageService({ fs: createNodeFs({ git: false }) });
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1} ${String(d.code)}`);

test('E9001 points at the container list of taskdef.json and fixes the name', () => {
  const b = tempBundle({ 'taskdef.json': taskdef([['web', [80]]]) });
  try {
    const ls = service();
    const d = doc(b.uri('appspec.yaml'), ecsYaml('webapp', '80'));
    const found = ls.validate(d).filter((x) => x.code === 'E9001');
    assert.deepEqual(codes(found), ['8 E9001']);
    const rel = found[0].relatedInformation?.[0];
    assert.equal(URI.parse(rel!.location.uri).fsPath, path.join(b.dir, 'taskdef.json'));
    assert.equal(rel!.location.range.start.line, 3, 'the containerDefinitions key of taskdef.json');
    const [fix] = ls.codeActions(d, found[0].range, found);
    assert.equal(fix.title, "Change ContainerName to 'web'");
    const edited = applyEdits(d.getText(), fix.edit!.changes![d.uri]);
    assert.match(edited, /ContainerName: web\n/);
    assert.deepEqual(codes(ls.validate(doc(d.uri, edited, 2)).filter((x) => /^[EW]9/.test(String(x.code)))), []);
  } finally {
    b.cleanup();
  }
});

test('E9002 in JSON: the fix keeps the port a number; a matching port is quiet', () => {
  const b = tempBundle({ 'taskdef.json': taskdef([['web', [8080]]]) });
  try {
    const ls = service();
    const d = doc(b.uri('appspec.json'), ecsJson('web', '80'));
    const found = ls.validate(d).filter((x) => x.code === 'E9002');
    assert.deepEqual(codes(found), ['11 E9002']);
    const [fix] = ls.codeActions(d, found[0].range, found);
    const edited = applyEdits(d.getText(), fix.edit!.changes![d.uri]);
    assert.match(edited, /"ContainerPort": 8080\n/);
    assert.deepEqual(codes(ls.validate(doc(d.uri, edited, 2)).filter((x) => /^[EW]9/.test(String(x.code)))), []);
  } finally {
    b.cleanup();
  }
});

test('the findings follow taskdef.json when it changes, and the taskDefinitionFile setting picks another file', () => {
  const b = tempBundle({
    'taskdef.json': taskdef([['web', [80]]], 'bridge'),
    'ci/prod.json': taskdef([['api', [80]]]),
  });
  try {
    const ls = service();
    const d = doc(b.uri('appspec.yaml'), ecsYaml('web', '80', NETWORK));
    assert.deepEqual(codes(ls.validate(d).filter((x) => /9\d{3}/.test(String(x.code)))), ['10 E9003']);
    writeFileSync(path.join(b.dir, 'taskdef.json'), taskdef([['web', [80]]]));
    ls.clearLintCache(); // what the server does on a watched-file event
    assert.deepEqual(codes(ls.validate(doc(d.uri, d.getText(), 2)).filter((x) => /9\d{3}/.test(String(x.code)))), []);
    const named = ls.validate(doc(d.uri, d.getText(), 3), { taskDefinitionFile: 'ci/prod.json' });
    assert.deepEqual(codes(named.filter((x) => /9\d{3}/.test(String(x.code)))), ['8 E9001']);
    const missing = ls.validate(doc(d.uri, d.getText(), 4), { taskDefinitionFile: 'ci/none.json' });
    assert.deepEqual(codes(missing.filter((x) => /9\d{3}/.test(String(x.code)))), ['6 W9004']);
  } finally {
    b.cleanup();
  }
});

test('workspaceChecks false turns the cross-file checks off', () => {
  const b = tempBundle({ 'taskdef.json': taskdef([['web', [80]]]) });
  try {
    const found = service().validate(doc(b.uri('appspec.yaml'), ecsYaml('webapp', '80')), { workspaceChecks: false });
    assert.deepEqual(codes(found.filter((x) => /9\d{3}/.test(String(x.code)))), []);
  } finally {
    b.cleanup();
  }
});

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

test('completion offers the container names and the named container ports of taskdef.json', () => {
  const b = tempBundle({
    'taskdef.json': taskdef([
      ['web', [80, 443]],
      ['sidecar', [9000]],
    ]),
  });
  try {
    const ls = service();
    const name = caret(ecsYaml('|', '80').replace('ContainerName: |', 'ContainerName: |'));
    const names = ls.complete(doc(b.uri('appspec.yaml'), name.text), name.position).items;
    assert.deepEqual(labels(names).slice(0, 2), ['web', 'sidecar']);
    const port = caret(ecsYaml('web', '|'));
    const ports = ls.complete(doc(b.uri('appspec.yaml'), port.text), port.position).items;
    assert.deepEqual(labels(ports).slice(0, 2), ['80', '443']);
    assert.ok(!labels(ports).includes('9000'), 'only the ports of the named container');
    const json = caret(ecsJson('web', '80').replace('"ContainerPort": 80', '"ContainerPort": |'));
    const jsonPorts = ls.complete(doc(b.uri('appspec.json'), json.text), json.position).items;
    assert.ok(labels(jsonPorts).includes('443'), `JSON: ${labels(jsonPorts).join(', ')}`);
    const edit = jsonPorts.find((i) => i.label === '443')!.textEdit as { newText: string };
    assert.match(edit.newText, /^ ?443$/, 'a number, unquoted');
  } finally {
    b.cleanup();
  }
});

test('without a task definition file, completion offers what it did before', () => {
  const b = tempBundle({});
  try {
    const port = caret(ecsYaml('web', '|'));
    const items = service().complete(doc(b.uri('appspec.yaml'), port.text), port.position).items;
    assert.ok(!labels(items).includes('443'));
  } finally {
    b.cleanup();
  }
});
