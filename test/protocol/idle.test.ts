/**
 * What the server does on its own between requests: the warm-up after `initialized`, the
 * revalidation after a configuration notification and the idle re-check of large files. Each test
 * waits for `appspec/settled` (the server has nothing left to do) before asserting that something
 * was not published, so a late publish fails the test instead of slipping past a sleep.
 * Needs `npm run build` first.
 */
import { test, describe, after } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CompletionList, Hover } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/languageService';
import { doc } from '../unit/features/util';
import { startServer, type LspClient } from '../helpers/lspClient';

const TEXT = 'version: 0.0\nos: linux\nhooks:\n  BeforeInstal:\n    - location: a.sh\n  \n';

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
    // More requests while warm-up steps may still be queued; then, once the warm-up has finished,
    // only the user's document was published.
    for (let i = 0; i < 20; i++)
      await client.request('textDocument/completion', {
        textDocument: { uri },
        position: { line: i % 6, character: 0 },
      });
    assert.deepEqual(await client.settled(uri), { version: 1 });
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
    // Settled: the server has re-read the global settings and this document's, and acted on them.
    assert.deepEqual(await client.settled(uri), { version: 1 });
    assert.ok(client.configurationRequests() >= asked + 2, 'the settings were read again');
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
    // Settled: the idle re-checks have run. Still one publish for version 1.
    assert.deepEqual(await client.settled(uri), { version: 1 });
    assert.equal(client.published.filter((p) => p.uri === uri).length, 1, 'the idle re-checks published nothing');
    const fixed = text.replace('BeforeInstal:', 'AfterInstall:');
    client.change(uri, fixed, 2);
    const next = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.ok(!next.diagnostics.some((d) => d.code === 'W4002'), 'the edit was checked');
    assert.ok(!client.logs.some((l) => l.includes('warming up')), client.logs.join('\n'));
  });
});
