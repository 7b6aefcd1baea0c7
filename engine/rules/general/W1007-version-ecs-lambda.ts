/** `version` missing or not 0.0 (ECS/Lambda) (appspec.md §2). */
import type { Node, Pair } from 'yaml';
import { isScalar } from 'yaml';
import type { Rule } from '../../types';
import { hasPlaceholder, scalarSource } from '../../ast';
import { versionPair, isZeroText, setVersionFix } from './version';

export const versionEcsLambda: Rule = {
  id: 'W1007',
  name: 'version-ecs-lambda',
  severity: 'warning',
  platforms: ['ecs', 'lambda'],
  reads: 'tree',
  title: '`version` is missing or not 0.0 in an ECS or Lambda AppSpec',
  doc:
    'The AppSpec reference requires `version: 0.0` for every platform. For ECS and Lambda the service is not open source, and AppSpecs with ' +
    '`version: 1` (common in courses and books) or without `version` are reported to deploy, so this is a warning rather than an error. ' +
    'Write `version: 0.0` to follow the documented contract.',
  check(doc) {
    if (!doc.root || doc.root.items.length === 0) return [];
    const pair = versionPair(doc);
    if (!pair) {
      const first = doc.root.items[0] as Pair;
      const firstRange = doc.keyRangeOf(first);
      const json = doc.format === 'json' || doc.root.flow;
      const bom = firstRange.start.line === 0 && doc.text.startsWith('\uFEFF') ? 1 : 0;
      const indent = ' '.repeat(Math.max(0, firstRange.start.character - bom));
      return [
        {
          ruleId: 'W1007',
          message: 'The AppSpec has no `version`. The reference requires `version: 0.0`; add it.',
          range: firstRange,
          fixes: [
            {
              title: 'Add `version: 0.0`',
              edits: [
                {
                  range: { start: firstRange.start, end: firstRange.start },
                  newText: json ? '"version": 0.0, ' : `version: 0.0\n${indent}`,
                },
              ],
              isPreferred: true,
            },
          ],
        },
      ];
    }
    const value = (pair.value as Node | null) ?? null;
    if (hasPlaceholder(value)) return [];
    if (isScalar(value) && typeof value.value === 'number' && value.value === 0 && scalarSource(value) === '0') {
      return [
        {
          ruleId: 'W1007',
          message:
            '`version` is written `0`; the documented value is `0.0`. The service may accept `0`, but this is undocumented.',
          range: doc.rangeOf(value),
          fixes: setVersionFix(doc, value),
        },
      ];
    }
    if (
      isScalar(value) &&
      ((typeof value.value === 'number' && value.value === 0) ||
        (typeof value.value === 'string' && isZeroText(value.value)))
    )
      return [];
    const shown =
      isScalar(value) && value.value !== null && String(value.value) !== '' ? `\`${String(value.value)}\`` : 'empty';
    return [
      {
        ruleId: 'W1007',
        message: `\`version\` is ${shown}; the documented value is \`0.0\` (the AppSpec format version, not your application's). The service may accept other values, but this is undocumented.`,
        range: value && value.range && value.range[1] > value.range[0] ? doc.rangeOf(value) : doc.keyRangeOf(pair),
        fixes: setVersionFix(doc, value),
      },
    ];
  },
};
