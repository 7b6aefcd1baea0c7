#!/usr/bin/env node
// `npm test`: every check of the project, in order, with each stage's output streamed.
//   build    npm run build (validators, tsc -b, esbuild bundles)
//   lint     eslint --max-warnings 0 (.ts and .mjs), tsc -b (type check), npm run docs -- --check
//   unit     node --test over out/test/unit, out/test/protocol, out/test/aws (engine, features, fuzz, LSP over
//            stdio, AWS SDK against the local endpoint)
//   abuse    node --test over out/test/abuse (recursively, test/abuse/client/ included): hostile revision
//            bundles, state files, credentials/Host/Origin, a 5,000-request seeded HTTP fuzz of dist/local.js
//   outside  Debian's AWS CLI and boto3 against dist/local.js, every wire body checked against botocore's model
//   package  npm run package (VSIX, offline) and its size/content check
//   editor   mocha suite inside the real VS Code extension host (code-server + payload)
//   e2e      screen-level scenarios (Playwright on the workbench)
// Ends with one summary line per stage (passed, failed, skipped; each skipped test by name with its reason) and
// `N passed, N failed, N skipped` (test counts summed; build/lint/package count as one check each). Exits non-zero
// when anything failed, and with CI=true also when a test was skipped that test/allowed-skips.json does not list.
// Options: --only=a,b  --skip=a,b  (stage names as above; an unknown name is an error)
//
// Adding a stage: one entry in STAGES below. A stage's run() resolves to { code, counts?, skips?, note? }:
//   nodeTests(dirs)      node --test over compiled test folders; counts and skipped tests come from its TAP output
//   harness(script)      a runner script that ends with `N passed, N failed[, N skipped]` and prints one line
//                        `SKIP <test name> -- <reason>` per skipped test (the reason may be left out)
//   command(cmd, argv)   a command that passes or fails as one check
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NODE = process.execPath;
const CI = /^(true|1)$/i.test(process.env.CI ?? '');
const ALLOWED_SKIPS_FILE = path.join('test', 'allowed-skips.json');

process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const TMP = path.join(ROOT, '.tmp', 'test-all');

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

// ---- kinds of stages ------------------------------------------------------------------------------

/** One check: passes when the command exits 0. */
async function command(cmd, argv, note) {
  const r = await run(cmd, argv);
  return { code: r.code, ...(note ? { note } : {}) };
}

/**
 * Counts and skipped tests from node's TAP output. A skipped (or todo) test is named by its suites and
 * its own name joined with " > ", as in `ok 3 - name # SKIP reason` under `# Subtest:` lines.
 */
export function readTap(text) {
  const num = (k) => {
    const m = [...text.matchAll(new RegExp(`^# ${k} (\\d+)$`, 'gm'))].at(-1);
    return m ? Number(m[1]) : 0;
  };
  const skips = [];
  const suites = [];
  for (const line of text.split('\n')) {
    const sub = /^( *)# Subtest: (.*)$/.exec(line);
    if (sub) {
      suites.length = sub[1].length / 4;
      suites.push(sub[2]);
      continue;
    }
    const skip = /^( *)ok \d+ - (.*?) # (SKIP|TODO)\b ?(.*)$/i.exec(line);
    if (skip) {
      const depth = skip[1].length / 4;
      const name = [...suites.slice(0, depth), skip[2]].join(' > ');
      skips.push({ test: name, reason: skip[4].trim() || (skip[3].toUpperCase() === 'TODO' ? 'todo' : '') });
    }
  }
  return {
    counts: {
      passed: num('pass'),
      failed: num('fail') + num('cancelled'),
      skipped: num('skipped') + num('todo'),
    },
    skips,
  };
}

/** node --test over out/test/<dir> for each of `dirs`. */
async function nodeTests(name, dirs, note) {
  const found = dirs.map((d) => path.join('out', 'test', d)).filter((d) => existsSync(path.join(ROOT, d)));
  if (found.length === 0) return { code: 1, note: 'no compiled tests in out/test (did the build run?)' };
  const tap = path.join(TMP, `${name}.tap`);
  rmSync(tap, { force: true });
  const r = await run(NODE, [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...found,
  ]);
  const read = existsSync(tap) ? readTap(readFileSync(tap, 'utf8')) : {};
  return { code: r.code, ...read, note: [`node --test ${found.join(' ')}`, note].filter(Boolean).join('; ') };
}

