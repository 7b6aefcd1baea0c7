/**
 * The head of a large AppSpec is checked first (engine/headFirst.ts), and the editor shows those findings
 * until the full check answers. So they must never be wrong: for every document that parses cleanly and
 * every place the head may end, each finding of the head is also a finding of the whole file (same rule,
 * severity, range and message). Checked over the corpus of real files, fixed-seed fuzz cases, and a
 * generated EC2 file with a bundle folder on disk (workspace rules). The full findings themselves are
 * the engine's, unchanged (the equivalence tests of the incremental parse and reuse cover those).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintHead } from '../../../engine/headFirst';
import { lint, parseAppSpec } from '../../../engine/index';
import { createNodeFs } from '../../../engine/nodeFs';
import type { Diagnosis, RuleContext } from '../../../engine/types';
import { makeCase, SEED_DOCS } from '../../helpers/fuzzCases';
import { corpusRows, corpusSkip, corpusText, requireCorpus } from '../../helpers/corpus';

const key = (f: Diagnosis) =>
  `${f.ruleId} ${f.severity} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.message}`;

/** Every head of `text` (one per line start) against the full lint; returns problems and how many heads answered. */
function checkHeads(
  name: string,
  text: string,
  ctx: RuleContext,
  uri = 'file:///bundle/appspec.yml',
  cuts = Infinity,
): { problems: string[]; heads: number; findings: number } {
  const full = parseAppSpec(uri, text, 0);
  if (full.syntaxErrors.length || full.skipped) return { problems: [], heads: 0, findings: 0 };
  const all = new Set(lint(full, ctx).map(key));
  const problems: string[] = [];
  let heads = 0;
  let findings = 0;
  const starts: number[] = [];
  for (let at = text.indexOf('\n') + 1; at > 0 && at < text.length; at = text.indexOf('\n', at) + 1) starts.push(at);
  // At most `cuts` places, spread over the text (every line start of a short text).
  const step = Math.max(1, Math.ceil(starts.length / cuts));
  for (let i = 0; i < starts.length; i += step) {
    const at = starts[i];
    const head = lintHead(uri, text, ctx, undefined, at);
    if (!head) continue;
    heads++;
    for (const f of head.findings) {
      findings++;
      assert.ok(f.range.end.line <= head.endLine, `${name}: ${key(f)} lies past line ${head.endLine}`);
      if (!all.has(key(f))) problems.push(`${name}, head to line ${head.endLine}: ${key(f)}`);
    }
  }
  return { problems, heads, findings };
}

test('fuzz cases and the fuzz seeds: every finding of a head is a finding of the whole file', () => {
  const texts = SEED_DOCS.map((d, i) => ({ name: `seed ${i}`, fileName: d.fileName, text: d.text }));
  for (let i = 0; i < 600; i++) {
    const c = makeCase(20261206, i);
    texts.push({ name: `fuzz case ${i} (${c.steps.join(', ')})`, fileName: c.fileName, text: c.text });
  }
  let heads = 0;
  let findings = 0;
  const problems: string[] = [];
  for (const t of texts) {
    const r = checkHeads(t.name, t.text, { fileName: t.fileName }, `file:///bundle/${t.fileName}`, 8);
    heads += r.heads;
    findings += r.findings;
    problems.push(...r.problems);
  }
  assert.deepEqual(problems.slice(0, 10), []);
  // The property must have been exercised, not skipped: many heads answered, with findings in them.
  assert.ok(heads > 250 && findings > 400, `only ${heads} heads with ${findings} findings were checked`);
});

const rows = corpusRows();
test('corpus: every finding of a head is a finding of the whole file', { skip: corpusSkip(rows) }, () => {
  const problems: string[] = [];
  let heads = 0;
  for (const row of requireCorpus(rows).filter((r) => /\.ya?ml$/.test(r.file))) {
    const r = checkHeads(row.file, corpusText(row), { fileName: 'appspec.yml' });
    heads += r.heads;
    problems.push(...r.problems);
  }
  assert.deepEqual(problems.slice(0, 10), []);
  assert.ok(heads > 100, `only ${heads} heads were checked`);
});

/** A generated EC2 AppSpec like the benchmark's stress file, with a mix of problems. */
function bigEc2(entries: number): string {
  const out = ['version: 0.0', 'os: linux', 'files:'];
  for (let i = 0; i < entries; i++)
    out.push(`  - source: build/part${i % 7}`, `    destination: ${i % 5 ? '/opt/app/part' : 'opt/rel'}${i % 9}`);
  out.push('permissions:');
  for (let i = 0; i < entries; i++)
    out.push(`  - object: /opt/app/part${i % 4}`, `    mode: ${i % 3 ? 644 : 7777}`, '    type:', '      - directory');
  out.push('hooks:');
  for (const ev of ['BeforeInstall', 'AfterInstall', 'Bogus']) {
    out.push(`  ${ev}:`);
    for (let k = 0; k < entries; k++)
      out.push(`    - location: scripts/${k % 4}.sh`, `      timeout: ${k % 4 ? 900 : 'soon'}`, '      runas: app');
  }
  out.push('file_exists_behavior: OVERWRITE # appspec-lint disable-file=W2013');
  return out.join('\n') + '\n';
}

