/** A parsed AppSpec's syntax tree as comparable lines (kind, value, quoting, tag, ranges), for tests. */
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { AppSpecDocument } from '../../engine/types';

/** Every node of the tree, one line each; with `lineColumn`, positions as line:column instead of offsets. */
export function dumpTree(doc: AppSpecDocument, lineColumn = false): string[] {
  const out: string[] = [];
  const at = (o: number) => {
    if (!lineColumn) return String(o);
    const p = doc.lines.positionAt(o);
    return `${p.line}:${p.character}`;
  };
  const walk = (n: unknown, depth: number): void => {
    const pad = ' '.repeat(depth);
    if (n === null || n === undefined) {
      out.push(`${pad}null`);
      return;
    }
    if (isPair(n)) {
      out.push(`${pad}pair`);
      walk(n.key, depth + 1);
      walk(n.value, depth + 1);
      return;
    }
    const node = n as { range?: number[]; tag?: string };
    const r = node.range ? `${at(node.range[0])}-${at(node.range[1])}` : 'no-range';
    if (isScalar(n)) out.push(`${pad}scalar ${JSON.stringify(n.value)} ${n.type} ${node.tag ?? ''} ${r}`);
    else if (isMap(n) || isSeq(n)) {
      out.push(`${pad}${isMap(n) ? 'map' : 'seq'} ${n.flow ? 'flow' : 'block'} ${node.tag ?? ''} ${r}`);
      for (const it of n.items) walk(it, depth + 1);
    } else out.push(`${pad}other ${r}`);
  };
  walk(doc.yaml?.contents, 0);
  return out;
}
