/**
 * Parses an AppSpec once into the shared model (`AppSpecDocument`): the `yaml` AST with exact
 * ranges for every node (JSON goes through the same parser), a line index, the detected platform
 * and the parser's syntax problems. Bad input never throws: binary, invalid UTF-8 and oversized
 * text produce a document with `skipped` set.
 */
import { isMap, isPair, parseDocument, type Document, type Pair, type YAMLMap } from 'yaml';
import type { AppSpecDocument, LineIndex, ParseProblem, PlatformInfo, Range } from './types';
import { detectPlatform } from './platform';
import { canReparse, reparse } from './incremental';
import { reportInternalError } from './internalErrors';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Aliases resolved when a document is converted to plain values (alias bombs stay bounded). */
export const MAX_ALIAS_COUNT = 100;

export interface ParseOptions {
  maxBytes?: number;
}

/** Line index over `text`; `\n`, `\r\n` and `\r` end a line, as in LSP. Offsets are UTF-16 units. */
export class TextLineIndex implements LineIndex {
  private readonly starts: number[];
  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }
  get lineCount(): number {
    return this.starts.length;
  }
  positionAt(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    // An offset inside a line break (between \r and \n, or on the break itself) is the end of the line.
    return { line: lo, character: Math.min(o, this.contentEnd(lo)) - this.starts[lo] };
  }
  /** Offset just past the last character of a line, before its line break. */
  private contentEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    const next = this.starts[line + 1];
    return this.text.charCodeAt(next - 1) === 10 &&
      this.text.charCodeAt(next - 2) === 13 &&
      next - 2 >= this.starts[line]
      ? next - 2
      : next - 1;
  }
  offsetAt(position: { line: number; character: number }): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    // Clamp to the end of the line content (before its line break).
    let end = next;
    if (position.line + 1 < this.starts.length) {
      end = next - 1;
      if (end > start && this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
    }
    return Math.max(start, Math.min(start + Math.max(0, position.character), end));
  }
}

