import type { Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';

export const fileTooLarge: Rule = {
  id: 'I0011',
  name: 'file-too-large',
  severity: 'info',
  platforms: ALL_PLATFORMS,
  reads: 'text',
  title: 'The file is too large to check',
  doc:
    'Files over the size limit (5 MB by default) are not parsed, so only this note is reported. A real AppSpec is a few kilobytes; ' +
    'a file this large is probably not an AppSpec, or has generated content that belongs elsewhere.',
  check(doc) {
    if (doc.skipped?.reason !== 'too-large') return [];
    return [{ ruleId: 'I0011', message: doc.skipped.message, range: doc.rangeOf([0, 0]) }];
  },
};
