import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import type { ChildProcess } from 'node:child_process';
import { parseAppSpec } from '../../../engine/document';
import {
  LOG_TAIL_MAX,
  LogTail,
  plan,
  planInSandbox,
  reRootDestination,
  revisionRelative,
  runHooks,
  runScript,
  scriptCount,
  type Clock,
  type RunEvent,
  type SpawnFn,
} from '../../../client/src/hookRunner';

const linux = process.platform !== 'win32';
const NOT_POSIX = !linux && 'the scripts are POSIX shell scripts';

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'hook-runner-'));
}

/** A revision folder: appspec.yml plus files, scripts made executable unless `noexec`. */
function revision(appspec: string, files: Record<string, string>, noexec: string[] = []): string {
  const dir = tmp();
  fs.writeFileSync(path.join(dir, 'appspec.yml'), appspec);
  for (const [rel, body] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, body);
    if (rel.endsWith('.sh') && !noexec.includes(rel)) fs.chmodSync(abs, 0o755);
  }
  return dir;
}

async function run(dir: string, sandbox = tmp(), extra: Partial<Parameters<typeof runHooks>[0]> = {}) {
  const text = fs.readFileSync(path.join(dir, 'appspec.yml'), 'utf8');
  const p = planInSandbox(parseAppSpec('appspec.yml', text), dir, sandbox);
  const events: RunEvent[] = [];
  const result = await runHooks({
    plan: p,
    bundleRoot: dir,
    sandbox,
    applicationName: 'DemoApp',
    deploymentGroupName: 'DemoGroup',
    onEvent: (e) => events.push(e),
    ...extra,
  });
  return { result, events, sandbox, plan: p };
}

const ALL_HOOKS = `version: 0.0
os: linux
hooks:
  ValidateService:
    - location: scripts/validate.sh
  AfterAllowTraffic:
    - location: scripts/lb.sh
  ApplicationStop:
    - location: scripts/stop.sh
  BeforeInstall:
    - location: scripts/before.sh
      timeout: 300
  AfterInstall:
    - location: scripts/after.sh
  ApplicationStart:
    - location: scripts/start.sh
      runas: root
`;

test('plan: in-place order, ApplicationStop skipped on a first run, load-balancer events noted', () => {
  const p = plan(parseAppSpec('appspec.yml', ALL_HOOKS), tmp());
  assert.deepEqual(p.problems, []);
  assert.deepEqual(
    p.steps.map((s) => `${s.event}:${s.kind}`),
    [
      'ApplicationStop:skip',
      'DownloadBundle:download',
      'BeforeInstall:scripts',
      'Install:install',
      'AfterInstall:scripts',
      'ApplicationStart:scripts',
      'ValidateService:scripts',
    ],
  );
  assert.equal(scriptCount(p), 4);
  const before = p.steps[2];
  assert.ok(before.kind === 'scripts' && before.scripts[0].timeoutSeconds === 300);
  const validate = p.steps[6];
  assert.ok(validate.kind === 'scripts' && validate.scripts[0].timeoutSeconds === 3600);
  assert.ok(p.notes.some((n) => n.startsWith('AfterAllowTraffic is skipped')));
  // A plain parsed object plans the same as the engine model.
  const fromObject = plan(
    { version: 0, os: 'linux', hooks: { AfterInstall: [{ location: 'scripts/after.sh' }] } },
    tmp(),
  );
  assert.deepEqual(
    fromObject.steps.filter((s) => s.kind === 'scripts').map((s) => s.event),
    ['AfterInstall'],
  );
});

test('plan: paths that escape the revision or the sandbox are rejected, and nothing runs', async () => {
  assert.equal(revisionRelative('/'), '');
  assert.equal(revisionRelative('/scripts/./a.sh'), 'scripts/a.sh');
  assert.equal(revisionRelative('../outside.sh'), undefined);
  assert.equal(reRootDestination('/var/www/html'), 'var/www/html');
  assert.equal(reRootDestination('C:\\inetpub\\app'), 'c/inetpub/app');
  assert.equal(reRootDestination('/var/../../etc'), undefined);
  const bad = `version: 0.0
os: linux
files:
  - source: ../../etc/passwd
    destination: /tmp
  - source: app
    destination: /opt/../../../home
hooks:
  AfterInstall:
    - location: scripts/../../evil.sh
`;
  const dir = revision(bad, {});
  const p = plan(parseAppSpec('appspec.yml', bad), dir);
  assert.equal(p.problems.length, 3, p.problems.join('\n'));
  assert.match(p.problems.join('\n'), /source \.\.\/\.\.\/etc\/passwd resolves outside the revision/);
  assert.match(p.problems.join('\n'), /climbs out of the sandbox/);
  assert.match(p.problems.join('\n'), /evil\.sh resolves outside the revision/);
  const sandbox = tmp();
  await assert.rejects(runHooks({ plan: p, bundleRoot: dir, sandbox }), /Cannot run the hooks/);
  assert.deepEqual(fs.readdirSync(sandbox), []);
  // Not EC2 at all.
  const ecs = plan({ version: 0, Resources: [] }, dir);
  assert.match(ecs.problems.join(' '), /only EC2/);
});

