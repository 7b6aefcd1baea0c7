/** `version` not 0.0 (appspec.md §2). */
import type { Node } from 'yaml';
import { isScalar } from 'yaml';
import type { Rule } from '../../types';
import { hasPlaceholder } from '../../ast';
import { versionPair, isZeroText, setVersionFix } from './version';

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
