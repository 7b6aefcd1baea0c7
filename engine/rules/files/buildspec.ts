/**
 * The CodeBuild buildspec that builds an EC2/On-Premises bundle: the nearest `buildspec.yml` / `buildspec.yaml` in
 * the AppSpec's folder or a parent (up to the repository root), and where its artifacts put the files the AppSpec
 * needs. Only certain answers count: a pattern or folder this reading does not understand (an environment variable,
 * `{a,b}`, `..`, an absolute path) makes the whole artifact unknown, and an unknown artifact is never reported.
 */
import { isMap, type Pair } from 'yaml';
import { memoForRun } from '../../derived';
import type { AppSpecDocument, RuleContext } from '../../types';
import { itemsOf, joinPath, pairOf, parentDir, scalarText, sideFile, valueAt, type SideFile } from './sideFile';

const NAMES = ['buildspec.yml', 'buildspec.yaml'];
/**
 * How many folders above the AppSpec are searched (the repository root, a folder holding `.git`, ends the search
 * earlier, and so do the file system's two top levels).
 */
const MAX_LEVELS = 8;

export interface Artifact {
  /** `artifacts`, or the name of a secondary artifact. */
  label: string;
  patterns: string[][];
  excludes: string[][];
  /** Segments of `base-directory` ([] for the source root). */
  base: string[];
  discard: boolean;
  /** Where to point at in the buildspec. */
  filesPair: Pair;
}

export interface Buildspec {
  file: SideFile;
  name: string;
  /** The AppSpec's folder relative to the buildspec's folder, as segments. */
  bundleDir: string[];
  artifacts: Artifact[];
  /** Every command of the build phases, lower-cased, one per line (what the build may copy or create). */
  commands: string;
}

/** Every command text under `phases.<phase>.commands` and `finally`. */
function commandsOf(file: SideFile): string {
  const out: string[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 4) return;
    if (isMap(node)) for (const p of node.items as Pair[]) visit(p.value, depth + 1);
    else for (const item of itemsOf(node)) visit(item, depth + 1);
    const t = scalarText(node);
    if (t !== undefined) out.push(t.toLowerCase());
  };
  visit(valueAt(file.root, 'phases'), 0);
  return out.join('\n');
}

/**
 * True when a build command names `word` (a file or folder name, compared case-insensitively): the build may copy,
 * move or create it, so where it ends up is not certain.
 */
export function commandsMention(bs: Buildspec, word: string): boolean {
  const w = word.toLowerCase();
  if (!w) return false;
  let at = bs.commands.indexOf(w);
  while (at >= 0) {
    const before = bs.commands[at - 1];
    const after = bs.commands[at + w.length];
    if ((before === undefined || !/[a-z0-9_-]/.test(before)) && (after === undefined || !/[a-z0-9_]/.test(after)))
      return true;
    at = bs.commands.indexOf(w, at + 1);
  }
  return false;
}

