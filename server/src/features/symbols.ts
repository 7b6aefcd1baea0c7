/**
 * Outline: top-level sections, `files` entries (source → destination), `permissions` entries
 * (by object), hooks with their scripts, and the ECS/Lambda resource with its properties.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import {
  findPair,
  isMap,
  isScalar,
  isSeq,
  keyText,
  scalarString,
  type AppSpecDocument,
  type Node,
  type Pair,
  type Range,
} from '../../../engine/index';

type Ranged = { range?: [number, number, number?] | null };

function fullRange(doc: AppSpecDocument, pair: Pair): Range {
  const k = (pair.key as Ranged | null)?.range;
  const v = (pair.value as Ranged | null)?.range;
  const start = k?.[0] ?? v?.[0] ?? 0;
  const end = Math.max(v?.[1] ?? 0, k?.[1] ?? 0, start);
  return doc.rangeOf([start, end]);
}

function nodeRange(doc: AppSpecDocument, node: unknown): Range {
  const r = (node as Ranged | null)?.range;
  return r ? doc.rangeOf([r[0], r[1]]) : doc.rangeOf([0, 0]);
}

function sym(
  name: string,
  kind: SymbolKind,
  range: Range,
  selectionRange: Range,
  children?: DocumentSymbol[],
  detail?: string,
): DocumentSymbol {
  const s: DocumentSymbol = { name: name || '(empty)', kind, range, selectionRange };
  if (detail) s.detail = detail;
  if (children?.length) s.children = children;
  return s;
}

/**
 * Most children listed under one symbol. The outline of a generated file with a 100,000-item list
 * was a 20 MB answer; past this, one entry says how many more there are and where they start.
 */
export const MAX_CHILD_SYMBOLS = 5000;

function capped<T>(doc: AppSpecDocument, items: T[], build: (item: T, i: number) => DocumentSymbol): DocumentSymbol[] {
  if (items.length <= MAX_CHILD_SYMBOLS) return items.map(build);
  const out = items.slice(0, MAX_CHILD_SYMBOLS).map(build);
  const first = (items[MAX_CHILD_SYMBOLS] as Ranged | null)?.range?.[0] ?? 0;
  const last = (items[items.length - 1] as Ranged | null)?.range?.[1] ?? first;
  const rest = doc.rangeOf([first, Math.max(first, last)]);
  const start = doc.rangeOf([first, first]);
  out.push(sym(`… ${items.length - MAX_CHILD_SYMBOLS} more`, SymbolKind.Null, rest, start));
  return out;
}

