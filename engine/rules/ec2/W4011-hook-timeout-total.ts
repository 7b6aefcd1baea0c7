import type { Finding, Fix, Rule } from '../../types';
import { findPair, isSeq, keyText, pairsOf, type Node } from '../../ast';
import { finding, hookScripts, readTimeout, replaceNode, templated } from './util';
import { MAX_EVENT_SECONDS } from './names';

export const hookTimeoutTotal: Rule = {
  id: 'W4011',
  name: 'hook-timeout-total',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Hook timeouts exceed the 3600-second limit of one event',
  doc:
    'A lifecycle event may run for at most 3600 seconds in total; if its scripts take longer, the event fails. A ' +
    'single `timeout` over 3600 therefore never helps, and the `timeout`s of one event should add up to 3600 or less. ' +
    'Only explicit timeouts are added: a script without one defaults to 3600, which is not counted here to avoid ' +
    'reporting nearly every multi-script event. Lower the timeouts (the quick fix caps the largest).',
  check(doc) {
    const out: Finding[] = [];
    const byEvent = new Map<string, { node: Node; seconds: number }[]>();
    for (const { event, script } of hookScripts(doc)) {
      const value = findPair(script, 'timeout')?.value as Node | undefined;
      if (!value || templated(value)) continue;
      const t = readTimeout(value);
      if (!t || t.kind === 'invalid' || t.seconds <= 0) continue;
      if (!byEvent.has(event)) byEvent.set(event, []);
      byEvent.get(event)?.push({ node: value, seconds: t.seconds });
      if (t.seconds > MAX_EVENT_SECONDS) {
        out.push(
          finding(
            'W4011',
            `\`timeout: ${t.seconds}\` under \`${event}\` is over the ${MAX_EVENT_SECONDS}-second limit of a lifecycle event; the event fails after ${MAX_EVENT_SECONDS} seconds anyway.`,
            doc.rangeOf(value),
            {
              fixes: [
                {
                  title: `Cap at ${MAX_EVENT_SECONDS}`,
                  edits: [replaceNode(doc, value, String(MAX_EVENT_SECONDS))],
                  isPreferred: true,
                },
              ],
            },
          ),
        );
      }
    }
    for (const pair of pairsOf(findPair(doc.root, 'hooks')?.value)) {
      const event = keyText(pair);
      const list = event === undefined ? undefined : byEvent.get(event);
      if (!list || !isSeq(pair.value) || list.some((t) => t.seconds > MAX_EVENT_SECONDS)) continue;
      const total = list.reduce((s, t) => s + t.seconds, 0);
      if (total <= MAX_EVENT_SECONDS) continue;
      const largest = list.reduce((a, b) => (b.seconds > a.seconds ? b : a));
      const capped = largest.seconds - (total - MAX_EVENT_SECONDS);
      const fixes: Fix[] =
        capped >= 1
          ? [
              {
                title: `Lower the largest timeout to ${capped}`,
                edits: [replaceNode(doc, largest.node, String(capped))],
                isPreferred: true,
              },
            ]
          : [];
      out.push(
        finding(
          'W4011',
          `The timeouts under \`${event}\` add up to ${total} seconds, over the ${MAX_EVENT_SECONDS}-second limit of one lifecycle event; the event fails if the scripts run that long.`,
          doc.keyRangeOf(pair),
          {
            fixes,
            related: list.map((t) => ({ range: doc.rangeOf(t.node), message: `timeout ${t.seconds}` })),
          },
        ),
      );
    }
    return out;
  },
};
