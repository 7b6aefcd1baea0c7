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
  reads: 'text',
  title: 'A key appears twice in the same mapping',
  doc:
    'Duplicate keys are not valid YAML. The agents disagree on what they mean: the Ruby agent (v1) silently keeps the last value, the Rust agent (v2) ' +
    'rejects the file ("duplicate field"), and the service behaviour for ECS and Lambda is undocumented. ' +
    'Merge the two entries (for example two `hooks:` sections) into one.',
  check(doc) {
    const out: Finding[] = [];
    for (const map of mapsOf(doc)) {
      const items = map.items as Pair[];
      if (items.length < 2) continue;
      // Small mappings (nearly all of them) are compared directly; larger ones through an index.
      const keys = items.map(keyText);
      const seen = items.length > 8 ? new Map<string, Pair>() : undefined;
      for (let j = 0; j < items.length; j++) {
        const pair = items[j];
        const key = keys[j];
        if (key === undefined) continue;
        let first: Pair | undefined;
        if (seen) {
          first = seen.get(key);
          if (!first) seen.set(key, pair);
        } else {
          for (let i = 0; i < j && !first; i++) if (keys[i] === key) first = items[i];
        }
        if (!first) continue;
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
