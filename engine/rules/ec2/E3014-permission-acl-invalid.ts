import type { Finding, Rule } from '../../types';
import { checkAcl } from './aclGrammar';
import { aclItems, finding, permissionEntries } from './util';

export const permissionAclInvalid: Rule = {
  id: 'E3014',
  name: 'permission-acl-invalid',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'ACL entry outside the `setfacl` grammar the agents accept',
  doc:
    'Each `acls` item is one `setfacl` entry: `[d:|default:]u|g:name:perms`, `[d:]m::perms`, or a default base entry ' +
    'such as `d:o::r`; perms are one octal digit or letters from `rwx-`. Wrong part counts, unknown types, a name on ' +
    '`m`/`o`, non-default unnamed `u::`/`g::` entries (use `mode`) and other permission characters fail the ' +
    'deployment. Forms accepted by only one agent generation are reported by W3015.',
  check(doc) {
    const out: Finding[] = [];
    for (const entry of permissionEntries(doc)) {
      for (const { item, text } of aclItems(entry)) {
        const verdict = checkAcl(text);
        if (verdict.kind === 'invalid')
          out.push(finding('E3014', `Invalid ACL entry \`${text}\`: ${verdict.reason}.`, doc.rangeOf(item)));
      }
    }
    return out;
  },
};
