import type { Finding, Rule } from '../../types';
import { findPair, keyText } from '../../ast';
import { finding } from './util';
import { SCRIPT_KEYS } from './names';
import { keysBesideEmpty, listed } from './besideEmpty';

export const hookScriptKeysBesideEvent: Rule = {
  id: 'E4019',
  name: 'hook-script-keys-beside-event',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Script keys sit beside their lifecycle event instead of under it',
  doc:
    'A lifecycle event holds a list of scripts indented under it (`ApplicationStart:` then `  - location: …`). When ' +
    '`location`, `timeout`, `runas` or `sudo` start at the column of the event itself, YAML reads the event as empty ' +
    'and each of those keys as another "event" whose value is not a list, which agent v1 cannot read (it fails the ' +
    'deployment) and agent v2 rejects. This one mistake is reported once here, instead of an empty event, unknown ' +
    'events and wrong shapes. Fix: indent the keys under the event and start the first with `- `.',
  check(doc) {
    const out: Finding[] = [];
    const hooks = findPair(doc.root, 'hooks')?.value;
    for (const m of keysBesideEmpty(doc, hooks, () => SCRIPT_KEYS)) {
      const event = keyText(m.parent) ?? '';
      out.push({
        ...finding(
          'E4019',
          `\`${event}\` is empty and ${listed(m.beside)} ${m.beside.length === 1 ? 'sits' : 'sit'} beside it instead of under it, so the script is not part of \`${event}\` and the deployment fails; indent them under \`${event}\` as a list item (\`- location: …\`).`,
          doc.keyRangeOf(m.parent),
        ),
        covers: m.covers,
      });
    }
    return out;
  },
};
