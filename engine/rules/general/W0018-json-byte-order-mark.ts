import type { Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';
import { removeBomFix } from './util';

export const jsonByteOrderMark: Rule = {
  id: 'W0018',
  name: 'json-byte-order-mark',
  severity: 'warning',
  platforms: ALL_PLATFORMS,
  reads: 'text',
  title: 'A JSON AppSpec starts with a byte-order mark (BOM)',
  doc:
    'JSON text must not start with a byte-order mark (RFC 8259 lets parsers reject it), and many JSON parsers do. ' +
    'How the CodeDeploy service treats a BOM in an ECS or Lambda AppSpec is not documented, hence a warning. Save ' +
    'the file as UTF-8 without BOM (quick fix).',
  check(doc) {
    if (!doc.text.startsWith('\uFEFF') || doc.format !== 'json') return [];
    return [
      {
        ruleId: 'W0018',
        message:
          'The file starts with a byte-order mark. Many JSON parsers reject it; save the file as UTF-8 without BOM.',
        range: doc.rangeOf([0, 1]),
        fixes: [removeBomFix(doc)],
      },
    ];
  },
};