/** The closing `N passed, N failed[, N skipped]` line of a harness and its `SKIP name -- reason` lines. */
export function readHarness(output) {
  const all = [...output.matchAll(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/gm)];
  const last = all.at(-1);
  const skips = [...output.matchAll(/^SKIP (.+?)(?: -- (.*))?$/gm)].map((m) => ({
    test: m[1].trim(),
    reason: (m[2] ?? '').trim(),
  }));
  return {
    counts: last ? { passed: Number(last[1]), failed: Number(last[2]), skipped: Number(last[3] ?? 0) } : undefined,
    skips,
  };
}

async function harness(script, { browser = false } = {}) {
  if (browser) {
    const ready = await browserReady();
    if (!ready.ok) return { code: 1, note: ready.note };
  }
  const r = await run(NODE, [path.join(ROOT, script)]);
  return { code: r.code, ...readHarness(r.output) };
}

async function browserReady() {
  const { ensureInstalled, aptInstall } = await import('../test/e2e/lib/install.mjs');
  const { chromiumAvailable } = await import('../test/e2e/lib/browser.mjs');
  if (!(await ensureInstalled())) return { ok: false, note: 'e2e toolchain install failed (see above)' };
  if (!chromiumAvailable()) await aptInstall(['chromium']);
  if (!chromiumAvailable()) {
    console.log('\nchromium is missing. Install it with:\n  apt-get update && apt-get install -y chromium\n');
    return { ok: false, note: 'chromium missing: apt-get update && apt-get install -y chromium' };
  }
  return { ok: true };
}

