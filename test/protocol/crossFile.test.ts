/**
 * The cross-file checks over the real language server (dist/server.js over stdio): an AppSpec opened from a folder
 * on disk is checked against the task definition file, the buildspec (here in a parent folder) and the template
 * beside it, with related information at the other file's line; a change of the other file (a watched-file event)
 * checks the AppSpec again; `appspec/lint` (what deploy asks) reports the same; completion offers the containers.
 * YAML and JSON AppSpecs, placeholders on both sides. Needs `npm run build` first.
 */
import { test, after, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CompletionList, Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { startServer, type LspClient } from '../helpers/lspClient';
import { ecsJson, ecsYaml, lambdaYaml, SAM, taskdef } from '../unit/engine/coverage/casesCrossFile';

const root = mkdtempSync(path.join(tmpdir(), 'appspec-crossfile-'));
let client: LspClient;
before(async () => {
  client = await startServer({ settings: { workspaceChecks: true } });
  await client.initialize();
});
after(async () => {
  await client.close();
  rmSync(root, { recursive: true, force: true });
});

function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content, { mode: rel.endsWith('.sh') ? 0o755 : 0o644 });
  }
  return dir;
}

const crossFile = (ds: Diagnostic[]) =>
  ds.filter((d) => /^[EWI]9\d{3}$/.test(String(d.code))).map((d) => `${d.range.start.line + 1} ${String(d.code)}`);

async function open(file: string, text: string): Promise<Diagnostic[]> {
  const uri = URI.file(file).toString();
  client.open(uri, text, file.endsWith('.json') ? 'json' : 'yaml');
  return (await client.waitForDiagnostics(uri)).diagnostics;
}

test('ECS, YAML: a container that differs is flagged at its line, with the taskdef.json line; a matching one is not', async () => {
  const bad = folder('ecs-bad', { 'taskdef.json': taskdef([['web', [80]]]) });
  const found = await open(path.join(bad, 'appspec.yaml'), ecsYaml('webapp', '80'));
  assert.deepEqual(crossFile(found), ['8 E9001']);
  const rel = found.find((d) => d.code === 'E9001')!.relatedInformation![0];
  assert.equal(URI.parse(rel.location.uri).fsPath, path.join(bad, 'taskdef.json'));
  assert.equal(rel.location.range.start.line + 1, 4);

  const good = folder('ecs-good', { 'taskdef.json': taskdef([['web', [80]]]) });
  assert.deepEqual(crossFile(await open(path.join(good, 'appspec.yaml'), ecsYaml('web', '80'))), []);
});

test('ECS, JSON: a port that differs is flagged; placeholders on either side are not', async () => {
  const dir = folder('ecs-json', { 'taskdef.json': taskdef([['web', [8080]]]) });
  assert.deepEqual(crossFile(await open(path.join(dir, 'appspec.json'), ecsJson('web', '80'))), ['11 E9002']);
  const ph = folder('ecs-placeholders', { 'taskdef.json': taskdef([['${CONTAINER}', ['${PORT}']]]) });
  assert.deepEqual(crossFile(await open(path.join(ph, 'appspec.json'), ecsJson('webapp', '80'))), []);
  const ph2 = folder('ecs-placeholders-appspec', { 'taskdef.json': taskdef([['web', [8080]]]) });
  assert.deepEqual(crossFile(await open(path.join(ph2, 'appspec.yaml'), ecsYaml('<CONTAINER_NAME>', '<PORT>'))), []);
});

test('a changed taskdef.json (watched-file event) checks the open AppSpec again', async () => {
  const dir = folder('ecs-watch', { 'taskdef.json': taskdef([['web', [80]]]) });
  const file = path.join(dir, 'appspec.yaml');
  const uri = URI.file(file).toString();
  assert.deepEqual(crossFile(await open(file, ecsYaml('api', '80'))), ['8 E9001']);
  const count = client.published.length;
  writeFileSync(path.join(dir, 'taskdef.json'), taskdef([['api', [80]]]));
  client.notify('workspace/didChangeWatchedFiles', {
    changes: [{ uri: URI.file(path.join(dir, 'taskdef.json')).toString(), type: 2 }],
  });
  const again = await client.waitForDiagnostics(uri, (p) => client.published.indexOf(p) >= count);
  assert.deepEqual(crossFile(again.diagnostics), []);
});

const EC2 = 'version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: scripts/start.sh\n';

