import type { Rule } from '../../types';
import { listSectionShape } from './sectionShape';

export const permissionsNotList: Rule = {
  id: 'E3002',
  name: 'permissions-not-list',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`permissions` must be a list of mappings',
  doc:
    '`permissions` is a list; each item is a mapping with at least `object`. A mapping or scalar in its place makes ' +
    'agent v1 crash and agent v2 report a type error. An explicit null (`permissions: ~`) is accepted by v1 but ' +
    'rejected by v2: W2023; an empty value is fine. Write each entry as `- object: /path`.',
  check(doc) {
    return listSectionShape(doc, 'permissions', 'E3002', '`- object: /var/www/app`');
  },
};
