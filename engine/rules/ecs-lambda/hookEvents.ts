/** The hook event name check that ECS and Lambda share; each platform's rule passes its own ID. */
import type { AppSpecDocument, Finding } from '../../types';
import { hasPlaceholder } from '../../ast';
import type { Node } from '../../ast';
import {
  closestName,
  EC2_EVENT_EQUIVALENT,
  ECS_HOOK_EVENTS,
  LAMBDA_HOOK_EVENTS,
  ECS_RESERVED_EVENTS,
  LAMBDA_RESERVED_EVENTS,
} from './names';
import { hookEntries, stringValue, show } from './model';
import { fixes, renameKeyFix } from './edits';
import type { Kind } from './resourceShape';

/** The event name the AWS sample AppSpec templates use as a fill-in placeholder. */
export const TEMPLATE_EVENT_PLACEHOLDER = 'LifeCycleEvent';

/** Checks 80 / 94: hook events are the platform's scriptable events, with "did you mean". */
export function hookEventFindings(doc: AppSpecDocument, ruleId: string, kind: Kind): Finding[] {
  const valid: readonly string[] = kind === 'ecs' ? ECS_HOOK_EVENTS : LAMBDA_HOOK_EVENTS;
  const reserved = kind === 'ecs' ? ECS_RESERVED_EVENTS : LAMBDA_RESERVED_EVENTS;
  const label = kind === 'ecs' ? 'ECS' : 'Lambda';
  const list = valid.map((v) => `\`${v}\``).join(', ');
  const out: Finding[] = [];
  for (const entry of hookEntries(doc)) {
    const event = entry.event;
    if (valid.includes(event) || hasPlaceholder(entry.pair.key)) continue;
    const range = doc.keyRangeOf(entry.pair);
    if (event === TEMPLATE_EVENT_PLACEHOLDER) continue; // W8012
    const swapped = stringValue(entry.pair.value);
    if (swapped !== undefined && valid.includes(swapped)) {
      const k = entry.pair.key as Node;
      const v = entry.pair.value as Node;
      const fix =
        k.range && v.range
          ? {
              title: `Swap: '${swapped}: ${event}'`,
              isPreferred: true,
              edits: [
                { range: doc.rangeOf([k.range[0], k.range[1]]), newText: doc.text.slice(v.range[0], v.range[1]) },
                { range: doc.rangeOf([v.range[0], v.range[1]]), newText: doc.text.slice(k.range[0], k.range[1]) },
              ],
            }
          : undefined;
      out.push({
        ruleId,
        range,
        message: `Event and function look swapped: the event name goes first (\`${swapped}: ${event}\`).`,
        fixes: fixes(fix),
      });
      continue;
    }
    const typo = closestName(event, valid);
    if (typo) {
      out.push({
        ruleId,
        range,
        message: `Unknown ${label} lifecycle event ${show(event)}; did you mean \`${typo}\`? Event names are case-sensitive.`,
        fixes: fixes(renameKeyFix(doc, entry.pair, typo, `Change to '${typo}'`)),
      });
      continue;
    }
    const reservedMatch = reserved.find((r) => r.toLowerCase() === event.toLowerCase());
    if (reservedMatch) {
      out.push({
        ruleId,
        range,
        message: `\`${reservedMatch}\` is run by CodeDeploy itself and cannot have a hook; ${label} hooks are ${list}.`,
      });
      continue;
    }
    const ec2 = Object.keys(EC2_EVENT_EQUIVALENT).find((n) => n.toLowerCase() === event.toLowerCase());
    if (ec2) {
      const eq = EC2_EVENT_EQUIVALENT[ec2][kind];
      const inEcs = (ECS_HOOK_EVENTS as readonly string[]).includes(ec2);
      const origin =
        kind === 'lambda' && inEcs
          ? ec2 === 'AfterAllowTestTraffic'
            ? 'an ECS'
            : 'an EC2/On-Premises and ECS'
          : 'an EC2/On-Premises';
      out.push({
        ruleId,
        range,
        message: `\`${ec2}\` is ${origin} lifecycle event; ${label} hooks are ${list}.${eq ? ` The closest ${label} event is \`${eq}\`.` : ''}`,
        fixes: eq ? fixes(renameKeyFix(doc, entry.pair, eq, `Change to '${eq}'`, false)) : undefined,
      });
      continue;
    }
    out.push({
      ruleId,
      range,
      message: `Unknown ${label} lifecycle event ${show(event)}; ${label} hooks are ${list}.`,
    });
  }
  return out;
}
