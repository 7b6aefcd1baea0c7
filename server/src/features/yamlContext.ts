/**
 * Where the cursor is in a YAML AppSpec that is being typed: which mapping (by path) and whether
 * a key or a value is being written. Half-typed YAML rarely parses into the shape the user has in
 * mind, so this reads the indentation of the lines above the cursor (block style, as AppSpecs are
 * written) from the text the parsed document already holds.
 */
import type { PathStep } from './nodeAt';
import type { CursorContext } from './cursorContext';

interface LineInfo {
  blank: boolean;
  /** Column where the key (or scalar) starts, after indentation and `- ` markers. */
  keyCol: number;
  /** Column of the last `-` item marker, when the line has one. */
  dashCol?: number;
  /** The key when the line is `key:` or `key: value`. */
  key?: string;
}

const KEY_LINE = /^("[^"]*"|'[^']*'|[^\s#'"[{][^#]*?)\s*:(?:\s+.*)?$/s;

export function lineInfo(text: string): LineInfo {
  const m = /^(\s*)((?:-(?:\s+|$))*)(.*)$/s.exec(text.replace(/^\uFEFF/, '')) as RegExpExecArray;
  const indent = m[1].length;
  const dashes = m[2];
  const rest = m[3].replace(/\s+$/, '');
  if (!dashes && (rest === '' || rest.startsWith('#') || rest === '---' || rest === '...')) {
    return { blank: true, keyCol: indent };
  }
  const keyCol = indent + dashes.length;
  const dashCol = dashes ? indent + dashes.lastIndexOf('-') : undefined;
  const km = rest.startsWith('#') ? null : KEY_LINE.exec(rest);
  return { blank: false, keyCol, dashCol, key: km ? unquote(km[1].trim()) : undefined };
}

function unquote(s: string): string {
  return s.length >= 2 && ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'")))
    ? s.slice(1, -1)
    : s;
}

const PADS: string[] = [];

/**
 * Whether a line starts with more than `col` spaces: then its indentation is deeper than `col`
 * (spaces are a lower bound of what lineInfo counts). A builtin check, no regular expression.
 */
function deeperThan(line: string, col: number): boolean {
  return line.startsWith((PADS[col] ??= ' '.repeat(col + 1)));
}

/** The last text split into lines: completion asks about the same text many times in a row. */
let lastSplit: { text: string; lines: string[] } | undefined;

function splitLines(text: string): string[] {
  if (lastSplit?.text !== text) lastSplit = { text, lines: text.split(/\r\n|\r|\n/) };
  return lastSplit.lines;
}

/**
 * Path of the mapping a key at column `col` of line `lineNo` belongs to, and the keys already
 * written in that mapping (other lines only). `dashCol` is set when the line starts a list item.
 */
export function ownerPath(
  lines: string[],
  lineNo: number,
  col: number,
  dashCol?: number,
): { path: PathStep[]; siblings: string[] } {
  const siblings: string[] = [];
  for (let i = lineNo + 1; i < lines.length; i++) {
    // Deeper lines neither end the mapping nor are siblings: skip them without parsing (long files).
    if (deeperThan(lines[i], col)) continue;
    const l = lineInfo(lines[i]);
    if (l.blank) continue;
    if (l.keyCol < col || (l.dashCol !== undefined && l.dashCol < col)) break;
    if (l.keyCol === col && l.key !== undefined) siblings.push(l.key);
  }
  const path: PathStep[] = [];
  let mode: 'map' | 'seq' = dashCol === undefined ? 'map' : 'seq';
  let c = col;
  let d = dashCol ?? 0;
  let index = 0;
  let collecting = dashCol === undefined;
  for (let i = lineNo - 1; i >= 0; i--) {
    // Lines deeper than the current column (or list marker) are skipped below in any case.
    if (deeperThan(lines[i], mode === 'map' ? c : d)) continue;
    const l = lineInfo(lines[i]);
    if (l.blank) continue;
    if (mode === 'map') {
      if (l.keyCol > c) continue;
      if (l.keyCol === c) {
        if (collecting && l.key !== undefined) siblings.push(l.key);
        if (l.dashCol !== undefined) {
          collecting = false;
          mode = 'seq';
          d = l.dashCol;
          index = 0;
        }
        continue;
      }
      collecting = false;
    } else {
      if (l.dashCol === d) {
        index++;
        continue;
      }
      if (l.keyCol > d) continue;
    }
    // This line owns the mapping (map mode) or the list (seq mode).
    if (l.key === undefined) return { path: [], siblings };
    if (mode === 'seq') path.unshift(l.key, index);
    else path.unshift(l.key);
    c = l.keyCol;
    if (l.dashCol !== undefined) {
      mode = 'seq';
      d = l.dashCol;
      index = 0;
    } else {
      mode = 'map';
    }
  }
  if (mode === 'seq') path.unshift(index);
  return { path, siblings };
}

/** Length of the rest of the word after the cursor (up to and including a closing quote). */
function wordTail(after: string, quote: string | undefined, stop: string): number {
  if (quote) {
    const m = new RegExp(`^[^${quote}]*${quote}?`).exec(after) as RegExpExecArray;
    return m[0].length;
  }
  return (new RegExp(`^[^\\s${stop}]*`).exec(after) as RegExpExecArray)[0].length;
}

/** The completion context at a position of a YAML text, or undefined inside comments and block scalars. */
export function yamlContextAt(text: string, line: number, character: number): CursorContext | undefined {
  const lines = splitLines(text);
  const lineText = lines[line] ?? '';
  const before = lineText.slice(0, character);
  const after = lineText.slice(character);
  if (/(^|\s)#/.test(before.replace(/"[^"]*"|'[^']*'/g, ''))) return undefined;

  // `key: value` (value being typed), or `key:` right after the colon.
  const vm = /^(\s*)((?:-\s+)*)("[^"]*"|'[^']*'|[^\s#'"{[\]][^:#]*?)\s*:(\s*)(.*)$/s.exec(before);
  if (vm && !(vm[4] === '' && vm[5] !== '')) {
    const indent = vm[1].length;
    const dashes = vm[2];
    const key = unquote(vm[3].trim());
    const keyCol = indent + dashes.length;
    const dashCol = dashes ? indent + dashes.lastIndexOf('-') : undefined;
    const path: PathStep[] = [...ownerPath(lines, line, keyCol, dashCol).path, key];
    const valueText = vm[5];
    // Flow list: `type: [file, di|`
    const flow = /^\[(?:[^\]]*,)?\s*(["']?)([^,\]"']*)$/.exec(valueText);
    if (flow) {
      const quote = (flow[1] || undefined) as '"' | "'" | undefined;
      return {
        kind: 'value',
        path: [...path, (valueText.match(/,/g) ?? []).length],
        siblings: [],
        prefix: flow[2],
        line,
        replaceStart: character - flow[2].length - (quote ? 1 : 0),
        replaceEnd: character + wordTail(after, quote, ',\\]#'),
        quote,
        keyCol,
      };
    }
    const quote = valueText.startsWith('"') || valueText.startsWith("'") ? (valueText[0] as '"' | "'") : undefined;
    if (/^[|>{[]/.test(valueText)) return undefined;
    return {
      kind: 'value',
      path,
      siblings: [],
      prefix: quote ? valueText.slice(1) : valueText,
      line,
      replaceStart: character - valueText.length,
      replaceEnd: character + wordTail(after, quote, '#'),
      quote,
      needsLeadingSpace: vm[4] === '',
      keyCol,
    };
  }

  // A key being typed, possibly after `- ` (a new list item); `-|` counts as `- |`.
  const km = /^(\s*)((?:-\s+)*)(-?)(["']?)([^\s:#"']*)$/.exec(before);
  if (!km) return undefined;
  const indent = km[1].length;
  const bareDash = km[3] === '-';
  const keyCol = indent + km[2].length + (bareDash ? 2 : 0);
  const dashCol = bareDash ? indent + km[2].length : km[2] ? indent + km[2].lastIndexOf('-') : undefined;
  const owner = ownerPath(lines, line, keyCol, dashCol);
  const quote = (km[4] || undefined) as '"' | "'" | undefined;
  const word = km[5];
  return {
    kind: 'key',
    path: owner.path,
    siblings: owner.siblings,
    prefix: word,
    line,
    replaceStart: character - word.length - (quote ? 1 : 0),
    replaceEnd: character + wordTail(after, quote, ':#'),
    quote,
    newItem: dashCol !== undefined,
    needsLeadingSpace: bareDash,
    hasValueAfter: /^[^\s:#]*["']?\s*:/.test(after),
    keyCol,
  };
}
