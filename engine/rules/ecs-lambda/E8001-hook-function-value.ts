import type { Finding, Fix, Rule } from '../../types';
import { hasPlaceholder, isMap, isScalar, isSeq, pairsOf } from '../../ast';
import type { Node, Pair } from '../../ast';
import { functionRefProblem, hookEntries, isEmptyValue, show, valueOf } from './model';
import { fixes } from './edits';
import { TEMPLATE_EVENT_PLACEHOLDER } from './shapes';

type Doc = Parameters<Rule['check']>[0];

/** Replaces `Event: [fn]` (any layout) with `Event: fn`. */
function unwrapFix(doc: Doc, pair: Pair, item: Node): Fix | undefined {
  const key = pair.key as Node;
  const value = pair.value as Node;
  if (!key?.range || !value?.range || !item.range) return undefined;
  const colon = doc.text.indexOf(':', key.range[1]);
  if (colon < 0 || colon > value.range[0]) return undefined;
  let end = value.range[1];
  while (end > colon && /\s/.test(doc.text[end - 1])) end -= 1;
  const source = doc.text.slice(item.range[0], item.range[1]);
  return {
    title: 'Use the single function name, not a list',
    isPreferred: true,
    edits: [{ range: doc.rangeOf([colon, end]), newText: `: ${source}` }],
  };
}

/** Checks 81 / 94 (values): each hook names one Lambda function as a non-empty string. */
export const hookFunctionValue: Rule = {
  id: 'E8001',
  name: 'hook-function-value',
  severity: 'error',
  platforms: ['ecs', 'lambda'],
  reads: 'tree',
  title: 'A hook must name one Lambda function (a string)',
  doc:
    'In ECS and Lambda AppSpecs each hook runs exactly one Lambda function: the value is its name or ARN as a single ' +
    'string, e.g. `- BeforeAllowTraffic: "CodeDeployHook_PreTraffic"`. An empty value, a list of functions, or ' +
    'EC2-style script entries (`location`, `timeout`, `runas`) are rejected. A number or boolean is W8011. ' +
    'Placeholders are not reported. Fix: give one function; for a one-item list the quick fix ' +
    'removes the brackets/dash.',
  check(doc) {
    const out: Finding[] = [];
    for (const { pair, event } of hookEntries(doc)) {
      const node = valueOf(pair);
      if (isEmptyValue(node)) {
        // `LifeCycleEvent: ""` is the sample template's fill-in line: the event rule already says so once.
        if (event === TEMPLATE_EVENT_PLACEHOLDER) continue;
        out.push({
          ruleId: 'E8001',
          range: doc.keyRangeOf(pair),
          message: `Hook \`${event}\` has no function; give the name or ARN of the Lambda function to run.`,
        });
        continue;
      }
      if (hasPlaceholder(node)) continue;
      if (isSeq(node)) {
        const items = node.items as Node[];
        const scripts = items.some(
          (i) =>
            isMap(i) &&
            pairsOf(i).some((p) =>
              ['location', 'timeout', 'runas'].includes(String((p.key as { value?: unknown })?.value)),
            ),
        );
        if (scripts) {
          out.push({
            ruleId: 'E8001',
            range: doc.rangeOf(node),
            message: `Hook \`${event}\` lists EC2-style scripts (\`location\`/\`timeout\`/\`runas\`); ECS and Lambda hooks run one Lambda function instead, e.g. \`- BeforeAllowTraffic: "CodeDeployHook_Check"\`.`,
          });
        } else if (items.length === 1 && isScalar(items[0]) && typeof items[0].value === 'string') {
          out.push({
            ruleId: 'E8001',
            range: doc.rangeOf(node),
            message: `Hook \`${event}\` is a list; it must be the single function name ${show(items[0].value)} as a string.`,
            fixes: fixes(unwrapFix(doc, pair, items[0])),
          });
        } else {
          out.push({
            ruleId: 'E8001',
            range: doc.rangeOf(node),
            message: `Hook \`${event}\` lists ${items.length} entries; each event runs exactly one Lambda function (combine the checks in one function).`,
          });
        }
        continue;
      }
      if (isMap(node)) {
        out.push({
          ruleId: 'E8001',
          range: doc.rangeOf(node),
          message: `Hook \`${event}\` must be the name or ARN of one Lambda function, not a mapping.`,
        });
        continue;
      }
      if (!isScalar(node)) continue;
      if (typeof node.value !== 'string') continue; // W8011
      const why = functionRefProblem(node.value);
      if (why)
        out.push({
          ruleId: 'E8001',
          range: doc.rangeOf(node),
          message: `Hook \`${event}\`: ${show(node.value)} ${why}.`,
        });
    }
    return out;
  },
};
