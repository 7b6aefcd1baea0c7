/**
 * Helpers shared by the EC2/On-Premises rules: reading the sections of an EC2 AppSpec and
 * building the text edits that quick fixes need. Pure functions over the parsed model.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { AppSpecDocument, Edit, Finding, Range } from '../../types';
import { findPair, hasPlaceholder, keyText, pairsOf, scalarSource, scalarString } from '../../ast';
import { didYouMean } from '../../suggest';
import { memoFor } from '../../derived';

export type Os = 'linux' | 'windows' | undefined;

/** The `os` value when it is exactly `linux` or `windows`; undefined otherwise (unknown, missing, templated). */
export function osOf(doc: AppSpecDocument): Os {
  const v = scalarString(findPair(doc.root, 'os')?.value);
  return v === 'linux' || v === 'windows' ? v : undefined;
}

/** True for a scalar written as an explicit null (`~`, `null`), as opposed to an empty value. */
export function isExplicitNull(node: unknown): node is Scalar {
  if (!isScalar(node) || node.value !== null) return false;
  const src = (node as Scalar & { source?: string }).source ?? '';
  return src !== '';
}

/** True for a missing value, an empty value or an explicit null. */
export function isNullish(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === undefined));
}

/**
 * A non-empty trimmed string value, or undefined. Numbers and booleans keep the text they are written with: a
 * YAML 1.2 parser reads `source: 00010358` as the number 10358, but the agents read the name as written (Psych keeps
 * digit strings holding an 8 or a 9 as strings, and agent v2 reads paths as strings), so paths use the source text.
 */
export function textOf(node: unknown): string | undefined {
  const v = isScalar(node) ? node.value : undefined;
  const s =
    typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? scalarSource(node) : scalarString(node);
  if (s === undefined) return undefined;
  const t = s.trim();
  return t === '' ? undefined : t;
}

/** The mapping items of a list section (`files`, `permissions`), with their index. */
export function mapEntries(node: unknown): { map: YAMLMap; index: number }[] {
  if (!isSeq(node)) return [];
  const out: { map: YAMLMap; index: number }[] = [];
  node.items.forEach((item, index) => {
    if (isMap(item)) out.push({ map: item, index });
  });
  return out;
}

/** The value node of a top-level section, or undefined when the key is absent. */
export function sectionValue(doc: AppSpecDocument, key: string): Node | null | undefined {
  const pair = findPair(doc.root, key);
  if (!pair) return undefined;
  return (pair.value as Node | null) ?? null;
}

export interface ScriptRef {
  event: string;
  eventPair: Pair;
  script: YAMLMap;
  index: number;
}

/** Every hook script mapping, per event, in file order (events whose value is not a list are skipped). Shared view: do not modify. */
export function hookScripts(doc: AppSpecDocument): readonly ScriptRef[] {
  return memoFor(doc, 'ec2.hookScripts', () => collectHookScripts(doc));
}

function collectHookScripts(doc: AppSpecDocument): ScriptRef[] {
  const hooks = sectionValue(doc, 'hooks');
  const out: ScriptRef[] = [];
  for (const eventPair of pairsOf(hooks)) {
    const event = keyText(eventPair);
    if (event === undefined || !isSeq(eventPair.value)) continue;
    (eventPair.value as YAMLSeq).items.forEach((script, index) => {
      if (isMap(script)) out.push({ event, eventPair, script, index });
    });
  }
  return out;
}

/** Skip values a pipeline fills in later. */
export function templated(node: unknown): boolean {
  return hasPlaceholder(node);
}

// ---------------------------------------------------------------- paths

/** Path segments after splitting on `/` (and `\` when asked), empty and `.` segments dropped. */
export function segments(path: string, backslash = false): string[] {
  return path.split(backslash ? /[\\/]+/ : /\/+/).filter((s) => s !== '' && s !== '.');
}

/** True when `..` segments climb above the start of the path. */
export function escapesRoot(path: string, backslash = false): boolean {
  if (!path.includes('..')) return false; // no `..` segment at all (the usual case)
  let depth = 0;
  for (const seg of segments(path, backslash)) {
    depth += seg === '..' ? -1 : 1;
    if (depth < 0) return true;
  }
  return false;
}

