import type { Finding, Fix, Rule } from '../../types';
import { findPair, keyText, pairsOf } from '../../ast';
import { closest, finding, hookScripts, renameKey, unnecessary } from './util';
import { SCRIPT_KEYS } from './names';
import { COMMAND_LIKE } from './E4007-hook-script-location-missing';

const ALIASES: Record<string, string> = {
  user: 'runas',
  run_as: 'runas',
  'run-as': 'runas',
  runuser: 'runas',
  as: 'runas',
};

export const hookScriptUnknownKey: Rule = {
  id: 'W4012',
  name: 'hook-script-unknown-key',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Unknown key in a hook script entry (ignored)',
  doc:
    'A script entry is read for `location`, `timeout`, `runas` and `sudo`, by exact lower-case name. Other keys are ' +
    "silently ignored: a mis-cased `runAs` runs the script as the agent's user (root), a `Timeout` leaves the default " +
    '3600 seconds, and `args` are never passed. Rename the key as suggested; put arguments inside the script.',
  check(doc) {
    const out: Finding[] = [];
    for (const { event, script } of hookScripts(doc)) {
      const hasLocation = !!findPair(script, 'location');
      for (const pair of pairsOf(script)) {
        const key = keyText(pair);
        if (key === undefined || (SCRIPT_KEYS as readonly string[]).includes(key)) continue;
        const lower = key.toLowerCase();
        const fixes: Fix[] = [];
        let message: string;
        if (!hasLocation && COMMAND_LIKE.has(lower)) continue; // E4007 explains it.
        if (['args', 'arguments', 'argv', 'params', 'parameters', 'env', 'environment'].includes(lower)) {
          message = `\`${key}\` under \`${event}\` is ignored: the agent runs the \`location\` file with no arguments or extra environment. Put them in the script (or a wrapper script).`;
        } else {
          const target = ALIASES[lower] ?? closest(key, SCRIPT_KEYS);
          // A location lookalike without a `location` key is reported (with its rename) by E4007.
          if (target === 'location' && !hasLocation) continue;
          message = `Unknown key \`${key}\` in a script under \`${event}\` is ignored by the agent.${target ? ` Did you mean \`${target}\`?` : ' Known keys: `location`, `timeout`, `runas`, `sudo`.'}`;
          if (target && !findPair(script, target))
            fixes.push({
              title: `Rename \`${key}\` to \`${target}\``,
              edits: [renameKey(doc, pair, target)],
              isPreferred: true,
            });
        }
        out.push(finding('W4012', message, doc.keyRangeOf(pair), { fixes }));
      }
    }
    return out.map(unnecessary);
  },
};
