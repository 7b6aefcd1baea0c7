import type { Finding, Rule } from '../../types';
import { isMap } from '../../ast';
import { pairCI, resourceEntries, valueOf } from '../ecs-lambda/model';
import { addKeyFix, fixes, stringLiteral } from '../ecs-lambda/edits';

/** Check 89: CurrentVersion missing (required per the reference, optional per the template). */
export const lambdaCurrentVersionMissing: Rule = {
  id: 'W7004',
  name: 'lambda-current-version-missing',
  severity: 'warning',
  platforms: ['lambda'],
  reads: 'tree',
  title: 'Lambda resource has no CurrentVersion',
  doc:
    '`Properties.CurrentVersion` is the version the alias points to before the deployment. The AppSpec reference ' +
    'lists it as required, while the AWS template calls it optional; because the documents disagree this is a ' +
    'warning. Giving it makes the deployment explicit and lets CodeDeploy roll back to a known version. Fix: add ' +
    '`CurrentVersion: "<n>"` with the version the alias serves now (`aws lambda get-alias` shows it). An empty ' +
    '`CurrentVersion` is not a missing one: E7005 reports it.',
  check(doc) {
    const out: Finding[] = [];
    for (const e of resourceEntries(doc)) {
      const propsPair = pairCI(e.body, 'Properties');
      const props = valueOf(propsPair);
      if (!propsPair || !isMap(props)) continue;
      if (pairCI(props, 'CurrentVersion')) continue; // an empty one is E7005
      out.push({
        ruleId: 'W7004',
        range: doc.keyRangeOf(propsPair),
        message:
          '`Properties` has no `CurrentVersion`; the AppSpec reference requires the version the alias serves now.',
        fixes: fixes(
          addKeyFix(doc, props, 'CurrentVersion', stringLiteral('<CURRENT_VERSION>'), "Add 'CurrentVersion'"),
        ),
      });
    }
    return out;
  },
};
