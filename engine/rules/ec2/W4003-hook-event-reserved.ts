import type { Finding, Rule } from '../../types';
import { findPair, keyText, pairsOf } from '../../ast';
import { finding, unnecessary } from './util';
import { EC2_RESERVED_EVENTS } from './names';

const INSTEAD: Record<string, string> = {
  DownloadBundle: '`BeforeInstall`',
  Install: '`BeforeInstall` or `AfterInstall`',
  BlockTraffic: '`BeforeBlockTraffic` or `AfterBlockTraffic`',
  AllowTraffic: '`BeforeAllowTraffic` or `AfterAllowTraffic`',
  Start: '`ApplicationStart`',
  End: '`ValidateService`',
};

export const hookEventReserved: Rule = {
  id: 'W4003',
  name: 'hook-event-reserved',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Scripts under a reserved lifecycle event never run',
  doc:
    '`DownloadBundle`, `Install`, `BlockTraffic`, `AllowTraffic`, `Start` and `End` are steps the CodeDeploy agent ' +
    'performs itself; they "cannot be used to run scripts", so scripts listed under them are silently skipped. Move ' +
    'them to the neighbouring event (`BeforeInstall`/`AfterInstall` around `Install`, `BeforeAllowTraffic`/' +
    '`AfterAllowTraffic` around `AllowTraffic`, …).',
  check(doc) {
    const out: Finding[] = [];
    for (const pair of pairsOf(findPair(doc.root, 'hooks')?.value)) {
      const name = keyText(pair);
      if (name === undefined || !(EC2_RESERVED_EVENTS as readonly string[]).includes(name)) continue;
      out.push(
        finding(
          'W4003',
          `\`${name}\` is reserved for the CodeDeploy agent: scripts under it never run. Use ${INSTEAD[name]} instead.`,
          doc.keyRangeOf(pair),
        ),
      );
    }
    return out.map(unnecessary);
  },
};
