import type { Finding, Rule } from '../../types';
import { hasPlaceholder, isMap, isScalar, isSeq } from '../../ast';
import type { Node } from '../../ast';
import { hooksPair, isEmptyValue, show, valueOf } from './model';

/** Hooks must be a list of `Event: function` entries (or the tolerated map form). */
export const hooksShape: Rule = {
  id: 'E8009',
  name: 'hooks-shape',
  severity: 'error',
  platforms: ['ecs', 'lambda'],
  reads: 'tree',
  title: 'Hooks must be a list of Event: function entries',
  doc:
    'ECS and Lambda `Hooks` is a list whose items each map one lifecycle event to one Lambda function ' +
    '(`- BeforeAllowTraffic: MyFunction`). A plain string, or a list item that is a bare event name or function ' +
    'name, cannot be read and fails the deployment. An empty `Hooks:` is not reported (no hooks). Fix: write ' +
    '`- <Event>: <function>` for each hook.',
  check(doc) {
    const pair = hooksPair(doc);
    const hooks = valueOf(pair);
    if (!pair || isEmptyValue(hooks) || hasPlaceholder(hooks) || isMap(hooks)) return [];
    if (!isSeq(hooks)) {
      return [
        {
          ruleId: 'E8009',
          range: doc.rangeOf(hooks as Node),
          message: '`Hooks` must be a list of `- <Event>: <function>` entries.',
        },
      ];
    }
    const out: Finding[] = [];
    for (const item of hooks.items) {
      if (isMap(item) || hasPlaceholder(item)) continue;
      const text = isScalar(item) && item.value !== null ? String(item.value) : undefined;
      out.push({
        ruleId: 'E8009',
        range: item && (item as Node).range ? doc.rangeOf(item as Node) : doc.keyRangeOf(pair),
        message: text
          ? `Hooks entry ${show(text)} is a bare value; write \`- <Event>: <function>\`, e.g. \`- BeforeAllowTraffic: MyFunction\`.`
          : 'Each `Hooks` entry must be `- <Event>: <function>`.',
      });
    }
    return out;
  },
};
