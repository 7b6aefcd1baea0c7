import type { Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';

/** Reported by lint.ts from the configuration it is given (not by this entry's check). */
export const configInvalid: Rule = {
  id: 'W0014',
  name: 'config-invalid',
  severity: 'warning',
  platforms: ALL_PLATFORMS,
  reads: 'text',
  title: 'The `.appspec-lint.json` that applies to this AppSpec has a problem',
  doc:
    'The nearest `.appspec-lint.json` (walking up from the AppSpec folder) is not valid JSON, or has an entry that is not understood ' +
    '(an unknown key, a severity other than `off`, `error`, `warning`, `info`, `hint`, or `workspaceChecks` that is not true/false). ' +
    'Invalid parts are ignored, so the AppSpec is checked with the default settings for them. Fix the file; the message says what is wrong.',
  check: () => [],
};
