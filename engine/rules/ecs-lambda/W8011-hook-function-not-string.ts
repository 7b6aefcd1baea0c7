import type { Finding, Rule } from '../../types';
import { hasPlaceholder, isScalar } from '../../ast';
import { hookEntries, valueOf } from './model';
import { fixes, stringLiteral } from './edits';

/** Check 81/94, the unsure part: a hook function written as a number or boolean. */
export const hookFunctionNotString: Rule = {
  id: 'W8011',
  name: 'hook-function-not-string',
  severity: 'warning',
  platforms: ['ecs', 'lambda'],
  reads: 'tree',
  title: 'A hook function is written as a number or boolean',
  doc:
    'A hook names its Lambda function as a string. A value that YAML reads as a number or a boolean (`- BeforeInstall: ' +
    '1234`, `yes`) is most likely a template leftover or a function whose name is all digits; whether the service ' +
    'converts it is not documented, so this is a warning. Fix: quote the name (quick fix).',
  check(doc) {
    const out: Finding[] = [];
    for (const { pair, event } of hookEntries(doc)) {
      const node = valueOf(pair);
      if (!isScalar(node) || node.value === null || typeof node.value === 'string' || hasPlaceholder(node)) continue;
      const text = String(node.value);
      out.push({
        ruleId: 'W8011',
        range: doc.rangeOf(node),
        message: `Hook \`${event}\` is the ${typeof node.value} ${text}; write the function name as a string.`,
        fixes: fixes(
          node.range
            ? {
                title: `Quote as "${text}"`,
                isPreferred: true,
                edits: [{ range: doc.rangeOf(node), newText: stringLiteral(text) }],
              }
            : undefined,
        ),
      });
    }
    return out;
  },
};
