import type { Rule } from '../../types';
import { findPair, isSeq } from '../../ast';
import { finding, osOf } from './util';

export const permissionsOnWindows: Rule = {
  id: 'E3001',
  name: 'permissions-on-windows',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`permissions` with `os: windows`',
  doc:
    '`permissions` applies only to Linux instances. A non-empty `permissions` list together with `os: windows` fails ' +
    'the deployment at parse time ("specifies file permissions, but the deployment is targeting one or more Windows ' +
    'Server instances"). Remove the section (an empty list is accepted) and set ACLs from a hook script instead.',
  check(doc) {
    if (osOf(doc) !== 'windows') return [];
    const pair = findPair(doc.root, 'permissions');
    if (!pair || !isSeq(pair.value) || pair.value.items.length === 0) return [];
    return [
      finding(
        'E3001',
        '`permissions` is supported only on Linux; with `os: windows` the deployment fails. Remove the section and set file permissions from a hook script.',
        doc.keyRangeOf(pair),
      ),
    ];
  },
};
