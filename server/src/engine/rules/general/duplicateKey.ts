import type { Pair } from 'yaml';
import type { Finding, Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';
import { keyText } from '../../ast';
import { mapsOf } from './util';

export const duplicateKey: Rule = {
  id: 'E0010',
  name: 'duplicate-key',
  severity: 'error',
  platforms: ALL_PLATFORMS,
  title: 'A key appears twice in the same mapping',
  doc:
    'Duplicate keys are not valid YAML. The agents disagree on what they mean: the Ruby agent (v1) silently keeps the last value, the Rust agent (v2) ' +
    'rejects the file ("duplicate field"), and the service behaviour for ECS and Lambda is undocumented. ' +
    'Merge the two entries (for example two `hooks:` sections) into one.',
  check(doc) {
    const out: Finding[] = [];
    for (const map of mapsOf(doc)) {
      const seen = new Map<string, Pair>();
      for (const pair of (map as unknown as { items: Pair[] }).items) {
        const key = keyText(pair);
        if (key === undefined) continue;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, pair);
          continue;
        }
        const firstRange = doc.keyRangeOf(first);
        out.push({
          ruleId: 'E0010',
          message: `Duplicate key \`${key}\` (first defined on line ${firstRange.start.line + 1}). Agent v1 keeps only the last value; agent v2 rejects the file. Merge the entries.`,
          range: doc.keyRangeOf(pair),
          related: [{ range: firstRange, message: `First \`${key}\` is here.` }],
        });
      }
    }
    return out;
  },
};
