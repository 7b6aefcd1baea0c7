import type { Finding, Rule } from '../../types';
import { hasPlaceholder, isSeq } from '../../ast';
import type { Node } from '../../ast';
import { allProperties, getCI, pairCI, show, stringValue, valueOf } from '../ecs-lambda/model';

const PREFIX: Record<string, { prefix: string; what: string }> = {
  Subnets: { prefix: 'subnet-', what: 'subnet' },
  SecurityGroups: { prefix: 'sg-', what: 'security group' },
};
/** `PRIVATE_SUBNET_A`-style tokens that a script replaces. */
const UPPER_TOKEN = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** Subnets and security groups are given by ID (`subnet-…`, `sg-…`), not by name. */
export const ecsNetworkIdFormat: Rule = {
  id: 'W6016',
  name: 'ecs-network-id-format',
  severity: 'warning',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'Subnets and SecurityGroups should be IDs (subnet-…, sg-…)',
  doc:
    'The awsvpc configuration takes subnet and security-group **IDs** (`subnet-0abc…`, `sg-0abc…`); names, CIDR blocks or ' +
    'ARNs are not accepted by ECS. This is a warning rather than an error because the IDs themselves are not checked ' +
    'against your account. Placeholders, including upper-case tokens such as `PRIVATE_SUBNET_A`, are not reported. ' +
    'Fix: look the IDs up in the VPC console (or `aws ec2 describe-subnets`) and list them.',
  check(doc) {
    const out: Finding[] = [];
    for (const props of allProperties(doc)) {
      const av = getCI(props, ['NetworkConfiguration', 'AwsvpcConfiguration']);
      for (const [key, { prefix, what }] of Object.entries(PREFIX)) {
        const list = valueOf(pairCI(av, key));
        if (!isSeq(list)) continue;
        for (const item of list.items) {
          const text = stringValue(item)?.trim();
          if (!text || hasPlaceholder(item) || UPPER_TOKEN.test(text) || text.startsWith(prefix)) continue;
          out.push({
            ruleId: 'W6016',
            range: doc.rangeOf(item as Node),
            message: `${show(text)} in \`${key}\` does not look like a ${what} ID (\`${prefix}…\`); ECS needs IDs, not names.`,
          });
        }
      }
    }
    return out;
  },
};