test('a large EC2 file with workspace checks: heads hold only findings of the whole file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'appspec-head-'));
  try {
    mkdirSync(join(dir, 'scripts'));
    mkdirSync(join(dir, 'build'));
    writeFileSync(join(dir, 'scripts', '0.sh'), '#!/bin/sh\n');
    chmodSync(join(dir, 'scripts', '0.sh'), 0o755);
    writeFileSync(join(dir, 'scripts', '1.sh'), 'echo no shebang\r\n');
    writeFileSync(join(dir, 'build', 'part1'), 'x');
    const text = bigEc2(12);
    const ctx: RuleContext = { fileName: 'appspec.yml', bundleRoot: dir, fs: createNodeFs() };
    const r = checkHeads('bigEc2', text, ctx, pathToFileURL(join(dir, 'appspec.yml')).href);
    assert.deepEqual(r.problems.slice(0, 10), []);
    assert.ok(r.heads > 50 && r.findings > 200, `${r.heads} heads, ${r.findings} findings`);
    // The suppression at the end of the file applies to the head too.
    const w2013 = (t: string) =>
      lintHead('file:///b/appspec.yml', t, { fileName: 'appspec.yml' }, undefined, 400)?.findings.filter(
        (f) => f.ruleId === 'W2013',
      ).length;
    assert.equal(w2013(text), 0);
    assert.ok(w2013(text.replace(/ # appspec-lint.*/, ''))! > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('findings that compare entries across the file are left to the full check', () => {
  // Permissions before files: an object is installed by a `files` entry far below.
  const perms = ['version: 0.0', 'os: linux', 'permissions:', '  - object: /opt/late', '    owner: app', 'files:'];
  for (let i = 0; i < 40; i++) perms.push(`  - source: b${i}`, `    destination: /opt/d${i}`);
  perms.push('  - source: late', '    destination: /opt/late');
  // One event whose timeouts add up past the limit only with the scripts further down.
  const hooks = ['version: 0.0', 'os: linux', 'hooks:', '  AfterInstall:'];
  for (let i = 0; i < 40; i++) hooks.push(`    - location: s${i}.sh`, '      timeout: 400');
  for (const [name, lines] of [
    ['permissions first', perms],
    ['long event', hooks],
  ] as const) {
    const r = checkHeads(name, lines.join('\n') + '\n', { fileName: 'appspec.yml' });
    assert.ok(r.heads > 20, `${name}: ${r.heads} heads`);
    assert.deepEqual(r.problems.slice(0, 5), []);
  }
});

test('no head when the file is short, not YAML, not EC2, or the head would end inside a value', () => {
  const text = bigEc2(20);
  assert.equal(lintHead('file:///b/appspec.yml', text, { fileName: 'appspec.yml' }, undefined, text.length), undefined);
  assert.equal(
    lintHead('file:///b/appspec.json', `{${' '.repeat(500)}}`, { fileName: 'appspec.json' }, undefined, 10),
    undefined,
  );
  const ecs = `version: 0.0\nHooks:\n${'  - BeforeInstall: "x"\n'.repeat(40)}Resources:\n  - s:\n      Type: AWS::ECS::Service\n`;
  assert.equal(lintHead('file:///b/appspec.yml', ecs, { fileName: 'appspec.yml' }, undefined, 100), undefined);
  const literal = `version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      runas: |\n${'        - x\n'.repeat(50)}`;
  const head = lintHead('file:///b/appspec.yml', literal, { fileName: 'appspec.yml' }, undefined, 120);
  assert.equal(head, undefined);
  // Files the full check skips: too large (here a limit of 2 KB), or not text.
  assert.equal(
    lintHead('file:///b/appspec.yml', text, { fileName: 'appspec.yml' }, undefined, 300, { maxBytes: 2_000 }),
    undefined,
  );
  assert.ok(lintHead('file:///b/appspec.yml', text, { fileName: 'appspec.yml' }, undefined, 300, { maxBytes: 1e6 }));
  const binary = text + '\u0000';
  assert.equal(lintHead('file:///b/appspec.yml', binary, { fileName: 'appspec.yml' }, undefined, 300), undefined);
  // A file with a syntax error after the head: the head is still checked (the full check follows anyway).
  const broken = text + 'hooks: [\n';
  assert.ok(lintHead('file:///b/appspec.yml', broken, { fileName: 'appspec.yml' }, undefined, 300));
});
