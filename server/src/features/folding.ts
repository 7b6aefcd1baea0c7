/**
 * Folding: every mapping or list that spans several lines, and runs of comment lines (YAML).
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import { isMap, isPair, isSeq, type AppSpecDocument, type Node } from '../../../engine/index';

type Ranged = { range?: [number, number, number?] | null };

export function foldingRanges(doc: AppSpecDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const seen = new Set<number>();
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind): void => {
    if (endLine <= startLine || seen.has(startLine)) return;
    seen.add(startLine);
    out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  /** Last line holding content of a node (a trailing line break does not count). */
  const lastLine = (end: number): number => {
    let e = end;
    while (e > 0 && /\s/.test(doc.text[e - 1])) e--;
    return doc.lines.positionAt(Math.max(0, e - 1)).line;
  };
  const visit = (node: unknown, startOffset?: number): void => {
    if (!isMap(node) && !isSeq(node)) return;
    const r = (node as Ranged).range;
    const isBlockRoot = node === doc.yaml?.contents && !node.flow;
    if (r && !isBlockRoot) {
      const start = doc.lines.positionAt(startOffset ?? r[0]).line;
      let end = lastLine(r[1]);
      // JSON (flow) collections: keep the closing bracket visible.
      if (node.flow && /[}\]]/.test(doc.text[r[1] - 1] ?? '')) {
        const closeLine = doc.lines.positionAt(r[1] - 1).line;
        if (closeLine > start) end = closeLine - 1;
      }
      add(start, end);
    }
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        const k = (item.key as Ranged | null)?.range;
        if (isMap(item.value) || isSeq(item.value)) visit(item.value, k?.[0]);
      } else {
        visit(item as Node);
      }
    }
  };
  if (doc.yaml) visit(doc.yaml.contents);
  if (doc.format === 'yaml') {
    const lines = doc.text.split(/\r\n|\r|\n/);
    let runStart = -1;
    for (let i = 0; i <= lines.length; i++) {
      const isComment = i < lines.length && /^\s*#/.test(lines[i]);
      if (isComment && runStart < 0) runStart = i;
      if (!isComment && runStart >= 0) {
        add(runStart, i - 1, FoldingRangeKind.Comment);
        runStart = -1;
      }
    }
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}
