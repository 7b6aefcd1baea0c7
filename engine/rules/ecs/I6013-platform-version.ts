import type { Finding, Rule } from '../../types';
import { hasPlaceholder, isScalar, scalarSource } from '../../ast';
import type { Node } from '../../ast';
import { allProperties, pairCI, show, valueOf } from '../ecs-lambda/model';
import { fixes, replaceValueFix, stringLiteral } from '../ecs-lambda/edits';

/** Fargate platform versions: `LATEST` or `major.minor.patch` (e.g. 1.4.0). */
const FARGATE_VERSION = /^(LATEST|\d+\.\d+\.\d+)$/;

/** Check 79: PlatformVersion applies to Fargate; the value should be LATEST or x.y.z. */
export const ecsPlatformVersion: Rule = {
  id: 'I6013',
  name: 'ecs-platform-version',
  severity: 'info',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'PlatformVersion should be LATEST or a Fargate version such as 1.4.0',
  doc:
    '`Properties.PlatformVersion` selects the Fargate platform version of the replacement tasks and means nothing for ' +
    'EC2-launch-type services. Fargate versions are `LATEST` or three-part numbers such as `1.4.0`; a value like `1.4` ' +
    '(which YAML reads as a number) or `latest` is probably not what you meant. The docs disagree on what happens when ' +
    'it is omitted (`LATEST` per the AppSpec reference, inherited from the original task set per the ECS tutorial), ' +
    'so omitting it is not reported. Fix: write `PlatformVersion: "LATEST"` or a full version.',
  check(doc) {
    const out: Finding[] = [];
    for (const props of allProperties(doc)) {
      const node = valueOf(pairCI(props, 'PlatformVersion'));
      if (!node || !isScalar(node) || hasPlaceholder(node) || node.value === null) continue;
      const text = (typeof node.value === 'string' ? node.value : (scalarSource(node) ?? '')).trim();
      if (FARGATE_VERSION.test(text)) continue;
      const upper = text.toUpperCase() === 'LATEST';
      out.push({
        ruleId: 'I6013',
        range: doc.rangeOf(node as Node),
        message: upper
          ? `PlatformVersion ${show(text)}: Fargate spells it \`LATEST\` (upper case).`
          : `PlatformVersion ${show(text)} is not a Fargate platform version; use \`LATEST\` or a three-part version such as \`1.4.0\`.`,
        fixes: upper ? fixes(replaceValueFix(doc, node, stringLiteral('LATEST'), "Change to 'LATEST'")) : undefined,
      });
    }
    return out;
  },
};
