import type { Finding, Rule } from '../../types';
import { walkKeys } from './keys';
import { renameKeyFix, fixes } from './edits';
import { show } from './model';

/** Check 84: non-canonical key case (accepted by AWS tooling; PascalCase is the documented form). */
export const keyCase: Rule = {
  id: 'I8005',
  name: 'key-case',
  severity: 'info',
  platforms: ['ecs', 'lambda'],
  reads: 'tree',
  title: 'Use the documented PascalCase spelling of ECS/Lambda keys',
  doc:
    'ECS and Lambda AppSpec keys appear in AWS documents both in PascalCase (`Resources`, `TaskDefinition`, ' +
    '`CurrentVersion`) and in lower case (`resources`, `currentversion`), and AWS tooling (`aws ecs deploy`, ' +
    'cdk-ecs-codedeploy) reads them case-insensitively, so other spellings work; the service rule itself is not ' +
    'documented. For consistency with the reference and examples use PascalCase (`version` stays lower case). ' +
    'Fix: rename the key (quick fix).',
  check(doc) {
    const out: Finding[] = [];
    for (const v of walkKeys(doc)) {
      if (!v.canonical || v.canonical === v.key) continue;
      out.push({
        ruleId: 'I8005',
        range: doc.keyRangeOf(v.pair),
        message: `Key ${show(v.key)} works, but the documented spelling is \`${v.canonical}\`.`,
        fixes: fixes(renameKeyFix(doc, v.pair, v.canonical, `Rename to '${v.canonical}'`)),
      });
    }
    return out;
  },
};
