/**
 * The local hook runner against hostile settings and revisions: scripts get a minimal environment
 * (no AWS_* secrets of the editor), a timeout beyond Node's timer limit neither fires at once nor
 * overflows, DownloadBundle copies asynchronously (the event loop keeps turning, with progress),
 * and "Run in Terminal" command lines are quoted for the terminal's shell or not built at all.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn as nodeSpawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAppSpec } from '../../../engine/index';
import { copyRevision } from '../../../client/src/hookRunner/install';
import { planInSandbox, runHooks } from '../../../client/src/hookRunner/runner';
import {
  MAX_TIMER_MS,
  runScript,
  systemClock,
  type Clock,
  type SpawnFn,
} from '../../../client/src/hookRunner/runScript';
import { commandLine, quoteArg, shellKindOf } from '../../../client/src/connection/shellCommand';

const POSIX = process.platform !== 'win32';
const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'appspec-abuse-hooks-'));
  dirs.push(d);
  return d;
}

test('hook scripts get PATH, HOME, the CodeDeploy variables and the allow-list only', { skip: !POSIX }, async () => {
  const dir = tmp();
  const out = path.join(tmp(), 'env.txt');
  fs.mkdirSync(path.join(dir, 'scripts'));
  fs.writeFileSync(path.join(dir, 'scripts', 'dump.sh'), `#!/bin/sh\nenv > '${out}'\n`, { mode: 0o755 });
  const text = 'version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: scripts/dump.sh\n      timeout: 30\n';
  fs.writeFileSync(path.join(dir, 'appspec.yml'), text);
  const sandbox = tmp();
  const plan = planInSandbox(parseAppSpec('appspec.yml', text), dir, sandbox);
  const host = {
    PATH: process.env.PATH,
    HOME: '/home/someone',
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_SESSION_TOKEN: 'token',
    GITHUB_TOKEN: 'ghp_secret',
    MY_SETTING: 'allowed',
  };
  const result = await runHooks({
    plan,
    bundleRoot: dir,
    sandbox,
    env: host,
    envAllowList: ['MY_SETTING', 'BAD=NAME', 42],
    applicationName: 'App',
    deploymentGroupName: 'Group',
  });
  assert.equal(result.status, 'Succeeded', JSON.stringify(result.failed));
  const env = new Map(
    fs
      .readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as const),
  );
  for (const secret of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'GITHUB_TOKEN'])
    assert.ok(!env.has(secret), `${secret} reached the script`);
  assert.equal(env.get('MY_SETTING'), 'allowed');
  assert.equal(env.get('HOME'), '/home/someone');
  assert.equal(env.get('LIFECYCLE_EVENT'), 'BeforeInstall');
  assert.equal(env.get('APPLICATION_NAME'), 'App');
  assert.equal(env.get('DEPLOYMENT_GROUP_NAME'), 'Group');
  assert.match(env.get('DEPLOYMENT_ID') ?? '', /^d-LOCAL/);
  assert.ok(env.get('DEPLOYMENT_GROUP_ID'));
  // What the shell adds itself (PWD, SHLVL, _) is all that is left.
  const known = new Set(['PATH', 'HOME', 'MY_SETTING', 'LIFECYCLE_EVENT', 'APPLICATION_NAME', 'DEPLOYMENT_GROUP_NAME']);
  for (const k of ['DEPLOYMENT_ID', 'DEPLOYMENT_GROUP_ID', 'PWD', 'OLDPWD', 'SHLVL', '_']) known.add(k);
  assert.deepEqual([...env.keys()].filter((k) => !known.has(k)), []);
});

test('a timeout beyond the timer limit is armed in steps and never fires at once', async () => {
  const pending: { fn: () => void; ms: number }[] = [];
  const clock: Clock = {
    now: () => 0,
    setTimeout: (fn, ms) => {
      const t = { fn, ms };
      pending.push(t);
      return t;
    },
    clearTimeout: (h) => {
      const i = pending.indexOf(h as { fn: () => void; ms: number });
      if (i >= 0) pending.splice(i, 1);
    },
  };
  const signals: string[] = [];
  const { EventEmitter } = await import('node:events');
  const child = Object.assign(new EventEmitter(), {
    pid: undefined,
    stdout: null,
    stderr: null,
    kill: (s: string) => signals.push(s),
  });
  const spawn = (() => child) as unknown as SpawnFn;
  const seconds = 2_147_484 * 3; // about 74 days
  const done = runScript({ path: '/x.sh', cwd: '/', env: {}, timeoutSeconds: seconds, spawn, clock, onOutput: () => {} });
  let remaining = seconds * 1000;
  while (remaining > MAX_TIMER_MS) {
    assert.equal(pending.length, 1);
    const [t] = pending.splice(0, 1);
    assert.ok(t.ms <= MAX_TIMER_MS && t.ms > 0, `a timer of ${t.ms} ms`);
    t.fn();
    remaining -= t.ms;
    assert.deepEqual(signals, [], 'not stopped before the full timeout');
  }
  assert.equal(pending.length, 1);
  assert.equal(pending[0].ms, remaining);
  pending.splice(0, 1)[0].fn();
  assert.deepEqual(signals, ['SIGTERM'], 'stopped once the whole timeout has passed');
  child.emit('close', null, 'SIGTERM');
  assert.deepEqual(await done, { kind: 'timeout' });
});

test('a real script with a 30-day timeout runs to its end', { skip: !POSIX }, async () => {
  const dir = tmp();
  const script = path.join(dir, 'ok.sh');
  fs.writeFileSync(script, '#!/bin/sh\necho done\n', { mode: 0o755 });
  const out: string[] = [];
  const outcome = await runScript({
    path: script,
    cwd: dir,
    env: { PATH: process.env.PATH },
    timeoutSeconds: 30 * 24 * 3600,
    spawn: nodeSpawn as SpawnFn,
    clock: systemClock,
    onOutput: (_s, t) => out.push(t),
  });
  assert.deepEqual(outcome, { kind: 'exit', code: 0, signal: null });
  assert.equal(out.join(''), 'done\n');
});

test('DownloadBundle copies asynchronously, with progress, and the event loop keeps turning', async () => {
  const src = tmp();
  const files = 1_500;
  for (let d = 0; d < 15; d++) {
    fs.mkdirSync(path.join(src, `d${d}`));
    for (let f = 0; f < files / 15; f++) fs.writeFileSync(path.join(src, `d${d}`, `f${f}.txt`), `${d}/${f}`);
  }
  let turns = 0;
  let spinning = true;
  const spin = () => {
    turns++;
    if (spinning) setImmediate(spin);
  };
  setImmediate(spin);
  const progress: number[] = [];
  const copying = copyRevision(src, path.join(tmp(), 'archive'), undefined, (n) => progress.push(n));
  assert.ok(copying instanceof Promise, 'the copy does not run to its end before returning');
  const n = await copying;
  spinning = false;
  assert.equal(n, files);
  assert.deepEqual(progress, [500, 1000, 1500]);
  assert.ok(turns > 10, `the event loop turned ${turns} times during the copy`);
});

test('Run in Terminal: each shell gets its own quoting, or no command line at all', () => {
  const hostile = `x'; rm -rf ~ #`;
  const args = ['aws', 'sso', 'login', '--profile', hostile];
  assert.equal(shellKindOf('/bin/zsh', 'darwin'), 'posix');
  assert.equal(shellKindOf('C:\\Program Files\\PowerShell\\7\\pwsh.exe', 'win32'), 'powershell');
  assert.equal(shellKindOf('C:\\Windows\\System32\\cmd.exe', 'win32'), 'cmd');
  assert.equal(shellKindOf('', 'win32'), 'powershell');
  assert.equal(shellKindOf('/usr/bin/fish', 'linux'), 'unknown');
  assert.equal(commandLine(args, 'posix'), `aws sso login --profile 'x'\\''; rm -rf ~ #'`);
  assert.equal(commandLine(args, 'powershell'), `aws sso login --profile 'x''; rm -rf ~ #'`);
  assert.equal(quoteArg('dev\u2019s $(evil)', 'powershell'), `'dev\u2019\u2019s $(evil)'`);
  assert.equal(commandLine(['aws', 'sso', 'login', '--profile', 'dev team'], 'cmd'), 'aws sso login --profile "dev team"');
  assert.equal(commandLine(['aws', '--profile', 'a&calc'], 'cmd'), undefined);
  assert.equal(commandLine(['aws', '--profile', '%PATH%'], 'cmd'), undefined);
  assert.equal(commandLine(args, 'unknown'), undefined);
  assert.equal(commandLine(['aws', '--profile', 'line\nbreak'], 'posix'), undefined);
  assert.equal(commandLine(['aws', 'sso', 'login', '--profile', 'prod-1'], 'cmd'), 'aws sso login --profile prod-1');
});
