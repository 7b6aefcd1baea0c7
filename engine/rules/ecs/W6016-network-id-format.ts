import type { Finding, Rule } from '../../types';
import { hasPlaceholder, isSeq } from '../../ast';
import type { Node } from '../../ast';
import { allProperties, getCI, pairCI, show, stringValue, valueOf } from '../ecs-lambda/model';
import { brokenId, isWholeId, NETWORK_IDS } from './networkIds';

/** `PRIVATE_SUBNET_A`-style tokens that a script replaces. */
const UPPER_TOKEN = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
/** Template values that say what they are: `subnet-placeholder-1`, `sg-xxxxxxxx`, `subnet-your-id`. */
const TEMPLATE_WORD = /placeholder|example|x{4,}|your|replace/i;

/** Subnets and security groups are given by ID (`subnet-…`, `sg-…`), not by name. */
export const ecsNetworkIdFormat: Rule = {
  id: 'W6016',
  name: 'ecs-network-id-format',
  severity: 'warning',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'Subnets and SecurityGroups should be whole IDs (subnet-…, sg-… with 8 or 17 hex digits)',
  doc:
    'The awsvpc configuration takes subnet and security-group **IDs**: `subnet-` or `sg-` followed by 8 or 17 ' +
    'lower-case hex digits (`subnet-0a1b2c3d4e5f60718`). Names, CIDR blocks, ARNs and shortened IDs are not accepted by ' +
    'ECS. This is a warning rather than an error because the IDs are not checked against your account (an entry with ' +
    'spaces or text after the ID cannot be an ID at all: E6010). Placeholders are not reported: pipeline ones ' +
    '(`<SUBNET>`, `${SUBNET}`), upper-case tokens such as `PRIVATE_SUBNET_A`, and values that say what they are ' +
    '(`subnet-placeholder-1`, `sg-xxxxxxxx`). Fix: look the IDs up in the VPC console (or `aws ec2 describe-subnets`) ' +
    'and list them.',
  check(doc) {
    const out: Finding[] = [];
    for (const props of allProperties(doc)) {
      const av = getCI(props, ['NetworkConfiguration', 'AwsvpcConfiguration']);
      for (const [key, { prefix, what }] of Object.entries(NETWORK_IDS)) {
        const list = valueOf(pairCI(av, key));
        if (!isSeq(list)) continue;
        for (const item of list.items) {
          const text = stringValue(item)?.trim();
          if (
            !text ||
            hasPlaceholder(item) ||
            UPPER_TOKEN.test(text) ||
            TEMPLATE_WORD.test(text) ||
            isWholeId(text, prefix)
          )
            continue;
          if (brokenId(text, prefix)) continue; // E6010: not one ID at all
          out.push({
            ruleId: 'W6016',
            range: doc.rangeOf(item as Node),
            message: text.startsWith(`${prefix}-`)
              ? `${show(text)} in \`${key}\` is not a whole ${what} ID (\`${prefix}-\` and 8 or 17 hex digits); check it against the VPC console.`
              : `${show(text)} in \`${key}\` does not look like a ${what} ID (\`${prefix}-…\`); ECS needs IDs, not names.`,
          });
        }
      }
    }
    return out;
  },
};
