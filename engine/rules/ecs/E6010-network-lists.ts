import type { Finding, Rule } from '../../types';
import { hasPlaceholder, isScalar, isSeq } from '../../ast';
import type { Node, Pair } from '../../ast';
import { allProperties, getCI, isEmptyValue, pairCI, show, stringValue, valueOf } from '../ecs-lambda/model';
import { brokenId, NETWORK_IDS } from './networkIds';
import { fixes, replaceValueFix, stringLiteral } from '../ecs-lambda/edits';

const LIMITS: Record<string, { max: number; what: string }> = {
  Subnets: { max: 16, what: 'subnet' },
  SecurityGroups: { max: 5, what: 'security group' },
};

function checkList(doc: Parameters<Rule['check']>[0], pair: Pair, key: string): Finding[] {
  const { max, what } = LIMITS[key];
  const node = valueOf(pair);
  if (hasPlaceholder(node)) return [];
  if (isEmptyValue(node) || (isSeq(node) && node.items.length === 0)) {
    return [
      { ruleId: 'E6010', range: doc.keyRangeOf(pair), message: `\`${key}\` is empty; give at least one ${what} ID.` },
    ];
  }
  if (!isSeq(node)) {
    const text = stringValue(node);
    const ids =
      text
        ?.split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '') ?? [];
    const listText = `[${ids.map((s) => stringLiteral(s)).join(', ')}]`;
    return [
      {
        ruleId: 'E6010',
        range: doc.rangeOf(node as Node),
        message: `\`${key}\` must be a list of ${what} IDs, e.g. \`${key}: ["${what === 'subnet' ? 'subnet-0abc' : 'sg-0abc'}"]\`${text !== undefined ? ', not one string' : ''}.`,
        fixes:
          ids.length > 0
            ? fixes(replaceValueFix(doc, node as Node, listText, `Make it the list ${listText}`))
            : undefined,
      },
    ];
  }
  const out: Finding[] = [];
  const prefix = NETWORK_IDS[key].prefix;
  for (const item of node.items) {
    if (hasPlaceholder(item)) continue;
    const s = stringValue(item);
    if (s === undefined || s.trim() === '') {
      out.push({
        ruleId: 'E6010',
        range: item && (item as Node).range ? doc.rangeOf(item as Node) : doc.keyRangeOf(pair),
        message: `Each entry of \`${key}\` must be a non-empty ${what} ID string${isScalar(item) && item.value !== null ? ' (write it in quotes)' : ''}.`,
      });
      continue;
    }
    const broken = isScalar(item) ? brokenId(s.trim(), prefix) : undefined;
    if (!broken || !isScalar(item)) continue;
    out.push({
      ruleId: 'E6010',
      range: doc.rangeOf(item),
      message: broken.id
        ? `${show(s.trim())} in \`${key}\` is not one ${what} ID: the text after \`${broken.id}\` makes ECS reject it and the deployment fail. Keep only the ID (one ID per list entry).`
        : `${show(s.trim())} in \`${key}\` contains spaces, so it is not a ${what} ID (\`${prefix}-\` and 8 or 17 hex digits) and the deployment fails.`,
      fixes: broken.id
        ? fixes(replaceValueFix(doc, item, stringLiteral(broken.id), `Keep only ${broken.id}`))
        : undefined,
    });
  }
  if (node.items.length > max) {
    out.push({
      ruleId: 'E6010',
      range: doc.keyRangeOf(pair),
      message: `\`${key}\` lists ${node.items.length} ${what}s; ECS allows at most ${max}.`,
    });
  }
  return out;
}

/** Check 76 (part): Subnets/SecurityGroups are non-empty lists of IDs, at most 16/5. */
export const ecsNetworkLists: Rule = {
  id: 'E6010',
  name: 'ecs-network-lists',
  severity: 'error',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'Subnets and SecurityGroups must be lists of IDs (at most 16 subnets, 5 security groups)',
  doc:
    '`AwsvpcConfiguration.Subnets` and `SecurityGroups` are lists of subnet and security-group IDs. ECS accepts at most ' +
    '16 subnets and 5 security groups, all in the same VPC. A single comma-separated string, an empty list, an empty ' +
    'entry, an entry that is not one ID (text pasted after it, as in `"subnet-0abc… - us-east-1a"`, or any space: ' +
    'an ID never holds one) or too many entries fails the deployment. Placeholders such as `<SUBNET_1>` are not reported. Fix: write a ' +
    'list, e.g. `Subnets: ["subnet-0abc", "subnet-0def"]` (quick fix splits a comma-separated string).',
  check(doc) {
    const out: Finding[] = [];
    for (const props of allProperties(doc)) {
      const av = getCI(props, ['NetworkConfiguration', 'AwsvpcConfiguration']);
      for (const key of Object.keys(LIMITS)) {
        const pair = pairCI(av, key);
        if (pair) out.push(...checkList(doc, pair, key));
      }
    }
    return out;
  },
};
