import type { Finding, Rule } from '../../types';
import { keyText } from '../../ast';
import { finding } from './util';
import { EC2_EVENTS, EC2_RESERVED_EVENTS, FILES_ENTRY_KEYS, PERMISSION_KEYS } from './names';
import { keysBesideEmpty, listed } from './besideEmpty';

const CHILDREN: Record<string, readonly string[]> = {
  files: FILES_ENTRY_KEYS,
  permissions: PERMISSION_KEYS,
  hooks: [...EC2_EVENTS, ...EC2_RESERVED_EVENTS],
};

export const sectionKeysAtTopLevel: Rule = {
  id: 'W2025',
  name: 'section-keys-at-top-level',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'A section is empty and its keys sit at the top level',
  doc:
    '`files`, `permissions` and `hooks` hold their entries indented under them. When the entries start at column 1 ' +
    '(`files:` then `source: /` on the next line without indentation), YAML reads the section as empty and the ' +
    'entries as unknown top-level keys, which the agent ignores: nothing is installed, no permission is set or no ' +
    'script runs, and the deployment still succeeds, hence a warning. This one mistake is reported once here. Fix: ' +
    'indent the entries under the section (list items for `files` and `permissions`: `  - source: /`).',
  check(doc) {
    const out: Finding[] = [];
    for (const m of keysBesideEmpty(doc, doc.root, (k) => CHILDREN[k])) {
      const section = keyText(m.parent) ?? '';
      const form =
        section === 'hooks'
          ? 'indented under it'
          : `indented under it as a list item (\`  - ${keyText(m.beside[0])}: …\`)`;
      out.push({
        ...finding(
          'W2025',
          `\`${section}\` is empty and ${listed(m.beside)} ${m.beside.length === 1 ? 'sits' : 'sit'} at the top level, where the agent ignores them; write them ${form}.`,
          doc.keyRangeOf(m.parent),
        ),
        covers: m.covers,
      });
    }
    return out;
  },
};
