import type { Finding, Rule } from '../../types';
import { findPair, isMap } from '../../ast';
import { finding, permissionEntries, unnecessary } from './util';

export const permissionContextRole: Rule = {
  id: 'I3025',
  name: 'permission-context-role',
  severity: 'info',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`context.role` is not read (the SELinux role is never set)',
  doc:
    'The AppSpec reference lists `role` in an SELinux `context`, but both agents read only `name`, `type` and ' +
    '`range` there (agent v1 `context_info.rb`, agent v2 `parse.rs`), so the role is never applied. Nothing fails ' +
    'because of it, hence information. Remove the key, or set the role another way (for example `semanage` in a ' +
    'hook script).',
  check(doc) {
    const out: Finding[] = [];
    for (const entry of permissionEntries(doc)) {
      const ctx = findPair(entry.map, 'context')?.value;
      if (!isMap(ctx)) continue;
      const role = findPair(ctx, 'role');
      if (!role) continue;
      out.push(
        unnecessary(
          finding(
            'I3025',
            '`context.role` is not read by the agent (the SELinux role is never set); remove it.',
            doc.keyRangeOf(role),
          ),
        ),
      );
    }
    return out;
  },
};
