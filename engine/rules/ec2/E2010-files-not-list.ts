import type { Rule } from '../../types';
import { listSectionShape } from './sectionShape';

export const filesNotList: Rule = {
  id: 'E2010',
  name: 'files-not-list',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`files` must be a list of `source`/`destination` mappings',
  doc:
    '`files` is a list; each item is a mapping with `source` and `destination`. A mapping or scalar in its place makes ' +
    'agent v1 crash and agent v2 report a type error, so the deployment fails. An explicit null (`files: ~`) is ' +
    'accepted by v1 but rejected by v2: W2023; an empty value (`files:`) is fine. Fix by ' +
    'writing each entry as `- source: … / destination: …`.',
  check(doc) {
    return listSectionShape(doc, 'files', 'E2010', '`- source: /` with `destination: /var/www/app`');
  },
};
