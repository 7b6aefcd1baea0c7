import type { Finding, Rule } from '../../types';
import { allProperties, show } from '../ecs-lambda/model';
import { isVersionPlaceholder, versionValues } from './versions';

/** Check 90, template case: a plain word where a version number belongs. */
export const lambdaVersionPlaceholder: Rule = {
  id: 'I7011',
  name: 'lambda-version-placeholder',
  severity: 'info',
  platforms: ['lambda'],
  reads: 'tree',
  title: 'CurrentVersion or TargetVersion is a word, most likely a placeholder',
  doc:
    'A plain word where a version number belongs (`CURRENT_VERSION`, `version-of-the-lambda-function`) is nearly ' +
    'always a placeholder that a build step replaces before deploying, so it is noted as information. If nothing ' +
    'replaces it, the deployment fails: the versions must be published version numbers such as `"2"` (E7005).',
  check(doc) {
    const out: Finding[] = [];
    for (const props of allProperties(doc)) {
      for (const v of versionValues(props)) {
        if (v.tag || v.kind !== 'string' || !isVersionPlaceholder(v.text)) continue;
        out.push({
          ruleId: 'I7011',
          range: doc.rangeOf(v.node),
          message: `\`${v.key}\` is ${show(v.text)}, not a version number; if a script replaces this placeholder before deploying, ignore this, otherwise give a published version such as \`"2"\`.`,
        });
      }
    }
    return out;
  },
};
