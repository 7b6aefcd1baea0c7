import type { Finding, Rule } from '../../types';
import { hasPlaceholder } from '../../ast';
import { walkKeys } from './keys';
import { renameKeyFix, fixes } from './edits';
import { closestName, homeOfKey } from './names';
import { show } from './model';

/** Check 85 (unknown keys). */
export const unknownKey: Rule = {
  id: 'W8006',
  name: 'unknown-key',
  severity: 'warning',
  platforms: ['ecs', 'lambda'],
  reads: 'tree',
  title: 'Unknown key in an ECS/Lambda AppSpec',
  doc:
    'ECS and Lambda AppSpecs have a small, fixed set of keys (`version`, `Resources`, `Hooks`; `Type`, `Properties`; ' +
    'and the properties of each platform). What the service does with other keys is not documented: most likely it ' +
    'ignores them, so a misspelt key such as `LoadBalancerInfos` silently loses its setting. This is a warning. Keys ' +
    'are compared ignoring case, since case variants are accepted. Fix: correct the spelling (quick fix when a ' +
    'known key is close) or move the key to where it belongs.',
  check(doc) {
    const out: Finding[] = [];
    for (const v of walkKeys(doc)) {
      if (v.canonical || hasPlaceholder(v.pair.key)) continue;
      const guess = closestName(v.key, v.allowed);
      const home = guess ? undefined : homeOfKey(v.key);
      const where = v.where === 'the top level' ? 'at the top level' : `in \`${v.where}\``;
      let message = `Unknown key ${show(v.key)} ${where}; `;
      if (guess) message += `did you mean \`${guess}\`?`;
      else if (home && home !== v.where) message += `\`${v.key}\` belongs under \`${home}\`.`;
      else message += `expected one of ${v.allowed.map((a) => `\`${a}\``).join(', ')}.`;
      out.push({
        ruleId: 'W8006',
        range: doc.keyRangeOf(v.pair),
        message,
        fixes: guess ? fixes(renameKeyFix(doc, v.pair, guess, `Rename to '${guess}'`)) : undefined,
      });
    }
    return out;
  },
};
