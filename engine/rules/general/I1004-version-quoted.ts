/** `version` quoted (ECS/Lambda) (appspec.md §2). */
import type { Rule } from '../../types';
import { quotedZero } from './version';

export const versionQuoted: Rule = {
  id: 'I1004',
  name: 'version-quoted',
  severity: 'info',
  platforms: ['ecs', 'lambda'],
  reads: 'tree',
  title: '`version` is a quoted string',
  doc:
    'For ECS and Lambda both `version: 0.0` and `version: "0.0"` work (AWS tooling emits the string form), but every AWS example writes the number. ' +
    'Unquoted keeps the file valid if it is ever reused for EC2/On-Premises.',
  check(doc) {
    const q = quotedZero(doc);
    if (!q) return [];
    return [
      {
        ruleId: 'I1004',
        message: '`version` is quoted. ECS and Lambda accept it, but the documented form is the number `0.0`.',
        range: doc.rangeOf(q.value),
        fixes: [{ title: 'Write `version: 0.0` (unquoted)', edits: [{ range: doc.rangeOf(q.value), newText: '0.0' }] }],
      },
    ];
  },
};
