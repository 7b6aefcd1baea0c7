import type { Rule } from '../../types';
import { hasPlaceholder, scalarSource } from '../../ast';
import { checkPropertyScalar, show } from '../ecs-lambda/model';

/** Why `alias` is not a Lambda alias name, or undefined. */
function aliasProblem(alias: string): string | undefined {
  if (alias.length > 128) return 'is longer than 128 characters';
  if (/^\d+$/.test(alias))
    return 'is all digits, which Lambda reserves for version numbers; an alias needs at least one letter, `-` or `_`';
  if (alias === '$LATEST') return 'is a version, not an alias';
  if (!/^[a-zA-Z0-9_-]+$/.test(alias)) return 'may contain only letters, digits, `-` and `_`';
  return undefined;
}

/** Check 93 (Alias): 1-128 characters of letters, digits, `-`, `_`, not all digits. */
export const lambdaAliasName: Rule = {
  id: 'E7009',
  name: 'lambda-alias-name',
  severity: 'error',
  platforms: ['lambda'],
  reads: 'tree',
  title: 'Alias must be a Lambda alias name',
  doc:
    '`Properties.Alias` is the alias whose traffic CodeDeploy shifts from `CurrentVersion` to `TargetVersion` (for example ' +
    '`live`). Lambda alias names are 1-128 letters, digits, `-` and `_`, and cannot be all digits (those are versions). ' +
    'Any other value cannot name an alias and the deployment fails. Placeholders are not reported. Fix: use the alias ' +
    'name shown in the Lambda console; create the alias first if it does not exist.',
  check(doc) {
    return checkPropertyScalar(doc, 'E7009', ['Alias'], '`Alias` must be one alias name (a string).', (node) => {
      const text = typeof node.value === 'string' ? node.value : (scalarSource(node) ?? String(node.value));
      if (text !== '$LATEST' && hasPlaceholder(node)) return undefined;
      const why = aliasProblem(text);
      return why ? { ruleId: 'E7009', range: doc.rangeOf(node), message: `Alias ${show(text)} ${why}.` } : undefined;
    });
  },
};
