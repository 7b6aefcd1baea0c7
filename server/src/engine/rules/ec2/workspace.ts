/** Shared lookup for the workspace checks (5xxx): hook scripts resolved against the bundle root. */
import type { AppSpecDocument, RuleContext, WorkspaceFs } from '../../types';
import { findPair, isScalar, type Node } from '../../ast';
import { WINDOWS_ABSOLUTE, bundleRelative, hookScripts, joinRoot, templated, textOf } from './util';

export interface ResolvedScript {
  event: string;
  node: Node;
  location: string;
  /** Bundle-relative path with `/`. */
  rel: string;
  abs: string;
  stat: ReturnType<WorkspaceFs['stat']>;
}

/** Hook scripts with a usable `location`, resolved on disk; empty unless the workspace is available. */
export function resolvedScripts(
  doc: AppSpecDocument,
  ctx: RuleContext,
): { fs: WorkspaceFs; scripts: ResolvedScript[] } | undefined {
  if (!ctx.fs || !ctx.bundleRoot) return undefined;
  const fs = ctx.fs;
  const root = ctx.bundleRoot;
  const scripts: ResolvedScript[] = [];
  for (const { event, script } of hookScripts(doc)) {
    const value = findPair(script, 'location')?.value;
    const location = textOf(value);
    if (!isScalar(value) || location === undefined || templated(value) || /\s/.test(location)) continue;
    const rel = bundleRelative(location.replace(WINDOWS_ABSOLUTE, ''));
    if (rel === '' || rel.split('/').includes('..')) continue;
    const abs = joinRoot(root, rel);
    scripts.push({ event, node: value, location, rel, abs, stat: fs.stat(abs) });
  }
  return { fs, scripts };
}
