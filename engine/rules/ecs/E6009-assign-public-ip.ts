import type { Finding, Rule } from '../../types';
import { hasPlaceholder, isScalar, scalarSource } from '../../ast';
import type { Node } from '../../ast';
import { allProperties, getCI, isEmptyValue, pairCI, show, valueOf } from '../ecs-lambda/model';
import { fixes, replaceValueFix, stringLiteral } from '../ecs-lambda/edits';

/** Check 76 (part): AssignPublicIp is ENABLED or DISABLED. */
export const ecsAssignPublicIp: Rule = {
  id: 'E6009',
  name: 'ecs-assign-public-ip',
  severity: 'error',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'AssignPublicIp must be ENABLED or DISABLED',
  doc:
    '`NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp` decides whether the new tasks get a public IP. The only ' +
    'values are `ENABLED` and `DISABLED` (upper case; values are case-sensitive). YAML `true`/`false`, `yes`, or ' +
    '`Enabled` fail the deployment. Fix: write `ENABLED` or `DISABLED` (quick fix).',
  check(doc) {
    const out: Finding[] = [];
    for (const props of allProperties(doc)) {
      const av = getCI(props, ['NetworkConfiguration', 'AwsvpcConfiguration']);
      const pair = pairCI(av, 'AssignPublicIp');
      if (!pair) continue;
      const node = valueOf(pair);
      if (hasPlaceholder(node)) continue;
      if (isEmptyValue(node) || !isScalar(node)) {
        out.push({
          ruleId: 'E6009',
          range: isEmptyValue(node) ? doc.keyRangeOf(pair) : doc.rangeOf(node as Node),
          message: '`AssignPublicIp` must be `ENABLED` or `DISABLED`.',
        });
        continue;
      }
      const raw = node.value;
      if (raw === 'ENABLED' || raw === 'DISABLED') continue;
      const text = typeof raw === 'string' ? raw : (scalarSource(node) ?? String(raw));
      const lower = text.trim().toLowerCase();
      const suggestion =
        lower === 'enabled' || raw === true || ['yes', 'on', 'true'].includes(lower)
          ? 'ENABLED'
          : lower === 'disabled' || raw === false || ['no', 'off', 'false'].includes(lower)
            ? 'DISABLED'
            : undefined;
      const literal = (v: string) =>
        doc.format === 'json' || typeof raw !== 'string' || node.type !== 'PLAIN' ? stringLiteral(v) : v;
      out.push({
        ruleId: 'E6009',
        range: doc.rangeOf(node),
        message: `\`AssignPublicIp\` is ${show(text)}; it must be \`ENABLED\` or \`DISABLED\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}.`,
        fixes: suggestion
          ? fixes(
              replaceValueFix(
                doc,
                node,
                literal(suggestion),
                `Change to '${suggestion}'`,
                lower === suggestion.toLowerCase(),
              ),
            )
          : undefined,
      });
    }
    return out;
  },
};
