/**
 * One case of one rule, as data, so a single test can run every rule's cases and check that each rule has
 * a case that makes it fire and a case on which it runs and stays quiet (ruleCoverage.test.ts).
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lint } from '../../../../engine/lint';
import { parseAppSpec } from '../../../../engine/document';
import { createNodeFs } from '../../../../engine/nodeFs';
import { parseLintConfig } from '../../../../engine/config';
import { allRules } from '../../../../engine/rules';
import type { AppSpecDocument, Diagnosis, RuleContext, WorkspaceFs } from '../../../../engine/types';

export type BundleFiles = Record<string, string | { content: string; mode?: number }>;

export interface RuleCase {
  id: string;
  /** What the case shows. */
  name: string;
  text: string;
  /** Default `appspec.yml`. */
  fileName?: string;
  /** Files of the bundle folder next to the AppSpec: the case then runs with workspace checks. */
  files?: BundleFiles;
  /** 1-based line where a firing case's finding starts. */
  line?: number;
  /** Text of the `.appspec-lint.json` that applies. */
  config?: string;
  /** The AppSpec's folder inside the files' folder (default: that folder itself), e.g. `deploy`. */
  appspecDir?: string;
}

/** A temporary bundle folder holding `files`. */
export function bundleOf(files: BundleFiles): string {
  const root = mkdtempSync(join(tmpdir(), 'appspec-case-'));
  for (const [rel, spec] of Object.entries(files)) {
    const abs = join(root, ...rel.split('/'));
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, typeof spec === 'string' ? spec : spec.content);
    chmodSync(abs, typeof spec === 'string' ? 0o644 : (spec.mode ?? 0o644));
  }
  return root;
}

/** A file system view that counts what it is asked, to tell whether a rule looked at the workspace. */
export function countingFs(): WorkspaceFs & { calls: number } {
  const real = createNodeFs({ git: false });
  const fs = {
    calls: 0,
    stat: (p: string) => (fs.calls++, real.stat(p)),
    readHead: (p: string, n: number) => (fs.calls++, real.readHead(p, n)),
    list: (p: string) => (fs.calls++, real.list(p)),
  };
  return fs;
}

export interface CaseRun {
  doc: AppSpecDocument;
  ctx: RuleContext;
  found: Diagnosis[];
}

/** Parses and lints a case the way the editor does (workspace checks when the case has bundle files). */
export function runCase(c: RuleCase, fs: WorkspaceFs = countingFs()): CaseRun {
  const fileName = c.fileName ?? 'appspec.yml';
  const top = c.files ? bundleOf(c.files) : undefined;
  const bundleRoot = top && c.appspecDir ? join(top, ...c.appspecDir.split('/')) : top;
  if (bundleRoot) mkdirSync(bundleRoot, { recursive: true });
  const doc = parseAppSpec(`file:///case/${fileName}`, c.text, 1);
  const ctx: RuleContext = bundleRoot ? { fileName, bundleRoot, fs } : { fileName };
  const parsed =
    c.config === undefined
      ? undefined
      : parseLintConfig(
          c.config,
          allRules.map((r) => r.id),
        );
  const config = parsed && { ...parsed.config, problems: parsed.problems };
  return { doc, ctx, found: lint(doc, ctx, config) };
}
