import type { Finding, Rule } from '../../types';
import { checkAcl } from './aclGrammar';
import { aclItems, finding, permissionEntries } from './util';

export const permissionAclVersionSpecific: Rule = {
  id: 'W3015',
  name: 'permission-acl-one-agent-only',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'ACL entry accepted by only one agent generation',
  doc:
    'Agent v1 accepts short ACL forms that agent v2 rejects (`bob:6`, `m:7`, `d:bob:rwx` without a type), and agent ' +
    'v2 accepts a non-default `o::r` that v1 rejects. A fleet with both generations, or an upgrade, then fails. Write ' +
    'the portable form: `u:bob:6`, `m::7`, `d:u:bob:rwx`, and set the base `other` entry with `mode`.',
  check(doc) {
    const out: Finding[] = [];
    for (const entry of permissionEntries(doc)) {
      for (const { item, text } of aclItems(entry)) {
        const verdict = checkAcl(text);
        if (verdict.kind === 'v1-only' || verdict.kind === 'v2-only')
          out.push(finding('W3015', `ACL entry \`${text}\`: ${verdict.reason}.`, doc.rangeOf(item)));
      }
    }
    return out;
  },
};
