import type { Finding, Rule } from '../../types';
import { WINDOWS_ABSOLUTE, bundleRelative, escapesRoot, filesEntries, finding, valueRange } from './util';

export const filesPathEscapes: Rule = {
  id: 'W2015',
  name: 'files-path-escapes',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`files` path climbs out with `..`',
  doc:
    'A `source` whose `..` segments climb above the bundle root refers to files outside the revision, and a ' +
    '`destination` whose `..` climbs above its own root is a path-traversal pattern. Agent v2 rejects both when path ' +
    'traversal protection is on (agent 2.1.0 rejects paths resolving outside the revision; which fields exactly is not ' +
    'yet verified), and v1 copies outside the intended folder. Keep sources inside the bundle and write destinations ' +
    'without `..`.',
  check(doc) {
    const out: Finding[] = [];
    for (const entry of filesEntries(doc)) {
      if (entry.source !== undefined && entry.sourcePair && escapesRoot(bundleRelative(entry.source))) {
        out.push(
          finding(
            'W2015',
            `\`source: ${entry.source}\` climbs above the bundle root with \`..\`; sources must be inside the revision.`,
            valueRange(doc, entry.sourcePair),
          ),
        );
      }
      const dest = entry.destination;
      if (dest !== undefined && entry.destPair) {
        const win = WINDOWS_ABSOLUTE.test(dest);
        const body = win ? dest.replace(/^[A-Za-z]:/, '') : dest;
        if (escapesRoot(body, win || dest.includes('\\'))) {
          out.push(
            finding(
              'W2015',
              `\`destination: ${dest}\` climbs above its root with \`..\`; write the resolved absolute path instead.`,
              valueRange(doc, entry.destPair),
            ),
          );
        }
      }
    }
    return out;
  },
};
