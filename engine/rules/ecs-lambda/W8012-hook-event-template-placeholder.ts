import type { Finding, Rule } from '../../types';
import { hookEntries } from './model';
import { TEMPLATE_EVENT_PLACEHOLDER } from './shapes';
import { ECS_HOOK_EVENTS, LAMBDA_HOOK_EVENTS } from './names';

/** Checks 80/94, template case: the sample template's `LifeCycleEvent` line left as it is. */
export const hookEventTemplatePlaceholder: Rule = {
  id: 'W8012',
  name: 'hook-event-template-placeholder',
  severity: 'warning',
  platforms: ['ecs', 'lambda'],
  reads: 'tree',
  title: 'A hook is still the sample template line `LifeCycleEvent`',
  doc:
    'The AWS sample and console AppSpec templates ship `- LifeCycleEvent: ""` (or with a function name) for the ' +
    'author to fill in. An unedited template is not a broken file, so this is a warning, not the unknown-event error ' +
    "(E6014, E7010): left as it is, the deployment fails. Replace it with one of the platform's lifecycle events " +
    'and a function name, or delete the entry.',
  check(doc) {
    const list = (doc.platform.platform === 'lambda' ? LAMBDA_HOOK_EVENTS : ECS_HOOK_EVENTS)
      .map((v) => `\`${v}\``)
      .join(', ');
    const out: Finding[] = [];
    for (const entry of hookEntries(doc)) {
      if (entry.event !== TEMPLATE_EVENT_PLACEHOLDER) continue;
      out.push({
        ruleId: 'W8012',
        range: doc.keyRangeOf(entry.pair),
        message: `\`${entry.event}\` is the placeholder of the AWS sample template; replace it with one of ${list} and a function name, or delete the entry.`,
      });
    }
    return out;
  },
};