test('EC2: a buildspec in a parent folder whose artifacts leave out the AppSpec; its fix re-checks the AppSpec', async () => {
  const dir = folder('ec2-repo', {
    'buildspec.yml': 'version: 0.2\nartifacts:\n  files:\n    - target/app.jar\n',
    'deploy/scripts/start.sh': '#!/bin/bash\n',
  });
  const file = path.join(dir, 'deploy', 'appspec.yml');
  const uri = URI.file(file).toString();
  const found = await open(file, EC2);
  assert.deepEqual(crossFile(found), ['1 W9101']);
  const rel = found.find((d) => d.code === 'W9101')!.relatedInformation![0];
  assert.equal(URI.parse(rel.location.uri).fsPath, path.join(dir, 'buildspec.yml'));
  assert.equal(rel.location.range.start.line + 1, 3);

  const count = client.published.length;
  writeFileSync(
    path.join(dir, 'buildspec.yml'),
    "version: 0.2\nartifacts:\n  files:\n    - '**/*'\n  base-directory: deploy\n",
  );
  client.notify('workspace/didChangeWatchedFiles', {
    changes: [{ uri: URI.file(path.join(dir, 'buildspec.yml')).toString(), type: 2 }],
  });
  const again = await client.waitForDiagnostics(uri, (p) => client.published.indexOf(p) >= count);
  assert.deepEqual(crossFile(again.diagnostics), []);
});

test('EC2: a buildspec beside the AppSpec that leaves out the hook script', async () => {
  const dir = folder('ec2-scripts', {
    'buildspec.yaml': 'version: 0.2\nartifacts:\n  files:\n    - appspec.yml\n',
    'scripts/start.sh': '#!/bin/bash\n',
  });
  assert.deepEqual(crossFile(await open(path.join(dir, 'appspec.yml'), EC2)), ['5 W9102']);
});

test('Lambda: a SAM template with !Ref/!GetAtt/!Sub whose alias differs', async () => {
  const dir = folder('lambda-sam', { 'template.yaml': SAM });
  assert.deepEqual(crossFile(await open(path.join(dir, 'appspec.yml'), lambdaYaml('prod'))), ['7 W9201']);
  const good = folder('lambda-sam-good', { 'template.yaml': SAM });
  assert.deepEqual(crossFile(await open(path.join(good, 'appspec.yml'), lambdaYaml('live'))), []);
});

test('appspec/lint (what deploy asks first) includes the cross-file findings', async () => {
  const dir = folder('ecs-lint', { 'taskdef.json': taskdef([['web', [80]]], 'bridge') });
  const file = path.join(dir, 'appspec.yaml');
  const text = ecsYaml('web', '8080');
  const found = await client.request<Diagnostic[]>('appspec/lint', {
    uri: URI.file(file).toString(),
    text,
    fileName: 'appspec.yaml',
  });
  assert.deepEqual(crossFile(found), ['9 E9002']);
  assert.equal(found.find((d) => d.code === 'E9002')!.severity, 1, 'an error, so deploy refuses');
});

test('completion offers the container names of taskdef.json', async () => {
  const dir = folder('ecs-complete', {
    'taskdef.json': taskdef([
      ['web', [80]],
      ['worker', []],
    ]),
  });
  const text = ecsYaml('', '80');
  const uri = URI.file(path.join(dir, 'appspec.yaml')).toString();
  client.open(uri, text, 'yaml');
  await client.waitForDiagnostics(uri);
  const line = text.split('\n').findIndex((l) => l.includes('ContainerName:'));
  const list = await client.request<CompletionList>('textDocument/completion', {
    textDocument: { uri },
    position: { line, character: text.split('\n')[line].length },
  });
  const labels = (list?.items ?? []).map((i) => i.label);
  assert.ok(labels.includes('web') && labels.includes('worker'), labels.join(', '));
});

test('the appspec.taskDefinitionFile setting names a file outside the folder; its change re-checks the AppSpec', async () => {
  const other = await startServer({
    settings: { workspaceChecks: true, taskDefinitionFile: '../infra/prod-taskdef.json' },
  });
  try {
    await other.initialize();
    const dir = folder('setting', {
      'app/taskdef.json': taskdef([['web', [80]]]),
      'infra/prod-taskdef.json': taskdef([['api', [80]]]),
    });
    const file = path.join(dir, 'app', 'appspec.yaml');
    const uri = URI.file(file).toString();
    other.open(uri, ecsYaml('web', '80'), 'yaml');
    const first = await other.waitForDiagnostics(uri);
    assert.deepEqual(crossFile(first.diagnostics), ['8 E9001'], 'checked against the named file, not taskdef.json');
    const count = other.published.length;
    writeFileSync(path.join(dir, 'infra', 'prod-taskdef.json'), taskdef([['web', [80]]]));
    other.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: URI.file(path.join(dir, 'infra', 'prod-taskdef.json')).toString(), type: 2 }],
    });
    const again = await other.waitForDiagnostics(uri, (p) => other.published.indexOf(p) >= count);
    assert.deepEqual(crossFile(again.diagnostics), []);
  } finally {
    await other.close();
  }
});
