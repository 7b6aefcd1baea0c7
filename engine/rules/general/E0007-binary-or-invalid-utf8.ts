import type { Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';

export const encoding: Rule = {
  id: 'E0007',
  name: 'binary-or-invalid-utf8',
  severity: 'error',
  platforms: ALL_PLATFORMS,
  reads: 'text',
  title: 'The file is binary or not valid UTF-8',
  doc:
    'An AppSpec is a text file. A file with NUL bytes (a binary file, or text saved as UTF-16) or with bytes that are not valid UTF-8 ' +
    'cannot be checked, and the agents and the service may reject or misread it. The AWS docs say nothing about encodings; save the file as UTF-8.',
  check(doc) {
    if (!doc.skipped || doc.skipped.reason === 'too-large') return [];
    let at = doc.skipped.reason === 'binary' ? doc.text.indexOf('\u0000') : doc.text.indexOf('\uFFFD');
    if (at < 0) at = 0;
    const message =
      doc.skipped.reason === 'binary'
        ? 'The file contains NUL bytes: it is binary or saved as UTF-16, not a UTF-8 text AppSpec. Save it as UTF-8; no other checks were made.'
        : 'The file is not valid UTF-8 (it contains bytes that cannot be decoded, shown as \uFFFD). Save it as UTF-8; no other checks were made.';
    return [{ ruleId: 'E0007', message, range: doc.rangeOf([at, Math.min(doc.text.length, at + 1)]) }];
  },
};
