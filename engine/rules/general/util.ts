/** Small helpers shared by the general rules. */
import { isAlias, isMap, isScalar, isSeq, type Alias, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { nodesOf } from '../../derived';
import type { AppSpecDocument, Fix, Range } from '../../types';

/** Range of the document start (the first key when there is one). */
export function docStartRange(doc: AppSpecDocument): Range {
  const first = doc.root?.items[0] as Pair | undefined;
  if (first) return doc.keyRangeOf(first);
  const start = doc.text.startsWith('\uFEFF') ? 1 : 0;
  const firstLineEnd = doc.lines.offsetAt({ line: 0, character: Number.MAX_SAFE_INTEGER });
  return doc.rangeOf([start, Math.max(start, firstLineEnd)]);
}

/** Every alias node of the document (shared view: do not modify). */
export function aliasesOf(doc: AppSpecDocument): readonly Alias[] {
  return nodesOf(doc).aliases;
}

/** Every scalar node (keys and values) of the document, once each (shared view: do not modify). */
export function scalarsOf(doc: AppSpecDocument): readonly Scalar[] {
  return nodesOf(doc).scalars;
}

/** Every mapping node of the document, in document order (shared view: do not modify). */
export function mapsOf(doc: AppSpecDocument): readonly YAMLMap[] {
  return nodesOf(doc).maps;
}

export { isAlias, isMap, isScalar, isSeq };

/** Markdown list of keys for messages. */
export function codeList(items: string[]): string {
  return items.map((k) => `\`${k}\``).join(', ');
}

/** The fix that removes a leading byte-order mark. */
export function removeBomFix(doc: AppSpecDocument): Fix {
  return {
    title: 'Remove the byte-order mark',
    edits: [{ range: doc.rangeOf([0, 1]), newText: '' }],
    isPreferred: true,
  };
}
