import type { Finding, Rule } from '../../types';
import { isMap, keyText } from '../../ast';
import {
  containsPlaceholder,
  entryAnchor,
  functionNameOf,
  isEmptyValue,
  pairCI,
  resourceEntries,
  valueOf,
} from '../ecs-lambda/model';
import { addKeyFix, fixes, stringLiteral } from '../ecs-lambda/edits';

const REQUIRED = ['Name', 'Alias', 'TargetVersion'] as const;

/** Check 88: Properties with Name, Alias and TargetVersion. */
export const lambdaRequiredProperties: Rule = {
  id: 'E7003',
  name: 'lambda-required-properties',
  severity: 'error',
  platforms: ['lambda'],
  reads: 'tree',
  title: 'Lambda resource needs Properties with Name, Alias and TargetVersion',
  doc:
    "CodeDeploy shifts the traffic of a Lambda alias from one function version to another, so the resource's " +
    '`Properties` must give the function `Name`, the `Alias` to move and the `TargetVersion` to move it to ' +
    '(`CurrentVersion` is checked by W7004). A missing or empty value fails the deployment. Fix: add the key ' +
    '(quick fix inserts it with a placeholder value to replace; for `Name` it uses the resource name when that is a ' +
    'valid function name).',
  check(doc) {
    const out: Finding[] = [];
    for (const e of resourceEntries(doc)) {
      if (!e.body) continue;
      const propsPair = pairCI(e.body, 'Properties');
      if (!propsPair) {
        out.push({
          ruleId: 'E7003',
          range: entryAnchor(doc, e),
          message:
            'The Lambda resource has no `Properties` (it needs `Name`, `Alias`, `CurrentVersion` and `TargetVersion`).',
        });
        continue;
      }
      const props = valueOf(propsPair);
      if (!isMap(props)) {
        if (containsPlaceholder(props)) continue;
        out.push({
          ruleId: 'E7003',
          range: doc.keyRangeOf(propsPair),
          message: isEmptyValue(props)
            ? '`Properties` is empty; it needs `Name`, `Alias`, `CurrentVersion` and `TargetVersion`.'
            : '`Properties` must be a mapping with `Name`, `Alias`, `CurrentVersion` and `TargetVersion`.',
        });
        continue;
      }
      const resourceName = e.namePair ? (keyText(e.namePair) ?? '') : '';
      for (const key of REQUIRED) {
        const pair = pairCI(props, key);
        if (!pair) {
          const value =
            key === 'Name'
              ? functionNameOf(resourceName) === resourceName && resourceName
                ? resourceName
                : '<FUNCTION_NAME>'
              : key === 'Alias'
                ? '<ALIAS>'
                : '<TARGET_VERSION>';
          out.push({
            ruleId: 'E7003',
            range: doc.keyRangeOf(propsPair),
            message: `\`Properties\` has no \`${key}\`; ${key === 'Name' ? 'give the name of the function to deploy' : key === 'Alias' ? 'give the alias whose traffic shifts' : 'give the function version to shift traffic to'}.`,
            fixes: fixes(addKeyFix(doc, props, key, stringLiteral(value), `Add '${key}'`)),
          });
        } else if (key !== 'TargetVersion' && isEmptyValue(valueOf(pair))) {
          // An empty TargetVersion is E7005 (a version must be a positive integer).
          out.push({ ruleId: 'E7003', range: doc.keyRangeOf(pair), message: `\`${key}\` is empty.` });
        }
      }
    }
    return out;
  },
};