test('install copies files re-rooted under <sandbox>/root, a file keeps its name, folders copy their contents', async () => {
  const dir = revision(
    `version: 0.0
os: linux
files:
  - source: /
    destination: /opt/app
  - source: config/app.conf
    destination: /etc/myapp
  - source: web
    destination: C:\\site
`,
    { 'config/app.conf': 'port=80\n', 'web/index.html': '<h1>hi</h1>', 'web/css/a.css': 'a{}' },
  );
  const { result, sandbox } = await run(dir);
  assert.equal(result.status, 'Succeeded', JSON.stringify(result.failed));
  const root = path.join(sandbox, 'root');
  assert.equal(fs.readFileSync(path.join(root, 'opt/app/config/app.conf'), 'utf8'), 'port=80\n');
  assert.ok(fs.existsSync(path.join(root, 'opt/app/appspec.yml')));
  assert.equal(fs.readFileSync(path.join(root, 'etc/myapp/app.conf'), 'utf8'), 'port=80\n');
  assert.equal(fs.readFileSync(path.join(root, 'c/site/css/a.css'), 'utf8'), 'a{}');
  assert.ok(!fs.existsSync(path.join(root, 'c/site/web')));
  // Nothing was written to the real destinations.
  assert.ok(!fs.existsSync('/etc/myapp/app.conf'));
});

test('file_exists_behavior: DISALLOW fails Install, OVERWRITE replaces, RETAIN keeps; own files are cleaned up on a rerun', async () => {
  const spec = (b: string) => `version: 0.0
os: linux
files:
  - source: app.txt
    destination: /srv
${b ? `file_exists_behavior: ${b}\n` : ''}hooks:
  AfterInstall:
    - location: scripts/after.sh
`;
  const files = { 'app.txt': 'new', 'scripts/after.sh': '#!/bin/bash\ntouch "$0.ran"\n' };
  const seed = (sandbox: string) => {
    fs.mkdirSync(path.join(sandbox, 'root/srv'), { recursive: true });
    fs.writeFileSync(path.join(sandbox, 'root/srv/app.txt'), 'old');
  };
  const s1 = tmp();
  seed(s1);
  const disallow = await run(revision(spec(''), files), s1);
  assert.equal(disallow.result.status, 'Failed');
  assert.equal(disallow.result.failed?.event, 'Install');
  assert.match(
    disallow.result.failed?.message ?? '',
    /a specified file already exists at this location: .*srv\/app\.txt/,
  );
  assert.equal(disallow.result.events.find((e) => e.event === 'AfterInstall')?.status, 'Skipped');

  const s2 = tmp();
  seed(s2);
  assert.equal((await run(revision(spec('OVERWRITE'), files), s2)).result.status, 'Succeeded');
  assert.equal(fs.readFileSync(path.join(s2, 'root/srv/app.txt'), 'utf8'), 'new');

  const s3 = tmp();
  seed(s3);
  assert.equal((await run(revision(spec('RETAIN'), files), s3)).result.status, 'Succeeded');
  assert.equal(fs.readFileSync(path.join(s3, 'root/srv/app.txt'), 'utf8'), 'old');

  // A second DISALLOW run into a fresh sandbox succeeds: the first run's files are its own.
  const s4 = tmp();
  const dir = revision(spec(''), files);
  assert.equal((await run(dir, s4)).result.status, 'Succeeded');
  assert.equal((await run(dir, s4)).result.status, 'Succeeded');
});

