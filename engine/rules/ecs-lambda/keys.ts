/**
 * Walks the keys of an ECS/Lambda AppSpec whose spelling is known, pairing each key with its
 * canonical (PascalCase) form. Used by the key-case (I8005) and unknown-key (W8006) rules.
 */
import type { AppSpecDocument } from '../../types';
import { isMap, isSeq, keyText, pairsOf } from '../../ast';
import type { Pair } from '../../ast';
import { pairCI, resourceEntries, valueOf } from './model';
import {
  EC2_ONLY_KEYS,
  ECS_PROPERTIES,
  LAMBDA_PROPERTIES,
  RESOURCE_BODY_KEYS,
  TOP_LEVEL_KEYS,
  type KeyTable,
} from './names';

export interface KeyVisit {
  pair: Pair;
  key: string;
  /** The canonical spelling when the key is known (any case). */
  canonical?: string;
  /** Canonical keys allowed at this place. */
  allowed: string[];
  /** Human name of the place, e.g. `Properties.LoadBalancerInfo`. */
  where: string;
}

function visitTable(node: unknown, table: KeyTable, where: string, out: KeyVisit[]): void {
  if (!isMap(node)) return;
  const allowed = Object.keys(table.keys);
  for (const pair of pairsOf(node)) {
    const key = keyText(pair);
    if (key === undefined) continue;
    const canonical = allowed.find((a) => a.toLowerCase() === key.toLowerCase());
    out.push({ pair, key, canonical, allowed, where });
    if (!canonical) continue;
    const sub = table.keys[canonical];
    if (sub === 'leaf') continue;
    const value = valueOf(pair);
    if (sub.listOf) {
      if (isSeq(value)) for (const item of value.items) visitTable(item, sub.listOf, `${where}.${canonical}[]`, out);
    } else {
      visitTable(value, sub, `${where}.${canonical}`, out);
    }
  }
}

/** Every key of the document at a place whose keys are known. */
export function walkKeys(doc: AppSpecDocument): KeyVisit[] {
  const out: KeyVisit[] = [];
  if (!doc.root) return out;
  for (const pair of pairsOf(doc.root)) {
    const key = keyText(pair);
    if (key === undefined) continue;
    if (EC2_ONLY_KEYS.includes(key.toLowerCase())) continue; // W8007
    const canonical = TOP_LEVEL_KEYS.find((a) => a.toLowerCase() === key.toLowerCase());
    out.push({ pair, key, canonical, allowed: TOP_LEVEL_KEYS, where: 'the top level' });
  }
  const props = doc.platform.platform === 'lambda' ? LAMBDA_PROPERTIES : ECS_PROPERTIES;
  for (const entry of resourceEntries(doc)) {
    if (!entry.body) continue;
    for (const pair of pairsOf(entry.body)) {
      if (entry.misIndented && pair === entry.namePair) continue;
      const key = keyText(pair);
      if (key === undefined) continue;
      const canonical = RESOURCE_BODY_KEYS.find((a) => a.toLowerCase() === key.toLowerCase());
      out.push({
        pair,
        key,
        canonical,
        allowed: RESOURCE_BODY_KEYS,
        where: entry.namePair ? `resource \`${keyText(entry.namePair) ?? ''}\`` : 'the resource',
      });
    }
    visitTable(valueOf(pairCI(entry.body, 'Properties')), props, 'Properties', out);
  }
  return out;
}