async function lint() {
  const eslint = await run(NODE, [
    path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'),
    '.',
    '--max-warnings',
    '0',
  ]);
  const tsc = await run(NODE, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b']);
  const docs = await run('npm', ['run', '--silent', 'docs', '--', '--check']);
  const notes = [];
  if (eslint.code !== 0) notes.push('eslint failed (warnings count)');
  if (tsc.code !== 0) notes.push('tsc failed');
  if (docs.code !== 0) notes.push('docs/rules.md is out of date: npm run docs');
  return { code: eslint.code || tsc.code || docs.code, note: notes.join(', ') || 'eslint, tsc -b, docs --check' };
}

async function packageStage() {
  const r = await run('npm', ['run', '--silent', 'package']);
  const vsix = path.join(ROOT, 'dist', 'appspec-codedeploy.vsix');
  if (r.code !== 0 || !existsSync(vsix)) return { code: r.code || 1, note: 'npm run package failed' };
  const size = statSync(vsix).size;
  const mb = (size / 1024 / 1024).toFixed(2);
  if (size > 3 * 1024 * 1024) return { code: 1, note: `VSIX is ${mb} MB (limit 3 MB)` };
  return { code: 0, note: `dist/appspec-codedeploy.vsix ${mb} MB` };
}

// ---- the stages, in order -------------------------------------------------------------------------

/** `critical`: when it fails, the later stages are not run (they need its output). */
const STAGES = [
  { name: 'build', critical: true, run: () => command('npm', ['run', '--silent', 'build']) },
  { name: 'lint', run: lint },
  { name: 'unit', run: () => nodeTests('unit', ['unit', 'protocol', 'aws'], 'includes the fuzz suite') },
  {
    name: 'abuse',
    run: () => nodeTests('abuse', ['abuse'], 'hostile input: endpoint HTTP fuzz, bundles, state file, auth; client side'),
  },
  { name: 'outside', run: () => harness('test/outside/run.mjs') },
  { name: 'package', run: packageStage },
  { name: 'editor', run: () => harness('test/e2e/run-editor-tests.mjs', { browser: true }) },
  { name: 'e2e', run: () => harness('test/e2e/run-scenarios.mjs', { browser: true }) },
];

// ---- options, allowed skips -----------------------------------------------------------------------

function usage(message) {
  console.error(`test-all: ${message}\nusage: node scripts/test-all.mjs [--only=a,b] [--skip=a,b]`);
  console.error(`stages: ${STAGES.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

function stageList(args, name) {
  const given = args.filter((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  const names = given.flatMap((a) => (a.split('=')[1] ?? '').split(',').map((s) => s.trim()));
  if (given.length && !names.some(Boolean)) usage(`--${name} needs stage names`);
  const unknown = names.filter((n) => n && !STAGES.some((s) => s.name === n));
  if (unknown.length) usage(`unknown stage ${unknown.map((n) => `"${n}"`).join(', ')}`);
  return names.filter(Boolean);
}

/** test/allowed-skips.json: { "skips": [{ "stage", "test", "reason" }] }, every entry with a reason. */
function allowedSkips() {
  const file = path.join(ROOT, ALLOWED_SKIPS_FILE);
  let list;
  try {
    list = JSON.parse(readFileSync(file, 'utf8')).skips;
  } catch (e) {
    usage(`${ALLOWED_SKIPS_FILE} cannot be read: ${e.message}`);
  }
  if (!Array.isArray(list)) usage(`${ALLOWED_SKIPS_FILE}: "skips" must be a list`);
  for (const [i, e] of list.entries()) {
    const ok = e && ['stage', 'test', 'reason'].every((k) => typeof e[k] === 'string' && e[k].trim());
    if (!ok) usage(`${ALLOWED_SKIPS_FILE}: entry ${i + 1} needs a stage, a test and a reason`);
    if (!STAGES.some((s) => s.name === e.stage))
      usage(`${ALLOWED_SKIPS_FILE}: entry ${i + 1} names no stage ("${e.stage}")`);
  }
  return list;
}

/**
 * The summary: one line per stage (with its skipped tests and whether each is allowed), the totals, and
 * in CI the skips that are not allowed. `ok` is false when a stage failed, or in CI when such a skip exists.
 */
export function summarize(results, allowed, ci) {
  const lines = [`\n=== summary ${'='.repeat(52)}`];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const refused = [];
  for (const r of results) {
    const c = r.counts ?? (r.code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 });
    // A failing exit code with no failed test (crash, timeout) still counts as a failure.
    const stageFailed = c.failed + (r.code !== 0 && c.failed === 0 ? 1 : 0);
    passed += c.passed;
    failed += stageFailed;
    skipped += c.skipped;
    const note = r.note ? ` (${r.note})` : '';
    const counts = r.counts ? ` ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped` : '';
    lines.push(`${stageFailed ? 'FAIL' : 'PASS'}  ${r.name.padEnd(8)}${counts}${note}  [${(r.secs ?? 0).toFixed(1)}s]`);
    const named = r.skips ?? [];
    for (const s of named) {
      const allow = allowed.find((a) => a.stage === r.name && a.test === s.test);
      const why = s.reason ? `: ${s.reason}` : ': no reason given';
      lines.push(`      skipped ${s.test}${why}${allow ? ` (allowed: ${allow.reason})` : ''}`);
      if (!allow) refused.push(`${r.name}: ${s.test}`);
    }
    if (c.skipped > named.length)
      refused.push(`${r.name}: ${c.skipped - named.length} skipped test(s) the stage did not name`);
  }
  lines.push(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (refused.length) {
    const where = `not listed in ${ALLOWED_SKIPS_FILE}`;
    if (ci) lines.push(`FAIL  skips ${where} (CI=true):`, ...refused.map((t) => `      ${t}`));
    else lines.push(`note: with CI=true these ${refused.length} skip(s) would fail the run (${where})`);
  }
  const ok = failed === 0 && results.every((r) => r.code === 0) && !(ci && refused.length > 0);
  return { lines, ok };
}

// ---- run ------------------------------------------------------------------------------------------

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  for (const a of args) if (!/^--(only|skip)(=|$)/.test(a)) usage(`unknown option "${a}"`);
  const only = stageList(args, 'only');
  const skip = stageList(args, 'skip');
  const allowed = allowedSkips();
  mkdirSync(TMP, { recursive: true });

  const results = [];
  let stopRest = false;
  for (const stage of STAGES) {
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

  const { lines, ok } = summarize(results, allowed, CI);
  console.log(lines.join('\n'));
  process.exit(ok ? 0 : 1);
}
