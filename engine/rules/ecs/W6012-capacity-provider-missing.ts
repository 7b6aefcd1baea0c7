import type { Finding, Rule } from '../../types';
import { isMap, isSeq } from '../../ast';
import type { Node } from '../../ast';
import { allProperties, isEmptyValue, pairCI, valueOf } from '../ecs-lambda/model';
import { addKeyFix, fixes, stringLiteral } from '../ecs-lambda/edits';

/** Check 78: a strategy item without CapacityProvider. */
export const ecsCapacityProviderMissing: Rule = {
  id: 'W6012',
  name: 'ecs-capacity-provider-missing',
  severity: 'warning',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'CapacityProviderStrategy item without CapacityProvider',
  doc:
    'Each `CapacityProviderStrategy` item should name its provider (`CapacityProvider: FARGATE`, `FARGATE_SPOT` or a ' +
    'capacity provider you created). The CodeDeploy reference lists the key as optional but the ECS API requires it, ' +
    'so an item without it (or with an empty one) will very likely be rejected; this is a warning because the ' +
    'documents disagree. Fix: add `CapacityProvider` (quick fix inserts `FARGATE`).',
  check(doc) {
    const out: Finding[] = [];
    for (const props of allProperties(doc)) {
      const list = valueOf(pairCI(props, 'CapacityProviderStrategy'));
      if (!isSeq(list)) continue;
      for (const item of list.items) {
        if (!isMap(item)) continue;
        const cp = pairCI(item, 'CapacityProvider');
        if (cp && !isEmptyValue(valueOf(cp))) continue;
        const first = item.items[0];
        out.push({
          ruleId: 'W6012',
          range: cp ? doc.keyRangeOf(cp) : first ? doc.keyRangeOf(first) : doc.rangeOf(item as Node),
          message: cp
            ? '`CapacityProvider` is empty; name the provider, e.g. `FARGATE` or `FARGATE_SPOT`.'
            : 'This capacity provider strategy item has no `CapacityProvider`; the ECS API requires one (e.g. `FARGATE`).',
          fixes: cp
            ? undefined
            : fixes(
                addKeyFix(doc, item, 'CapacityProvider', stringLiteral('FARGATE'), "Add 'CapacityProvider: FARGATE'"),
              ),
        });
      }
    }
    return out;
  },
};
