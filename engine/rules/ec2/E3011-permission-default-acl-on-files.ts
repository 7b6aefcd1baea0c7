import type { Finding, Rule } from '../../types';
import { findPair } from '../../ast';
import { checkAcl } from './aclGrammar';
import { aclItems, finding, isNullish, permissionEntries } from './util';

export const permissionDefaultAclOnFiles: Rule = {
  id: 'E3011',
  name: 'permission-default-acl-on-files',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Default ACL entry (`d:`) on an entry that also matches files',
  doc:
    "Default ACL entries (`d:…` / `default:…`) can only be set on folders. When the entry's `type` includes `file` " +
    '(explicitly, or by leaving `type` out, which means both) and `pattern` is the default `**`, installed files match ' +
    'and the deployment fails with "the -d parameter … is supported for directories only". Add `type: [directory]` ' +
    '(in a separate entry if files need other settings).',
  check(doc) {
    const out: Finding[] = [];
    for (const entry of permissionEntries(doc)) {
      if (entry.pattern !== '**') continue;
      if (entry.types !== undefined && !entry.types.includes('file')) continue;
      const typePair = findPair(entry.map, 'type');
      if (entry.types === undefined && typePair && !isNullish(typePair.value)) continue;
      for (const { item, text } of aclItems(entry)) {
        const verdict = checkAcl(text);
        if (verdict.kind === 'invalid' || !verdict.isDefault) continue;
        out.push(
          finding(
            'E3011',
            `Default ACL entry \`${text}\` applies to folders only, but this entry's \`type\` ${entry.types ? 'includes `file`' : 'is not set (files and folders)'}; the deployment fails with "the -d parameter … supported for directories only". Use \`type: [directory]\`.`,
            doc.rangeOf(item),
          ),
        );
      }
    }
    return out;
  },
};
