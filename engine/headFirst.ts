/**
 * The head of a large YAML AppSpec, checked on its own so an editor can show findings for the part the
 * user sees while the whole file is still being checked (the language server publishes these first
 * when such a file is opened, then the full findings for the same version).
 *
 * The head is the text up to the first block entry (`- item` or a top-level `key:`) at or after
 * `headChars`. It is linted as a document of its own, its *skeleton*: the head text unchanged, so every
 * offset, line and column is the same as in the whole file, followed by the top-level one-line entries
 * of the rest (`os: linux`, `version: 0.0`) and its `disable-file` suppressions, which decide how the
 * head is read. Of the skeleton's findings only those that lie inside the head and are about complete
 * nodes are kept: nothing about a collection the cut went through (its length, totals, what it lacks),
 * nothing about the document as a whole, nothing from the rules that compare entries across the file.
 *
 * Checked against full lints (test/unit/engine/headFirst.test.ts): for documents that parse cleanly,
 * every finding of the head is also a finding of the whole file. Anything unusual (JSON, syntax errors
 * or warnings in the skeleton, anchors, a multi-line scalar at the cut) gives `undefined`: no head.
 */
import { isCollection, isMap, isPair, isScalar, type Node } from 'yaml';
import type { Diagnosis, Range, RuleContext } from './types';
import type { LintConfig } from './config';
import { DEFAULT_MAX_BYTES, detectFormat, parseAppSpec, skippedReason, type ParseOptions } from './document';
import { lint } from './lint';

/** What the head check found. */
export interface HeadFindings {
  /** Findings inside the head, with the severities and suppressions of a full lint. */
  findings: Diagnosis[];
  /** The first line of the document the head does not cover (findings lie before it). */
  endLine: number;
}

/**
 * Rules whose findings in the head can depend on entries after it (they compare entries across the file,
 * or read the file as a whole), and the template softenings whose choice depends on the whole file.
 */
const WHOLE_FILE_RULES = new Set([
  'W2016', // duplicate destinations: the other copy may lie after the head
  'W3004', // permission object not installed: the `files` entry may lie after the head
  'W3012', // permission pattern never matches: matched against every `files` entry
  'W3013', // overlapping permissions: the other entry may lie after the head
  'W4011', // total timeout of an event: its scripts may continue after the head
  'W1201', // template value blank: softened or not depending on placeholders anywhere in the file
  'W1202',
]);

