import type { Finding, Rule } from '../../types';
import { finding, permissionEntries, valueRange } from './util';

export const permissionObjectGlob: Rule = {
  id: 'W3023',
  name: 'permission-object-glob',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`permissions` object holds a wildcard, which the agent does not expand',
  doc:
    '`object` is one literal path. Agent v1 (`installer.rb`, `generate_instructions`) applies an entry only when ' +
    '`object` is exactly a file the deployment copies or a directory it creates (or one that exists), and ' +
    'otherwise skips the entry silently; a wildcard such as `/var/www/**/*` is never expanded, so the permissions ' +
    'are set on nothing and the deployment succeeds without them. Agent v2 (`src/installer/core.rs`, ' +
    '`process_permission`) matches `object` the same way. Wildcards ' +
    'belong in `pattern` (and `except`), below a directory `object`: write `object: /var/www` with ' +
    '`pattern: "**"` (every file and folder under it) or `pattern: "*.sh"`.',
  check(doc) {
    const out: Finding[] = [];
    for (const entry of permissionEntries(doc)) {
      if (entry.object === undefined || !/[*?]/.test(entry.object)) continue;
      const literal = entry.object.split(/[*?]/)[0].replace(/\/[^/]*$/, '') || '/';
      out.push(
        finding(
          'W3023',
          `\`object: ${entry.object}\` holds a wildcard, but the agent reads \`object\` as one literal path, so this entry applies to nothing. Use \`object: ${literal}\` and put the wildcard in \`pattern\` (e.g. \`pattern: "**"\`).`,
          valueRange(doc, entry.objectPair),
        ),
      );
    }
    return out;
  },
};
