import type { Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';
import { removeBomFix } from './util';

export const byteOrderMark: Rule = {
  id: 'I0008',
  name: 'byte-order-mark',
  severity: 'info',
  platforms: ALL_PLATFORMS,
  reads: 'text',
  title: 'A YAML AppSpec starts with a byte-order mark (BOM)',
  doc:
    'The EC2 agents tolerate a UTF-8 BOM in a YAML AppSpec (libyaml skips it), so this is only information. Saving ' +
    'without the BOM is always safe. In a JSON AppSpec a BOM is W0018.',
  check(doc) {
    if (!doc.text.startsWith('\uFEFF') || doc.format === 'json') return [];
    return [
      {
        ruleId: 'I0008',
        message:
          'The file starts with a byte-order mark. The EC2 agents skip it, but save as UTF-8 without BOM to be safe everywhere.',
        range: doc.rangeOf([0, 1]),
        fixes: [removeBomFix(doc)],
      },
    ];
  },
};
