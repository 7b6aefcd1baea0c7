import type { Finding, Rule } from '../../types';
import { hasPlaceholder, keyText } from '../../ast';
import { resourceEntries, show } from '../ecs-lambda/model';
import { fixes, renameKeyFix } from '../ecs-lambda/edits';

/** Check 69/84: the ECS resource key differs from `TargetService` in case only. */
export const ecsResourceNameCase: Rule = {
  id: 'I6019',
  name: 'ecs-resource-name-case',
  severity: 'info',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'ECS resource name differs from TargetService only in case',
  doc:
    'Every AWS example names the ECS resource `TargetService`. A spelling that differs only in case (`targetService`, ' +
    '`TARGETSERVICE`) is read by AWS tooling, which compares ECS/Lambda keys without case, so it is only ' +
    'information. Rename it to `TargetService` to match the documentation (quick fix). Another name is W6002.',
  check(doc) {
    const out: Finding[] = [];
    for (const e of resourceEntries(doc)) {
      if (!e.namePair || hasPlaceholder(e.namePair.key)) continue;
      const name = keyText(e.namePair);
      if (name === undefined || name === 'TargetService' || name.toLowerCase() !== 'targetservice') continue;
      out.push({
        ruleId: 'I6019',
        range: doc.keyRangeOf(e.namePair),
        message: `Resource key ${show(name)} differs from the documented \`TargetService\` only in case; use \`TargetService\`.`,
        fixes: fixes(renameKeyFix(doc, e.namePair, 'TargetService', "Rename to 'TargetService'")),
      });
    }
    return out;
  },
};
