import type { Finding, Fix, Rule } from '../../types';
import { findPair, isMap } from '../../ast';
import { finding, permissionEntries, renameKey, unnecessary } from './util';

export const permissionContextUser: Rule = {
  id: 'W3017',
  name: 'permission-context-user',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`context.user` is not read; the agents read `context.name`',
  doc:
    'The CodeDeploy docs name the SELinux user key `user`, but both agents read the user from `name`; a `user:` key ' +
    'is ignored and no SELinux user is set. Rename `user` to `name`.',
  check(doc) {
    const out: Finding[] = [];
    for (const entry of permissionEntries(doc)) {
      const ctxNode = findPair(entry.map, 'context')?.value;
      if (!isMap(ctxNode)) continue;
      const user = findPair(ctxNode, 'user');
      if (!user) continue;
      const fixes: Fix[] = findPair(ctxNode, 'name')
        ? []
        : [{ title: 'Rename `user` to `name`', edits: [renameKey(doc, user, 'name')], isPreferred: true }];
      out.push(
        finding(
          'W3017',
          '`context.user` is ignored: both agents read the SELinux user from `name` (the docs say `user`). Rename it to `name`.',
          doc.keyRangeOf(user),
          { fixes },
        ),
      );
    }
    return out.map(unnecessary);
  },
};
