import type { Finding, Rule } from '../../types';
import { isQuoted, isScalar } from '../../ast';
import { allProperties, pairCI, show, valueOf } from '../ecs-lambda/model';
import { fixes, replaceValueFix } from '../ecs-lambda/edits';

/** Check 74, the unsure part: a valid port written as a string. */
export const ecsContainerPortString: Rule = {
  id: 'W6020',
  name: 'ecs-container-port-string',
  severity: 'warning',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'ContainerPort is a quoted number',
  doc:
    'AWS documents `LoadBalancerInfo.ContainerPort` as the one ECS property written as a number, not a string. A ' +
    'quoted port such as `"80"` is common in real files and whether the service converts it is not documented, so ' +
    'this is a warning, not an error (a value that is not a port at all is E6007). Fix: write the port unquoted, ' +
    'e.g. `ContainerPort: 80` (quick fix).',
  check(doc) {
    const out: Finding[] = [];
    for (const props of allProperties(doc)) {
      const node = valueOf(pairCI(valueOf(pairCI(props, 'LoadBalancerInfo')), 'ContainerPort'));
      if (!isScalar(node) || typeof node.value !== 'string' || !isQuoted(node)) continue;
      const text = node.value.trim();
      if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 65535) continue;
      out.push({
        ruleId: 'W6020',
        range: doc.rangeOf(node),
        message: `\`ContainerPort\` is the string ${show(text)}; AWS documents it as a number. Write it unquoted: \`${Number(text)}\`.`,
        fixes: fixes(replaceValueFix(doc, node, String(Number(text)), `Write ${Number(text)} as a number`)),
      });
    }
    return out;
  },
};
