import type { Finding, Rule } from '../../types';
import { filesEntries, finding, valueRange } from './util';

export const filesSourceGlob: Rule = {
  id: 'W2014',
  name: 'files-source-glob',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`files` source contains a wildcard',
  doc:
    'The agent does not expand wildcards in `source`: `target/app-*.jar` is looked up as a file literally named ' +
    '`app-*.jar` and the install fails with "No such file or directory". Name the file exactly, rename it in the build ' +
    'to a fixed name, or copy its whole folder.',
  check(doc) {
    const out: Finding[] = [];
    for (const entry of filesEntries(doc)) {
      if (entry.source === undefined || !entry.sourcePair || !/[*?]/.test(entry.source)) continue;
      out.push(
        finding(
          'W2014',
          `\`source: ${entry.source}\` contains a wildcard, but the agent copies paths literally (no globbing); name the file exactly or copy its folder.`,
          valueRange(doc, entry.sourcePair),
        ),
      );
    }
    return out;
  },
};