test(
  'scripts get the CodeDeploy variables, run in the revision copy, and runas/sudo are reported as not honoured',
  { skip: NOT_POSIX },
  async () => {
    const dump =
      '#!/bin/bash\necho "$LIFECYCLE_EVENT|$DEPLOYMENT_ID|$APPLICATION_NAME|$DEPLOYMENT_GROUP_NAME|$DEPLOYMENT_GROUP_ID|$PWD|$KEEP_ME" >> "$OUT"\n';
    const dir = revision(ALL_HOOKS, {
      'scripts/before.sh': dump,
      'scripts/after.sh': dump,
      'scripts/start.sh': dump,
      'scripts/validate.sh': dump,
      'scripts/stop.sh': dump,
    });
    const out = path.join(tmp(), 'env.txt');
    const { result, events, sandbox } = await run(dir, tmp(), { env: { ...process.env, OUT: out, KEEP_ME: 'kept' }, envAllowList: ['OUT', 'KEEP_ME'] });
    assert.equal(result.status, 'Succeeded', JSON.stringify(result.failed));
    assert.match(result.deploymentId, /^d-LOCAL[A-Z0-9]{6}$/);
    const lines = fs
      .readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split('|'));
    assert.deepEqual(
      lines.map((l) => l[0]),
      ['BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService'],
    );
    const state = JSON.parse(fs.readFileSync(path.join(sandbox, 'state.json'), 'utf8'));
    for (const l of lines) {
      assert.equal(l[1], result.deploymentId);
      assert.equal(l[2], 'DemoApp');
      assert.equal(l[3], 'DemoGroup');
      assert.equal(l[4], state.deploymentGroupId);
      assert.equal(
        fs.realpathSync(l[5]),
        fs.realpathSync(path.join(sandbox, 'deployments', result.deploymentId, 'archive')),
      );
      assert.equal(l[6], 'kept');
    }
    const notes = events
      .filter((e) => e.type === 'output' && e.stream === 'info')
      .map((e) => (e as { text: string }).text);
    assert.ok(
      notes.some((n) => /runas: root is not honoured locally; the script runs as /.test(n)),
      notes.join('\n'),
    );

    // Second run: ApplicationStop now runs the previous successful revision's script, in its copy.
    const previousArchive = fs.realpathSync(path.join(sandbox, 'deployments', result.deploymentId, 'archive'));
    fs.writeFileSync(out, '');
    const again = await run(dir, sandbox, { env: { ...process.env, OUT: out, KEEP_ME: 'kept' }, envAllowList: ['OUT', 'KEEP_ME'] });
    assert.equal(again.result.status, 'Succeeded');
    const firstLine = fs.readFileSync(out, 'utf8').split('\n')[0].split('|');
    assert.equal(firstLine[0], 'ApplicationStop');
    assert.equal(firstLine[5], previousArchive);
    assert.equal(again.plan.steps[0].kind, 'scripts');
    // Only the newest successful copy is kept.
    assert.deepEqual(fs.readdirSync(path.join(sandbox, 'deployments')), [again.result.deploymentId]);
  },
);

test(
  'the run stops at the first failing script and reports event, script and exit code',
  { skip: NOT_POSIX },
  async () => {
    const marker = path.join(tmp(), 'started');
    const dir = revision(
      `version: 0.0
os: linux
hooks:
  BeforeInstall:
    - location: scripts/ok.sh
  AfterInstall:
    - location: scripts/fail.sh
    - location: scripts/never.sh
  ApplicationStart:
    - location: scripts/never.sh
`,
      {
        'scripts/ok.sh': '#!/bin/bash\necho hello from before\n',
        'scripts/fail.sh': '#!/bin/bash\necho about to fail\necho oops >&2\nexit 3\n',
        'scripts/never.sh': `#!/bin/bash\ntouch ${marker}\n`,
      },
    );
    const { result } = await run(dir);
    assert.equal(result.status, 'Failed');
    assert.equal(result.failed?.event, 'AfterInstall');
    assert.equal(result.failed?.errorCode, 'ScriptFailed');
    assert.equal(result.failed?.exitCode, 3);
    assert.equal(result.failed?.message, 'Script at specified location: scripts/fail.sh failed with exit code 3');
    assert.equal(result.failed?.script?.location, 'scripts/fail.sh');
    assert.match(result.failed?.logTail ?? '', /Script - scripts\/fail\.sh\n\[stdout\]about to fail\n\[stderr\]oops\n/);
    assert.ok(!fs.existsSync(marker));
    assert.deepEqual(
      result.events.map((e) => `${e.event}:${e.status}`),
      [
        'ApplicationStop:Skipped',
        'DownloadBundle:Succeeded',
        'BeforeInstall:Succeeded',
        'Install:Succeeded',
        'AfterInstall:Failed',
        'ApplicationStart:Skipped',
        'ValidateService:Skipped',
      ],
    );
    assert.match(result.events[2].logTail, /\[stdout\]hello from before/);
  },
);

