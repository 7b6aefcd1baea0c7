import type { Finding, Rule } from '../../types';
import { findPair, type Pair } from '../../ast';
import { finding, permissionEntries, textOf } from './util';

export const permissionObjectMissing: Rule = {
  id: 'E3003',
  name: 'permission-object-missing',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`permissions` entry without `object`',
  doc:
    'Every `permissions` entry needs `object`, the absolute path on the instance the settings apply to. A missing or ' +
    'null `object` (agent v2: also an empty one) fails the deployment with "a permission … has no object value". Add ' +
    '`object:` with an installed path, usually a `files` destination.',
  check(doc) {
    const out: Finding[] = [];
    for (const entry of permissionEntries(doc)) {
      const pair = findPair(entry.map, 'object');
      if (pair && textOf(pair.value) !== undefined) continue;
      const anchor = entry.map.items[0] as Pair | undefined;
      const range = pair ? doc.keyRangeOf(pair) : anchor ? doc.keyRangeOf(anchor) : doc.rangeOf(entry.map);
      out.push(
        finding(
          'E3003',
          `\`permissions\` entry ${entry.index + 1} has no \`object\`: the deployment fails. Add \`object:\` with the absolute path to change.`,
          range,
        ),
      );
    }
    return out;
  },
};
