import type { Finding, Rule } from '../../types';
import { allProperties } from '../ecs-lambda/model';
import { isPositiveInteger, versionValues } from './versions';

/** Check 92: CurrentVersion equals TargetVersion. */
export const lambdaVersionsEqual: Rule = {
  id: 'W7007',
  name: 'lambda-versions-equal',
  severity: 'warning',
  platforms: ['lambda'],
  reads: 'tree',
  title: 'CurrentVersion and TargetVersion are the same',
  doc:
    'When `CurrentVersion` and `TargetVersion` are the same version there is no traffic to shift: the deployment does ' +
    'nothing useful, and it usually means the new version was not published (or the script filling in the versions read ' +
    'the alias after updating it). A `TargetVersion` lower than `CurrentVersion` is a valid roll-back and is not reported. ' +
    'Fix: publish the new code as a version (`aws lambda publish-version`) and use its number as `TargetVersion`.',
  check(doc) {
    const out: Finding[] = [];
    for (const props of allProperties(doc)) {
      const values = versionValues(props);
      const current = values.find((v) => v.key === 'CurrentVersion');
      const target = values.find((v) => v.key === 'TargetVersion');
      if (!current || !target || current.tag || target.tag) continue;
      if (!isPositiveInteger(current.text) || current.text !== target.text) continue;
      out.push({
        ruleId: 'W7007',
        range: doc.rangeOf(target.node),
        message: `\`TargetVersion\` equals \`CurrentVersion\` (${target.text}); there is no traffic to shift. Publish the new version and use its number.`,
        related: [{ range: doc.rangeOf(current.node), message: 'CurrentVersion' }],
      });
    }
    return out;
  },
};
