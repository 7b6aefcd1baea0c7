#!/usr/bin/env node
// `npm test`: every check of the project, in order, with each stage's output streamed.
//   build    npm run build (validators, tsc -b, esbuild bundles)
//   lint     eslint + tsc -b (type check)
//   unit     node --test over out/test/unit, out/test/protocol, out/test/aws (engine, features, fuzz, LSP over
//            stdio, AWS SDK against the local endpoint)
//   outside  Debian's AWS CLI and boto3 against dist/local.js, every wire body checked against botocore's model
//   package  npm run package (VSIX, offline) and its size/content check
//   editor   mocha suite inside the real VS Code extension host (code-server + payload)
//   e2e      screen-level scenarios (Playwright on the workbench)
// Ends with one summary line per stage and `N passed, N failed` (test counts summed; build/lint/package count as one
// check each). Exits non-zero when anything failed.
// Options: --only=a,b  --skip=a,b  (stage names as above)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NODE = process.execPath;
const args = process.argv.slice(2);
const listArg = (name) =>
  (args.find((a) => a.startsWith(`--${name}=`)) ?? '')
    .split('=')[1]
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean) ?? [];
const only = listArg('only');
const skip = listArg('skip');

process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const TMP = path.join(ROOT, '.tmp', 'test-all');
mkdirSync(TMP, { recursive: true });

/** Runs a command with streamed output; resolves { code, output }. */
function run(cmd, argv, { env } = {}) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(cmd, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (stream) => (d) => {
      stream.write(d);
      output = (output + d).slice(-200_000);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('error', (e) => resolve({ code: 127, output: `${output}\n${e.message}` }));
    child.on('exit', (code, signal) => resolve({ code: signal ? 1 : (code ?? 1), output }));
  });
}

/** The last "N passed, N failed" line of a harness's output. */
function countsFrom(output) {
  const all = [...output.matchAll(/^(\d+) passed, (\d+) failed\s*$/gm)];
  const last = all.at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : undefined;
}

function tapCounts(file) {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const num = (k) => {
    const m = [...text.matchAll(new RegExp(`^# ${k} (\\d+)$`, 'gm'))].at(-1);
    return m ? Number(m[1]) : 0;
  };
  return { passed: num('pass'), failed: num('fail') + num('cancelled') };
}

async function e2eReady(stage) {
  const { ensureInstalled, aptInstall } = await import('../test/e2e/lib/install.mjs');
  const { chromiumAvailable } = await import('../test/e2e/lib/browser.mjs');
  if (!(await ensureInstalled())) return { ok: false, note: 'e2e toolchain install failed (see above)' };
  if (!chromiumAvailable()) await aptInstall(['chromium']);
  if (!chromiumAvailable()) {
    console.log(`\n${stage}: chromium is missing. Install it with:\n  apt-get update && apt-get install -y chromium\n`);
    return { ok: false, note: 'chromium missing: apt-get update && apt-get install -y chromium' };
  }
  return { ok: true };
}

const stages = [
  {
    name: 'build',
    critical: true,
    run: async () => ({ code: (await run('npm', ['run', '--silent', 'build'])).code }),
  },
  {
    name: 'lint',
    run: async () => {
      const eslint = await run(NODE, [
        path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'),
        '.',
        '--ignore-pattern',
        '.tmp/**',
        '--ignore-pattern',
        'artifacts/**',
      ]);
      const tsc = await run(NODE, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b']);
      const notes = [];
      if (eslint.code !== 0) notes.push('eslint failed');
      if (tsc.code !== 0) notes.push('tsc failed');
      return { code: eslint.code || tsc.code, note: notes.join(', ') };
    },
  },
  {
    name: 'unit',
    run: async () => {
      const dirs = ['unit', 'protocol', 'aws']
        .map((d) => path.join('out', 'test', d))
        .filter((d) => existsSync(path.join(ROOT, d)));
      if (dirs.length === 0) return { code: 1, note: 'no compiled tests in out/test (did the build run?)' };
      const tap = path.join(TMP, 'unit.tap');
      rmSync(tap, { force: true });
      const r = await run(NODE, [
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tap}`,
        ...dirs,
      ]);
      const counts = tapCounts(tap);
      return { code: r.code, counts, note: `node --test ${dirs.join(' ')}; includes the fuzz suite` };
    },
  },
  {
    name: 'outside',
    run: async () => {
      const r = await run(NODE, [path.join(ROOT, 'test', 'outside', 'run.mjs')]);
      return { code: r.code, counts: countsFrom(r.output), note: 'aws CLI + boto3 vs dist/local.js (test/outside)' };
    },
  },
  {
    name: 'package',
    run: async () => {
      const r = await run('npm', ['run', '--silent', 'package']);
      const vsix = path.join(ROOT, 'dist', 'appspec-codedeploy.vsix');
      if (r.code !== 0 || !existsSync(vsix)) return { code: r.code || 1, note: 'npm run package failed' };
      const size = statSync(vsix).size;
      const mb = (size / 1024 / 1024).toFixed(2);
      if (size > 3 * 1024 * 1024) return { code: 1, note: `VSIX is ${mb} MB (limit 3 MB)` };
      return { code: 0, note: `dist/appspec-codedeploy.vsix ${mb} MB` };
    },
  },
  {
    name: 'editor',
    run: async () => {
      const ready = await e2eReady('editor');
      if (!ready.ok) return { code: 1, note: ready.note };
      const r = await run(NODE, [path.join(ROOT, 'test', 'e2e', 'run-editor-tests.mjs')]);
      return { code: r.code, counts: countsFrom(r.output) };
    },
  },
  {
    name: 'e2e',
    run: async () => {
      const ready = await e2eReady('e2e');
      if (!ready.ok) return { code: 1, note: ready.note };
      const r = await run(NODE, [path.join(ROOT, 'test', 'e2e', 'run-scenarios.mjs')]);
      return { code: r.code, counts: countsFrom(r.output) };
    },
  },
];

const results = [];
let stopRest = false;
for (const stage of stages) {
  if ((only.length && !only.includes(stage.name)) || skip.includes(stage.name)) continue;
  if (stopRest) {
    results.push({ name: stage.name, code: 1, note: 'not run: an earlier stage it depends on failed', secs: 0 });
    continue;
  }
  console.log(`\n=== ${stage.name} ${'='.repeat(60 - stage.name.length)}`);
  const t0 = Date.now();
  let r;
  try {
    r = await stage.run();
  } catch (e) {
    console.error(e);
    r = { code: 1, note: `crashed: ${e.message}` };
  }
  results.push({ name: stage.name, ...r, secs: (Date.now() - t0) / 1000 });
  if (r.code !== 0 && stage.critical) stopRest = true;
}

let passed = 0;
let failed = 0;
console.log(`\n=== summary ${'='.repeat(52)}`);
for (const r of results) {
  const ok = r.code === 0 && (!r.counts || r.counts.failed === 0);
  let counts = '';
  if (r.counts) {
    passed += r.counts.passed;
    failed += r.counts.failed;
    counts = ` ${r.counts.passed} passed, ${r.counts.failed} failed`;
    // A failing exit code with no failed test (crash, timeout) still counts as a failure.
    if (r.code !== 0 && r.counts.failed === 0) failed += 1;
  } else if (ok) passed += 1;
  else failed += 1;
  const note = r.note ? ` (${r.note})` : '';
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(8)}${counts}${note}  [${r.secs.toFixed(1)}s]`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && results.every((r) => r.code === 0) ? 0 : 1);
