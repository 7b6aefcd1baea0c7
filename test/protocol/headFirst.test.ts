/**
 * Opening a large AppSpec over real JSON-RPC (`dist/server.js --stdio`): the findings of its head are
 * published first, then the full findings for the same version, which are exactly what `appspec/lint`
 * reports for the text. Edits publish once, as before. Needs `npm run build` first.
 */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { startServer, type LspClient } from '../helpers/lspClient';

/** An EC2 AppSpec of about `entries` × 10 lines (well over the head-first size), with findings everywhere. */
function largeEc2(entries: number): string {
  const out = ['version: 0.0', 'os: linux', 'files:'];
  for (let i = 0; i < entries; i++)
    out.push(`  - source: build/part${i}`, `    destination: ${i % 10 ? '/opt/app' : 'opt/relative'}/part${i}`);
  out.push('permissions:');
  for (let i = 0; i < entries / 4; i++) out.push(`  - object: /opt/app/part${i}`, `    mode: ${i % 2 ? 644 : 75}`);
  out.push('hooks:', '  AfterInstall:');
  for (let i = 0; i < entries; i++) out.push(`    - location: scripts/s${i % 3}.sh`, `      timeout: ${(i % 5) + 1}`);
  return out.join('\n') + '\n';
}

const key = (d: Diagnostic) => JSON.stringify([d.code, d.severity, d.range, d.message]);

let client: LspClient;
let dir: string;
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'appspec-head-first-'));
  mkdirSync(path.join(dir, 'scripts'));
  writeFileSync(path.join(dir, 'scripts', 's0.sh'), '#!/bin/sh\n', { mode: 0o755 });
  client = await startServer({ settings: { workspaceChecks: true, syntaxDiagnostics: 'always', maxProblems: 0 } });
  await client.initialize({ rootUri: URI.file(dir).toString() });
});
after(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a large AppSpec: its head first, then every finding of the file, as appspec/lint reports them', async () => {
  const text = largeEc2(3000);
  const uri = URI.file(path.join(dir, 'appspec.yml')).toString();
  const before = client.published.length;
  client.open(uri, text);
  await client.settled(uri);
  const mine = client.published.slice(before).filter((p) => p.uri === uri);
  assert.deepEqual(
    mine.map((p) => p.version),
    [1, 1],
  );
  const [head, full] = mine;
  const fullKeys = new Set(full.diagnostics.map(key));
  assert.ok(head.diagnostics.length > 20, `${head.diagnostics.length} findings in the head`);
  assert.ok(head.diagnostics.length < full.diagnostics.length / 4, 'the head is a small part of the file');
  for (const d of head.diagnostics) assert.ok(fullKeys.has(key(d)), `not a finding of the whole file: ${key(d)}`);
  assert.ok(Math.max(...head.diagnostics.map((d) => d.range.end.line)) < 1000);

  const linted = await client.request<Diagnostic[]>('appspec/lint', { text, uri, fileName: 'appspec.yml' });
  assert.deepEqual(full.diagnostics.map(key).sort(), linted.map(key).sort());

  // An edit is published once, with every finding.
  const edited = text.replace('timeout: 3', 'timeout: 4');
  client.change(uri, edited, 2);
  await client.settled(uri);
  const afterEdit = client.published.slice(before).filter((p) => p.uri === uri && p.version === 2);
  assert.equal(afterEdit.length, 1);
  assert.equal(afterEdit[0].diagnostics.length, full.diagnostics.length);
});

test('changes while a large AppSpec is being opened: the newest version gets every finding', async () => {
  const uri = URI.file(path.join(dir, 'typing', 'appspec.yml')).toString();
  let text = largeEc2(3000);
  client.open(uri, text);
  await client.waitForDiagnostics(uri, (p) => p.version === 1); // the head
  for (let v = 2; v <= 6; v++) {
    text = text.replace(`timeout: ${v - 1}\n`, `timeout: ${v}\n`);
    client.change(uri, text, v);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  await client.settled(uri);
  const last = client.published.filter((p) => p.uri === uri).at(-1)!;
  assert.equal(last.version, 6);
  const linted = await client.request<Diagnostic[]>('appspec/lint', { text, uri, fileName: 'appspec.yml' });
  assert.deepEqual(last.diagnostics.map(key).sort(), linted.map(key).sort());
});

test('a small AppSpec is published once', async () => {
  const uri = URI.file(path.join(dir, 'small', 'appspec.yml')).toString();
  const before = client.published.length;
  client.open(uri, largeEc2(20));
  await client.settled(uri);
  assert.equal(client.published.slice(before).filter((p) => p.uri === uri).length, 1);
});
