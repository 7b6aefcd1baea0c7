import type { Finding, Rule } from '../../types';
import { findPair } from '../../ast';
import { finding, isExplicitNull, replaceNode } from './util';

export const sectionExplicitNull: Rule = {
  id: 'W2023',
  name: 'section-explicit-null',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`files` or `permissions` written as an explicit null (`~`, `null`)',
  doc:
    'An empty `files:` or `permissions:` means "nothing to do" to both agents. An explicit null (`files: ~`, ' +
    '`permissions: null`) is the same for agent v1, but agent v2 reads these sections into lists and fails the ' +
    'deployment ("invalid type: unit value, expected a sequence"; serde_yaml turns only an empty value into an empty ' +
    'list). It fails on one agent generation only, hence a warning. Leave the value empty or remove the key (quick fix).',
  check(doc) {
    const out: Finding[] = [];
    for (const key of ['files', 'permissions'] as const) {
      const value = findPair(doc.root, key)?.value;
      if (!isExplicitNull(value)) continue;
      out.push(
        finding(
          'W2023',
          `\`${key}: ${doc.text.slice(value.range?.[0] ?? 0, value.range?.[1] ?? 0)}\` is an explicit null: agent v1 treats it as empty but agent v2 fails ("expected a sequence"). Leave the value empty or remove the key.`,
          doc.rangeOf(value),
          {
            fixes:
              doc.format === 'json'
                ? []
                : [{ title: 'Remove the explicit null', edits: [replaceNode(doc, value, '')], isPreferred: true }],
          },
        ),
      );
    }
    return out;
  },
};
