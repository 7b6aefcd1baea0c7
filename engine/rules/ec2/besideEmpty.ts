/** An empty key followed by sibling keys that belong under it: one indentation mistake (E4019, W2025). */
import type { AppSpecDocument, Range } from '../../types';
import { keyText, pairsOf, type Node, type Pair } from '../../ast';
import { isNullish } from './util';

export interface BesideEmpty {
  /** The empty key. */
  parent: Pair;
  /** The keys after it that belong under it, in order. */
  beside: Pair[];
  /** From the parent's key to the end of the last key beside it. */
  covers?: Range;
}

/** In `map`, each empty key that `belongs` names children for, with the run of such children right after it. */
export function keysBesideEmpty(
  doc: AppSpecDocument,
  map: unknown,
  belongs: (parent: string) => readonly string[] | undefined,
): BesideEmpty[] {
  const out: BesideEmpty[] = [];
  const pairs = pairsOf(map);
  for (let i = 0; i < pairs.length; i++) {
    const children = belongs(keyText(pairs[i]) ?? '');
    if (!children || !isNullish(pairs[i].value)) continue;
    const beside: Pair[] = [];
    for (let j = i + 1; j < pairs.length && children.includes(keyText(pairs[j]) ?? ''); j++) beside.push(pairs[j]);
    if (beside.length === 0) continue;
    const start = (pairs[i].key as Node | null)?.range?.[0];
    const last = beside[beside.length - 1];
    const end = ((last.value as Node | null)?.range ?? (last.key as Node | null)?.range)?.[1];
    out.push({
      parent: pairs[i],
      beside,
      covers: start !== undefined && end !== undefined ? doc.rangeOf([start, end]) : undefined,
    });
    i += beside.length;
  }
  return out;
}

export function listed(pairs: Pair[]): string {
  return pairs
    .slice(0, 4)
    .map((p) => `\`${keyText(p)}\``)
    .join(', ')
    .concat(pairs.length > 4 ? ', …' : '');
}
