/**
 * What the server does on its own between requests: the warm-up after `initialized` and the
 * revalidation after a configuration notification. Needs `npm run build` first.
 */
import { test, describe, after } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CompletionList, Hover } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/languageService';
import { doc } from '../unit/features/util';
import { startServer, type LspClient } from '../helpers/lspClient';

const TEXT = 'version: 0.0\nos: linux\nhooks:\n  BeforeInstal:\n    - location: a.sh\n  \n';

/** Resolves once `cond()` holds (checked after each event-loop turn), or fails after `ms`. */
async function until(cond: () => boolean, what: string, ms = 10000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('server while idle', () => {
  const clients: LspClient[] = [];
  after(async () => {
    for (const c of clients) await c.close();
  });

  test('requests right after start (during the warm-up) get the same answers as the service; nothing else is published', async () => {
    const client = await startServer({ settings: { workspaceChecks: false } });
    clients.push(client);
    await client.initialize();
    const uri = 'file:///nowhere/warm/appspec.yml';
    client.open(uri, TEXT);
    const position = { line: 5, character: 2 };
    const completion = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position,
    });
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 1, character: 1 },
    });
    const ls = createLanguageService();
    const d = doc(uri, TEXT);
    assert.deepEqual(completion, JSON.parse(JSON.stringify(ls.complete(d, position))));
    assert.deepEqual(hover, JSON.parse(JSON.stringify(ls.hover(d, { line: 1, character: 1 }))));
    await client.waitForDiagnostics(uri);
    // More requests while any warm-up step may still be queued, then: only the user's document was published.
    for (let i = 0; i < 20; i++)
      await client.request('textDocument/completion', {
        textDocument: { uri },
        position: { line: i % 6, character: 0 },
      });
    assert.deepEqual([...new Set(client.published.map((p) => p.uri))], [uri]);
    assert.ok(!client.logs.some((l) => l.includes('warm-up')), client.logs.join('\n'));
  });

  test('a configuration notification with unchanged settings does not re-check open documents', async () => {
    let settings: Record<string, unknown> = { workspaceChecks: false };
    const client = await startServer({ configuration: (item) => (item.section === 'appspec' ? settings : null) });
    clients.push(client);
    await client.initialize();
    const uri = 'file:///nowhere/same/appspec.yml';
    client.open(uri, TEXT);
    const first = await client.waitForDiagnostics(uri);
    assert.ok(first.diagnostics.some((d) => d.code === 'W4002'));
    const asked = client.configurationRequests();
    client.notify('workspace/didChangeConfiguration', { settings: null });
    // The server re-reads the global settings, then this document's; once answered, a request
    // round trip shows it has acted on them.
    await until(() => client.configurationRequests() >= asked + 2, 'the settings requests');
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(client.published.filter((p) => p.uri === uri).length, 1, 'published once');

    // Changed settings still apply to the same version.
    settings = { workspaceChecks: false, rules: { W4002: 'off' } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const again = await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'W4002'));
    assert.equal(again.version, 1);
  });

  test('after a large document opens, the idle re-check publishes nothing and edits still get fresh results', async () => {
    const client = await startServer({ settings: { workspaceChecks: false } });
    clients.push(client);
    await client.initialize();
    const uri = 'file:///nowhere/large/appspec.yml';
    const hooks = Array.from(
      { length: 900 },
      (_, i) => `    - location: scripts/s${i}.sh\n      timeout: ${(i % 9) + 1}\n`,
    ).join('');
    const text = `version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n${hooks}  BeforeInstal:\n    - location: a.sh\n`;
    assert.ok(text.length > 20_000, 'large enough to switch the server to full speed');
    client.open(uri, text);
    const first = await client.waitForDiagnostics(uri);
    assert.ok(first.diagnostics.some((d) => d.code === 'W4002'));
    // Give the idle re-check time to run, then a round trip: still one publish for version 1.
    await new Promise((r) => setTimeout(r, 300));
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(client.published.filter((p) => p.uri === uri).length, 1, 'the warm-up published nothing');
    const fixed = text.replace('BeforeInstal:', 'AfterInstall:');
    client.change(uri, fixed, 2);
    const next = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.ok(!next.diagnostics.some((d) => d.code === 'W4002'), 'the edit was checked');
    assert.ok(!client.logs.some((l) => l.includes('warming up')), client.logs.join('\n'));
  });
});
