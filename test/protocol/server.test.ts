/**
 * The bundled language server (`node dist/server.js --stdio`) over real JSON-RPC.
 * Needs `npm run build` first.
 */
import { test, describe, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  LocationLink,
  MarkupContent,
  Location,
  CodeLens,
} from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { startServer, type LspClient } from '../helpers/lspClient';

const BROKEN = 'version: 0.0\nos: linx\nhooks:\n  BeforeInstal:\n    - location: scripts/install.sh\n';
const GOOD =
  'version: 0.0\nos: linux\nhooks:\n  ApplicationStop:\n    - location: scripts/install.sh\n      timeout: 60\n';

describe('language server over stdio', () => {
  let client: LspClient;
  let settings: Record<string, unknown> = { workspaceChecks: true };
  let dir: string;
  let appspecUri: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'appspec-protocol-'));
    mkdirSync(path.join(dir, 'scripts'));
    writeFileSync(path.join(dir, 'scripts', 'install.sh'), '#!/bin/sh\necho ok\n', { mode: 0o755 });
    writeFileSync(path.join(dir, 'appspec.yml'), BROKEN);
    appspecUri = URI.file(path.join(dir, 'appspec.yml')).toString();
    client = await startServer({ configuration: (item) => (item.section === 'appspec' ? settings : null) });
  });

  after(async () => {
    await client?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('initialize announces the features', async () => {
    const result = await client.initialize({ initializationOptions: { files: ['**/deploy/*.appspec.yaml'] } });
    const caps = result.capabilities;
    assert.deepEqual((caps.completionProvider as { triggerCharacters: string[] }).triggerCharacters, [
      ':',
      ' ',
      '"',
      '/',
    ]);
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix']);
    for (const key of [
      'codeLensProvider',
      'documentLinkProvider',
      'definitionProvider',
      'referencesProvider',
      'documentSymbolProvider',
      'foldingRangeProvider',
    ] as const) {
      assert.ok(caps[key], key);
    }
    assert.deepEqual((caps.executeCommandProvider as { commands: string[] }).commands, ['appspec.makeExecutable']);
  });

  test('didOpen publishes diagnostics with rule codes and the version', async () => {
    client.open(appspecUri, BROKEN);
    const published = await client.waitForDiagnostics(appspecUri);
    assert.equal(published.version, 1);
    const codes = published.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('E2001'), `codes: ${codes.join(', ')}`);
    assert.ok(codes.includes('W4002'), `codes: ${codes.join(', ')}`);
    for (const d of published.diagnostics) {
      assert.equal(d.source, 'appspec');
      assert.match(d.codeDescription?.href ?? '', /#[ew]\d{4}$/);
    }
  });

  test('code actions for a published diagnostic', async () => {
    const published = await client.waitForDiagnostics(appspecUri);
    const d = published.diagnostics.find((x) => x.code === 'W4002') as Diagnostic;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: appspecUri },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Rename to `BeforeInstall`'), titles.join(' | '));
    assert.ok(titles.includes('Disable W4002 for this line'));
    assert.ok(titles.includes('Disable W4002 for this file'));
    const rename = actions.find((a) => a.title === 'Rename to `BeforeInstall`')!;
    assert.deepEqual(rename.edit?.changes?.[appspecUri], [{ range: d.range, newText: 'BeforeInstall' }]);
  });

  test('rapid changes: only the newest version is published', async () => {
    const uri = URI.file(path.join(dir, 'rapid', 'appspec.yml')).toString();
    const before = client.published.length;
    // Hold the settings answer so the first validation is still waiting while the burst arrives.
    client.holdConfiguration();
    client.open(uri, 'version: 0.0\nos: a\n', 'yaml', 1);
    for (let v = 2; v <= 5; v++) client.change(uri, `version: 0.0\nos: ${'abcd'[v - 2]}${v}\n`, v);
    // A request answered after the burst proves the server has read every change.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    client.releaseConfiguration();
    const last = await client.waitForDiagnostics(uri, (p) => p.version === 5);
    const forUri = client.published.slice(before).filter((p) => p.uri === uri);
    assert.deepEqual(
      forUri.map((p) => p.version),
      [5],
    );
    assert.match(last.diagnostics.find((d) => d.code === 'E2001')?.message ?? '', /d5/);
  });

  test('completion offers the EC2 events in order', async () => {
    const uri = URI.file(path.join(dir, 'complete', 'appspec.yml')).toString();
    const text = 'version: 0.0\nos: linux\nhooks:\n  \n';
    client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 3, character: 2 },
    });
    assert.deepEqual(list.items.map((i) => i.label).slice(0, 3), [
      'BeforeBlockTraffic',
      'AfterBlockTraffic',
      'ApplicationStop',
    ]);
    assert.equal(list.items.length, 9);
  });

  test('hover, symbols, code lens, definition and references on a valid AppSpec', async () => {
    const uri = URI.file(path.join(dir, 'appspec.yml')).toString();
    client.change(uri, GOOD, 2);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(
      published.diagnostics.filter((d) => d.severity === 1),
      [],
    );

    const hover = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 3, character: 5 },
    });
    assert.match((hover.contents as MarkupContent).value, /previous successful revision/);

    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['version', 'os', 'hooks'],
    );
    assert.equal(symbols[2].children?.[0].name, 'ApplicationStop');

    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.match(lenses[0].command?.title ?? '', /^runs 3rd of 9/);

    const defs = await client.request<LocationLink[]>('textDocument/definition', {
      textDocument: { uri },
      position: { line: 4, character: 20 },
    });
    assert.equal(defs[0].targetUri, URI.file(path.join(dir, 'scripts', 'install.sh')).toString());

    const scriptUri = defs[0].targetUri;
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: scriptUri },
      position: { line: 0, character: 0 },
      context: { includeDeclaration: false },
    });
    assert.deepEqual(
      refs.map((r) => [r.uri, r.range.start.line]),
      [[uri, 4]],
    );
  });

  test('appspec/lint answers with every finding, syntax errors included', async () => {
    const diags = await client.request<Diagnostic[]>('appspec/lint', {
      text: 'version: 0.0\nos: [linux\n',
      fileName: 'appspec.yml',
    });
    assert.ok(
      diags.some((d) => d.code === 'E0001'),
      JSON.stringify(diags),
    );
    const clean = await client.request<Diagnostic[]>('appspec/lint', {
      text: 'version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties:\n        Name: fn\n        Alias: live\n        CurrentVersion: "1"\n        TargetVersion: "2"\n',
      fileName: 'appspec.yaml',
    });
    assert.deepEqual(
      clean.filter((d) => d.severity === 1),
      [],
    );
  });

  test('only AppSpecs are handled: other YAML stays silent, extra globs count', async () => {
    const other = URI.file(path.join(dir, 'docker-compose.yml')).toString();
    client.open(other, 'services:\n  web: {}\n');
    const extra = URI.file(path.join(dir, 'deploy', 'web.appspec.yaml')).toString();
    client.open(extra, 'version: 0.0\nos: linx\n');
    const published = await client.waitForDiagnostics(extra);
    assert.ok(published.diagnostics.some((d) => d.code === 'E2001'));
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: other },
      position: { line: 0, character: 2 },
    });
    assert.equal(hover, null);
    assert.equal(client.published.filter((p) => p.uri === other).length, 0);
  });

  test('a copy of an AppSpec under another name is checked by its content', async () => {
    const copy = URI.file(path.join(dir, 'bench', 'ec2-copy.yml')).toString();
    client.open(copy, 'version: 0.0\nos: linux\nhooks:\n  ApplicationStrat:\n    - location: run.sh\n');
    const published = await client.waitForDiagnostics(copy);
    assert.ok(published.diagnostics.some((d) => d.code === 'W4002'));
    const lambda = URI.file(path.join(dir, 'bench', 'fn.json')).toString();
    client.open(
      lambda,
      '{"version": 0.0, "Resources": [{"fn": {"Type": "AWS::Lambda::Function", "Properties": {"Name": "f", "Alias": "live", "CurrentVersion": "1", "TargetVersion": "$LATEST"}}}]}',
    );
    const lambdaDiags = await client.waitForDiagnostics(lambda);
    assert.ok(lambdaDiags.diagnostics.some((d) => String(d.code).startsWith('E7')));
  });

  test('makeExecutable sets the executable bit on a script next to an open AppSpec only', async () => {
    const script = path.join(dir, 'scripts', 'plain.sh');
    writeFileSync(script, '#!/bin/sh\n', { mode: 0o644 });
    await client.request('workspace/executeCommand', { command: 'appspec.makeExecutable', arguments: [script] });
    assert.equal(statSync(script).mode & 0o111, 0o111);
    const outside = path.join(tmpdir(), `appspec-outside-${process.pid}.sh`);
    writeFileSync(outside, '#!/bin/sh\n', { mode: 0o644 });
    try {
      await client.request('workspace/executeCommand', { command: 'appspec.makeExecutable', arguments: [outside] });
      assert.equal(statSync(outside).mode & 0o111, 0, 'files outside the AppSpec folders are left alone');
    } finally {
      rmSync(outside, { force: true });
    }
  });

  test('a hook script created on disk: the watched-file event re-checks the AppSpec', async () => {
    const sub = path.join(dir, 'watched');
    mkdirSync(sub);
    const uri = URI.file(path.join(sub, 'appspec.yml')).toString();
    client.open(uri, 'version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: start.sh\n');
    const first = await client.waitForDiagnostics(uri);
    assert.ok(
      first.diagnostics.some((d) => d.code === 'W5001'),
      'missing script reported',
    );
    const count = client.published.length;
    writeFileSync(path.join(sub, 'start.sh'), '#!/bin/sh\n', { mode: 0o755 });
    client.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: URI.file(path.join(sub, 'start.sh')).toString(), type: 1 }],
    });
    const again = await client.waitForDiagnostics(uri, (p) => client.published.indexOf(p) >= count);
    assert.ok(!again.diagnostics.some((d) => d.code === 'W5001'), 'W5001 gone once the script exists');
  });

  test('changed settings apply to open documents', async () => {
    const uri = URI.file(path.join(dir, 'settings', 'appspec.yml')).toString();
    client.open(uri, 'version: 0.0\nos: linux\nhooks:\n  BeforeInstal:\n    - location: a.sh\n');
    const first = await client.waitForDiagnostics(uri);
    assert.ok(first.diagnostics.some((d) => d.code === 'W4002'));
    const count = client.published.length;
    settings = { workspaceChecks: false, rules: { W4002: 'off' } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const again = await client.waitForDiagnostics(uri, (p) => client.published.indexOf(p) >= count);
    assert.ok(!again.diagnostics.some((d) => d.code === 'W4002'), 'W4002 turned off');
    settings = { workspaceChecks: true };
    client.notify('workspace/didChangeConfiguration', { settings: null });
  });

  test('bad requests do not crash the server', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: { uri: appspecUri } });
    assert.equal(hover, null, 'a request without a position is answered, not fatal');
    assert.ok(
      client.logs.some((l) => l.includes('appspec: hover')),
      'the failure is logged',
    );
    const lint = await client.request<Diagnostic[]>('appspec/lint', { nothing: true });
    assert.deepEqual(lint, []);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: appspecUri },
    });
    assert.ok(symbols.length > 0, 'still serving');
  });
});

describe('language server with a client that cannot answer workspace/configuration', () => {
  test('pushed settings apply', async () => {
    const client = await startServer();
    try {
      await client.initialize({ capabilities: {} });
      const uri = 'file:///nowhere/appspec.yml';
      client.open(uri, 'version: 0.0\nos: linux\nhooks:\n  BeforeInstal:\n    - location: a.sh\n');
      const first = await client.waitForDiagnostics(uri);
      assert.ok(first.diagnostics.some((d) => d.code === 'W4002'));
      assert.equal(client.configurationRequests(), 0);
      const count = client.published.length;
      client.notify('workspace/didChangeConfiguration', { settings: { appspec: { rules: { W4002: 'off' } } } });
      const again = await client.waitForDiagnostics(uri, (p) => client.published.indexOf(p) >= count);
      assert.ok(!again.diagnostics.some((d) => d.code === 'W4002'));
    } finally {
      await client.close();
    }
  });
});
