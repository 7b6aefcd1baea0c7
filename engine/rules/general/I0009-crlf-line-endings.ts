import type { Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';

export const crlfLineEndings: Rule = {
  id: 'I0009',
  name: 'crlf-line-endings',
  severity: 'info',
  platforms: ALL_PLATFORMS,
  reads: 'text',
  title: 'The AppSpec uses Windows (CRLF) line endings',
  doc:
    'YAML parsers accept CRLF line endings, so the AppSpec itself works. It is worth knowing because files edited on Windows often carry CRLF ' +
    'into hook scripts too, and a shell script with CRLF fails on Linux instances (`/bin/bash^M: bad interpreter`). Configure git ' +
    '(`.gitattributes`: `*.sh text eol=lf`) or your editor to use LF.',
  check(doc) {
    const at = doc.text.indexOf('\r\n');
    if (at < 0 || doc.skipped) return [];
    const line = doc.lines.positionAt(at).line;
    const lineStart = doc.lines.offsetAt({ line, character: 0 });
    return [
      {
        ruleId: 'I0009',
        message:
          'The AppSpec uses CRLF (Windows) line endings. That is fine for the AppSpec, but check that hook scripts use LF: CRLF breaks them on Linux.',
        range: doc.rangeOf([lineStart, at]),
        fixes: [
          {
            title: 'Convert the AppSpec to LF line endings',
            edits: [{ range: doc.rangeOf([0, doc.text.length]), newText: doc.text.replace(/\r\n/g, '\n') }],
          },
        ],
      },
    ];
  },
};
