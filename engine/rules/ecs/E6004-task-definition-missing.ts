import type { Finding, Rule } from '../../types';
import { isMap, isScalar } from '../../ast';
import type { Node } from '../../ast';
import { containsPlaceholder, entryAnchor, isEmptyValue, pairCI, resourceEntries, valueOf } from '../ecs-lambda/model';
import { addKeyFix, fixes, stringLiteral } from '../ecs-lambda/edits';

/** Check 71: `Properties` missing; `TaskDefinition` missing or empty. */
export const ecsTaskDefinitionMissing: Rule = {
  id: 'E6004',
  name: 'ecs-task-definition-missing',
  severity: 'error',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'ECS resource needs Properties with a TaskDefinition',
  doc:
    'The ECS resource must have a `Properties` mapping, and `Properties.TaskDefinition` must name the task ' +
    'definition the replacement task set runs (its ARN, or the `<TASK_DEFINITION>` placeholder that CodePipeline ' +
    'fills in). Without it CodeDeploy has nothing to deploy and the deployment fails. Fix: add ' +
    '`TaskDefinition: "<TASK_DEFINITION>"` (quick fix) and replace it with the ARN unless a pipeline fills it in.',
  check(doc) {
    const out: Finding[] = [];
    for (const e of resourceEntries(doc)) {
      if (!e.body) continue;
      const propsPair = pairCI(e.body, 'Properties');
      const props = valueOf(propsPair);
      if (!propsPair) {
        out.push({
          ruleId: 'E6004',
          range: entryAnchor(doc, e),
          message: 'The ECS resource has no `Properties` (it needs at least `TaskDefinition` and `LoadBalancerInfo`).',
        });
        continue;
      }
      if (!isMap(props)) {
        if (containsPlaceholder(props)) continue;
        const fix = isEmptyValue(props)
          ? addKeyFix(doc, propsPair, 'TaskDefinition', stringLiteral('<TASK_DEFINITION>'), "Add 'TaskDefinition'")
          : undefined;
        out.push({
          ruleId: 'E6004',
          range: doc.keyRangeOf(propsPair),
          message: isEmptyValue(props)
            ? '`Properties` is empty; it needs at least `TaskDefinition` and `LoadBalancerInfo`.'
            : '`Properties` must be a mapping (with `TaskDefinition`, `LoadBalancerInfo`, …).',
          fixes: fixes(fix),
        });
        continue;
      }
      const tdPair = pairCI(props, 'TaskDefinition');
      if (!tdPair) {
        out.push({
          ruleId: 'E6004',
          range: doc.keyRangeOf(propsPair),
          message:
            '`Properties` has no `TaskDefinition`; give the task definition ARN (or `<TASK_DEFINITION>` when CodePipeline fills it in).',
          fixes: fixes(
            addKeyFix(
              doc,
              props,
              'TaskDefinition',
              stringLiteral('<TASK_DEFINITION>'),
              'Add \'TaskDefinition: "<TASK_DEFINITION>"\'',
            ),
          ),
        });
        continue;
      }
      const td = valueOf(tdPair);
      if (isEmptyValue(td)) {
        out.push({
          ruleId: 'E6004',
          range: doc.keyRangeOf(tdPair),
          message: '`TaskDefinition` is empty; give the task definition ARN.',
        });
      } else if (!isScalar(td) || !['string', 'number'].includes(typeof td.value)) {
        out.push({
          ruleId: 'E6004',
          range: doc.rangeOf(td as Node),
          message: '`TaskDefinition` must be a single string (the task definition ARN).',
        });
      }
    }
    return out;
  },
};