function scalarDetail(node: unknown): string | undefined {
  const s = scalarString(node);
  return s === undefined ? undefined : s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function kindOf(value: unknown): SymbolKind {
  if (isMap(value)) return SymbolKind.Object;
  if (isSeq(value)) return SymbolKind.Array;
  if (isScalar(value)) {
    if (typeof value.value === 'number') return SymbolKind.Number;
    if (typeof value.value === 'boolean') return SymbolKind.Boolean;
  }
  return SymbolKind.Property;
}

/** Generic symbols for a mapping's pairs (used below the level the AppSpec-specific names cover). */
function pairSymbols(doc: AppSpecDocument, node: unknown, depth: number): DocumentSymbol[] {
  if (!isMap(node) || depth > 6) return [];
  return capped(doc, node.items as Pair[], (p) => valueSymbol(doc, p, keyText(p) ?? '?', kindOf(p.value), depth));
}

function valueSymbol(doc: AppSpecDocument, p: Pair, name: string, kind: SymbolKind, depth: number): DocumentSymbol {
  const children = isMap(p.value)
    ? pairSymbols(doc, p.value, depth + 1)
    : isSeq(p.value)
      ? itemSymbols(doc, p.value.items as Node[], depth + 1)
      : undefined;
  return sym(name, kind, fullRange(doc, p), doc.keyRangeOf(p), children, scalarDetail(p.value));
}

function itemSymbols(
  doc: AppSpecDocument,
  items: Node[],
  depth: number,
  label?: (item: Node, i: number) => string,
): DocumentSymbol[] {
  return capped(doc, items, (item, i) => {
    const r = nodeRange(doc, item);
    const name =
      label?.(item, i) ??
      (isScalar(item)
        ? (scalarString(item) ?? '')
        : isMap(item) && item.items.length === 1
          ? (keyText(item.items[0] as Pair) ?? `[${i}]`)
          : `[${i}]`);
    return sym(
      name,
      isMap(item) ? SymbolKind.Object : isScalar(item) ? SymbolKind.String : SymbolKind.Array,
      r,
      r,
      pairSymbols(doc, item, depth + 1),
    );
  });
}

function str(node: unknown, key: string): string | undefined {
  return scalarString(findPair(node, key)?.value);
}

function topSymbol(doc: AppSpecDocument, p: Pair): DocumentSymbol {
  const key = keyText(p) ?? '?';
  const lower = key.toLowerCase();
  const range = fullRange(doc, p);
  const sel = doc.keyRangeOf(p);
  const ec2 = doc.platform.platform === 'ec2' || doc.platform.platform === 'unknown';
  if (key === 'files' && isSeq(p.value)) {
    const children = capped(doc, p.value.items as Node[], (item) => {
      const r = nodeRange(doc, item);
      return sym(`${str(item, 'source') ?? '?'} → ${str(item, 'destination') ?? '?'}`, SymbolKind.File, r, r);
    });
    return sym(key, SymbolKind.Array, range, sel, children);
  }
  if (key === 'permissions' && isSeq(p.value)) {
    const children = capped(doc, p.value.items as Node[], (item) => {
      const r = nodeRange(doc, item);
      const detail = [str(item, 'owner'), str(item, 'group'), str(item, 'mode')].filter(Boolean).join(' ');
      return sym(str(item, 'object') ?? '?', SymbolKind.Key, r, r, undefined, detail || undefined);
    });
    return sym(key, SymbolKind.Array, range, sel, children);
  }
  if (key === 'hooks' && ec2 && isMap(p.value)) {
    const events = (p.value.items as Pair[]).map((hook) => {
      const scripts = isSeq(hook.value)
        ? capped(doc, hook.value.items as Node[], (s) => {
            const r = nodeRange(doc, s);
            const detail = [
              str(s, 'timeout') ? `${str(s, 'timeout')} s` : '',
              str(s, 'runas') ? `as ${str(s, 'runas')}` : '',
            ]
              .filter(Boolean)
              .join(', ');
            return sym(str(s, 'location') ?? '?', SymbolKind.File, r, r, undefined, detail || undefined);
          })
        : [];
      return sym(keyText(hook) ?? '?', SymbolKind.Event, fullRange(doc, hook), doc.keyRangeOf(hook), scripts);
    });
    return sym(key, SymbolKind.Namespace, range, sel, events);
  }
  if (lower === 'hooks' && isSeq(p.value)) {
    const events = (p.value.items as Node[]).flatMap((item) =>
      isMap(item)
        ? (item.items as Pair[]).map((h) =>
            sym(
              keyText(h) ?? '?',
              SymbolKind.Event,
              fullRange(doc, h),
              doc.keyRangeOf(h),
              undefined,
              scalarDetail(h.value),
            ),
          )
        : [],
    );
    return sym(key, SymbolKind.Namespace, range, sel, events);
  }
  if (lower === 'resources' && isSeq(p.value)) {
    const resources = (p.value.items as Node[]).flatMap((item) =>
      isMap(item)
        ? (item.items as Pair[]).map((res) => {
            const type = scalarString(findPair(res.value, 'Type', { caseInsensitive: true })?.value);
            const props = findPair(res.value, 'Properties', { caseInsensitive: true });
            const children = props
              ? [valueSymbol(doc, props, keyText(props) ?? 'Properties', SymbolKind.Object, 2)]
              : [];
            return sym(keyText(res) ?? '?', SymbolKind.Class, fullRange(doc, res), doc.keyRangeOf(res), children, type);
          })
        : [],
    );
    return sym(key, SymbolKind.Array, range, sel, resources);
  }
  return valueSymbol(doc, p, key, kindOf(p.value), 1);
}

export function documentSymbols(doc: AppSpecDocument): DocumentSymbol[] {
  if (!isMap(doc.root)) return [];
  return (doc.root.items as Pair[]).filter((p) => keyText(p) !== undefined).map((p) => topSymbol(doc, p));
}
