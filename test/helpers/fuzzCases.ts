/**
 * Deterministic fuzz inputs for the engine and the language server: grammar-aware mutations of
 * valid AppSpecs written for this purpose (keys renamed, values retyped, lines deleted or
 * duplicated, indentation shifted, quotes added or removed, YAML specials inserted) plus random
 * bytes. Case `i` of seed `s` is always the same input, so a failure names `--seed s --case i`.
 */
import { KEYS, SEED_DOCS, SPECIALS, VALUES } from './fuzzSeeds';

export { SEED_DOCS };

export interface FuzzCase {
  index: number;
  /** File name the case is linted under (decides YAML vs JSON). */
  fileName: string;
  /** The raw bytes (random-byte cases may be invalid UTF-8). */
  bytes: Uint8Array;
  /** The text an editor would hold (bytes decoded as UTF-8 with replacement characters). */
  text: string;
  /** What was done, for the failure message. */
  steps: string[];
}

/** mulberry32: small, fast, good enough for fuzzing. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: () => number, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

type Mutation = (lines: string[], r: () => number) => string;

const MUTATIONS: Record<string, Mutation> = {
  renameKey(lines, r) {
    const cands = lines.map((l, i) => [l, i] as const).filter(([l]) => /^(\s*-?\s*)"?[^\s:"]+"?\s*:/.test(l));
    if (!cands.length) return 'renameKey(none)';
    const [l, i] = pick(r, cands);
    const key = pick(r, KEYS);
    lines[i] = l.replace(
      /^(\s*-?\s*)"?[^\s:"]+"?(\s*:)/,
      (_m, pre: string, colon: string) => pre + (l.includes('"') ? `"${key}"` : key) + colon,
    );
    return `renameKey@${i}`;
  },
  retypeValue(lines, r) {
    const cands = lines.map((l, i) => [l, i] as const).filter(([l]) => /:\s*\S/.test(l));
    if (!cands.length) return 'retypeValue(none)';
    const [l, i] = pick(r, cands);
    const v = pick(r, VALUES);
    lines[i] = l.replace(
      /:(\s*)(.*)$/,
      (_m, sp: string, rest: string) => ':' + (sp || ' ') + v + (rest.endsWith(',') ? ',' : ''),
    );
    return `retypeValue@${i}`;
  },
  deleteLine(lines, r) {
    if (lines.length < 2) return 'deleteLine(none)';
    const i = int(r, 0, lines.length - 1);
    lines.splice(i, 1);
    return `deleteLine@${i}`;
  },
  duplicateLine(lines, r) {
    const i = int(r, 0, lines.length - 1);
    lines.splice(i, 0, lines[i]);
    return `duplicateLine@${i}`;
  },
  shiftIndent(lines, r) {
    const i = int(r, 0, lines.length - 1);
    const d = int(r, -4, 4);
    if (d < 0) lines[i] = lines[i].replace(new RegExp(`^ {0,${-d}}`), '');
    else lines[i] = (r() < 0.15 ? '\t' : ' '.repeat(d)) + lines[i];
    return `shiftIndent@${i}:${d}`;
  },
  toggleQuotes(lines, r) {
    const i = int(r, 0, lines.length - 1);
    const l = lines[i];
    if (/["']/.test(l)) lines[i] = r() < 0.5 ? l.replace(/["']/g, '') : l.replace(/["']/, '');
    else lines[i] = l.replace(/:\s+(.+)$/, (_m, v: string) => `: ${r() < 0.5 ? `"${v}"` : `'${v}`}`);
    return `toggleQuotes@${i}`;
  },
  insertSpecial(lines, r) {
    const i = int(r, 0, lines.length);
    const s = pick(r, SPECIALS);
    if (r() < 0.5 || i === lines.length) lines.splice(i, 0, ' '.repeat(int(r, 0, 6)) + s);
    else {
      const l = lines[i];
      const at = int(r, 0, l.length);
      lines[i] = l.slice(0, at) + s + l.slice(at);
    }
    return `insertSpecial@${i}:${JSON.stringify(s)}`;
  },
  swapLines(lines, r) {
    const i = int(r, 0, lines.length - 1);
    const j = int(r, 0, lines.length - 1);
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return `swapLines@${i},${j}`;
  },
  truncate(lines, r) {
    const i = int(r, 0, lines.length - 1);
    const cut = int(r, 0, lines[i].length);
    lines[i] = lines[i].slice(0, cut);
    lines.length = i + 1;
    return `truncate@${i}:${cut}`;
  },
  repeatBlock(lines, r) {
    const i = int(r, 0, lines.length - 1);
    const n = int(r, 1, Math.min(8, lines.length - i));
    const block = lines.slice(i, i + n);
    const times = int(r, 1, 20);
    for (let k = 0; k < times; k++) lines.splice(i, 0, ...block);
    return `repeatBlock@${i}:${n}x${times}`;
  },
  deepNest(lines, r) {
    const depth = int(r, 10, 120);
    const flow = r() < 0.5;
    const i = int(r, 0, lines.length);
    lines.splice(
      i,
      0,
      flow
        ? `deep: ${'['.repeat(depth)}${r() < 0.5 ? ']'.repeat(depth) : ''}`
        : Array.from({ length: depth }, (_, k) => `${' '.repeat(k)}k${k}:`).join('\n'),
    );
    return `deepNest@${i}:${depth}${flow ? 'flow' : 'block'}`;
  },
  lineEndings(lines, r) {
    const kind = pick(r, ['crlf', 'cr', 'ls']);
    const i = int(r, 0, lines.length - 1);
    if (kind === 'crlf') lines[i] += '\r';
    else if (kind === 'ls') lines[i] += '\u2028';
    else if (i + 1 < lines.length) lines.splice(i, 2, lines[i] + '\r' + lines[i + 1]);
    return `lineEnding@${i}:${kind}`;
  },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

function randomBytes(r: () => number): Uint8Array {
  const n = int(r, 0, r() < 0.9 ? 600 : 20000);
  const out = new Uint8Array(n);
  const ascii = r() < 0.5; // half the cases look like text with occasional bad bytes
  for (let i = 0; i < n; i++) {
    if (ascii && r() < 0.97)
      out[i] = pick(r, [10, 32, 32, 32, 45, 58, 35, 34, 39, 91, 93, 123, 125, 42, 38, 0x61 + int(r, 0, 25)]);
    else out[i] = int(r, 0, 255);
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** The case for (seed, index). Independent of other cases, so any case can be replayed alone. */
export function makeCase(seed: number, index: number): FuzzCase {
  const r = prng((seed * 1000003) ^ (index * 2654435761));
  const base = SEED_DOCS[index % SEED_DOCS.length];
  if (r() < 0.08) {
    const bytes = randomBytes(r);
    return { index, fileName: base.fileName, bytes, text: utf8.decode(bytes), steps: [`randomBytes(${bytes.length})`] };
  }
  const lines = base.text.split('\n');
  const steps: string[] = [];
  const n = int(r, 1, 4);
  for (let k = 0; k < n; k++) steps.push(MUTATIONS[pick(r, MUTATION_NAMES)](lines, r));
  let text = lines.join('\n');
  if (r() < 0.03) {
    text = '\uFEFF' + text;
    steps.push('bom');
  }
  let bytes: Uint8Array = new TextEncoder().encode(text);
  if (r() < 0.04) {
    // A stray invalid UTF-8 byte somewhere in otherwise readable text.
    const b = new Uint8Array(bytes.length + 1);
    const at = int(r, 0, bytes.length);
    b.set(bytes.subarray(0, at), 0);
    b[at] = pick(r, [0x80, 0xc3, 0xff, 0xfe, 0x00]);
    b.set(bytes.subarray(at), at + 1);
    bytes = b;
    steps.push(`badByte@${at}`);
    text = utf8.decode(bytes);
  }
  return { index, fileName: base.fileName, bytes, text, steps };
}

/** LSP line model: \n, \r\n and \r all end a line. Returns each line's length in UTF-16 units. */
export function lineLengths(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.push(i - start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  out.push(text.length - start);
  return out;
}

export interface RangeLike {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Why `range` does not lie inside the document, or undefined when it does. */
export function rangeProblem(range: RangeLike | undefined, lens: readonly number[]): string | undefined {
  if (!range || !range.start || !range.end) return 'missing range';
  for (const [name, p] of [
    ['start', range.start],
    ['end', range.end],
  ] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0)
      return `${name} ${JSON.stringify(p)} is not a valid position`;
    if (p.line >= lens.length) return `${name} line ${p.line} is past the last line ${lens.length - 1}`;
    if (p.character > lens[p.line])
      return `${name} ${p.line}:${p.character} is past the end of the line (length ${lens[p.line]})`;
  }
  if (
    range.start.line > range.end.line ||
    (range.start.line === range.end.line && range.start.character > range.end.character)
  ) {
    return `start ${range.start.line}:${range.start.character} is after end ${range.end.line}:${range.end.character}`;
  }
  return undefined;
}
