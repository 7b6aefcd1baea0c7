import type { Finding, Rule } from '../../types';
import { findPair, isMap } from '../../ast';
import { finding, permissionEntries } from './util';

export const permissionContextNoRange: Rule = {
  id: 'I3019',
  name: 'permission-context-no-range',
  severity: 'info',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'SELinux `context` without `range` (agent v1 risk)',
  doc:
    "Reading agent v1's code suggests that a `context` without `range` raises an error when the install instructions " +
    'are written (every v1 test includes a range); this was inferred, not observed, so it is only information. Agent ' +
    'v2 supports a missing range. Adding `range: s0` is harmless where MLS/MCS is not enabled.',
  check(doc) {
    const out: Finding[] = [];
    for (const entry of permissionEntries(doc)) {
      const pair = findPair(entry.map, 'context');
      if (!pair || !isMap(pair.value) || findPair(pair.value, 'range')) continue;
      out.push(
        finding(
          'I3019',
          '`context` has no `range`; agent v1 may fail without one (inferred from its code). `range: s0` is the safe default.',
          doc.keyRangeOf(pair),
        ),
      );
    }
    return out;
  },
};
