import type { Finding, Rule } from '../../types';
import { findPair, isMap, isSeq, type Pair } from '../../ast';

const isCollection = (v: unknown) => isMap(v) || isSeq(v);
import { finding, mapEntries, sectionValue, textOf } from './util';

export const filesEntryIncomplete: Rule = {
  id: 'E2011',
  name: 'files-entry-incomplete',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`files` entry without `source` or `destination`',
  doc:
    'Every `files` entry needs both `source` (a path relative to the bundle root, `/` for the whole bundle) and ' +
    '`destination` (an absolute path on the instance). A missing or null value fails the deployment ("specifies a ' +
    'destination file, but no source file" / "specifies only a source file"); agent v2 also rejects an empty string. ' +
    'Add the missing key.',
  check(doc) {
    const out: Finding[] = [];
    for (const { map, index } of mapEntries(sectionValue(doc, 'files'))) {
      const anchor = (map.items[0] as Pair | undefined) ?? undefined;
      for (const key of ['source', 'destination'] as const) {
        const pair = findPair(map, key);
        if (pair && textOf(pair.value) !== undefined) continue;
        if (pair && isCollection(pair.value)) continue; // a type error, reported by the schema check
        const range = pair ? doc.keyRangeOf(pair) : anchor ? doc.keyRangeOf(anchor) : doc.rangeOf(map);
        const what = pair ? `has an empty \`${key}\`` : `has no \`${key}\``;
        const hint =
          key === 'source'
            ? 'add `source:` with a path relative to the bundle root (`/` copies the whole bundle)'
            : 'add `destination:` with the absolute folder on the instance, e.g. `/var/www/app`';
        out.push(finding('E2011', `\`files\` entry ${index + 1} ${what}: the deployment fails; ${hint}.`, range));
      }
    }
    return out;
  },
};
