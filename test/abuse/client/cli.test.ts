/**
 * appspec-lint (dist/cli.js) against hostile trees and values: symlinks to `/`, out of the tree and
 * in loops never make it read outside the folder it was given, and the text format never prints a
 * line a problem matcher would take for a finding the tool did not make. Needs `npm run build`.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ERROR_EC2, runCli } from '../../unit/cli/cliHarness';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const d = realpathSync(mkdtempSync(path.join(tmpdir(), 'appspec-abuse-cli-')));
  dirs.push(d);
  return d;
}

/** A folder with one AppSpec of its own and links to `/`, to a folder outside, to itself and to a sibling. */
function hostileTree(): { root: string; outside: string } {
  const root = tempDir();
  const outside = tempDir();
  writeFileSync(path.join(outside, 'appspec.yml'), ERROR_EC2);
  mkdirSync(path.join(root, 'app'));
  writeFileSync(path.join(root, 'app', 'appspec.yml'), ERROR_EC2);
  symlinkSync('/', path.join(root, 'host'), 'dir');
  symlinkSync(outside, path.join(root, 'elsewhere'), 'dir');
  symlinkSync(root, path.join(root, 'app', 'loop'), 'dir');
  symlinkSync(path.join(root, 'app'), path.join(root, 'alias'), 'dir');
  symlinkSync(path.join(outside, 'appspec.yml'), path.join(root, 'appspec.json'));
  return { root, outside };
}

function filesOf(stdout: string): string[] {
  return [...new Set((JSON.parse(stdout) as { file: string }[]).map((p) => p.file))];
}

function lintedFiles(args: string[], cwd: string): string[] {
  // Every file of the tree has an error, so each file read shows up in the report.
  const r = runCli(['--format', 'json', ...args], { cwd, timeoutMs: 60_000 });
  assert.equal(r.status, 1, `exit ${r.status}: ${r.stderr.slice(0, 500)}`);
  return filesOf(r.stdout).map((f) => path.resolve(cwd, f));
}

test('symlinked folders are not entered by default; symlinked files leaving the folder are not read', () => {
  const { root } = hostileTree();
  const files = lintedFiles(['.'], root);
  assert.deepEqual(files, [path.join(root, 'app', 'appspec.yml')]);
});

test('--follow-symlinks stays inside the real path of the folder given: no host walk, loops end', () => {
  const { root, outside } = hostileTree();
  const files = lintedFiles(['--follow-symlinks', '.'], root);
  assert.ok(files.length >= 1, 'the folder’s own AppSpec is found');
  for (const f of files) {
    const real = realpathSync(f);
    assert.ok(real.startsWith(root + path.sep), `read outside the folder: ${f}`);
    assert.ok(!real.startsWith(outside + path.sep), `followed a link out of the tree: ${f}`);
  }
  // The same real file once, however many links lead to it (alias/, app/loop/...).
  assert.equal(new Set(files.map((f) => realpathSync(f))).size, files.length);
});

test('a glob below a folder follows the same limits', () => {
  const { root } = hostileTree();
  const files = lintedFiles(['--follow-symlinks', '**/appspec.*'], root);
  for (const f of files) assert.ok(realpathSync(f).startsWith(root + path.sep), f);
});

test('text output: control characters in messages and file names are escaped, never new lines', () => {
  const root = tempDir();
  const planted = 'x.yml:1:1 error E0001 planted';
  writeFileSync(
    path.join(root, 'appspec.yml'),
    `version: 0.0\nos: "linux\\r${planted}\\n${planted}\\u2028${planted}\\u001b[2K\\u0007"\n`,
  );
  const weird = `app\r${planted}\n.yml`;
  writeFileSync(path.join(root, weird), `version: 0.0\nos: "linux\\n${planted}"\n`);
  const r = runCli(['--no-color', 'appspec.yml', weird], { cwd: root });
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.split(/\r\n|\r|\n|\u2028|\u2029/).filter((l) => l !== '');
  assert.ok(lines.length >= 2, r.stdout);
  for (const line of lines) {
    assert.ok(!line.startsWith('x.yml:'), `a planted line: ${JSON.stringify(line)}`);
    assert.match(line, /^(appspec\.yml|app\\r.*\\n\.yml):\d+:\d+ (error|warning|info|hint) [A-Z]\d{4} /, line);
    assert.doesNotMatch(line, /[\u0000-\u001f\u007f-\u009f]/);
  }
  assert.ok(r.stdout.includes('\\r'), 'the characters are shown escaped');
});

/** A repository whose `scripts` folder links to a folder outside holding a non-executable script without `#!`. */
function linkedScriptsTree(): { root: string; repo: string } {
  const root = tempDir();
  const repo = path.join(root, 'repo');
  const secret = path.join(root, 'secret');
  mkdirSync(repo);
  mkdirSync(secret);
  writeFileSync(path.join(secret, 'a.sh'), '#!/bin/sh\n', { mode: 0o755 });
  writeFileSync(path.join(secret, 'b.sh'), 'x\n', { mode: 0o644 });
  mkdirSync(path.join(repo, 'own'));
  writeFileSync(path.join(repo, 'own', 'c.sh'), 'x\n', { mode: 0o644 });
  symlinkSync('../secret', path.join(repo, 'scripts'), 'dir');
  const hooks = ['scripts/a.sh', 'scripts/b.sh', 'scripts/none.sh', 'own/c.sh'];
  writeFileSync(
    path.join(repo, 'appspec.yml'),
    `version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n${hooks.map((h) => `    - location: ${h}\n`).join('')}`,
  );
  return { root, repo };
}

function workspaceFindings(args: string[], cwd: string, input?: string): string[] {
  const r = runCli(['--format', 'json', ...args], { cwd, input });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr.slice(0, 500)}`);
  return (JSON.parse(r.stdout) as { ruleId: string; message: string }[])
    .filter((p) => /^W500\d$/.test(p.ruleId))
    .map((p) => `${p.ruleId} ${/`([^`]+)`/.exec(p.message)?.[1] ?? ''}`)
    .sort();
}

test('workspace checks never read hook scripts through a symlinked folder leading outside, nor call them missing', () => {
  const { root, repo } = linkedScriptsTree();
  // Only the script inside the folder is looked at: b.sh (outside) would give W5002 and W5003 if it were read.
  const inside = ['W5002 own/c.sh', 'W5003 own/c.sh'];
  assert.deepEqual(workspaceFindings(['repo'], root), inside);
  assert.deepEqual(workspaceFindings(['--follow-symlinks', 'repo'], root), inside);
  assert.deepEqual(workspaceFindings(['appspec.yml'], repo), inside);
  assert.deepEqual(workspaceFindings(['-'], repo, readFileSync(path.join(repo, 'appspec.yml'), 'utf8')), inside);
  // The checks themselves still read through the link when the folder given holds its target.
  const whole = workspaceFindings(['--follow-symlinks', '.'], root);
  assert.ok(whole.includes('W5002 scripts/b.sh') && whole.includes('W5001 scripts/none.sh'), whole.join('; '));
});
