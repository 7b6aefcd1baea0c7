import type { Finding, Fix, Rule } from '../../types';
import { findPair, isScalar, isSeq, type Node } from '../../ast';
import { finding, permissionEntries, templated, wrapInList } from './util';

export const permissionListInvalid: Rule = {
  id: 'E3007',
  name: 'permission-list-invalid',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`except` and `acls` must be lists of strings',
  doc:
    '`except` (names to skip) and `acls` (ACL entries such as `u:bob:rw`) are lists of strings. A single string ' +
    'crashes agent v1 and is a type error in agent v2; nested lists or mappings are rejected too. Write ' +
    '`except: [name]` / `acls: [u:bob:rw]` or a block list.',
  check(doc) {
    const out: Finding[] = [];
    for (const entry of permissionEntries(doc)) {
      for (const key of ['except', 'acls'] as const) {
        const pair = findPair(entry.map, key);
        const value = pair?.value as Node | null | undefined;
        if (
          !pair ||
          value === null ||
          value === undefined ||
          (isScalar(value) && value.value === null) ||
          templated(value)
        )
          continue;
        if (!isSeq(value)) {
          const wrap = isScalar(value) ? wrapInList(doc, value) : undefined;
          const fixes: Fix[] = wrap ? [{ title: 'Make it a one-item list', edits: wrap, isPreferred: true }] : [];
          out.push(
            finding(
              'E3007',
              `\`${key}\` must be a list of strings (e.g. \`${key}: [${key === 'acls' ? 'u:bob:rw' : 'name'}]\`); the agent cannot read a ${isScalar(value) ? 'single value' : 'mapping'}.`,
              doc.rangeOf(value),
              { fixes },
            ),
          );
          continue;
        }
        for (const item of value.items) {
          if (isScalar(item) && item.value !== null) continue;
          const node = item as Node | null;
          out.push(
            finding(
              'E3007',
              `Every \`${key}\` item must be a string; found ${node && !isScalar(node) ? 'a nested collection' : 'an empty item'}.`,
              node?.range ? doc.rangeOf(node) : doc.rangeOf(value),
            ),
          );
        }
      }
    }
    return out;
  },
};
