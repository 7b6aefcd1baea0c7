/** Shared lookup for the workspace checks (5xxx): hook scripts resolved against the bundle root. */
import type { AppSpecDocument, RuleContext, WorkspaceFs } from '../../types';
import { findPair, isScalar, type Node } from '../../ast';
import {
  WINDOWS_ABSOLUTE,
  WINDOWS_SCRIPT,
  bundleRelative,
  hookScripts,
  joinRoot,
  osOf,
  templated,
  textOf,
} from './util';

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

/** A resolved script that exists as a file. */
export type ScriptFile = ResolvedScript & { stat: NonNullable<ResolvedScript['stat']> };

/**
 * For the checks of Linux script files: the resolved scripts that are files and not Windows scripts
 * (`.ps1`, `.bat`, `.cmd`, `.exe`). Undefined with `os: windows` or without a workspace.
 */
export function linuxScriptFiles(
  doc: AppSpecDocument,
  ctx: RuleContext,
): { fs: WorkspaceFs; scripts: ScriptFile[] } | undefined {
  if (osOf(doc) === 'windows') return undefined;
  const resolved = resolvedScripts(doc, ctx);
  if (!resolved) return undefined;
  const scripts = resolved.scripts.filter((s): s is ScriptFile => !!s.stat?.isFile && !WINDOWS_SCRIPT.test(s.rel));
  return { fs: resolved.fs, scripts };
}

/**
 * On a case-insensitive disk (macOS, Windows) `stat` finds `scripts/Start.sh` for `scripts/start.sh`, but Linux
 * instances will not. Returns the path as spelled on disk when some segment differs only in case.
 */
export function caseMismatch(fs: WorkspaceFs, root: string, rel: string): string | undefined {
  let dir = root;
  const actual: string[] = [];
  let differs = false;
  for (const seg of rel.split('/').filter(Boolean)) {
    const names = fs.list(dir).map((e) => e.name);
    if (names.length === 0 || names.includes(seg)) {
      actual.push(seg);
    } else {
      const other = names.find((n) => n.toLowerCase() === seg.toLowerCase());
      if (!other) return undefined;
      actual.push(other);
      differs = true;
    }
    dir = joinRoot(dir, actual[actual.length - 1]);
  }
  return differs ? actual.join('/') : undefined;
}
