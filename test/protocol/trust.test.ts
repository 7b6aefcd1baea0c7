/**
 * Workspace trust over the wire: a client that says the workspace is not trusted gets no quick fix
 * that creates files (a missing hook script) until it reports trust; a client without the notion
 * (no `workspaceTrusted` option) gets them. Needs `npm run build` first.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CodeAction } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { WorkspaceTrustNotification } from '../../engine/protocol';
import { startServer, type LspClient } from '../helpers/lspClient';

const TEXT = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/missing.sh\n      timeout: 60\n';

const clients: LspClient[] = [];
const dirs: string[] = [];
after(async () => {
  for (const c of clients) await c.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function fixTitles(initializationOptions: object): Promise<{ client: LspClient; titles: () => Promise<string[]> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'appspec-trust-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'appspec.yml'), TEXT);
  const uri = URI.file(path.join(dir, 'appspec.yml')).toString();
  const client = await startServer({ settings: { workspaceChecks: true } });
  clients.push(client);
  await client.initialize({ initializationOptions });
  client.open(uri, TEXT);
  const published = await client.waitForDiagnostics(uri);
  const missing = published.diagnostics.find((d) => d.code === 'W5001');
  assert.ok(missing, 'the missing hook script is reported');
  const titles = async () =>
    (
      await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: missing.range,
        context: { diagnostics: [missing] },
      })
    ).map((a) => a.title);
  return { client, titles };
}

test('untrusted: no fix creates the script until the client reports trust', async () => {
  const { client, titles } = await fixTitles({ workspaceTrusted: false });
  const before = await titles();
  assert.ok(!before.some((t) => /create/i.test(t)), before.join(' | '));
  assert.ok(before.some((t) => /disable W5001/i.test(t)), 'suppressions are still offered');
  await client.connection.sendNotification(WorkspaceTrustNotification, { trusted: true });
  const after = await titles();
  assert.ok(after.some((t) => /create/i.test(t)), after.join(' | '));
});

test('a client without workspace trust gets the fix', async () => {
  const { titles } = await fixTitles({});
  const all = await titles();
  assert.ok(all.some((t) => /create/i.test(t)), all.join(' | '));
});
