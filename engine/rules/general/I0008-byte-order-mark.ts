import type { Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';

export const byteOrderMark: Rule = {
  id: 'I0008',
  name: 'byte-order-mark',
  severity: 'info',
  platforms: ALL_PLATFORMS,
  reads: 'text',
  title: 'The file starts with a byte-order mark (BOM)',
  doc:
    'The EC2 agents tolerate a UTF-8 BOM (libyaml skips it). How the CodeDeploy service treats a BOM in an ECS or Lambda AppSpec is not documented, ' +
    'and many JSON parsers reject it, so it is reported as a warning in JSON files. Saving without the BOM is always safe.',
  check(doc) {
    if (!doc.text.startsWith('\uFEFF')) return [];
    return [
      {
        ruleId: 'I0008',
        message:
          doc.format === 'json'
            ? 'The file starts with a byte-order mark. Many JSON parsers reject it; save the file as UTF-8 without BOM.'
            : 'The file starts with a byte-order mark. The EC2 agents skip it, but save as UTF-8 without BOM to be safe everywhere.',
        range: doc.rangeOf([0, 1]),
        ...(doc.format === 'json' ? { severity: 'warning' as const } : {}),
        fixes: [
          {
            title: 'Remove the byte-order mark',
            edits: [{ range: doc.rangeOf([0, 1]), newText: '' }],
            isPreferred: true,
          },
        ],
      },
    ];
  },
};
