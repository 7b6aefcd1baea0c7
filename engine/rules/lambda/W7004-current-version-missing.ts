import type { Finding, Rule } from '../../types';
import { isMap } from '../../ast';
import { isEmptyValue, pairCI, resourceEntries, valueOf } from '../ecs-lambda/model';
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
    '`CurrentVersion: "<n>"` with the version the alias serves now (`aws lambda get-alias` shows it).',
  check(doc) {
    const out: Finding[] = [];
    for (const e of resourceEntries(doc)) {
      const propsPair = pairCI(e.body, 'Properties');
      const props = valueOf(propsPair);
      if (!propsPair || !isMap(props)) continue;
      const pair = pairCI(props, 'CurrentVersion');
      if (pair && !isEmptyValue(valueOf(pair))) continue;
      out.push({
        ruleId: 'W7004',
        range: pair ? doc.keyRangeOf(pair) : doc.keyRangeOf(propsPair),
        message: pair
          ? '`CurrentVersion` is empty; give the version the alias serves now.'
          : '`Properties` has no `CurrentVersion`; the AppSpec reference requires the version the alias serves now.',
        fixes: pair
          ? undefined
          : fixes(addKeyFix(doc, props, 'CurrentVersion', stringLiteral('<CURRENT_VERSION>'), "Add 'CurrentVersion'")),
      });
    }
    return out;
  },
};
