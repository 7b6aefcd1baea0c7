import type { Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';
import { backslashScalars } from './backslash';

export const doubleQuotedBadEscape: Rule = {
  id: 'E0017',
  name: 'double-quoted-bad-escape',
  severity: 'error',
  platforms: ALL_PLATFORMS,
  reads: 'text',
  title: 'A double-quoted YAML string holds an escape YAML does not know',
  doc:
    'Inside double quotes YAML reads `\\` as the start of an escape, and only a fixed set exists (`\\n`, `\\t`, `\\\\`, ' +
    '`\\"`, `\\x41`, …). Any other, such as the `\\d` of `"C:\\deploy"`, is a syntax error ("found unknown escape ' +
    'character"): both agents fail to parse the AppSpec. Windows paths belong in plain or single-quoted scalars, ' +
    "which keep backslashes (quick fix: `'C:\\deploy'`).",
  check: (doc) =>
    backslashScalars(doc)
      .filter((s) => s.unknown)
      .map((s) => ({
        ruleId: 'E0017',
        message: `\`${s.unknown}\` is not a valid escape inside double quotes, so the AppSpec fails to parse. Use single quotes or no quotes for paths with backslashes.`,
        range: s.range,
        fixes: s.singleQuoted ? [s.singleQuoted] : undefined,
      })),
};
