import type { Finding, Rule } from '../../types';
import { hasPlaceholder, isQuoted, isScalar, scalarSource } from '../../ast';
import type { Node } from '../../ast';
import { allProperties, isEmptyValue, pairCI, show, valueOf } from '../ecs-lambda/model';

/** Check 74: ContainerPort is an integer 1–65535 (a quoted number is W6020). */
export const ecsContainerPort: Rule = {
  id: 'E6007',
  name: 'ecs-container-port',
  severity: 'error',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'ContainerPort must be a port number (1-65535)',
  doc:
    '`LoadBalancerInfo.ContainerPort` is the container port the load balancer sends traffic to. AWS documents it as ' +
    'the one property written as a number, not a string, and a port is an integer from 1 to 65535; anything else ' +
    'fails the deployment. A quoted number such as `"80"` is W6020: it is common in real files and whether the service ' +
    'converts it is not documented. Placeholders such as `<CONTAINER_PORT>` are not reported. Fix: write the port ' +
    'unquoted, e.g. `ContainerPort: 80`.',
  check(doc) {
    const out: Finding[] = [];
    for (const props of allProperties(doc)) {
      const lbi = valueOf(pairCI(props, 'LoadBalancerInfo'));
      const pair = pairCI(lbi, 'ContainerPort');
      if (!pair) continue;
      const node = valueOf(pair);
      if (isEmptyValue(node)) {
        out.push({
          ruleId: 'E6007',
          range: doc.keyRangeOf(pair),
          message: '`ContainerPort` is empty; give the container port (1-65535) that receives traffic.',
        });
        continue;
      }
      if (hasPlaceholder(node)) continue;
      if (!isScalar(node)) {
        out.push({
          ruleId: 'E6007',
          range: doc.rangeOf(node as Node),
          message: '`ContainerPort` must be one port number, e.g. `80`.',
        });
        continue;
      }
      const text = (typeof node.value === 'string' ? node.value : (scalarSource(node) ?? '')).trim();
      const valid = /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 65535;
      if (valid && typeof node.value === 'string' && isQuoted(node)) continue; // W6020
      if (valid && typeof node.value === 'number') continue;
      out.push({
        ruleId: 'E6007',
        range: doc.rangeOf(node),
        message: /^-?\d+(\.\d+)?$/.test(text)
          ? `\`ContainerPort\` ${show(text)} is not a port: it must be a whole number from 1 to 65535.`
          : `\`ContainerPort\` ${show(text)} is not a port number; give the container port (1-65535), e.g. \`80\`.`,
      });
    }
    return out;
  },
};
