import type { Finding, Rule } from '../../types';
import { findPair, keyText, pairsOf } from '../../ast';
import { finding } from './util';

const TRAFFIC = new Set(['BeforeBlockTraffic', 'AfterBlockTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic']);

export const hookEventConditional: Rule = {
  id: 'I4004',
  name: 'hook-event-conditional',
  severity: 'info',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Traffic events run only with a load balancer',
  doc:
    'In in-place deployments the `BeforeBlockTraffic`, `AfterBlockTraffic`, `BeforeAllowTraffic` and ' +
    '`AfterAllowTraffic` events run only when the deployment group has a load balancer; and `BeforeBlockTraffic`/' +
    '`AfterBlockTraffic` (like `ApplicationStop`) run the scripts of the previous successful revision, so a fix to ' +
    'those scripts takes effect one deployment later. `ApplicationStop` itself is not reported because nearly every ' +
    'AppSpec uses it; the same previous-revision rule applies to it.',
  check(doc) {
    const out: Finding[] = [];
    for (const pair of pairsOf(findPair(doc.root, 'hooks')?.value)) {
      const name = keyText(pair);
      if (!name || !TRAFFIC.has(name)) continue;
      const previous = name.endsWith('BlockTraffic')
        ? ' It also runs the scripts of the previous successful revision, not this one.'
        : '';
      out.push(
        finding(
          'I4004',
          `\`${name}\` runs in in-place deployments only when the deployment group has a load balancer.${previous}`,
          doc.keyRangeOf(pair),
        ),
      );
    }
    return out;
  },
};
