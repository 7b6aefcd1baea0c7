import type { Fix, Finding, Rule } from '../../types';
import { findPair, keyText, pairsOf } from '../../ast';
import { closest, filesEntries, finding, renameKey, unnecessary } from './util';
import { FILES_ENTRY_KEYS } from './names';

export const filesEntryUnknownKey: Rule = {
  id: 'W2020',
  name: 'files-entry-unknown-key',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Unknown key in a `files` entry (ignored by the agent)',
  doc:
    'A `files` entry is read for `source` and `destination` only, by exact name; other keys such as `overwrite:`, ' +
    '`owner:` or a mis-cased `Source:` are silently ignored. Use top-level `file_exists_behavior` to overwrite, a ' +
    '`permissions` entry for owners and modes, and the exact lower-case key names.',
  check(doc) {
    const out: Finding[] = [];
    for (const entry of filesEntries(doc)) {
      for (const pair of pairsOf(entry.map)) {
        const key = keyText(pair);
        if (
          key === undefined ||
          (FILES_ENTRY_KEYS as readonly string[]).includes(key) ||
          key === 'file_exists_behavior'
        )
          continue;
        const lower = key.toLowerCase();
        let message: string;
        const fixes: Fix[] = [];
        if (lower === 'overwrite' || lower === 'override') {
          message = `\`${key}\` in a \`files\` entry is ignored; to replace existing files set top-level \`file_exists_behavior: OVERWRITE\`.`;
        } else if (['owner', 'group', 'mode', 'permissions', 'chmod', 'chown'].includes(lower)) {
          message = `\`${key}\` in a \`files\` entry is ignored; set owners and modes in a \`permissions\` entry whose \`object\` is the destination.`;
        } else {
          const target = closest(key, FILES_ENTRY_KEYS);
          message = `Unknown key \`${key}\` in a \`files\` entry is ignored (only \`source\` and \`destination\` are read).${target ? ` Did you mean \`${target}\`?` : ''}`;
          if (target && !findPair(entry.map, target)) {
            fixes.push({
              title: `Rename \`${key}\` to \`${target}\``,
              edits: [renameKey(doc, pair, target)],
              isPreferred: true,
            });
          }
        }
        out.push(finding('W2020', message, doc.keyRangeOf(pair), { fixes }));
      }
    }
    return out.map(unnecessary);
  },
};
