import type { Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';
import { backslashScalars } from './backslash';

export const doubleQuotedBackslash: Rule = {
  id: 'W0006',
  name: 'double-quoted-backslash',
  severity: 'warning',
  platforms: ALL_PLATFORMS,
  reads: 'text',
  title: 'A double-quoted YAML string contains backslashes',
  doc:
    'Inside double quotes YAML treats `\\` as an escape: `"C:\\temp\\new"` holds a tab and a line break, so a Windows ' +
    'path written that way is not the path you meant. Windows paths belong in plain or single-quoted scalars, which ' +
    "keep backslashes: `destination: C:\\inetpub\\wwwroot` or `'C:\\inetpub\\wwwroot'`. An escape YAML does not know " +
    '(`\\d`) makes the file fail to parse: E0017.',
  check: (doc) =>
    backslashScalars(doc)
      .filter((s) => !s.unknown)
      .map((s) => ({
        ruleId: 'W0006',
        message:
          'Backslashes inside double quotes are escapes (`\\t` is a tab, `\\n` a line break). Use single quotes or no quotes for Windows paths.',
        range: s.range,
        fixes: s.singleQuoted ? [s.singleQuoted] : undefined,
      })),
};