/** `.json` → json, `.yml`/`.yaml` → yaml, otherwise by content (a leading `{` or `[`). */
export function detectFormat(uriOrName: string, text: string): 'yaml' | 'json' {
  const path = uriOrName.split(/[?#]/)[0].toLowerCase();
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.yml') || path.endsWith('.yaml')) return 'yaml';
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' ? 'json' : 'yaml';
}

/**
 * JSON-like text (starting with `{` or `[`) with its `//` and `/* … *\/` comments, outside strings, turned into
 * spaces; line breaks stay, so every offset and line is unchanged. YAML has no such comments: parsed as they are,
 * `// note` becomes a key and the real error lands a line away. W0015 still reports the comment (not strict JSON).
 * A `//` counts only at the start of a line or after a space, `,`, `{`, `[` (so `http://…` stays text).
 */
export function blankJsonComments(text: string): string {
  if (!text.includes('/') || !/^\uFEFF?\s*[{[]/.test(text)) return text;
  let out = '';
  let from = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      continue;
    }
    if (c !== '/' || (text[i + 1] !== '/' && text[i + 1] !== '*')) continue;
    if (i > 0 && !/[\s,{[]/.test(text[i - 1])) continue;
    const block = text[i + 1] === '*';
    let end = block ? text.indexOf('*/', i + 2) : text.indexOf('\n', i);
    end = end < 0 ? text.length : block ? end + 2 : end;
    out += text.slice(from, i) + text.slice(i, end).replace(/[^\r\n]/g, ' ');
    from = end;
    i = end - 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** UTF-8 length of a string, stopping early once it exceeds `limit`. */
function utf8LengthOver(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > limit) return true;
  }
  return false;
}

/** Why a text gets only basic checks (too large, binary, not UTF-8), or undefined. */
export function skippedReason(text: string, maxBytes: number): AppSpecDocument['skipped'] {
  if (utf8LengthOver(text, maxBytes)) {
    const mb = (maxBytes / (1024 * 1024)).toFixed(maxBytes % (1024 * 1024) === 0 ? 0 : 1);
    return {
      reason: 'too-large',
      message: `The file is larger than ${mb} MB; only basic checks were made. An AppSpec file is normally a few kilobytes.`,
    };
  }
  if (text.includes('\u0000')) {
    return {
      reason: 'binary',
      message: 'The file contains NUL bytes: it looks like a binary file, not a YAML or JSON AppSpec.',
    };
  }
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    return {
      reason: 'invalid-utf8',
      message: 'The file is not valid UTF-8 (it contains bytes that cannot be decoded). Save it as UTF-8.',
    };
  }
  return undefined;
}

function makeRangeOf(lines: LineIndex) {
  const toRange = (start: number, end: number): Range => ({
    start: lines.positionAt(start),
    end: lines.positionAt(Math.max(start, end)),
  });
  const rangeOf = (nodeOrOffsets: { range?: [number, number, number?] | null } | Pair | [number, number]): Range => {
    if (Array.isArray(nodeOrOffsets)) return toRange(nodeOrOffsets[0], nodeOrOffsets[1]);
    if (isPair(nodeOrOffsets)) {
      const pair = nodeOrOffsets as Pair;
      const k = (pair.key as { range?: [number, number, number] } | null)?.range;
      const v = (pair.value as { range?: [number, number, number] } | null)?.range;
      if (k && v) return toRange(k[0], v[1]);
      if (k) return toRange(k[0], k[1]);
      if (v) return toRange(v[0], v[1]);
      return toRange(0, 0);
    }
    const r = (nodeOrOffsets as { range?: [number, number, number?] | null })?.range;
    if (!r) return toRange(0, 0);
    return toRange(r[0], r[1]);
  };
  const keyRangeOf = (pair: Pair): Range => {
    const k = (pair.key as { range?: [number, number, number] } | null)?.range;
    if (k) return toRange(k[0], k[1]);
    return rangeOf((pair.value as { range?: [number, number, number] } | null) ?? [0, 0]);
  };
  return { rangeOf, keyRangeOf, toRange };
}

function skippedPlatform(skipped: NonNullable<AppSpecDocument['skipped']>): PlatformInfo {
  const why = skipped.reason === 'too-large' ? 'the file is too large to check' : 'the file is not readable text';
  return { platform: 'unknown', reason: `The platform was not detected because ${why}.` };
}

/**
 * The one way AppSpec text goes through the `yaml` parser (full parses and incremental chunks alike).
 * The yaml package skips a leading BOM itself and keeps offsets into the original text.
 */
function parseYaml(text: string): Document.Parsed {
  return parseDocument(text, {
    uniqueKeys: false,
    prettyErrors: false,
    keepSourceTokens: false,
    strict: true,
    version: '1.2',
  }) as Document.Parsed;
}

/**
 * Every parsed document is built here, by one object literal, so full and incremental parses give
 * objects of one shape (one hidden class for V8 in the code that reads them).
 */
function parsedDocument(
  base: Pick<AppSpecDocument, 'uri' | 'version' | 'text' | 'format' | 'lines' | 'rangeOf' | 'keyRangeOf'>,
  yaml: Document.Parsed,
  root: YAMLMap | undefined,
  platform: PlatformInfo,
  syntaxErrors: ParseProblem[],
  incremental: AppSpecDocument['incremental'],
): AppSpecDocument {
  return {
    uri: base.uri,
    version: base.version,
    text: base.text,
    format: base.format,
    lines: base.lines,
    rangeOf: base.rangeOf,
    keyRangeOf: base.keyRangeOf,
    yaml,
    root,
    platform,
    syntaxErrors,
    incremental,
  };
}

/** Parses AppSpec text into the shared model. Never throws. */
export function parseAppSpec(uri: string, text: string, version = 0, opts: ParseOptions = {}): AppSpecDocument {
  const lines = new TextLineIndex(text);
  const { rangeOf, keyRangeOf, toRange } = makeRangeOf(lines);
  const format = detectFormat(uri, text);
  const base = { uri, version, text, format, lines, rangeOf, keyRangeOf };
  const skipped = skippedReason(text, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (skipped) return { ...base, platform: skippedPlatform(skipped), syntaxErrors: [], skipped };

  let yaml: Document.Parsed | undefined;
  const syntaxErrors: ParseProblem[] = [];
  try {
    yaml = parseYaml(format === 'json' ? blankJsonComments(text) : text);
    for (const e of yaml.errors) syntaxErrors.push(toProblem(e, 'error', toRange, text.length));
    for (const w of yaml.warnings) syntaxErrors.push(toProblem(w, 'warning', toRange, text.length));
  } catch (err) {
    // The parser should not throw; if it does, report it rather than crash.
    syntaxErrors.push({
      message: `The file could not be parsed: ${(err as Error).message}`,
      code: 'PARSER_FAILURE',
      range: toRange(0, 0),
      severity: 'error',
    });
    yaml = undefined;
  }
  const root: YAMLMap | undefined = yaml && isMap(yaml.contents) ? (yaml.contents as YAMLMap) : undefined;
  let platform = detectPlatform(root, yaml?.contents);
  if (platform.platform === 'unknown' && syntaxErrors.some((p) => p.severity === 'error'))
    platform = guessPlatformFromText(text) ?? platform;
  const doc: AppSpecDocument = yaml
    ? parsedDocument(base, yaml, root, platform, syntaxErrors, undefined)
    : { ...base, platform, syntaxErrors };
  if (format === 'yaml' && canReparse(yaml, text)) reusable.add(doc);
  return doc;
}

/** Documents whose tree a later version may reuse (clean YAML without anchors; see incremental.ts). */
const reusable = new WeakSet<AppSpecDocument>();

/**
 * The next version of `prev` by re-parsing only the edited entry, or undefined when only a full
 * parse is safe. `prev`'s tree is taken over: do not use `prev` afterwards.
 */
export function reparseAppSpec(
  prev: AppSpecDocument,
  text: string,
  version: number,
  opts: ParseOptions = {},
): AppSpecDocument | undefined {
  if (!reusable.has(prev) || detectFormat(prev.uri, text) !== 'yaml') return undefined;
  if (skippedReason(text, opts.maxBytes ?? DEFAULT_MAX_BYTES)) return undefined;
  reusable.delete(prev); // its tree is about to be taken over (or left half-moved if the splice fails)
  let next: ReturnType<typeof reparse>;
  try {
    next = reparse(prev, text, parseYaml);
  } catch (err) {
    // The full parse answers instead. A tree too deep for the walk (RangeError) is expected; anything else is a bug.
    if (!(err instanceof RangeError)) reportInternalError('incremental parse', prev.uri, err);
    return undefined;
  }
  if (!next) return undefined;
  const lines = new TextLineIndex(text);
  const { rangeOf, keyRangeOf } = makeRangeOf(lines);
  const root = next.yaml.contents as YAMLMap;
  const base = { uri: prev.uri, version, text, format: 'yaml' as const, lines, rangeOf, keyRangeOf };
  const doc = parsedDocument(base, next.yaml, root, detectPlatform(root, root), [], {
    fromVersion: prev.version,
    trivia: next.trivia,
  });
  reusable.add(doc);
  return doc;
}

/** When the YAML does not parse, a rough guess from the raw text (so completion and hover still help). */
function guessPlatformFromText(text: string): PlatformInfo | undefined {
  const note = ' (guessed from the text, because the file does not parse)';
  if (/AWS::ECS::Service/.test(text))
    return { platform: 'ecs', reason: `Amazon ECS AppSpec: it mentions \`AWS::ECS::Service\`${note}.` };
  if (/AWS::Lambda::Function/.test(text))
    return { platform: 'lambda', reason: `AWS Lambda AppSpec: it mentions \`AWS::Lambda::Function\`${note}.` };
  if (
    /(^|\s)os\s*:\s*(linux|windows)\b/m.test(text) ||
    /^(files|permissions|hooks|file_exists_behavior)\s*:/m.test(text)
  )
    return { platform: 'ec2', reason: `EC2/On-Premises AppSpec: it has EC2 keys such as \`os\`${note}.` };
  return undefined;
}

function toProblem(
  e: { message: string; code: string; pos: [number, number] },
  severity: 'error' | 'warning',
  toRange: (s: number, e: number) => Range,
  textLength: number,
): ParseProblem {
  const start = Math.min(e.pos[0], textLength);
  const end = Math.min(Math.max(e.pos[1], start), textLength);
  const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return { message, code: e.code, range: toRange(start, end), severity };
}

/**
 * Parsed documents by uri, reused while the version is unchanged (so rules, features and the
 * LSP glue share one parse per edit). Least recently used entries are dropped beyond `capacity`.
 */
export class DocumentCache {
  private readonly entries = new Map<string, AppSpecDocument>();
  constructor(
    private readonly capacity = 32,
    private readonly opts: ParseOptions = {},
  ) {}

  get(uri: string, text: string, version = 0): AppSpecDocument {
    const hit = this.entries.get(uri);
    if (hit && hit.version === version && hit.text === text) {
      this.entries.delete(uri);
      this.entries.set(uri, hit);
      return hit;
    }
    // The previous version's tree is reused when only one entry changed (the usual edit).
    const doc = (hit && reparseAppSpec(hit, text, version, this.opts)) ?? parseAppSpec(uri, text, version, this.opts);
    this.entries.delete(uri);
    this.entries.set(uri, doc);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return doc;
  }

  /** The cached document for `uri` whatever its version, if any. */
  peek(uri: string): AppSpecDocument | undefined {
    return this.entries.get(uri);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
