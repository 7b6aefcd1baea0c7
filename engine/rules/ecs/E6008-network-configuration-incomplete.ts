import type { Finding, Rule } from '../../types';
import { isMap } from '../../ast';
import { allProperties, containsPlaceholder, isEmptyValue, pairCI, valueOf } from '../ecs-lambda/model';

const PARTS = ['Subnets', 'SecurityGroups', 'AssignPublicIp'];

/** Check 75: NetworkConfiguration needs AwsvpcConfiguration with all three settings or none. */
export const ecsNetworkConfigurationIncomplete: Rule = {
  id: 'E6008',
  name: 'ecs-network-configuration-incomplete',
  severity: 'error',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'NetworkConfiguration must give all of Subnets, SecurityGroups and AssignPublicIp, or nothing',
  doc:
    'CodeDeploy documents an "all or none" rule for `Properties.NetworkConfiguration.AwsvpcConfiguration`: if you give ' +
    'one of `Subnets`, `SecurityGroups` and `AssignPublicIp`, you must give all three; if you give none (omit ' +
    "`NetworkConfiguration`), the replacement task set keeps the service's current network settings. A " +
    '`NetworkConfiguration` without `AwsvpcConfiguration`, or with only some of the three, fails the deployment ' +
    '(this is stricter than the ECS API, which requires only subnets). Fix: add the missing settings, or remove ' +
    '`NetworkConfiguration` to keep the current ones.',
  check(doc) {
    const out: Finding[] = [];
    for (const props of allProperties(doc)) {
      const ncPair = pairCI(props, 'NetworkConfiguration');
      if (!ncPair) continue;
      const nc = valueOf(ncPair);
      if (!isMap(nc)) {
        if (containsPlaceholder(nc)) continue;
        out.push({
          ruleId: 'E6008',
          range: doc.keyRangeOf(ncPair),
          message: isEmptyValue(nc)
            ? '`NetworkConfiguration` is empty; give `AwsvpcConfiguration` with `Subnets`, `SecurityGroups` and `AssignPublicIp`, or remove it to keep the current network settings.'
            : '`NetworkConfiguration` must be a mapping holding `AwsvpcConfiguration`.',
        });
        continue;
      }
      const avPair = pairCI(nc, 'AwsvpcConfiguration');
      if (!avPair) {
        out.push({
          ruleId: 'E6008',
          range: doc.keyRangeOf(ncPair),
          message:
            '`NetworkConfiguration` has no `AwsvpcConfiguration`; the settings go under `NetworkConfiguration.AwsvpcConfiguration`.',
        });
        continue;
      }
      const av = valueOf(avPair);
      if (!isMap(av)) {
        if (containsPlaceholder(av)) continue;
        out.push({
          ruleId: 'E6008',
          range: doc.keyRangeOf(avPair),
          message: '`AwsvpcConfiguration` must be a mapping with `Subnets`, `SecurityGroups` and `AssignPublicIp`.',
        });
        continue;
      }
      const missing = PARTS.filter((p) => !pairCI(av, p));
      if (missing.length === 0) continue;
      const present = PARTS.filter((p) => !missing.includes(p));
      out.push({
        ruleId: 'E6008',
        range: doc.keyRangeOf(avPair),
        message:
          present.length === 0
            ? '`AwsvpcConfiguration` gives none of `Subnets`, `SecurityGroups`, `AssignPublicIp`; give all three, or remove `NetworkConfiguration`.'
            : `\`AwsvpcConfiguration\` is missing ${missing.map((m) => `\`${m}\``).join(' and ')}: CodeDeploy requires all of \`Subnets\`, \`SecurityGroups\` and \`AssignPublicIp\` or none of them.`,
      });
    }
    return out;
  },
};
