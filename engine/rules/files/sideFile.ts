/**
 * Files beside the AppSpec that the cross-file checks (9xxx) read: a task definition, a buildspec, a SAM or
 * CloudFormation template. Each is read through the injected `WorkspaceFs` (so the language service fingerprints
 * it and checks again when it changes), parsed with the same parser as the AppSpec (JSON is YAML), and shared by
 * every rule of one lint run. A file that is missing, too large, binary or does not parse is `undefined`: the checks
 * then say nothing (unknown is never an alarm).
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { parseAppSpec } from '../../document';
import { memoForRun } from '../../derived';
import { keyText, pairsOf } from '../../ast';
import type { AppSpecDocument, Range, RuleContext, WorkspaceFs } from '../../types';

/** Larger side files are not read (a task definition or buildspec is a few KiB; templates may be larger). */
export const SIDE_FILE_MAX_BYTES = 2 * 1024 * 1024;

export interface SideFile {
  abs: string;
  /** `file:` URI of the file, for related information. */
  uri: string;
  doc: AppSpecDocument;
  root: YAMLMap;
}

/** A `file:` URI for an absolute path (POSIX or Windows), written the way VS Code writes them. */
export function fileUriOf(abs: string): string {
  let p = abs.replace(/\\/g, '/');
  const drive = /^([A-Za-z]):(\/|$)/.exec(p);
  if (drive) p = `/${drive[1].toLowerCase()}%3A${p.slice(2)}`;
  const encoded = p
    .split('/')
    .map((seg, i) => (drive && i === 1 ? seg : encodeURIComponent(seg)))
    .join('/');
  return `file://${encoded.startsWith('/') ? '' : '/'}${encoded}`;
}

/** Folder and name → path, with the folder's separator. */
export function joinPath(dir: string, rel: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  const trimmed = dir.replace(/[\\/]+$/, '');
  const parts = rel.replace(/\\/g, '/').split('/');
  const out = trimmed === '' && dir.startsWith('/') ? [''] : trimmed.split(/[\\/]/);
  const absolute = rel.startsWith('/') || /^[A-Za-z]:[\\/]/.test(rel);
  if (absolute) return rel;
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 1) out.pop();
    } else out.push(part);
  }
  return out.join(sep);
}

/** The parent folder, or undefined at the top. */
export function parentDir(dir: string): string | undefined {
  const trimmed = dir.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut < 0) return undefined;
  if (cut === 0) return trimmed.length > 1 ? trimmed.slice(0, 1) : undefined;
  const up = trimmed.slice(0, cut);
  return /^[A-Za-z]:$/.test(up) ? `${up}${trimmed[cut]}` : up;
}

function readSide(fs: WorkspaceFs, abs: string): SideFile | undefined {
  const st = fs.stat(abs);
  if (!st?.isFile || st.size > SIDE_FILE_MAX_BYTES) return undefined;
  const bytes = fs.readHead(abs, SIDE_FILE_MAX_BYTES);
  if (!bytes) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const uri = fileUriOf(abs);
  const doc = parseAppSpec(uri, text, 0);
  if (doc.skipped || !doc.yaml || !isMap(doc.root)) return undefined;
  if (doc.syntaxErrors.some((e) => e.severity === 'error' && e.code !== 'TAG_RESOLVE_FAILED')) return undefined;
  return { abs, uri, doc, root: doc.root };
}

/** The parsed side file at `abs`, read once per lint run; undefined when it is absent or unusable. */
export function sideFile(appspec: AppSpecDocument, ctx: RuleContext, abs: string): SideFile | undefined {
  const fs = ctx.fs;
  if (!fs) return undefined;
  const files = memoForRun(appspec, ctx, 'files.sideFiles', () => new Map<string, SideFile | undefined>());
  if (!files.has(abs)) files.set(abs, readSide(fs, abs));
  return files.get(abs);
}

// ---------------------------------------------------------------- reading side files

/** The pair for `key` (exact, as CloudFormation, CodeBuild and ECS read keys). */
export function pairOf(map: unknown, key: string): Pair | undefined {
  return pairsOf(map).find((p) => keyText(p) === key);
}

export function valueAt(map: unknown, key: string): Node | null | undefined {
  const p = pairOf(map, key);
  return p ? ((p.value as Node | null) ?? null) : undefined;
}

/** A scalar's text (numbers as written), or undefined for anything else. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return (node as { source?: string }).source ?? String(v);
  return undefined;
}

export function itemsOf(node: unknown): unknown[] {
  return isSeq(node) ? node.items : [];
}

/** Where a node of a side file is, for related information. */
export function sideRange(file: SideFile, node: unknown): Range {
  const n = node as Node | Pair | null | undefined;
  if (n && 'range' in n && n.range) return file.doc.rangeOf(n);
  return file.doc.rangeOf([0, 0]);
}

/** The key range of a pair in a side file. */
export function sideKeyRange(file: SideFile, pair: Pair): Range {
  return file.doc.keyRangeOf(pair);
}

/** The name of a file for messages (`taskdef.json`). */
export function baseName(abs: string): string {
  return abs.slice(Math.max(abs.lastIndexOf('/'), abs.lastIndexOf('\\')) + 1);
}
