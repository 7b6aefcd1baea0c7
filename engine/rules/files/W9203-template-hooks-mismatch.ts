import type { Finding, Rule } from '../../types';
import { accountTargets } from '../../accountTargets';
import { functionNameOf } from '../ecs-lambda/model';
import { sideKeyRange } from './sideFile';
import { functionFor, templateOf } from './samTemplate';

const EVENTS = { PreTraffic: 'BeforeAllowTraffic', PostTraffic: 'AfterAllowTraffic' } as const;

export const templateHooksMismatch: Rule = {
  id: 'W9203',
  name: 'template-hooks-mismatch',
  severity: 'warning',
  platforms: ['lambda'],
  reads: 'workspace',
  title: "The AppSpec's hooks differ from the template's DeploymentPreference hooks",
  doc:
    "SAM's `DeploymentPreference.Hooks` names the functions CodeDeploy runs before (`PreTraffic`) and after " +
    '(`PostTraffic`) shifting traffic; in an AppSpec they are the `BeforeAllowTraffic` and `AfterAllowTraffic` hooks. ' +
    'When the template beside the AppSpec declares the deployed function with such hooks, and the hook functions ' +
    'have names written out in the template (`FunctionName`), the AppSpec should run the same functions: a hook ' +
    'that is missing, or names another function, is reported at the hook (or at the resource when the AppSpec has ' +
    'no such hook). Hooks the template computes are not compared. Fix: name the same hook functions in both.',
  check(doc, ctx) {
    const t = templateOf(doc, ctx);
    if (!t) return [];
    const targets = accountTargets(doc);
    const out: Finding[] = [];
    for (const r of targets.lambda) {
      const fn = functionFor(t, r.name?.value, functionNameOf);
      if (!fn) continue;
      for (const [kind, hook] of fn.hooks) {
        if (hook.value === undefined) continue;
        const event = EVENTS[kind];
        const inAppSpec = targets.hooks.filter((h) => h.event === event);
        if (inAppSpec.some((h) => functionNameOf(h.function.value) === hook.value)) continue;
        const other = inAppSpec[0];
        out.push({
          ruleId: 'W9203',
          message: other
            ? `${event} runs \`${other.function.value}\`, but ${t.name} gives \`${hook.value}\` as the ${kind} hook of \`${fn.name.value}\`.`
            : `${t.name} gives \`${hook.value}\` as the ${kind} hook of \`${fn.name.value}\`, but the AppSpec has no ${event} hook.`,
          range: other ? other.function.range : r.anchor,
          related: [
            {
              uri: t.file.uri,
              range: sideKeyRange(t.file, hook.pair),
              message: `The ${kind} hook of ${fn.logicalId}.`,
            },
          ],
        });
      }
    }
    return out;
  },
};
