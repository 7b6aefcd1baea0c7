import type { Finding, Rule } from '../../types';
import { hasPlaceholder } from '../../ast';
import { functionNameOf, hookEntries, stringValue, valueOf } from './model';
import { ECS_HOOK_EVENTS, LAMBDA_HOOK_EVENTS } from './names';

/** Checks 83 / 95: hook functions named `CodeDeployHook_*` for the managed service-role policies. */
export const hookFunctionPrefix: Rule = {
  id: 'I8008',
  name: 'hook-function-prefix',
  severity: 'hint',
  platforms: ['ecs', 'lambda'],
  reads: 'tree',
  title: 'Hook functions are expected to start with CodeDeployHook_ under the managed policies',
  doc:
    'With the managed service-role policies `AWSCodeDeployRoleForECSLimited` (ECS) and `AWSCodeDeployRoleForLambda` ' +
    '(Lambda), CodeDeploy may invoke only hook functions whose names begin with `CodeDeployHook_`; another name makes ' +
    'the hook fail with an access error. Roles with broader permissions can call any function, so this is only a ' +
    'hint (shown faintly, never as a problem) and it is safe to ignore when your role allows the function. Fix: ' +
    'rename the function to `CodeDeployHook_<name>`, or grant the role `lambda:InvokeFunction` on it.',
  check(doc) {
    const out: Finding[] = [];
    const events = doc.platform.platform === 'lambda' ? LAMBDA_HOOK_EVENTS : ECS_HOOK_EVENTS;
    for (const { pair, event } of hookEntries(doc)) {
      if (!events.includes(event)) continue; // unknown events are reported by E6014/E7010
      const node = valueOf(pair);
      const value = stringValue(node);
      if (value === undefined || hasPlaceholder(node)) continue;
      const name = functionNameOf(value.trim());
      if (!name || name.startsWith('CodeDeployHook_')) continue;
      out.push({
        ruleId: 'I8008',
        range: doc.rangeOf(node!),
        message: `Hook \`${event}\` runs \`${name}\`; with the managed CodeDeploy policies only functions named \`CodeDeployHook_*\` can be invoked.`,
      });
    }
    return out;
  },
};
