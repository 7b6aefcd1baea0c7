import type { Finding, Fix, Rule } from '../../types';
import { findPair, keyText, pairsOf } from '../../ast';
import { PLACEHOLDER } from '../../ast';
import { closest, finding, renameKey } from './util';
import { EC2_EVENTS, EC2_RESERVED_EVENTS } from './names';

const OTHER_PLATFORM_EVENTS = ['BeforeAllowTestTraffic', 'AfterAllowTestTraffic'];

export const hookEventUnknown: Rule = {
  id: 'W4002',
  name: 'hook-event-unknown',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Unknown lifecycle event name under `hooks`',
  doc:
    'EC2/On-Premises scripts run only under the nine lifecycle events `ApplicationStop`, `BeforeInstall`, ' +
    '`AfterInstall`, `ApplicationStart`, `ValidateService`, `BeforeBlockTraffic`, `AfterBlockTraffic`, ' +
    '`BeforeAllowTraffic` and `AfterAllowTraffic`, spelled exactly. Any other name is silently ignored in service ' +
    'deployments (only `codedeploy-local` rejects it), so its scripts never run. Fix the spelling as suggested.',
  check(doc) {
    const hooks = findPair(doc.root, 'hooks')?.value;
    const out: Finding[] = [];
    for (const pair of pairsOf(hooks)) {
      const name = keyText(pair);
      if (
        name === undefined ||
        (EC2_EVENTS as readonly string[]).includes(name) ||
        (EC2_RESERVED_EVENTS as readonly string[]).includes(name)
      )
        continue;
      if (PLACEHOLDER.test(name)) continue;
      const target = closest(name, EC2_EVENTS);
      const fixes: Fix[] = [];
      let message: string;
      if (OTHER_PLATFORM_EVENTS.includes(name)) {
        message = `\`${name}\` is an ECS event; EC2/On-Premises deployments never run it. EC2 events: ${EC2_EVENTS.map((e) => `\`${e}\``).join(', ')}.`;
      } else {
        message = target
          ? `Unknown lifecycle event \`${name}\`: its scripts never run. Did you mean \`${target}\`?`
          : `Unknown lifecycle event \`${name}\`: its scripts never run. EC2 events: ${EC2_EVENTS.map((e) => `\`${e}\``).join(', ')}.`;
        if (target && !findPair(hooks, target))
          fixes.push({ title: `Rename to \`${target}\``, edits: [renameKey(doc, pair, target)], isPreferred: true });
      }
      out.push(finding('W4002', message, doc.keyRangeOf(pair), { fixes }));
    }
    return out;
  },
};
