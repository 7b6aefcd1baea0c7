/** `version` quoted on EC2 (appspec.md §2). */
import type { Rule } from '../../types';
import { quotedZero } from './version';

export const versionQuotedEc2: Rule = {
  id: 'E1003',
  name: 'version-quoted-ec2',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`version` is a quoted string on EC2/On-Premises',
  doc:
    'The docs say "specify version with a string", but both EC2 agents read `version` as a number: v1 compares it with `0.0` and a string never ' +
    'matches; v2 reports "invalid type: string, expected f64". Write it unquoted: `version: 0.0`.',
  check(doc) {
    const q = quotedZero(doc);
    if (!q) return [];
    return [
      {
        ruleId: 'E1003',
        message: 'Quoted `version` fails on EC2/On-Premises: both agents need the number `0.0`. Remove the quotes.',
        range: doc.rangeOf(q.value),
        fixes: [
          {
            title: 'Write `version: 0.0` (unquoted)',
            edits: [{ range: doc.rangeOf(q.value), newText: '0.0' }],
            isPreferred: true,
          },
        ],
      },
    ];
  },
};