/** Something `normalizePosix` would change: `//`, a trailing `/`, or a `.`/`..` segment. */
const NOT_NORMAL = /\/\/|\/$|(?:^|\/)\.\.?(?:\/|$)/;

/** A POSIX path normalised: `..` resolved where possible, no trailing slash, `/` for the root. */
export function normalizePosix(path: string): string {
  if (!NOT_NORMAL.test(path)) return path; // already normal (the usual case)
  const out: string[] = [];
  for (const seg of segments(path)) {
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return (path.startsWith('/') ? '/' : '') + out.join('/');
}

/** True when `child` equals `parent` or lies below it (both normalised absolute POSIX paths). */
export function isUnder(child: string, parent: string): boolean {
  if (parent === '/') return child.startsWith('/');
  return child === parent || child.startsWith(parent + '/');
}

export const WINDOWS_ABSOLUTE = /^(?:[A-Za-z]:[\\/]|\\\\[^\\]+\\)/;

/** First segments of an absolute path that name a place on the instance rather than a folder of the bundle. */
const INSTANCE_ROOTS = new Set([
  'bin',
  'boot',
  'dev',
  'etc',
  'home',
  'lib',
  'lib64',
  'media',
  'mnt',
  'opt',
  'proc',
  'root',
  'run',
  'sbin',
  'srv',
  'sys',
  'tmp',
  'usr',
  'var',
]);

/**
 * True for a path written as a place on the instance (`/opt/codedeploy-agent/…`, `/var/www/html`, `C:\\inetpub\\…`).
 * Hook locations and `files` sources are resolved inside the bundle, so such a path names a bundle folder that
 * rarely exists. A leading `/` before a bundle folder (`/scripts/start.sh`) is not one.
 */
export function isInstancePath(path: string): boolean {
  if (WINDOWS_ABSOLUTE.test(path)) return true;
  if (!path.startsWith('/')) return false;
  return INSTANCE_ROOTS.has(bundleRelative(path).split('/')[0]);
}
export const WINDOWS_SCRIPT = /\.(?:ps1|bat|cmd|exe)$/i;

/** The bundle-relative path of a hook `location` or `files` source (leading separators stripped, `/` separators). */
export function bundleRelative(path: string): string {
  return path.trim().replace(/\\/g, '/').replace(/^\/+/, '');
}

/** Joins a bundle-relative path onto the bundle root without importing `path` (keeps rules platform-neutral). */
export function joinRoot(root: string, rel: string): string {
  const sep = root.includes('\\') && !root.includes('/') ? '\\' : '/';
  const trimmed = root.replace(/[\\/]+$/, '');
  return rel === '' ? trimmed : trimmed + sep + (sep === '\\' ? rel.replace(/\//g, '\\') : rel);
}

// ---------------------------------------------------------------- suggestions

/** The candidate a user most likely meant (case, separators, then small edit distance); see suggest.ts. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  return didYouMean(word, candidates);
}

// ---------------------------------------------------------------- findings and edits

export function at(doc: AppSpecDocument, node: unknown, fallback?: Pair): Range {
  if (node && typeof node === 'object' && 'range' in node && (node as Node).range) return doc.rangeOf(node as Node);
  if (fallback) return doc.keyRangeOf(fallback);
  return doc.rangeOf([0, 0]);
}

/** Range of a pair's value node; of its key when the value is empty; the document start without a pair. */
export function valueRange(doc: AppSpecDocument, pair: Pair | undefined): Range {
  return at(doc, pair?.value, pair);
}

/** Replaces the text of a node (its value range, without trailing comments). */
export function replaceNode(doc: AppSpecDocument, node: Node, newText: string): Edit {
  const [start, end] = node.range as [number, number, number];
  return { range: doc.rangeOf([start, end]), newText };
}

/** Text for a string value written where `like` was: keeps its quote style; JSON documents always get double quotes. */
export function stringLike(doc: AppSpecDocument, like: unknown, value: string): string {
  const type = isScalar(like) ? like.type : undefined;
  if (doc.format === 'json' || type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (type === 'QUOTE_SINGLE') return singleQuoted(value);
  return value;
}

/** Renames a key in place, keeping its quote style. */
export function renameKey(doc: AppSpecDocument, pair: Pair, newKey: string): Edit {
  return { range: doc.keyRangeOf(pair), newText: stringLike(doc, pair.key, newKey) };
}

/** Replaces a scalar with another string value, keeping its quote style. */
export function replaceString(doc: AppSpecDocument, node: Node, value: string): Edit {
  return replaceNode(doc, node, stringLike(doc, node, value));
}

/** Column (0-based) of an offset. */
function columnAt(doc: AppSpecDocument, offset: number): number {
  return doc.lines.positionAt(offset).character;
}

/** Inserts `key: value` as the first entry of a mapping, keeping block or flow style. */
export function insertFirstKey(doc: AppSpecDocument, map: YAMLMap, key: string, value: string): Edit | undefined {
  const first = map.items[0] as Pair | undefined;
  const firstKey = first?.key as Node | undefined;
  if (map.flow || !firstKey?.range) {
    if (!map.range) return undefined;
    const open = map.range[0];
    if (doc.text[open] !== '{') return undefined;
    const sep = map.items.length > 0 ? ', ' : '';
    const pairText = doc.format === 'json' ? `${JSON.stringify(key)}: ${JSON.stringify(value)}` : `${key}: ${value}`;
    return { range: doc.rangeOf([open + 1, open + 1]), newText: pairText + sep };
  }
  const start = firstKey.range[0];
  return { range: doc.rangeOf([start, start]), newText: `${key}: ${value}\n${' '.repeat(columnAt(doc, start))}` };
}

/**
 * Edits that turn a node into a one-item list: a scalar or flow collection becomes `[text]`; a block
 * mapping gets a `- ` before its first key and its other lines indented by two spaces.
 */
export function wrapInList(doc: AppSpecDocument, node: Node): Edit[] | undefined {
  if (!node.range) return undefined;
  const [start, end] = node.range;
  if (isMap(node) && !node.flow) {
    const edits: Edit[] = [{ range: doc.rangeOf([start, start]), newText: '- ' }];
    const startLine = doc.lines.positionAt(start).line;
    const endLine = doc.lines.positionAt(Math.max(start, end - 1)).line;
    for (let line = startLine + 1; line <= endLine; line++) {
      const off = doc.lines.offsetAt({ line, character: 0 });
      if (doc.text.slice(off, doc.text.indexOf('\n', off) >>> 0).trim() === '') continue;
      edits.push({ range: doc.rangeOf([off, off]), newText: '  ' });
    }
    return edits;
  }
  if (isMap(node) && node.flow)
    return [{ range: doc.rangeOf([start, end]), newText: `[${doc.text.slice(start, end)}]` }];
  if (isScalar(node)) {
    const text = doc.text.slice(start, end);
    if (text.includes('\n')) return undefined;
    return [{ range: doc.rangeOf([start, end]), newText: `[${text}]` }];
  }
  return undefined;
}

export function finding(
  ruleId: string,
  message: string,
  range: Range,
  extra: Omit<Finding, 'ruleId' | 'message' | 'range'> = {},
): Finding {
  return { ruleId, message, range, ...extra };
}

/** Quotes a value for YAML with single quotes. */
export function singleQuoted(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export interface FilesEntry {
  map: YAMLMap;
  index: number;
  sourcePair?: Pair;
  destPair?: Pair;
  /** Trimmed text, undefined when missing, empty or templated. */
  source?: string;
  destination?: string;
}

/** The `files` entries that are mappings, with their `source`/`destination` text (templated values left out). Shared view: do not modify. */
export function filesEntries(doc: AppSpecDocument): readonly FilesEntry[] {
  return memoFor(doc, 'ec2.filesEntries', () => collectFilesEntries(doc));
}

function collectFilesEntries(doc: AppSpecDocument): FilesEntry[] {
  return mapEntries(sectionValue(doc, 'files')).map(({ map, index }) => {
    const sourcePair = findPair(map, 'source');
    const destPair = findPair(map, 'destination');
    const plain = (p: Pair | undefined) =>
      p && !hasPlaceholder(p.value) && isScalar(p.value) ? textOf(p.value) : undefined;
    return { map, index, sourcePair, destPair, source: plain(sourcePair), destination: plain(destPair) };
  });
}

export interface PermissionEntry {
  map: YAMLMap;
  index: number;
  objectPair?: Pair;
  /** Trimmed `object`, undefined when missing, empty or templated. */
  object?: string;
  /** `pattern` text (default `**`), undefined when templated. */
  pattern?: string;
  /** `type` values when it is a list of strings; undefined means the default (both). */
  types?: string[];
}

/** The `permissions` entries that are mappings. Shared view: do not modify. */
export function permissionEntries(doc: AppSpecDocument): readonly PermissionEntry[] {
  return memoFor(doc, 'ec2.permissionEntries', () => collectPermissionEntries(doc));
}

function collectPermissionEntries(doc: AppSpecDocument): PermissionEntry[] {
  return mapEntries(sectionValue(doc, 'permissions')).map(({ map, index }) => {
    const objectPair = findPair(map, 'object');
    const object =
      objectPair && !hasPlaceholder(objectPair.value) && isScalar(objectPair.value)
        ? textOf(objectPair.value)
        : undefined;
    const patternNode = findPair(map, 'pattern')?.value;
    const pattern =
      patternNode === undefined || isNullish(patternNode)
        ? '**'
        : hasPlaceholder(patternNode)
          ? undefined
          : scalarString(patternNode);
    const typeNode = findPair(map, 'type')?.value;
    const types = isSeq(typeNode) ? typeNode.items.map((i) => scalarString(i) ?? '') : undefined;
    return { map, index, objectPair, object, pattern, types };
  });
}

/** The `acls` items of a permission entry that are plain scalars (templated ones left out), with their text. */
export function aclItems(entry: PermissionEntry): { item: Scalar; text: string }[] {
  const acls = findPair(entry.map, 'acls')?.value;
  if (!isSeq(acls)) return [];
  const out: { item: Scalar; text: string }[] = [];
  for (const item of acls.items) {
    const text = scalarText(item);
    if (text === undefined || !isScalar(item) || templated(item)) continue;
    out.push({ item, text });
  }
  return out;
}

/** A scalar's text (numbers converted), untrimmed; undefined for non-scalars and nulls. */
export function scalarText(node: unknown): string | undefined {
  return scalarString(node);
}

/** How a `timeout` value was written. */
export type TimeoutReading =
  | { kind: 'int'; seconds: number }
  | { kind: 'quoted-int'; seconds: number }
  | { kind: 'float'; seconds: number }
  | { kind: 'invalid'; text: string };

/** Reads a `timeout` scalar the way the agents do (v1: Ruby `to_i`; v2: unquoted u32 only). */
export function readTimeout(node: unknown): TimeoutReading | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  const src = ((node as Scalar & { source?: string }).source ?? String(node.value)).trim();
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  if (/^[+]?\d+$/.test(src)) {
    const seconds = parseInt(src, 10);
    return quoted ? { kind: 'quoted-int', seconds } : { kind: 'int', seconds };
  }
  if (/^[+]?\d*\.\d+$/.test(src)) {
    const seconds = Math.trunc(Number(src));
    return quoted ? { kind: 'quoted-int', seconds } : { kind: 'float', seconds };
  }
  if (/^-\d+(?:\.\d*)?$/.test(src)) return { kind: 'int', seconds: Math.trunc(Number(src)) };
  return { kind: 'invalid', text: src };
}

/** Marks a finding about text the agent ignores, so editors can fade it. */
export function unnecessary(f: Finding): Finding {
  return { ...f, tags: ['unnecessary'] };
}

/** Where file-level findings go: the first top-level key, or the start of the file. */
export function fileAnchor(doc: AppSpecDocument): Range {
  const first = pairsOf(doc.root)[0];
  return first ? doc.keyRangeOf(first) : doc.rangeOf([0, 0]);
}