const UNKNOWN_TEXT = /[$`{}[\]\\]|^\s*\//;

/** Most `*` in one segment, and most characters in a pattern, that are matched (more: the pattern is not judged). */
const MAX_STARS = 4;
const MAX_PATTERN = 1024;

function segments(path: string): string[] | undefined {
  if (UNKNOWN_TEXT.test(path) || path.length > MAX_PATTERN) return undefined;
  const segs = path
    .trim()
    .split('/')
    .filter((s) => s !== '' && s !== '.');
  if (segs.some((seg) => seg !== '**' && (seg.match(/\*/g)?.length ?? 0) > MAX_STARS)) return undefined;
  return segs.includes('..') ? undefined : segs.map((seg) => (seg === '**' ? seg : seg.replace(/\*{2,}/g, '*')));
}

function yes(node: unknown): boolean | undefined {
  const t = scalarText(node)?.trim().toLowerCase();
  if (t === undefined) return node === undefined ? false : undefined;
  if (['yes', 'true', 'on'].includes(t)) return true;
  if (['no', 'false', 'off'].includes(t)) return false;
  return undefined;
}

function patternsOf(node: unknown): string[][] | undefined {
  const texts = isMap(node) ? undefined : itemsOf(node).length ? itemsOf(node).map(scalarText) : [scalarText(node)];
  if (!texts) return undefined;
  const out: string[][] = [];
  for (const t of texts) {
    if (t === undefined) return undefined;
    const segs = segments(t);
    if (!segs) return undefined;
    out.push(segs);
  }
  return out;
}

function readArtifact(label: string, map: unknown): Artifact | undefined {
  const filesPair = pairOf(map, 'files');
  if (!filesPair || !filesPair.value) return undefined;
  const patterns = patternsOf(filesPair.value);
  const excludeNode = valueAt(map, 'exclude-paths');
  const excludes = excludeNode === undefined || excludeNode === null ? [] : patternsOf(excludeNode);
  const baseNode = valueAt(map, 'base-directory');
  const baseText = baseNode === undefined || baseNode === null ? '' : scalarText(baseNode);
  const base = baseText === undefined || /[*?]/.test(baseText) ? undefined : segments(baseText);
  const discard = yes(valueAt(map, 'discard-paths') ?? undefined);
  if (!patterns || patterns.length === 0 || !excludes || !base || discard === undefined) return undefined;
  return { label, patterns, excludes, base, discard, filesPair };
}

/** Every artifact of the buildspec, or undefined when one of them cannot be read for certain. */
function readArtifacts(file: SideFile): Artifact[] | undefined {
  const artifacts = valueAt(file.root, 'artifacts');
  if (!isMap(artifacts)) return undefined;
  const out: Artifact[] = [];
  if (pairOf(artifacts, 'files')) {
    const primary = readArtifact('artifacts', artifacts);
    if (!primary) return undefined;
    out.push(primary);
  }
  const secondary = valueAt(artifacts, 'secondary-artifacts');
  if (secondary !== undefined) {
    if (!isMap(secondary)) return undefined;
    for (const pair of secondary.items as Pair[]) {
      const a = readArtifact(`secondary artifact ${scalarText(pair.key) ?? ''}`, pair.value);
      if (!a) return undefined;
      out.push(a);
    }
  }
  return out.length ? out : undefined;
}

function findBuildspec(doc: AppSpecDocument, ctx: RuleContext): Buildspec | undefined {
  const fs = ctx.fs;
  const root = ctx.bundleRoot;
  if (!fs || !root) return undefined;
  const up: string[] = [];
  let dir: string | undefined = root;
  for (let level = 0; dir !== undefined && level <= MAX_LEVELS; level++) {
    // Above the AppSpec's folder, the file system's top folders (`/`, `/tmp`, `C:\Users`) hold no project.
    if (
      level > 0 &&
      dir
        .replace(/^[A-Za-z]:/, '')
        .split(/[\\/]/)
        .filter(Boolean).length < 2
    )
      break;
    for (const name of NAMES) {
      const abs = joinPath(dir, name);
      if (!fs.stat(abs)?.isFile) continue;
      const file = sideFile(doc, ctx, abs);
      const artifacts = file ? readArtifacts(file) : undefined;
      // The nearest buildspec decides; one that cannot be read for certain means nothing is known.
      return file && artifacts
        ? {
            file,
            name: up.length ? `${[...up].map(() => '..').join('/')}/${name}` : name,
            bundleDir: [...up].reverse(),
            artifacts,
            commands: commandsOf(file),
          }
        : undefined;
    }
    if (fs.stat(joinPath(dir, '.git'))) break; // the repository root
    const parent = parentDir(dir);
    if (parent === undefined) break;
    up.push(dir.slice(Math.max(dir.lastIndexOf('/'), dir.lastIndexOf('\\')) + 1));
    dir = parent;
  }
  return undefined;
}

/** The buildspec of this AppSpec's bundle, read once per lint run. */
export function buildspecOf(doc: AppSpecDocument, ctx: RuleContext): Buildspec | undefined {
  if (!ctx.fs || !ctx.bundleRoot) return undefined;
  return memoForRun(doc, ctx, 'files.buildspec', () => findBuildspec(doc, ctx));
}

// ---------------------------------------------------------------- matching

const segmentRegex = new Map<string, RegExp>();
function segMatches(pattern: string, seg: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === seg;
  let re = segmentRegex.get(pattern);
  if (!re) {
    const body = pattern
      .replace(/[.+^$()|]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]');
    segmentRegex.set(pattern, (re = new RegExp(`^${body}$`)));
  }
  return re.test(seg);
}

/** The pattern positions reachable from `states` without consuming a segment (`**` may match none). */
function closure(pattern: readonly string[], states: Set<number>): Set<number> {
  for (const pi of states) if (pattern[pi] === '**') states.add(pi + 1); // a Set visits what is added while iterating
  return states;
}

/** The pattern positions reachable after matching `path` (a set simulation, linear in pattern × path). */
function afterPath(pattern: readonly string[], path: readonly string[]): Set<number> {
  let states = closure(pattern, new Set([0]));
  for (const seg of path) {
    const next = new Set<number>();
    for (const pi of states) {
      if (pi >= pattern.length) continue;
      if (pattern[pi] === '**') next.add(pi);
      else if (segMatches(pattern[pi], seg)) next.add(pi + 1);
    }
    states = closure(pattern, next);
    if (states.size === 0) break;
  }
  return states;
}

/** True when the pattern matches the path exactly. */
function globMatches(pattern: readonly string[], path: readonly string[]): boolean {
  return afterPath(pattern, path).has(pattern.length);
}

/** True when the pattern may match something below the folder `prefix`. */
function mayMatchBelow(pattern: readonly string[], prefix: readonly string[]): boolean {
  return [...afterPath(pattern, prefix)].some((pi) => pi < pattern.length);
}

/** A pattern without wildcards naming a folder above the path (CodeBuild may take the folder whole): counted as a match. */
function folderPrefix(pattern: readonly string[], path: readonly string[]): boolean {
  return (
    pattern.length > 0 && pattern.length < path.length && pattern.every((p, i) => !/[*?]/.test(p) && p === path[i])
  );
}

/** Whether the artifact takes the file at `path` (relative to the buildspec's folder), given as segments. */
export function takesFile(a: Artifact, path: readonly string[]): boolean {
  const rel = relativeToBase(a, path);
  if (!rel) return false;
  if (a.excludes.some((x) => globMatches(x, rel))) return false;
  return a.patterns.some((p) => globMatches(p, rel) || folderPrefix(p, rel));
}

/** Whether the artifact may take something below the folder `path`. */
export function takesBelow(a: Artifact, path: readonly string[]): boolean {
  const rel = relativeToBase(a, path);
  if (!rel) return false;
  return a.patterns.some((p) => mayMatchBelow(p, rel) || folderPrefix(p, rel) || globMatches(p, rel));
}

/** The path relative to `base-directory`, or undefined when it lies outside it. */
export function relativeToBase(a: Artifact, path: readonly string[]): string[] | undefined {
  if (a.base.length > path.length || a.base.some((b, i) => b !== path[i])) return undefined;
  return path.slice(a.base.length);
}

/** Where the artifact puts the file at `path` (segments relative to the bundle root of the artifact). */
export function placedAt(a: Artifact, path: readonly string[]): string[] | undefined {
  if (!takesFile(a, path)) return undefined;
  const rel = relativeToBase(a, path)!;
  return a.discard ? rel.slice(-1) : rel;
}

/** The artifacts that put the AppSpec at the root of their bundle. */
export function artifactsWithAppSpecAtRoot(bs: Buildspec, fileName: string): Artifact[] {
  return bs.artifacts.filter((a) => placedAt(a, [...bs.bundleDir, fileName])?.length === 1);
}
