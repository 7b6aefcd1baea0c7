/**
 * Quick-fix edit builders for the ECS/Lambda rules: rename a key, replace a value, insert a
 * missing key. They work on YAML block style, YAML flow style and JSON alike.
 */
import type { AppSpecDocument, Edit, Fix } from '../../types';
import { isMap, isScalar, pairsOf } from '../../ast';
import type { Node, Pair, YAMLMap } from '../../ast';

type Ranged = { range?: [number, number, number?] | null };

function rangeOfOffsets(doc: AppSpecDocument, start: number, end: number) {
  return doc.rangeOf([start, end]);
}

function eol(doc: AppSpecDocument): string {
  return doc.text.includes('\r\n') ? '\r\n' : '\n';
}

function columnOf(doc: AppSpecDocument, offset: number): number {
  return doc.lines.positionAt(offset).character;
}

/** A scalar written the way the document writes strings: JSON string in JSON, double-quoted in YAML. */
export function stringLiteral(text: string): string {
  return JSON.stringify(text);
}

/** `text` as a scalar in this document: a JSON string in JSON, plain in YAML when that is safe. */
export function scalarText(doc: AppSpecDocument, text: string): string {
  if (doc.format === 'json' || !/^[A-Za-z0-9_][A-Za-z0-9_:./-]*$/.test(text) || /:\s|:$/.test(text))
    return JSON.stringify(text);
  return text;
}

/** Replaces a node's text (the whole node, quotes included). */
export function replaceNodeEdit(doc: AppSpecDocument, node: Ranged, newText: string): Edit | undefined {
  if (!node.range) return undefined;
  return { range: rangeOfOffsets(doc, node.range[0], node.range[1]), newText };
}

/** Renames a key, keeping its quoting style. */
export function renameKeyFix(
  doc: AppSpecDocument,
  pair: Pair,
  newName: string,
  title: string,
  isPreferred = true,
): Fix | undefined {
  const key = pair.key as Node;
  if (!isScalar(key) || !key.range) return undefined;
  const quote = key.type === 'QUOTE_DOUBLE' ? '"' : key.type === 'QUOTE_SINGLE' ? "'" : '';
  const edit = replaceNodeEdit(doc, key, `${quote}${newName}${quote}`);
  return edit ? { title, edits: [edit], isPreferred } : undefined;
}

/** Replaces a value node with new source text. */
export function replaceValueFix(
  doc: AppSpecDocument,
  node: Ranged,
  newText: string,
  title: string,
  isPreferred = true,
): Fix | undefined {
  const edit = replaceNodeEdit(doc, node, newText);
  return edit ? { title, edits: [edit], isPreferred } : undefined;
}

/** Offset of the end of the line holding `offset` (before any `\r\n`). */
function lineEnd(text: string, offset: number): number {
  let idx = text.indexOf('\n', offset);
  if (idx === -1) idx = text.length;
  if (idx > 0 && text[idx - 1] === '\r') idx -= 1;
  return idx;
}

/** Offset just after the last non-whitespace character before `offset`. */
function backOverSpace(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && /\s/.test(text[i - 1])) i -= 1;
  return i;
}

function endOfPair(pair: Pair): number {
  const key = pair.key as Ranged | null;
  const value = pair.value as Ranged | null;
  return Math.max(key?.range?.[1] ?? 0, value?.range?.[1] ?? 0);
}

/**
 * Inserts `key: valueText` as the last entry of `map`. `valueText` is source text (already
 * quoted where needed). Returns undefined when the map's layout is not understood.
 */
export function insertPairEdit(doc: AppSpecDocument, map: YAMLMap, key: string, valueText: string): Edit | undefined {
  const pairs = pairsOf(map);
  const json = doc.format === 'json';
  const keyText = json ? JSON.stringify(key) : key;
  const range = (map as Ranged).range;
  if (!range) return undefined;
  if (map.flow) {
    if (pairs.length === 0) {
      const open = doc.text.indexOf('{', range[0]);
      if (open < 0) return undefined;
      return { range: rangeOfOffsets(doc, open + 1, open + 1), newText: ` ${keyText}: ${valueText} ` };
    }
    const last = pairs[pairs.length - 1];
    const at = endOfPair(last);
    const lastKey = last.key as Ranged | null;
    const firstKey = pairs[0].key as Ranged | null;
    const multiLine = doc.lines.positionAt(range[0]).line !== doc.lines.positionAt(at).line;
    const sep =
      multiLine && lastKey?.range ? `,${eol(doc)}${' '.repeat(columnOf(doc, (firstKey ?? lastKey).range![0]))}` : ', ';
    return { range: rangeOfOffsets(doc, at, at), newText: `${sep}${keyText}: ${valueText}` };
  }
  const first = pairs[0]?.key as Ranged | null | undefined;
  if (!first?.range) return undefined;
  const indent = columnOf(doc, first.range[0]);
  const at = lineEnd(doc.text, backOverSpace(doc.text, endOfPair(pairs[pairs.length - 1])));
  return { range: rangeOfOffsets(doc, at, at), newText: `${eol(doc)}${' '.repeat(indent)}${keyText}: ${valueText}` };
}

/**
 * Gives an empty key (`LoadBalancerInfo:` with nothing under it, or JSON `null`) a first child
 * entry `child: valueText`.
 */
export function fillEmptyKeyEdit(doc: AppSpecDocument, pair: Pair, child: string, valueText: string): Edit | undefined {
  const key = pair.key as Ranged | null;
  if (!key?.range) return undefined;
  const value = pair.value as Node | null;
  if (doc.format === 'json') {
    if (!value || !(value as Ranged).range) return undefined;
    return replaceNodeEdit(doc, value as Ranged, `{ ${JSON.stringify(child)}: ${valueText} }`);
  }
  if (value && !(isScalar(value) && (value.value === null || value.value === undefined))) return undefined;
  if (value && isScalar(value) && value.source !== '' && value.range) {
    // `Key: null` / `Key: ~`: replace the null with the child block.
    const indent = columnOf(doc, key.range[0]) + 2;
    return replaceNodeEdit(doc, value, `${eol(doc)}${' '.repeat(indent)}${child}: ${valueText}`);
  }
  const indent = columnOf(doc, key.range[0]) + 2;
  const at = lineEnd(doc.text, key.range[1]);
  return { range: rangeOfOffsets(doc, at, at), newText: `${eol(doc)}${' '.repeat(indent)}${child}: ${valueText}` };
}

/** A fix that adds a missing key to `parent` (a map, or an empty pair whose value should become one). */
export function addKeyFix(
  doc: AppSpecDocument,
  parent: YAMLMap | Pair,
  key: string,
  valueText: string,
  title = `Add '${key}'`,
): Fix | undefined {
  const edit = isMap(parent)
    ? insertPairEdit(doc, parent, key, valueText)
    : fillEmptyKeyEdit(doc, parent as Pair, key, valueText);
  return edit ? { title, edits: [edit] } : undefined;
}

/** Collects the defined fixes. */
export function fixes(...list: (Fix | undefined)[]): Fix[] | undefined {
  const defined = list.filter((f): f is Fix => f !== undefined);
  return defined.length > 0 ? defined : undefined;
}
