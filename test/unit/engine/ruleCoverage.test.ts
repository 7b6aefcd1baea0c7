/**
 * Every rule has a case that makes it fire and a case on which it runs and stays quiet, and this file runs them
 * all through the whole engine (the editor's path: parse, every rule, the schema check, the template policy):
 *
 * - a firing case must produce a finding with the rule's ID (on the case's line);
 * - a quiet case must produce none, and must exercise the rule: the rule applies to the detected platform, the
 *   document parses well enough for the rule to run, it is not set aside as another tool's file, and where the
 *   case has bundle files and the rule fires only by reading the workspace, it read the workspace while checking it.
 *
 * The schema entries (E1101–E1105) are reported by the schema check, which lint hides behind a rule's more
 * specific finding on the same node; their cases are checked against the schema check's own findings.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { allRules } from '../../../engine/rules';
import { isSafeOnBrokenDocument } from '../../../engine/lint';
import { schemaFindings, SCHEMA_RULE_IDS } from '../../../engine/schema';
import { recognizeOtherFile } from '../../../engine/rules/general/E0012-not-an-appspec';
import type { Finding, Rule } from '../../../engine/types';
import { countingFs, runCase, type CaseRun, type RuleCase } from './coverage/ruleCase';
import { FIRES_GENERAL, QUIET_GENERAL } from './coverage/casesGeneral';
import { FIRES_ECS, QUIET_ECS } from './coverage/casesEcs';
import { FIRES_LAMBDA, QUIET_LAMBDA } from './coverage/casesLambda';
import { FIRES_ECS_LAMBDA, QUIET_ECS_LAMBDA } from './coverage/casesEcsLambda';
import { FIRES_EC2_WORKSPACE, QUIET_EC2_WORKSPACE } from './coverage/casesEc2Workspace';
import { FIRES_CROSS_FILE, QUIET_CROSS_FILE } from './coverage/casesCrossFile';
import { CASES as EC2_CASES } from './rules-ec2/allCases';
import { QUIET as EC2_QUIET } from './rules-ec2/quietCases';

const FIRES: RuleCase[] = [
  ...FIRES_GENERAL,
  ...EC2_CASES.map((c) => ({ ...c, files: c.bundleRoot ? {} : undefined })),
  ...FIRES_EC2_WORKSPACE,
  ...FIRES_ECS,
  ...FIRES_LAMBDA,
  ...FIRES_ECS_LAMBDA,
  ...FIRES_CROSS_FILE,
];
const QUIET: RuleCase[] = [
  ...QUIET_GENERAL,
  ...EC2_QUIET,
  ...QUIET_EC2_WORKSPACE,
  ...QUIET_ECS,
  ...QUIET_LAMBDA,
  ...QUIET_ECS_LAMBDA,
  ...QUIET_CROSS_FILE,
];

const byId = new Map(allRules.map((r) => [r.id, r]));
const show = (found: readonly Finding[]) =>
  found.map((d) => `${d.range.start.line + 1} ${d.ruleId} ${d.message}`).join('\n');

/** What the rule reported in a run: lint's findings, plus the schema check's own for the schema entries. */
function reportedBy(rule: Rule, run: CaseRun): Finding[] {
  const found: Finding[] = run.found.filter((d) => d.ruleId === rule.id);
  if (SCHEMA_RULE_IDS.has(rule.id) && run.doc.yaml)
    found.push(...schemaFindings(run.doc).filter((d) => d.ruleId === rule.id));
  return found;
}

/** True for a rule that fires only by reading the workspace: without a file system its firing cases are quiet. */
const workspaceRules = new Map<string, boolean>();
function needsWorkspace(rule: Rule): boolean {
  if (!workspaceRules.has(rule.id)) {
    const fires = FIRES.filter((c) => c.id === rule.id);
    const needs =
      fires.length > 0 &&
      fires.every((c) => {
        if (!c.files) return false;
        const { doc, ctx } = runCase(c);
        return rule.check(doc, { fileName: ctx.fileName, bundleRoot: ctx.bundleRoot }).length === 0;
      });
    workspaceRules.set(rule.id, needs);
  }
  return workspaceRules.get(rule.id)!;
}

/** Why the rule did not really run on the case (undefined when it did). */
function notExercised(rule: Rule, c: RuleCase, run: CaseRun): string | undefined {
  const { doc } = run;
  if (!rule.platforms.includes(doc.platform.platform))
    return `the document's platform is ${doc.platform.platform}, the rule runs on ${rule.platforms.join(', ')}`;
  const broken = !!doc.skipped || !doc.yaml || doc.syntaxErrors.some((e) => e.severity === 'error');
  if (broken && !isSafeOnBrokenDocument(rule)) return 'the document does not parse, so the rule does not run';
  if (!['E0012', 'E0001', 'E0007'].includes(rule.id) && recognizeOtherFile(doc))
    return 'the document is set aside as another tool file (E0012)';
  if (c.files && needsWorkspace(rule)) {
    const fs = countingFs();
    rule.check(doc, { ...run.ctx, fs });
    if (fs.calls === 0) return 'the case has bundle files, but the rule did not read the workspace';
  }
  return undefined;
}

test('every rule has a firing case and a quiet case, and every case names a rule', () => {
  for (const c of [...FIRES, ...QUIET]) assert.ok(byId.has(c.id), `a case names ${c.id}, which is not a rule`);
  const missing: string[] = [];
  for (const rule of allRules) {
    if (!FIRES.some((c) => c.id === rule.id)) missing.push(`${rule.id} ${rule.name}: no firing case`);
    if (!QUIET.some((c) => c.id === rule.id)) missing.push(`${rule.id} ${rule.name}: no quiet case`);
    if (needsWorkspace(rule) && !QUIET.some((c) => c.id === rule.id && c.files))
      missing.push(`${rule.id} ${rule.name}: fires only with a workspace, but no quiet case has one`);
  }
  assert.deepEqual(missing, []);
});

for (const c of FIRES) {
  test(`coverage: ${c.id} fires: ${c.name}`, () => {
    const rule = byId.get(c.id)!;
    const run = runCase(c);
    const hits = reportedBy(rule, run);
    assert.ok(hits.length > 0, `expected ${c.id}, got:\n${show(run.found)}`);
    if (c.line !== undefined)
      assert.ok(
        hits.some((d) => d.range.start.line + 1 === c.line),
        `expected ${c.id} on line ${c.line}, got:\n${show(hits)}`,
      );
  });
}

for (const c of QUIET) {
  test(`coverage: ${c.id} runs and stays quiet: ${c.name}`, () => {
    const rule = byId.get(c.id)!;
    const run = runCase(c);
    assert.deepEqual(show(reportedBy(rule, run)), '', `${c.id} fired on its quiet case`);
    assert.equal(notExercised(rule, c, run), undefined, `${c.id} did not run on its quiet case`);
  });
}
