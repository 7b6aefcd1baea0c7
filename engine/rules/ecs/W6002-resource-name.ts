import type { Finding, Rule } from '../../types';
import { hasPlaceholder, keyText } from '../../ast';
import { resourceEntries, show } from '../ecs-lambda/model';
import { fixes, renameKeyFix } from '../ecs-lambda/edits';

/** Check 69: the ECS resource key is `TargetService` in every AWS document. */
export const ecsResourceName: Rule = {
  id: 'W6002',
  name: 'ecs-resource-name',
  severity: 'warning',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'ECS resource should be named TargetService',
  doc:
    'Every AWS example and template names the ECS resource `TargetService` (`Resources: - TargetService: …`). ' +
    'Whether the service checks the name is not documented: `aws ecs deploy` accepts any single key, so this ' +
    'is a warning, not an error. A near miss such as `TargetServices` is almost always a typo (a difference in case ' +
    'only, `targetService`, is I6019). Fix: rename the key to `TargetService` (quick fix available).',
  check(doc) {
    const out: Finding[] = [];
    for (const e of resourceEntries(doc)) {
      if (!e.namePair || hasPlaceholder(e.namePair.key)) continue;
      const name = keyText(e.namePair);
      if (name === undefined || name === 'TargetService') continue;
      if (name.toLowerCase() === 'targetservice') continue; // I6019
      out.push({
        ruleId: 'W6002',
        range: doc.keyRangeOf(e.namePair),
        message: `ECS resource key ${show(name)}: AWS documents only \`TargetService\` here.`,
        fixes: fixes(renameKeyFix(doc, e.namePair, 'TargetService', "Rename to 'TargetService'")),
      });
    }
    return out;
  },
};
