/** Small helpers shared by the general rules. */
import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Node, type Pair, type Scalar } from 'yaml';
import type { AppSpecDocument, Range } from '../../types';

/** Range of the document start (the first key when there is one). */
export function docStartRange(doc: AppSpecDocument): Range {
  const first = doc.root?.items[0] as Pair | undefined;
  if (first) return doc.keyRangeOf(first);
  const start = doc.text.startsWith('\uFEFF') ? 1 : 0;
  const firstLineEnd = doc.lines.offsetAt({ line: 0, character: Number.MAX_SAFE_INTEGER });
  return doc.rangeOf([start, Math.max(start, firstLineEnd)]);
}

/** Every alias node of the document. */
export function aliasesOf(doc: AppSpecDocument): Alias[] {
  const out: Alias[] = [];
  if (!doc.yaml) return out;
  visit(doc.yaml, {
    Alias(_key, node) {
      out.push(node);
    },
  });
  return out;
}

/** Every scalar node (keys and values) of the document, once each. */
export function scalarsOf(doc: AppSpecDocument): Scalar[] {
  const out: Scalar[] = [];
  if (!doc.yaml) return out;
  visit(doc.yaml, {
    Scalar(_key, node) {
      out.push(node);
    },
  });
  return out;
}

/** Every mapping node of the document, in document order. */
export function mapsOf(doc: AppSpecDocument): Node[] {
  const out: Node[] = [];
  if (!doc.yaml) return out;
  visit(doc.yaml, {
    Map(_key, node) {
      out.push(node);
    },
  });
  return out;
}

export { isAlias, isMap, isScalar, isSeq };

/** Markdown list of keys for messages. */
export function codeList(items: string[]): string {
  return items.map((k) => `\`${k}\``).join(', ');
}
