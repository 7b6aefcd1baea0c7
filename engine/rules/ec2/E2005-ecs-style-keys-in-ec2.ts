import type { Fix, Rule } from '../../types';
import { findPair, isMap } from '../../ast';
import { finding, renameKey } from './util';

export const ecsStyleKeys: Rule = {
  id: 'E2005',
  name: 'ecs-style-keys-in-ec2',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'PascalCase `Hooks` in an EC2/On-Premises AppSpec',
  doc:
    '`Resources` and `Hooks` (PascalCase) belong to ECS and Lambda AppSpecs. The EC2/On-Premises agent reads only ' +
    'lowercase `hooks`, a mapping from lifecycle event to a list of scripts, so a `Hooks:` section in an EC2 file is ' +
    'never run. Rename `Hooks` to `hooks` (keeping the mapping form), or, if this is really an ECS/Lambda AppSpec, ' +
    'remove the EC2 keys (`os`, `files`, `permissions`). A `Resources` section next to EC2 keys is reported by E1005.',
  check(doc) {
    const out = [];
    const hooksPair = findPair(doc.root, 'Hooks');
    if (hooksPair) {
      const fixes: Fix[] = [];
      if (!findPair(doc.root, 'hooks') && isMap(hooksPair.value)) {
        fixes.push({
          title: 'Rename `Hooks` to `hooks`',
          edits: [renameKey(doc, hooksPair, 'hooks')],
          isPreferred: true,
        });
      }
      out.push(
        finding(
          'E2005',
          '`Hooks` (PascalCase) is the ECS/Lambda form; the EC2/On-Premises agent reads only `hooks` (a mapping of event name to a list of `location` scripts), so these scripts never run.',
          doc.keyRangeOf(hooksPair),
          { fixes },
        ),
      );
    }
    return out;
  },
};
