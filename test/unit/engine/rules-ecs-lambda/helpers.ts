/** Test helpers for the ECS/Lambda rules: parse, run one rule, apply a fix, re-lint. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAppSpec } from '../../../../engine/document';
import { lint } from '../../../../engine/lint';
import type { AppSpecDocument, Diagnosis, Finding, Fix, Rule } from '../../../../engine/types';

export function parse(text: string, fileName = 'appspec.yml'): AppSpecDocument {
  return parseAppSpec(`file:///work/app/${fileName}`, text, 1);
}

/** Runs one rule (its platform must match the detected one) and returns its findings. */
export function run(rule: Rule, text: string, fileName = 'appspec.yml'): Finding[] {
  const doc = parse(text, fileName);
  assert.ok(
    rule.platforms.includes(doc.platform.platform),
    `platform ${doc.platform.platform} (${doc.platform.reason}) not in ${rule.platforms.join(',')}`,
  );
  const found = rule.check(doc, { fileName });
  for (const f of found) assert.equal(f.ruleId, rule.id);
  return found;
}

/** Exactly one finding; returns it. */
export function one(rule: Rule, text: string, fileName = 'appspec.yml'): Finding {
  const found = run(rule, text, fileName);
  assert.equal(
    found.length,
    1,
    `expected one ${rule.id} finding, got ${found.length}: ${found.map((f) => f.message).join(' | ')}`,
  );
  return found[0];
}

export function none(rule: Rule, text: string, fileName = 'appspec.yml'): void {
  const found = run(rule, text, fileName);
  assert.deepEqual(
    found.map((f) => f.message),
    [],
    `${rule.id} should not fire`,
  );
}

/** 0-based line of a finding's start. */
export function line(f: Finding): number {
  return f.range.start.line;
}

/** Applies a fix's edits to the text. */
export function applyFix(text: string, fix: Fix, fileName = 'appspec.yml'): string {
  const doc = parse(text, fileName);
  const edits = (fix.edits ?? []).map((e) => ({
    start: doc.lines.offsetAt(e.range.start),
    end: doc.lines.offsetAt(e.range.end),
    newText: e.newText,
  }));
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Applies the fix with the given title fragment (or the first) of the only finding, then re-runs the rule. */
export function fixAndRerun(
  rule: Rule,
  text: string,
  fileName = 'appspec.yml',
  title?: string,
): { fixed: string; after: Finding[] } {
  const f = one(rule, text, fileName);
  assert.ok(f.fixes && f.fixes.length > 0, `${rule.id} finding has no fix`);
  const fix = title ? f.fixes.find((x) => x.title.includes(title)) : f.fixes[0];
  assert.ok(fix, `no fix titled ~${title}`);
  const fixed = applyFix(text, fix, fileName);
  const doc = parse(fixed, fileName);
  assert.deepEqual(
    doc.syntaxErrors.filter((e) => e.severity === 'error').map((e) => e.message),
    [],
    `fixed text does not parse:\n${fixed}`,
  );
  return { fixed, after: rule.check(doc, { fileName }) };
}

/** All engine findings for a text (every rule plus the schema check). */
export function lintAll(text: string, fileName = 'appspec.yml'): Diagnosis[] {
  return lint(parse(text, fileName), { fileName });
}

/** Repository root (the tests run from out/test/...). */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || path.basename(dir) === 'out') dir = path.dirname(dir);
  return dir;
}

export function fixture(rel: string): string {
  return fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', rel), 'utf8');
}
