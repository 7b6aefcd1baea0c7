import type { Finding, Rule } from '../../types';
import { isMap } from '../../ast';
import { containsPlaceholder, isEmptyValue, pairCI, resourceEntries, propertiesOf, valueOf } from '../ecs-lambda/model';
import { addKeyFix, fixes, stringLiteral } from '../ecs-lambda/edits';

/** Check 73: `LoadBalancerInfo`, `ContainerName` or `ContainerPort` missing. */
export const ecsLoadBalancerInfoMissing: Rule = {
  id: 'E6006',
  name: 'ecs-load-balancer-info-missing',
  severity: 'error',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'ECS resource needs LoadBalancerInfo with ContainerName and ContainerPort',
  doc:
    'An ECS blue/green deployment shifts load-balancer traffic to one container of the new task set, so ' +
    '`Properties.LoadBalancerInfo` must name it: `ContainerName` (a container in the task definition) and ' +
    '`ContainerPort` (the port the target group sends traffic to). Without them the deployment fails. ' +
    'Fix: add the missing keys (quick fix inserts `ContainerName: "<CONTAINER_NAME>"` or `ContainerPort: 80` for you to edit).',
  check(doc) {
    const out: Finding[] = [];
    for (const e of resourceEntries(doc)) {
      const props = propertiesOf(e);
      if (!props) continue;
      const lbiPair = pairCI(props, 'LoadBalancerInfo');
      if (!lbiPair) {
        const propsPair = pairCI(e.body, 'Properties')!;
        out.push({
          ruleId: 'E6006',
          range: doc.keyRangeOf(propsPair),
          message:
            '`Properties` has no `LoadBalancerInfo`; add it with the `ContainerName` and `ContainerPort` that receive traffic.',
        });
        continue;
      }
      const lbi = valueOf(lbiPair);
      if (containsPlaceholder(lbi) && !isMap(lbi)) continue;
      if (!isMap(lbi)) {
        out.push({
          ruleId: 'E6006',
          range: doc.keyRangeOf(lbiPair),
          message: isEmptyValue(lbi)
            ? '`LoadBalancerInfo` is empty; it needs `ContainerName` and `ContainerPort`.'
            : '`LoadBalancerInfo` must be a mapping with `ContainerName` and `ContainerPort`.',
          fixes: isEmptyValue(lbi)
            ? fixes(addKeyFix(doc, lbiPair, 'ContainerName', stringLiteral('<CONTAINER_NAME>'), "Add 'ContainerName'"))
            : undefined,
        });
        continue;
      }
      const missing: string[] = [];
      if (!pairCI(lbi, 'ContainerName')) missing.push('ContainerName');
      if (!pairCI(lbi, 'ContainerPort')) missing.push('ContainerPort');
      if (missing.length === 0) continue;
      out.push({
        ruleId: 'E6006',
        range: doc.keyRangeOf(lbiPair),
        message: `\`LoadBalancerInfo\` has no ${missing.map((m) => `\`${m}\``).join(' and no ')}; CodeDeploy needs the container and port that receive traffic.`,
        fixes: fixes(
          ...missing.map((m) =>
            m === 'ContainerName'
              ? addKeyFix(doc, lbi, m, stringLiteral('<CONTAINER_NAME>'), "Add 'ContainerName'")
              : addKeyFix(doc, lbi, m, '80', "Add 'ContainerPort: 80'"),
          ),
        ),
      });
    }
    return out;
  },
};
