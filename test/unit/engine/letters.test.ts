/**
 * A rule's letter and its severity agree everywhere: E is an error (the deployment fails), W a warning (likely
 * mistake), I information (info, or a hint that editors show more quietly). A case of a rule that deserves
 * another severity has an ID of its own, and the template policy reports softened errors as W1201/W1202.
 * Checked on every rule's default, and on every finding the engine and the CLI report (default settings) for the
 * repository's AppSpecs, the rule cases, fuzzed AppSpecs, and the shared corpus of real files.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { allRules } from '../../../engine/rules';
import { lintText } from '../../../engine/lint';
import { createNodeFs } from '../../../engine/nodeFs';
import type { Diagnosis, Severity } from '../../../engine/types';
import { corpusRows, corpusSkip, corpusText, projectRoot, requireCorpus } from '../../helpers/corpus';
import { makeCase } from '../../helpers/fuzzCases';
import { runCase } from './coverage/ruleCase';
import { FIRES_GENERAL, QUIET_GENERAL } from './coverage/casesGeneral';
import { FIRES_ECS, QUIET_ECS } from './coverage/casesEcs';
import { FIRES_LAMBDA, QUIET_LAMBDA } from './coverage/casesLambda';
import { FIRES_ECS_LAMBDA, QUIET_ECS_LAMBDA } from './coverage/casesEcsLambda';
import { FIRES_EC2_WORKSPACE, QUIET_EC2_WORKSPACE } from './coverage/casesEc2Workspace';
import { FIRES_CROSS_FILE, QUIET_CROSS_FILE } from './coverage/casesCrossFile';
import { CASES as EC2_CASES } from './rules-ec2/allCases';
import { QUIET as EC2_QUIET } from './rules-ec2/quietCases';
import { CLI, runCli } from '../cli/cliHarness';

const LETTER: Record<string, readonly Severity[]> = { E: ['error'], W: ['warning'], I: ['info', 'hint'] };
const ROOT = projectRoot();

function mismatches(where: string, found: readonly Pick<Diagnosis, 'ruleId' | 'severity' | 'range'>[]): string[] {
  return found
    .filter((d) => /^[EWI]\d{4}$/.test(d.ruleId) && !LETTER[d.ruleId[0]].includes(d.severity))
    .map((d) => `${where}:${d.range.start.line + 1} ${d.ruleId} reported as ${d.severity}`);
}

/** AppSpec-like files of the repository: fixtures, test workspaces, examples. */
function repositoryAppSpecs(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (/\.(?:ya?ml|json)$/.test(name) && (/^appspec\./.test(name) || abs.includes(join('test', 'fixtures'))))
        out.push(abs);
    }
  };
  for (const dir of ['examples', 'test/fixtures', 'test/editor/workspace', 'test/e2e/workspace']) walk(join(ROOT, dir));
  return out;
}

test("every rule's default severity matches its letter", () => {
  const wrong = allRules.filter((r) => !LETTER[r.id[0]]?.includes(r.severity)).map((r) => `${r.id} ${r.severity}`);
  assert.deepEqual(wrong, []);
});

test('findings on the repository AppSpecs (with workspace checks) have the severity their letter says', () => {
  const files = repositoryAppSpecs();
  assert.ok(files.length >= 20, `only ${files.length} AppSpecs found`);
  const fs = createNodeFs({ git: false });
  const wrong: string[] = [];
  for (const abs of files) {
    const fileName = /^appspec\./.test(basename(abs))
      ? basename(abs)
      : abs.endsWith('.json')
        ? 'appspec.json'
        : 'appspec.yml';
    const found = lintText(readFileSync(abs, 'utf8'), { fileName, ctx: { bundleRoot: dirname(abs), fs } });
    wrong.push(...mismatches(relative(ROOT, abs), found));
  }
  assert.deepEqual(wrong, []);
});

test('findings on every rule case have the severity their letter says', () => {
  const cases = [
    ...FIRES_GENERAL,
    ...QUIET_GENERAL,
    ...EC2_CASES.map((c) => ({ ...c, files: c.bundleRoot ? {} : undefined })),
    ...EC2_QUIET,
    ...FIRES_EC2_WORKSPACE,
    ...QUIET_EC2_WORKSPACE,
    ...FIRES_ECS,
    ...QUIET_ECS,
    ...FIRES_LAMBDA,
    ...QUIET_LAMBDA,
    ...FIRES_ECS_LAMBDA,
    ...QUIET_ECS_LAMBDA,
    ...FIRES_CROSS_FILE,
    ...QUIET_CROSS_FILE,
  ];
  const wrong = cases.flatMap((c) => mismatches(`${c.id} ${c.name}`, runCase(c).found));
  assert.deepEqual(wrong, []);
});

test('findings on 600 fuzzed AppSpecs have the severity their letter says', () => {
  const wrong: string[] = [];
  for (let i = 0; i < 600; i++) {
    const c = makeCase(14, i);
    wrong.push(...mismatches(`fuzz case ${i}`, lintText(c.text, { fileName: c.fileName })));
  }
  assert.deepEqual(wrong, []);
});

const rows = corpusRows();
test('findings on the corpus of real AppSpecs have the severity their letter says', { skip: corpusSkip(rows) }, () => {
  const wrong: string[] = [];
  for (const r of requireCorpus(rows))
    wrong.push(...mismatches(r.file, lintText(corpusText(r), { fileName: basename(r.path) })));
  assert.deepEqual(wrong, []);
});

test('the CLI reports the severity the letter says (JSON output over the examples and test workspaces)', () => {
  const run = runCli(['--format', 'json', 'examples', 'test/editor/workspace', 'test/e2e/workspace'], { cwd: ROOT });
  assert.ok(run.stdout.trim().startsWith('['), `${CLI} printed JSON (exit ${run.status}): ${run.stderr}`);
  const problems = JSON.parse(run.stdout) as { file: string; line: number; severity: Severity; ruleId: string }[];
  assert.ok(problems.length > 5, 'the broken test workspaces have findings');
  const wrong = problems
    .filter((p) => /^[EWI]\d{4}$/.test(p.ruleId) && !LETTER[p.ruleId[0]].includes(p.severity))
    .map((p) => `${p.file}:${p.line} ${p.ruleId} reported as ${p.severity}`);
  assert.deepEqual(wrong, []);
});