test(
  'a missing script fails as ScriptMissing; a non-executable one is made executable in the copy only',
  { skip: NOT_POSIX },
  async () => {
    const dir = revision(
      `version: 0.0
os: linux
hooks:
  BeforeInstall:
    - location: scripts/plain.sh
  AfterInstall:
    - location: scripts/nope.sh
`,
      { 'scripts/plain.sh': '#!/bin/bash\necho plain\n' },
      ['scripts/plain.sh'],
    );
    const { result } = await run(dir);
    assert.equal(result.events.find((e) => e.event === 'BeforeInstall')?.status, 'Succeeded');
    assert.equal(result.failed?.errorCode, 'ScriptMissing');
    assert.match(result.failed?.message ?? '', /^Script does not exist at specified location: .*scripts\/nope\.sh$/);
    assert.equal(fs.statSync(path.join(dir, 'scripts/plain.sh')).mode & 0o111, 0);
  },
);

test(
  'a script over its timeout is killed with its process group and fails as ScriptTimedOut',
  { skip: NOT_POSIX },
  async () => {
    const pidFile = path.join(tmp(), 'child.pid');
    const dir = revision(
      `version: 0.0
os: linux
hooks:
  ApplicationStart:
    - location: scripts/slow.sh
      timeout: 1
`,
      { 'scripts/slow.sh': `#!/bin/bash\necho starting\nsleep 30 &\necho $! > ${pidFile}\nwait\n` },
    );
    const { result } = await run(dir);
    assert.equal(result.failed?.event, 'ApplicationStart');
    assert.equal(result.failed?.errorCode, 'ScriptTimedOut');
    assert.equal(
      result.failed?.message,
      'Script at specified location: scripts/slow.sh failed to complete in 1 seconds',
    );
    assert.match(result.failed?.logTail ?? '', /\[stdout\]starting/);
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    assert.ok(await gone(pid), `the background sleep ${pid} survived`);
  },
);

/** Waits (up to 5 s, for a loaded machine) until a killed process no longer runs. */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  return !alive(pid);
}

