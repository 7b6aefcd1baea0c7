import type { Finding, Fix, Rule } from '../../types';
import { findPair, keyText, pairsOf, type Pair } from '../../ast';
import { closest, finding, hookScripts, insertFirstKey, renameKey, textOf } from './util';

/** Keys people write instead of `location`. */
const LOCATION_LIKE = new Set(['script', 'scripts', 'path', 'file', 'filename', 'source', 'src']);
/** Keys that hold commands: a rename would not help, the commands belong in a script file. */
export const COMMAND_LIKE = new Set(['run', 'cmd', 'command', 'commands', 'exec', 'shell']);

export const hookScriptLocationMissing: Rule = {
  id: 'E4007',
  name: 'hook-script-location-missing',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Hook script without `location`',
  doc:
    'Every script entry needs `location`, the path of the script inside the bundle. A missing, null or (agent v2) ' +
    'blank `location` fails the deployment with "specifies a script with no location value"; a misspelled key such as ' +
    '`locaiton` or `script` counts as missing. Rename the key, or add `location:` with the script path.',
  check(doc) {
    const out: Finding[] = [];
    for (const { event, script, index } of hookScripts(doc)) {
      const pair = findPair(script, 'location');
      if (pair && textOf(pair.value) !== undefined) continue;
      const fixes: Fix[] = [];
      const lookalike = pair
        ? undefined
        : pairsOf(script).find((p) => {
            const k = keyText(p);
            return k !== undefined && (closest(k, ['location']) === 'location' || LOCATION_LIKE.has(k.toLowerCase()));
          });
      const command = pair
        ? undefined
        : pairsOf(script).find((p) => COMMAND_LIKE.has((keyText(p) ?? '').toLowerCase()));
      if (lookalike)
        fixes.push({
          title: `Rename \`${keyText(lookalike)}\` to \`location\``,
          edits: [renameKey(doc, lookalike, 'location')],
          isPreferred: true,
        });
      if (!pair) {
        const insert = insertFirstKey(doc, script, 'location', 'scripts/TODO.sh');
        if (insert) fixes.push({ title: 'Add `location: scripts/TODO.sh`', edits: [insert], isPreferred: !lookalike });
      }
      const anchor = pair ?? lookalike ?? command ?? (script.items[0] as Pair | undefined);
      const message = pair
        ? `Script ${index + 1} of \`${event}\` has an empty \`location\`: the deployment fails. Give the script's path in the bundle.`
        : command && !lookalike
          ? `Script ${index + 1} of \`${event}\` has no \`location\`: the deployment fails. \`${keyText(command)}\` is not read; hooks run a script file named by \`location\`, so put the commands in a script.`
          : lookalike
            ? `Script ${index + 1} of \`${event}\` has no \`location\` (\`${keyText(lookalike)}\` is not read): the deployment fails. Did you mean \`location\`?`
            : `Script ${index + 1} of \`${event}\` has no \`location\`: the deployment fails. Add \`location:\` with the script's path in the bundle.`;
      out.push(finding('E4007', message, anchor ? doc.keyRangeOf(anchor) : doc.rangeOf(script), { fixes }));
    }
    return out;
  },
};
