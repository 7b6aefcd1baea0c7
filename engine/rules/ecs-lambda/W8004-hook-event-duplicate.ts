import type { Finding, Rule } from '../../types';
import { hookEntries } from './model';

/** Check 82 (same event twice). */
export const hookEventDuplicate: Rule = {
  id: 'W8004',
  name: 'hook-event-duplicate',
  severity: 'warning',
  platforms: ['ecs', 'lambda'],
  reads: 'tree',
  title: 'The same hook event appears twice',
  doc:
    'Each ECS/Lambda lifecycle event runs one hook function, once per deployment. When `Hooks` names the same event in ' +
    'two list items, only one function can run; which one is not documented, so this is a warning. (Repeating a key ' +
    'inside one mapping is a YAML duplicate-key error reported separately.) Fix: keep one entry, and let that function ' +
    'do all the checks.',
  check(doc) {
    const out: Finding[] = [];
    const seen = new Map<string, (typeof entries)[number]>();
    const entries = hookEntries(doc);
    for (const entry of entries) {
      const first = seen.get(entry.event);
      if (!first) {
        seen.set(entry.event, entry);
        continue;
      }
      if (first.item === entry.item) continue; // duplicate key within one mapping: a YAML error of its own
      out.push({
        ruleId: 'W8004',
        range: doc.keyRangeOf(entry.pair),
        message: `\`${entry.event}\` is already hooked above; an event runs one function, so one of these entries is ignored or rejected.`,
        related: [{ range: doc.keyRangeOf(first.pair), message: `first \`${entry.event}\`` }],
      });
    }
    return out;
  },
};
