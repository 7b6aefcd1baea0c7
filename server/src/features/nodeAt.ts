/**
 * Finding things in the parsed tree by offset, shared by hover, definition and links.
 * Works on the `yaml` node tree of both YAML and JSON AppSpecs (JSON is parsed as YAML flow).
 */
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  keyText,
  type AppSpecDocument,
  type Node,
  type Pair,
} from '../../../engine/index';

export type PathStep = string | number;

export interface NodeHit {
  /** Keys and list indexes from the root to the hit (the key itself is the last step when on a key). */
  path: PathStep[];
  /** True when the offset is on a mapping key, false when on a value. */
  onKey: boolean;
  /** The key's pair when on a key or on that key's value. */
  pair?: Pair;
  /** The scalar (or collection) under the offset. */
  node: Node;
}

type Ranged = { range?: [number, number, number?] | null };

function contains(node: unknown, offset: number): boolean {
  const r = (node as Ranged | null)?.range;
  return !!r && r[0] <= offset && offset <= r[1];
}

/** The deepest key or value at `offset`, with its path from the root. */
export function nodeAt(doc: AppSpecDocument, offset: number): NodeHit | undefined {
  const root = doc.yaml?.contents as Node | null | undefined;
  if (!root) return undefined;
  return descend(root, offset, [], undefined);
}

function descend(node: Node, offset: number, path: PathStep[], pair: Pair | undefined): NodeHit | undefined {
  if (isMap(node)) {
    for (const p of node.items) {
      if (!isPair(p)) continue;
      const key = keyText(p);
      if (key === undefined) continue;
      if (contains(p.key, offset)) return { path: [...path, key], onKey: true, pair: p, node: p.key as Node };
      if (p.value && contains(p.value, offset)) return descend(p.value as Node, offset, [...path, key], p);
    }
    return contains(node, offset) ? { path, onKey: false, pair, node } : undefined;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as Node;
      if (item && contains(item, offset)) return descend(item, offset, [...path, i], undefined);
    }
    return contains(node, offset) ? { path, onKey: false, pair, node } : undefined;
  }
  if (isScalar(node) && contains(node, offset)) return { path, onKey: false, pair, node };
  return undefined;
}

/** Calls `visit` for every pair in the tree with its path (the path includes the pair's key). */
export function walkPairs(node: unknown, visit: (pair: Pair, path: PathStep[]) => void, path: PathStep[] = []): void {
  if (isMap(node)) {
    for (const p of node.items) {
      if (!isPair(p)) continue;
      const key = keyText(p);
      if (key === undefined) continue;
      visit(p, [...path, key]);
      walkPairs(p.value, visit, [...path, key]);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walkPairs(item, visit, [...path, i]));
  }
}
