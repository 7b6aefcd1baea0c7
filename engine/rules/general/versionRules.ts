/** `version` checks (appspec.md §2): missing, not 0.0, quoted. */
import type { Node, Pair } from 'yaml';
import { isScalar } from 'yaml';
import type { AppSpecDocument, Fix, Rule } from '../../types';
import { findPair, hasPlaceholder, isQuoted, quoteLike, scalarSource } from '../../ast';

/** The `version` pair: exact key on EC2, any case elsewhere. */
export function versionPair(doc: AppSpecDocument): Pair | undefined {
  if (!doc.root) return undefined;
  return findPair(doc.root, 'version', { caseInsensitive: doc.platform.platform !== 'ec2' });
}

function isZeroText(s: string): boolean {
  return /^\s*[+]?0+(\.0*)?\s*$/.test(s) || /^\s*0*\.0+\s*$/.test(s);
}

function setVersionFix(doc: AppSpecDocument, value: Node | null): Fix[] {
  const range = value && value.range && value.range[1] > value.range[0] ? doc.rangeOf(value) : undefined;
  if (!range) return [];
  return [{ title: 'Write `version: 0.0`', edits: [{ range, newText: '0.0' }], isPreferred: true }];
}

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

export const versionInvalid: Rule = {
  id: 'E1002',
  name: 'version-not-0.0',
  severity: 'error',
  platforms: ['ec2', 'unknown'],
  reads: 'tree',
  title: '`version` is not 0.0',
  doc:
    'The only allowed `version` is `0.0`; it is reserved by CodeDeploy for future use. Any other value fails the deployment ' +
    '("invalid version value"). It is the AppSpec format version, not your application\'s version.',
  check(doc) {
    const pair = versionPair(doc);
    if (!pair) return [];
    const value = (pair.value as Node | null) ?? null;
    if (hasPlaceholder(value)) return [];
    if (isScalar(value)) {
      const v = value.value;
      if (typeof v === 'number' && v === 0) return [];
      if (typeof v === 'string' && isZeroText(v)) return []; // quoted zero: E1003 / I1004
    }
    const shown =
      isScalar(value) && value.value !== null && String(value.value) !== '' ? `\`${String(value.value)}\`` : 'empty';
    return [
      {
        ruleId: 'E1002',
        message: `\`version\` is ${shown}; the only allowed value is \`0.0\` (the AppSpec format version, not your application's).`,
        range: value && value.range && value.range[1] > value.range[0] ? doc.rangeOf(value) : doc.keyRangeOf(pair),
        fixes: setVersionFix(doc, value),
      },
    ];
  },
};

function quotedZero(doc: AppSpecDocument): { pair: Pair; value: Node } | undefined {
  const pair = versionPair(doc);
  const value = pair?.value as Node | null | undefined;
  if (!pair || !isScalar(value) || typeof value.value !== 'string' || !isZeroText(value.value)) return undefined;
  if (!isQuoted(value) && doc.format !== 'json') return undefined;
  return { pair, value };
}

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
