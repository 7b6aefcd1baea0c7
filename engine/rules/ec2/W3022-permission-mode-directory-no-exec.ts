import type { Finding, Rule } from '../../types';
import { findPair, isScalar, scalarSource } from '../../ast';
import { finding, permissionEntries, templated } from './util';
import { modeProblem } from './E3008-permission-mode-invalid';

export const permissionModeDirectoryNoExec: Rule = {
  id: 'W3022',
  name: 'permission-mode-directory-no-exec',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Mode without the execute bit applied to directories',
  doc:
    'On a directory the execute bit means "may enter". A `mode` such as `644` on an entry whose `type` lists ' +
    '`directory` makes every matched folder untraversable for its owner (and for group and others where their bit ' +
    'is missing too), so the application cannot reach its own files. Use a separate entry with `type: [directory]` ' +
    'and a mode such as `755`. Reported only when `type` lists `directory` explicitly, since the default applies to ' +
    'files and folders alike and is often used for single files.',
  check(doc) {
    const out: Finding[] = [];
    for (const entry of permissionEntries(doc)) {
      if (!entry.types?.includes('directory')) continue;
      const value = findPair(entry.map, 'mode')?.value;
      if (!isScalar(value) || value.value === null || templated(value)) continue;
      const text = (scalarSource(value) ?? '').trim();
      if (
        modeProblem(text) ||
        (/^0[0-7]+$/.test(text) && !(value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE'))
      )
        continue;
      const owner = Number(text.padStart(3, '0').slice(-3)[0]);
      if ((owner & 1) === 1) continue;
      out.push(
        finding(
          'W3022',
          `\`mode: ${text}\` has no execute bit for the owner, but this entry also applies to directories (\`type\` lists \`directory\`); folders become impossible to enter. Give directories their own entry with a mode such as \`755\`.`,
          doc.rangeOf(value),
        ),
      );
    }
    return out;
  },
};