const ANCHOR_OR_ALIAS = /(^|[\s:,[{-])[&*][^\s]/m;
const ENTRY_AFTER_INDENT = /^- |^-$/;
const TOP_LEVEL_KEY = /^[A-Za-z_][\w.-]*\s*:/;

/**
 * True when the last line with content before `line` belongs to an earlier sibling of the entry starting
 * there (it is deeper, or another `- ` item at the same indentation), so the cut leaves no key without
 * its value and no list without its first item.
 */
function followsSibling(text: string, line: number, indent: number): boolean {
  let end = line - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const content = text.slice(start, end).replace(/\r$/, '');
    const body = content.trimStart();
    if (body !== '' && !body.startsWith('#')) {
      const at = content.length - body.length;
      if (at > indent) return true;
      if (at === indent) return indent === 0 ? !/:\s*(#.*)?$/.test(body) : ENTRY_AFTER_INDENT.test(body);
      return false;
    }
    end = start - 1;
  }
  return false;
}

/** Offset of the first line at or after `from` that starts a block entry the head may end before. */
function findCut(text: string, from: number): number | undefined {
  let line = text.lastIndexOf('\n', from - 1) + 1;
  if (line < from) line = text.indexOf('\n', from) + 1;
  const limit = Math.min(text.length, from + 64 * 1024);
  while (line > 0 && line < limit) {
    const next = text.indexOf('\n', line);
    const content = text.slice(line, next < 0 ? text.length : next).replace(/\r$/, '');
    const body = content.trimStart();
    const indent = content.length - body.length;
    const entry = TOP_LEVEL_KEY.test(content) || (indent > 0 && ENTRY_AFTER_INDENT.test(body));
    if (entry && followsSibling(text, line, indent)) return line;
    if (next < 0) return undefined;
    line = next + 1;
  }
  return undefined;
}

/**
 * The lines after the cut the head is read with: every top-level key (a one-line value as it is, a longer
 * value left out, so the key reads as empty) and the file-wide suppressions. Undefined for several documents.
 */
function tailContext(text: string, cut: number): string[] | undefined {
  const out: string[] = [];
  for (let at = text.indexOf('appspec-lint', cut); at >= 0; at = text.indexOf('appspec-lint', at + 1)) {
    const start = text.lastIndexOf('\n', at) + 1;
    const line = lineAt(text, start);
    const hash = line.indexOf('#');
    if (hash >= 0 && /^#\s*appspec-lint\s+disable-file/.test(line.slice(hash))) out.push(line.slice(hash));
  }
  // Lines with content in the first column: top-level keys (or document markers, or stray text).
  const topLevel = /^[^\s#][^\r\n]*/gm;
  topLevel.lastIndex = cut;
  for (let m = topLevel.exec(text); m; m = topLevel.exec(text)) {
    const l = m[0];
    if (/^(---|\.\.\.)(\s|$)/.test(l)) return undefined;
    const key = /^([A-Za-z_][\w.-]*)[ \t]*:(?=\s|$)/.exec(l);
    if (!key) continue;
    const value = /^[ \t]+([^\s#|>&*!%@`[{"'][^#]*?)[ \t]*(#.*)?$/.exec(l.slice(key[0].length));
    out.push(value && !continues(text, m.index + l.length) ? `${key[1]}: ${value[1]}` : `${key[1]}:`);
  }
  return out;
}

function lineAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}

/** True when the next line with content after offset `from` (a line end) is indented or a `- ` item. */
function continues(text: string, from: number): boolean {
  for (let at = text.indexOf('\n', from); at >= 0; at = text.indexOf('\n', at + 1)) {
    const line = lineAt(text, at + 1);
    const body = line.trim();
    if (body === '' || body.startsWith('#')) continue;
    return /^[ \t-]/.test(line);
  }
  return false;
}

type Ranged = { range?: [number, number, number] | null };

/** Start offset of a collection item (a pair: of its key). */
function startOf(item: unknown): number | undefined {
  return ((isPair(item) ? item.key : item) as Ranged | null)?.range?.[0];
}

/**
 * Offsets where the nodes the cut went through start: the chain of last entries from the root down
 * (collections and their pairs reach the cut, so the head holds only part of them). Undefined when the
 * last value before the cut is a multi-line scalar (it might have gone on).
 */
function openStarts(root: Node, text: string, cut: number): Set<number> | undefined {
  const open = new Set<number>();
  let node: unknown = root;
  while (isCollection(node)) {
    const r = (node as Ranged).range;
    if (r) open.add(r[0]);
    const items = (node as { items: unknown[] }).items;
    // The last entry that starts before the cut (the root's later entries are the skeleton's tail).
    let i = items.length - 1;
    while (i >= 0 && (startOf(items[i]) ?? cut) >= cut) i--;
    let last: unknown = items[i];
    if (isPair(last)) {
      const k = (last.key as Ranged | null)?.range;
      if (k && k[0] < cut) open.add(k[0]);
      last = last.value;
    }
    node = last;
  }
  const r = (node as Ranged | null)?.range;
  if (isScalar(node) && r && text.slice(r[0], r[1]).includes('\n')) return undefined;
  return open;
}

function endsBefore(r: Range, line: number): boolean {
  return r.end.line < line || (r.end.line === line && r.end.character === 0);
}

/**
 * Findings for the head of `text` (see the file comment), or undefined when the text is no longer than
 * `headChars`, is not YAML, is one the full check skips (`opts.maxBytes`), or its head cannot be checked on
 * its own.
 */
export function lintHead(
  uri: string,
  text: string,
  ctx: RuleContext,
  config: LintConfig | undefined,
  headChars: number,
  opts: ParseOptions & { version?: number } = {},
): HeadFindings | undefined {
  if (text.length <= headChars || detectFormat(uri, text) !== 'yaml' || text.includes('\t')) return undefined;
  // A file the full check gets only basic checks for (too large, binary, not UTF-8) has no head either.
  if (skippedReason(text, opts.maxBytes ?? DEFAULT_MAX_BYTES)) return undefined;
  const cut = findCut(text, headChars);
  // Anchors and aliases (and `*` values, an error of their own) are left to the full check.
  if (cut === undefined || ANCHOR_OR_ALIAS.test(text.slice(0, cut))) return undefined;
  const tail = tailContext(text, cut);
  if (!tail) return undefined;
  const head = text.slice(0, cut);
  const skeleton = head + tail.join('\n') + (tail.length ? '\n' : '');
  // Large AppSpecs are EC2 ones; the platform of the others hangs on `Resources`, which may lie after the cut.
  if (/^resources\s*:/im.test(tail.join('\n'))) return undefined;
  const doc = parseAppSpec(uri, skeleton, opts.version ?? 0);
  if (!doc.yaml || !isMap(doc.yaml.contents) || doc.syntaxErrors.length > 0 || doc.skipped) return undefined;
  if (doc.platform.platform !== 'ec2') return undefined;
  const open = openStarts(doc.yaml.contents as Node, skeleton, cut);
  if (!open) return undefined;
  const endLine = doc.lines.positionAt(cut).line;
  const openPositions = new Set([...open].map((o) => JSON.stringify(doc.lines.positionAt(o))));
  const findings = lint(doc, ctx, config).filter(
    (f) =>
      endsBefore(f.range, endLine) &&
      !WHOLE_FILE_RULES.has(f.ruleId) &&
      !(f.range.start.line === 0 && f.range.start.character === 0) &&
      !openPositions.has(JSON.stringify(f.range.start)),
  );
  return { findings, endLine };
}