/** Gone, or a zombie waiting for a reaper (it no longer runs). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

test('cancelling kills the running script and reports Cancelled', { skip: NOT_POSIX }, async () => {
  const dir = revision(
    `version: 0.0
os: linux
hooks:
  BeforeInstall:
    - location: scripts/wait.sh
  AfterInstall:
    - location: scripts/wait.sh
`,
    { 'scripts/wait.sh': '#!/bin/bash\necho waiting\nsleep 30\n' },
  );
  const abort = new AbortController();
  const { result } = await run(dir, tmp(), {
    signal: abort.signal,
    onEvent: (e) => {
      if (e.type === 'output' && e.stream === 'stdout') abort.abort();
    },
  });
  assert.equal(result.status, 'Cancelled');
  assert.equal(result.failed?.event, 'BeforeInstall');
  assert.equal(result.events.find((e) => e.event === 'AfterInstall')?.status, 'Skipped');
});

test('the log tail keeps the last 4 KB, cut at a line start', { skip: NOT_POSIX }, async () => {
  const dir = revision(
    `version: 0.0
os: linux
hooks:
  ValidateService:
    - location: scripts/noisy.sh
`,
    { 'scripts/noisy.sh': '#!/bin/bash\nfor i in $(seq 1 2000); do echo "line $i of the noisy script"; done\n' },
  );
  const { result } = await run(dir);
  const tail = result.events.find((e) => e.event === 'ValidateService')!.logTail;
  assert.ok(tail.length <= LOG_TAIL_MAX && tail.length > LOG_TAIL_MAX - 200, String(tail.length));
  assert.match(tail, /^\[stdout\]line \d+ of the noisy script\n/);
  assert.match(tail, /\[stdout\]line 2000 of the noisy script\n$/);
  // Unit level: partial lines wait for their newline, and a flush ends them.
  const t = new LogTail(64);
  t.add('stdout', 'par');
  t.add('stdout', 'tial\nrest');
  t.flush();
  assert.equal(t.value(), '[stdout]partial\n[stdout]rest\n');
});

test('Windows AppSpec scripts are skipped with a message on Linux; files still install', async () => {
  const dir = revision(
    `version: 0.0
os: windows
files:
  - source: app.txt
    destination: C:\\app
hooks:
  AfterInstall:
    - location: scripts/setup.ps1
`,
    { 'app.txt': 'x', 'scripts/setup.ps1': 'Write-Host hi' },
  );
  const { result, events, sandbox } = await run(dir, tmp(), { platform: 'linux' });
  assert.equal(result.status, 'Succeeded');
  assert.equal(result.events.find((e) => e.event === 'AfterInstall')?.status, 'Skipped');
  assert.ok(events.some((e) => e.type === 'output' && /targets windows instances/.test(e.text)));
  assert.ok(fs.existsSync(path.join(sandbox, 'root/c/app/app.txt')));
});

test('runScript with an injected spawn and clock: the timeout kills the child, arguments are an array', async () => {
  const calls: { command: string; args: readonly string[]; detached?: boolean }[] = [];
  const signals: string[] = [];
  let child: EventEmitter & Partial<ChildProcess>;
  const spawn: SpawnFn = (command, args, options) => {
    calls.push({ command, args, detached: options.detached });
    const c = new EventEmitter() as EventEmitter & Partial<ChildProcess>;
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    Object.assign(c, { stdout, stderr, pid: undefined });
    c.kill = (sig?: NodeJS.Signals | number) => {
      signals.push(String(sig));
      setImmediate(() => {
        c.emit('exit', null, sig);
        stdout.end();
        stderr.end();
        c.emit('close', null, sig);
      });
      return true;
    };
    child = c;
    setImmediate(() => stdout.write('working\n'));
    return c as ChildProcess;
  };
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
  const output: string[] = [];
  const done = runScript({
    path: '/sandbox/archive/scripts/a b.sh',
    cwd: '/sandbox/archive',
    env: {},
    timeoutSeconds: 7,
    spawn,
    clock,
    onOutput: (_s, t) => output.push(t),
  });
  await new Promise((r) => setImmediate(r));
  assert.ok(child!);
  const timeout = pending.find((p) => p.ms === 7000);
  assert.ok(timeout, 'the timeout is armed on the injected clock');
  timeout.fn();
  assert.deepEqual(await done, { kind: 'timeout' });
  assert.deepEqual(signals, ['SIGTERM']);
  assert.deepEqual(calls, [{ command: '/sandbox/archive/scripts/a b.sh', args: [], detached: linux }]);
  assert.deepEqual(output, ['working\n']);
  assert.equal(pending.length, 0, 'timers are cleared');
});

test('neither the local endpoint nor the hook runner core imports vscode (only the runner command does)', () => {
  let root = __dirname;
  while (root !== path.dirname(root) && !fs.existsSync(path.join(root, 'package.json'))) root = path.dirname(root);
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.name.endsWith('.ts') && /from 'vscode'|require\('vscode'\)/.test(fs.readFileSync(abs, 'utf8')))
        offenders.push(path.relative(path.join(root, 'client/src'), abs).split(path.sep).join('/'));
    }
  };
  walk(path.join(root, 'client/src/local'));
  walk(path.join(root, 'client/src/hookRunner'));
  assert.deepEqual(offenders, ['hookRunner/command.ts']);
});

test('install never writes through a symbolic link planted in the sandbox', { skip: NOT_POSIX }, async () => {
  const outside = tmp();
  const sandbox = tmp();
  fs.mkdirSync(path.join(sandbox, 'root'), { recursive: true });
  fs.symlinkSync(outside, path.join(sandbox, 'root/srv'));
  const dir = revision(
    `version: 0.0
os: linux
files:
  - source: app.txt
    destination: /srv
file_exists_behavior: OVERWRITE
`,
    { 'app.txt': 'x' },
  );
  const { result } = await run(dir, sandbox);
  assert.equal(result.failed?.event, 'Install');
  assert.match(result.failed?.message ?? '', /is a symbolic link/);
  assert.deepEqual(fs.readdirSync(outside), []);
});

test(
  'a script that exits but leaves a background process holding stdout fails like the agent',
  { skip: NOT_POSIX },
  async () => {
    const pidFile = path.join(tmp(), 'bg.pid');
    const dir = revision(
      `version: 0.0
os: linux
hooks:
  ApplicationStart:
    - location: scripts/start.sh
`,
      { 'scripts/start.sh': `#!/bin/bash\nsleep 30 &\necho $! > ${pidFile}\nexit 0\n` },
    );
    const { result } = await run(dir);
    assert.equal(result.failed?.event, 'ApplicationStart');
    assert.equal(result.failed?.message, 'Script at specified location: scripts/start.sh failed to close STDOUT');
    assert.ok(await gone(Number(fs.readFileSync(pidFile, 'utf8'))), 'the background sleep survived');
  },
);
