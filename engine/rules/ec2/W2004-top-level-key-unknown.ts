import type { Fix, Rule } from '../../types';
import { findPair, keyText, pairsOf } from '../../ast';
import { closest, finding, renameKey, unnecessary } from './util';
import { EC2_EVENTS, EC2_RESERVED_EVENTS, TOP_LEVEL_KEYS } from './names';

/** Keys other rules explain better: `os` (E2001), `Hooks` (E2005), `Resources` (E1005, mixed platforms). */
const HANDLED_ELSEWHERE = new Set(['os', 'Hooks', 'Resources']);

export const topLevelKeyUnknown: Rule = {
  id: 'W2004',
  name: 'top-level-key-unknown',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Unknown top-level key (ignored by the agent)',
  doc:
    'The EC2/On-Premises agent reads only `version`, `os`, `files`, `file_exists_behavior`, `permissions` and `hooks`, ' +
    'by exact, case-sensitive name; any other top-level key is silently ignored, so a misspelled or mis-cased section ' +
    '(`Files:`, `hook:`) or a lifecycle event written at the top level instead of under `hooks:` never takes effect. ' +
    'Rename the key as suggested, or move the event under `hooks:`.',
  check(doc) {
    const out = [];
    for (const pair of pairsOf(doc.root)) {
      const key = keyText(pair);
      if (key === undefined || (TOP_LEVEL_KEYS as readonly string[]).includes(key)) continue;
      if (HANDLED_ELSEWHERE.has(key) || key.toLowerCase() === 'os') continue;
      const squash = (t: string) => t.toLowerCase().replace(/[\s_-]+/g, '');
      const event = [...EC2_EVENTS, ...EC2_RESERVED_EVENTS].find((e) => squash(e) === squash(key));
      if (event) {
        out.push(
          finding(
            'W2004',
            `\`${key}\` looks like a lifecycle event but is at the top level, where the agent ignores it; nest it under \`hooks:\`.`,
            doc.keyRangeOf(pair),
          ),
        );
        continue;
      }
      const target = closest(key, TOP_LEVEL_KEYS);
      const fixes: Fix[] = [];
      let message = `Unknown top-level key \`${key}\` is ignored by the agent (expected one of ${TOP_LEVEL_KEYS.map((k) => `\`${k}\``).join(', ')}).`;
      if (target) {
        const caseOnly = target.toLowerCase() === key.toLowerCase();
        message = caseOnly
          ? `Key \`${key}\` is not read: keys are case-sensitive. Did you mean \`${target}\`?`
          : `Unknown top-level key \`${key}\` is ignored by the agent. Did you mean \`${target}\`?`;
        if (!findPair(doc.root, target)) {
          fixes.push({
            title: `Rename \`${key}\` to \`${target}\``,
            edits: [renameKey(doc, pair, target)],
            isPreferred: true,
          });
        }
      }
      out.push(finding('W2004', message, doc.keyRangeOf(pair), { fixes }));
    }
    return out.map(unnecessary);
  },
};
