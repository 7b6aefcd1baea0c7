import type { Finding, Rule } from '../../types';
import { allProperties } from '../ecs-lambda/model';
import { fixes, replaceValueFix, stringLiteral } from '../ecs-lambda/edits';
import { isPositiveInteger, versionValues } from './versions';

/** Check 91: versions written as numbers instead of strings. */
export const lambdaVersionNotString: Rule = {
  id: 'I7006',
  name: 'lambda-version-not-string',
  severity: 'info',
  platforms: ['lambda'],
  reads: 'tree',
  title: 'Write CurrentVersion/TargetVersion as strings',
  doc:
    'The AppSpec reference says every Lambda property "is specified with a string", and its examples quote the versions ' +
    '(`CurrentVersion: "1"`). Many working pipelines, however, generate `CurrentVersion: 3` unquoted from shell ' +
    'variables, so the service evidently accepts numbers; this is therefore information only (the checklist suggests ' +
    'a warning, lowered to avoid false alarms on real files). Fix: quote the number (quick fix).',
  check(doc) {
    const out: Finding[] = [];
    for (const props of allProperties(doc)) {
      for (const v of versionValues(props)) {
        if (v.kind !== 'number' || v.tag || !isPositiveInteger(v.text)) continue;
        out.push({
          ruleId: 'I7006',
          range: doc.rangeOf(v.node),
          message: `\`${v.key}\` is the number ${v.text}; AWS documents versions as strings: \`"${v.text}"\`.`,
          fixes: fixes(replaceValueFix(doc, v.node, stringLiteral(v.text), `Quote as "${v.text}"`)),
        });
      }
    }
    return out;
  },
};
