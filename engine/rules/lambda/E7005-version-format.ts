import type { Finding, Rule } from '../../types';
import { allProperties, show } from '../ecs-lambda/model';
import { fixes, replaceValueFix, stringLiteral } from '../ecs-lambda/edits';
import { emptyVersions, isPositiveInteger, isVersionPlaceholder, versionValues, type VersionValue } from './versions';

function problem(v: VersionValue): { message: string; fixTo?: string } | undefined {
  if (v.tag) {
    return {
      message: `\`${v.key}\` uses the CloudFormation function \`${v.tag}\`; CodeDeploy reads the AppSpec as plain YAML and never resolves it. Write the version number, e.g. \`"2"\`.`,
    };
  }
  if (v.kind === 'other') return { message: `\`${v.key}\` must be a version number such as \`"2"\`.` };
  const t = v.text;
  if (isPositiveInteger(t)) return undefined;
  if (t.toUpperCase() === '$LATEST' || t.toUpperCase() === 'LATEST') {
    return {
      message: `\`${v.key}\` is ${show(t)}; CodeDeploy shifts alias traffic only between published versions, so it must be a version number such as \`"2"\` (publish one with \`aws lambda publish-version\`).`,
    };
  }
  if (isVersionPlaceholder(t)) return undefined; // I7011
  if (/^0+$/.test(t)) return { message: `\`${v.key}\` is ${show(t)}; Lambda versions start at 1.` };
  const whole = /^0*([1-9]\d*)(\.0+)?$/.exec(t);
  if (whole)
    return {
      message: `\`${v.key}\` is ${show(t)}; a Lambda version is a whole number written without decimals or leading zeros: \`"${whole[1]}"\`.`,
      fixTo: whole[1],
    };
  return {
    message: `\`${v.key}\` is ${show(t)}; it must be a positive whole number (a published Lambda version) such as \`"2"\`.`,
  };
}

/** Check 90: CurrentVersion / TargetVersion are positive integers. */
export const lambdaVersionFormat: Rule = {
  id: 'E7005',
  name: 'lambda-version-format',
  severity: 'error',
  platforms: ['lambda'],
  reads: 'tree',
  title: 'CurrentVersion and TargetVersion must be positive whole numbers',
  doc:
    '`CurrentVersion` and `TargetVersion` are published Lambda function versions, which the AppSpec reference requires ' +
    'to be positive integers. `$LATEST` (weighted alias routing works only between numeric versions), `0`, `1.0` and ' +
    'CloudFormation functions such as `!GetAtt` (the AppSpec is not a CloudFormation template) fail the deployment. ' +
    'An empty version (`CurrentVersion: ""`) is this error too: the reference requires a positive integer, and the ' +
    'other reading (a blank template value, W1201) applies only when the file is otherwise an unfilled template (it ' +
    'holds a placeholder or another `""`), because an empty version in a filled-in file fails the deployment ' +
    '(appspec.md errata, checks 89/90). Pipeline placeholders (`${VAR}`, `{{VAR}}`, `<VAR>`) are not reported, and a ' +
    'plain word such as `CURRENT_VERSION` is I7011. Fix: write the version number as a string, e.g. `TargetVersion: "3"`.',
  check(doc) {
    const out: Finding[] = [];
    for (const props of allProperties(doc)) {
      for (const { key, pair } of emptyVersions(props)) {
        out.push({
          ruleId: 'E7005',
          range: doc.keyRangeOf(pair),
          message: `\`${key}\` is empty; it must be a published version, a positive whole number such as \`"2"\`.`,
        });
      }
      for (const v of versionValues(props)) {
        const p = problem(v);
        if (!p) continue;
        out.push({
          ruleId: 'E7005',
          range: doc.rangeOf(v.node),
          message: p.message,
          fixes: p.fixTo
            ? fixes(replaceValueFix(doc, v.node, stringLiteral(p.fixTo), `Change to "${p.fixTo}"`))
            : undefined,
        });
      }
    }
    return out;
  },
};
