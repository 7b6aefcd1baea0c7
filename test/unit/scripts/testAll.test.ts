/**
 * scripts/test-all.mjs (`npm test`): skipped tests are counted and named in every stage, an unknown
 * stage name is an error, and with CI=true a skip that test/allowed-skips.json does not list fails the run.
 * The script is an ES module; its functions are called in a child node.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '../../../..');
const SCRIPT = path.join(ROOT, 'scripts', 'test-all.mjs');

/** Calls `fn` (source of an async function taking the module) in a child node; returns its JSON result. */
function call<T>(fn: string, arg: unknown): T {
  const code = `const m = await import(${JSON.stringify(pathToFileURL(SCRIPT).href)});
const out = await (${fn})(m, ${JSON.stringify(arg)});
process.stdout.write(JSON.stringify(out));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', cwd: ROOT });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as T;
}

const TAP = `TAP version 13
# Subtest: cli
    # Subtest: exit codes
        ok 1 - an unreadable file # SKIP root can read anything
        ok 2 - exits 1
        ok 3 - not yet # TODO
        1..3
    ok 1 - exit codes
    1..1
ok 1 - cli
# Subtest: top level skip
ok 2 - top level skip # SKIP
1..2
# tests 5
# pass 2
# fail 0
# cancelled 0
# skipped 2
# todo 1
`;

test('node TAP output: counts with skipped and todo tests, each named with its suites and reason', () => {
  const read = call<{ counts: object; skips: object[] }>('(m, t) => m.readTap(t)', TAP);
  assert.deepEqual(read.counts, { passed: 2, failed: 0, skipped: 3 });
  assert.deepEqual(read.skips, [
    { test: 'cli > exit codes > an unreadable file', reason: 'root can read anything' },
    { test: 'cli > exit codes > not yet', reason: 'todo' },
    { test: 'top level skip', reason: '' },
  ]);
});

test('harness output: the closing counts line, with or without skipped, and SKIP lines', () => {
  const read = call<{ counts: object; skips: object[] }>(
    '(m, t) => m.readHarness(t)',
    'ok a\nSKIP suite a -- needs a GPU\nSKIP suite b\n4 passed, 0 failed, 2 skipped\n',
  );
  assert.deepEqual(read.counts, { passed: 4, failed: 0, skipped: 2 });
  assert.deepEqual(read.skips, [
    { test: 'suite a', reason: 'needs a GPU' },
    { test: 'suite b', reason: '' },
  ]);
  assert.deepEqual(call<{ counts: object }>('(m, t) => m.readHarness(t)', '3 passed, 1 failed\n').counts, {
    passed: 3,
    failed: 1,
    skipped: 0,
  });
});

test('the summary shows skips per stage and in the total; in CI only allowed skips pass', () => {
  const results = [
    { name: 'build', code: 0, secs: 1 },
    {
      name: 'unit',
      code: 0,
      secs: 2,
      counts: { passed: 10, failed: 0, skipped: 2 },
      skips: [
        { test: 'a > b', reason: 'needs git' },
        { test: 'c', reason: '' },
      ],
    },
  ];
  const allowed = [{ stage: 'unit', test: 'a > b', reason: 'git is optional for users' }];
  const summarize = '(m, a) => m.summarize(a.results, a.allowed, a.ci)';
  const local = call<{ lines: string[]; ok: boolean }>(summarize, { results, allowed, ci: false });
  assert.equal(local.ok, true, 'outside CI a skip does not fail the run');
  assert.ok(
    local.lines.some((l) => /^PASS {2}unit {5}10 passed, 0 failed, 2 skipped/.test(l)),
    local.lines.join('\n'),
  );
  assert.ok(local.lines.includes('      skipped a > b: needs git (allowed: git is optional for users)'));
  assert.ok(local.lines.includes('      skipped c: no reason given'));
  assert.ok(local.lines.includes('11 passed, 0 failed, 2 skipped'));
  const ci = call<{ lines: string[]; ok: boolean }>(summarize, { results, allowed, ci: true });
  assert.equal(ci.ok, false, 'in CI the unlisted skip fails the run');
  assert.ok(ci.lines.includes('      unit: c'), ci.lines.join('\n'));
  const allAllowed = [...allowed, { stage: 'unit', test: 'c', reason: 'listed' }];
  assert.equal(call<{ ok: boolean }>(summarize, { results, allowed: allAllowed, ci: true }).ok, true);
  const unnamed = [{ name: 'e2e', code: 0, counts: { passed: 1, failed: 0, skipped: 1 }, skips: [] }];
  assert.equal(
    call<{ ok: boolean }>(summarize, { results: unnamed, allowed, ci: true }).ok,
    false,
    'unnamed skips fail',
  );
});

test('an unknown stage name in --only or --skip is an error (exit 2), before anything runs', () => {
  for (const arg of ['--only=unit,uint', '--skip=lnit', '--only=', '--frobnicate']) {
    const r = spawnSync(process.execPath, [SCRIPT, arg], { encoding: 'utf8', cwd: ROOT });
    assert.equal(r.status, 2, `${arg}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /stages: build, lint, unit/);
    assert.doesNotMatch(r.stdout, /=== /, `${arg}: no stage ran`);
  }
});
