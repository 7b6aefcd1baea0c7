/** `version` missing (appspec.md §2). */
import type { Pair } from 'yaml';
import type { Rule } from '../../types';
import { findPair, quoteLike } from '../../ast';

export const versionMissing: Rule = {
  id: 'E1001',
  name: 'version-missing',
  severity: 'error',
  platforms: ['ec2', 'unknown'],
  reads: 'tree',
  title: '`version` is missing',
  doc:
    'Every AppSpec needs `version: 0.0` (the only value CodeDeploy accepts). Without it the EC2 agents fail with "invalid version value ()" (v1) ' +
    'or "missing field `version`" (v2). On EC2 the key is case-sensitive: `Version:` does not count.',
  check(doc) {
    if (!doc.root || doc.root.items.length === 0) return [];
    if (findPair(doc.root, 'version', { caseInsensitive: doc.platform.platform !== 'ec2' })) return [];
    const miscased = findPair(doc.root, 'version', { caseInsensitive: true });
    if (miscased) {
      const r = doc.keyRangeOf(miscased);
      return [
        {
          ruleId: 'E1001',
          message: `\`${String((miscased.key as { value?: unknown }).value)}\` is not read on EC2/On-Premises: keys are case-sensitive. Write \`version\`.`,
          range: r,
          fixes: [
            {
              title: 'Rename to `version`',
              edits: [{ range: r, newText: quoteLike(miscased.key, 'version') }],
              isPreferred: true,
            },
          ],
        },
      ];
    }
    const first = doc.root.items[0] as Pair;
    const firstRange = doc.keyRangeOf(first);
    const json = doc.format === 'json' || doc.root.flow;
    const bom = firstRange.start.line === 0 && doc.text.startsWith('\uFEFF') ? 1 : 0;
    const indent = ' '.repeat(Math.max(0, firstRange.start.character - bom));
    const insert = json ? `"version": 0.0, ` : `version: 0.0\n${indent}`;
    return [
      {
        ruleId: 'E1001',
        message: 'The AppSpec has no `version`. Add `version: 0.0` (the only allowed value).',
        range: firstRange,
        fixes: [
          {
            title: 'Add `version: 0.0`',
            edits: [{ range: { start: firstRange.start, end: firstRange.start }, newText: insert }],
            isPreferred: true,
          },
        ],
      },
    ];
  },
};
