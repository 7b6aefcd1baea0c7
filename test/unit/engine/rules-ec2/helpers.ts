/** Test helpers for the EC2 rules: lint text through the real engine, apply quick fixes, make bundles. */
import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lintText } from '../../../../engine/lint';
import { parseAppSpec } from '../../../../engine/document';
import { createNodeFs } from '../../../../engine/nodeFs';
import type { Diagnosis, Edit, Fix, RuleContext } from '../../../../engine/types';

export const FIXTURES = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'ec2');

export interface LintOpts {
  fileName?: string;
  bundleRoot?: string;
  fs?: RuleContext['fs'];
}

export function lintEc2(text: string, opts: LintOpts = {}): Diagnosis[] {
  const fileName = opts.fileName ?? 'appspec.yml';
  return lintText(text, { fileName, ctx: { fileName, bundleRoot: opts.bundleRoot, fs: opts.fs } });
}

export function withId(diags: Diagnosis[], id: string): Diagnosis[] {
  return diags.filter((d) => d.ruleId === id);
}

/** Applies edits (non-overlapping) to the text. */
export function applyEdits(text: string, edits: Edit[]): string {
  const doc = parseAppSpec('untitled:fix', text, 0);
  const withOffsets = edits.map((e) => ({
    start: doc.lines.offsetAt(e.range.start),
    end: doc.lines.offsetAt(e.range.end),
    newText: e.newText,
  }));
  withOffsets.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export function fixOf(d: Diagnosis, titlePart?: string): Fix {
  const fix = titlePart
    ? d.fixes?.find((f) => f.title.includes(titlePart))
    : (d.fixes?.find((f) => f.isPreferred) ?? d.fixes?.[0]);
  assert.ok(
    fix,
    `finding ${d.ruleId} "${d.message}" has a fix${titlePart ? ` titled like "${titlePart}"` : ''} (has: ${d.fixes?.map((f) => f.title).join(' | ')})`,
  );
  return fix;
}

/** Applies the fix's edits and asserts the result parses cleanly and the finding is gone. */
export function assertFixClears(text: string, d: Diagnosis, titlePart?: string, opts: LintOpts = {}): string {
  const fix = fixOf(d, titlePart);
  assert.ok(fix.edits && fix.edits.length > 0, 'fix has edits');
  const fixed = applyEdits(text, fix.edits);
  const reparsed = parseAppSpec('untitled:fixed', fixed, 0);
  assert.deepEqual(
    reparsed.syntaxErrors.map((e) => e.message),
    [],
    `fixed text parses:\n${fixed}`,
  );
  if ((opts.fileName ?? '').endsWith('.json'))
    assert.doesNotThrow(() => JSON.parse(fixed), `fixed JSON stays JSON:\n${fixed}`);
  const after = lintEc2(fixed, opts);
  const same = after.filter((x) => x.ruleId === d.ruleId && x.message === d.message);
  assert.equal(
    same.length,
    0,
    `finding gone after "${fix.title}":\n${fixed}\n${JSON.stringify(
      after.map((x) => `${x.ruleId} ${x.message}`),
      null,
      1,
    )}`,
  );
  return fixed;
}

/** A temporary bundle folder with the given files (path → content, or {content, mode}). */
export function makeBundle(files: Record<string, string | { content: string | Buffer; mode?: number }>): string {
  const root = mkdtempSync(join(tmpdir(), 'appspec-ec2-'));
  for (const [rel, spec] of Object.entries(files)) {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    const content = typeof spec === 'string' ? spec : spec.content;
    writeFileSync(abs, content);
    chmodSync(abs, typeof spec === 'string' ? 0o644 : (spec.mode ?? 0o644));
  }
  return root;
}

export const realFs = createNodeFs({ git: false });
