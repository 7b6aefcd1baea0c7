/** Shared lookup for the workspace checks (5xxx): hook scripts resolved against the bundle root. */
import type { AppSpecDocument, RuleContext, WorkspaceFs } from '../../types';
import { findPair, isScalar, type Node } from '../../ast';
import { memoFor, memoForRun } from '../../derived';
import {
  WINDOWS_ABSOLUTE,
  WINDOWS_SCRIPT,
  bundleRelative,
  hookScripts,
  joinRoot,
  osOf,
  templated,
  textOf,
  type FilesEntry,
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

/** Hook scripts with a usable `location`, resolved on disk; empty unless the workspace is available. Shared within a lint run: do not modify. */
export function resolvedScripts(
  doc: AppSpecDocument,
  ctx: RuleContext,
): { fs: WorkspaceFs; scripts: readonly ResolvedScript[] } | undefined {
  if (!ctx.fs || !ctx.bundleRoot) return undefined;
  const fs = ctx.fs;
  const root = ctx.bundleRoot;
  return memoForRun(doc, ctx, 'ec2.resolvedScripts', () => ({
    fs,
    scripts: scriptLocations(doc).map(({ event, node, location, rel }) => {
      const abs = joinRoot(root, rel);
      return { event, node, location, rel, abs, stat: fs.stat(abs) };
    }),
  }));
}

/** The part of a resolved script that depends on the document only. */
type ScriptLocation = Omit<ResolvedScript, 'abs' | 'stat'>;

/** Hook scripts with a usable `location` (a bundle-relative path without `..`), per document. */
function scriptLocations(doc: AppSpecDocument): readonly ScriptLocation[] {
  return memoFor(doc, 'ec2.scriptLocations', () => {
    const out: ScriptLocation[] = [];
    for (const { event, script } of hookScripts(doc)) {
      const value = findPair(script, 'location')?.value;
      const location = textOf(value);
      if (!isScalar(value) || location === undefined || templated(value) || /\s/.test(location)) continue;
      const rel = bundleRelative(location.replace(WINDOWS_ABSOLUTE, ''));
      if (rel === '' || rel.split('/').includes('..')) continue;
      out.push({ event, node: value, location, rel });
    }
    return out;
  });
}

type Stat = ReturnType<WorkspaceFs['stat']>;

/**
 * The `stat` of a `files` entry's source (its bundle-relative path under the bundle root), asked once per entry
 * and lint run however many rules need it; undefined without a workspace or when the path does not exist.
 */
export function sourceStatOf(doc: AppSpecDocument, ctx: RuleContext, entry: FilesEntry): Stat {
  if (!ctx.fs || !ctx.bundleRoot) return undefined;
  const fs = ctx.fs;
  const root = ctx.bundleRoot;
  const stats = memoForRun(doc, ctx, 'ec2.sourceStats', () => new Map<FilesEntry, Stat>());
  if (stats.has(entry)) return stats.get(entry);
  const st = fs.stat(joinRoot(root, bundleRelative(entry.source ?? '')));
  stats.set(entry, st);
  return st;
}

/**
 * How much of a hook script the checks read (W5003 looks at the first bytes, W5004 at the first 4 KiB): one size,
 * so both are answered by a single read per script and lint run.
 */
export const SCRIPT_HEAD_BYTES = 4096;

/** A resolved script that exists as a file. */
export type ScriptFile = ResolvedScript & { stat: NonNullable<ResolvedScript['stat']> };

/**
 * For the checks of Linux script files: the resolved scripts that are files and not Windows scripts
 * (`.ps1`, `.bat`, `.cmd`, `.exe`). Undefined with `os: windows` or without a workspace. Shared within a lint run.
 */
export function linuxScriptFiles(
  doc: AppSpecDocument,
  ctx: RuleContext,
): { fs: WorkspaceFs; scripts: readonly ScriptFile[] } | undefined {
  if (osOf(doc) === 'windows') return undefined;
  const resolved = resolvedScripts(doc, ctx);
  if (!resolved) return undefined;
  return memoForRun(doc, ctx, 'ec2.linuxScriptFiles', () => ({
    fs: resolved.fs,
    scripts: resolved.scripts.filter((s): s is ScriptFile => !!s.stat?.isFile && !WINDOWS_SCRIPT.test(s.rel)),
  }));
}

/** The names in one folder, for exact and case-insensitive lookups. */
interface FolderNames {
  count: number;
  exact: Set<string>;
  /** Lower-case name → the first name (in listing order) with that spelling. */
  lower: Map<string, string>;
}

function readFolder(fs: WorkspaceFs, dir: string): FolderNames {
  const exact = new Set<string>();
  const lower = new Map<string, string>();
  const entries = fs.list(dir);
  for (const { name } of entries) {
    exact.add(name);
    const key = name.toLowerCase();
    if (!lower.has(key)) lower.set(key, name);
  }
  return { count: entries.length, exact, lower };
}

/**
 * On a case-insensitive disk (macOS, Windows) `stat` finds `scripts/Start.sh` for `scripts/start.sh`, but Linux
 * instances will not. Returns the path as spelled on disk when some segment differs only in case. Each folder is
 * listed once per lint run (a bundle may hold thousands of scripts in one folder).
 */
export function caseMismatch(doc: AppSpecDocument, ctx: RuleContext, rel: string): string | undefined {
  const fs = ctx.fs;
  const root = ctx.bundleRoot;
  if (!fs || !root) return undefined;
  const folders = memoForRun(doc, ctx, 'ec2.folderNames', () => new Map<string, FolderNames>());
  let dir = root;
  const actual: string[] = [];
  let differs = false;
  for (const seg of rel.split('/').filter(Boolean)) {
    let names = folders.get(dir);
    if (!names) folders.set(dir, (names = readFolder(fs, dir)));
    if (names.count === 0 || names.exact.has(seg)) {
      actual.push(seg);
    } else {
      const other = names.lower.get(seg.toLowerCase());
      if (other === undefined) return undefined;
      actual.push(other);
      differs = true;
    }
    dir = joinRoot(dir, actual[actual.length - 1]);
  }
  return differs ? actual.join('/') : undefined;
}
