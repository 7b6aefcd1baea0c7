import type { Finding, Rule } from '../../types';
import { hasPlaceholder, isMap, isScalar, isSeq, scalarSource } from '../../ast';
import type { Node, Pair } from '../../ast';
import { allProperties, containsPlaceholder, isEmptyValue, pairCI, show, valueOf } from '../ecs-lambda/model';

type Doc = Parameters<Rule['check']>[0];

/** The integer a Base/Weight holds, `undefined` when absent/templated, or NaN when it is not an integer. */
function intOf(pair: Pair | undefined): number | undefined {
  if (!pair) return undefined;
  const node = valueOf(pair);
  if (hasPlaceholder(node)) return undefined;
  if (!isScalar(node)) return NaN;
  const text = typeof node.value === 'string' ? node.value.trim() : (scalarSource(node) ?? '');
  return /^\d+$/.test(text) ? Number(text) : NaN;
}

function rangeCheck(doc: Doc, pair: Pair | undefined, key: string, max: number, out: Finding[]): number | undefined {
  const n = intOf(pair);
  if (!pair || n === undefined) return n;
  const node = valueOf(pair);
  const range = isEmptyValue(node) ? doc.keyRangeOf(pair) : doc.rangeOf(node as Node);
  if (Number.isNaN(n) || n > max) {
    const text = isScalar(node) ? (scalarSource(node) ?? '') : '';
    out.push({
      ruleId: 'E6011',
      range,
      message: `\`${key}\` ${text ? show(text) + ' ' : ''}must be a whole number from 0 to ${max}.`,
    });
    return undefined;
  }
  return n;
}

/** Check 77: CapacityProviderStrategy list of maps; Base/Weight ranges; one Base; not all weights 0. */
export const ecsCapacityProviderStrategy: Rule = {
  id: 'E6011',
  name: 'ecs-capacity-provider-strategy',
  severity: 'error',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'CapacityProviderStrategy must be a valid list of capacity providers',
  doc:
    '`Properties.CapacityProviderStrategy` is a list of `{CapacityProvider, Base, Weight}` items. `Base` (tasks placed ' +
    'on that provider first) is 0-100000 and only one item may have a base above 0; `Weight` is 0-1000, defaults to 0, ' +
    'and with several providers at least one weight must be above 0. The AWS example itself writes `Base: 0` on a ' +
    'second item, so only bases above 0 count as "defined". Anything else fails the deployment. Fix: correct the ' +
    'numbers, e.g. `- CapacityProvider: FARGATE` / `Weight: 1`.',
  check(doc) {
    const out: Finding[] = [];
    for (const props of allProperties(doc)) {
      const pair = pairCI(props, 'CapacityProviderStrategy');
      if (!pair) continue;
      const list = valueOf(pair);
      if (containsPlaceholder(list) && !isSeq(list)) continue;
      if (!isSeq(list) || list.items.length === 0) {
        out.push({
          ruleId: 'E6011',
          range: doc.keyRangeOf(pair),
          message: isMap(list)
            ? '`CapacityProviderStrategy` must be a list; put `- ` before `CapacityProvider`.'
            : '`CapacityProviderStrategy` must be a non-empty list of `{CapacityProvider, Base, Weight}` items.',
        });
        continue;
      }
      const based: Pair[] = [];
      const weights: (number | undefined)[] = [];
      let unknownWeight = false;
      for (const item of list.items) {
        if (!isMap(item)) {
          if (!hasPlaceholder(item)) {
            out.push({
              ruleId: 'E6011',
              range: item && (item as Node).range ? doc.rangeOf(item as Node) : doc.keyRangeOf(pair),
              message: 'Each `CapacityProviderStrategy` item must be a mapping `{CapacityProvider, Base, Weight}`.',
            });
          }
          continue;
        }
        const basePair = pairCI(item, 'Base');
        const base = rangeCheck(doc, basePair, 'Base', 100000, out);
        if (basePair && base !== undefined && base > 0) based.push(basePair);
        const weightPair = pairCI(item, 'Weight');
        const weight = rangeCheck(doc, weightPair, 'Weight', 1000, out);
        if (weightPair && weight === undefined) unknownWeight = true;
        weights.push(weightPair ? weight : 0);
      }
      for (const extra of based.slice(1)) {
        out.push({
          ruleId: 'E6011',
          range: doc.keyRangeOf(extra),
          message:
            'Only one capacity provider in a strategy can have a `Base` above 0; set `Base: 0` (or remove it) on all but one.',
        });
      }
      if (weights.length > 1 && !unknownWeight && weights.every((w) => w === 0)) {
        out.push({
          ruleId: 'E6011',
          range: doc.keyRangeOf(pair),
          message:
            'Every capacity provider has `Weight` 0 (the default); with several providers at least one `Weight` must be above 0.',
        });
      }
    }
    return out;
  },
};
