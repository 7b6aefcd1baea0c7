import type { Rule } from '../../types';
import { docStartRange } from './util';
import { emptyResources } from '../ecs-lambda/E8013-resources-empty';

export const platformUnknown: Rule = {
  id: 'I1006',
  name: 'platform-unknown',
  severity: 'info',
  platforms: ['unknown'],
  reads: 'tree',
  title: 'The platform (EC2/On-Premises, ECS or Lambda) could not be told',
  doc:
    'Platform-specific checks, completion and hover need to know whether the AppSpec is for EC2/On-Premises (it has `os`, `files`, ' +
    '`permissions` or `hooks` with script lists), Amazon ECS (a `Resources` item with `Type: AWS::ECS::Service`) or AWS Lambda ' +
    '(`Type: AWS::Lambda::Function`). The message says what was found. Add the key that identifies the platform. (An ' +
    'empty `Resources` is E8013.)',
  check(doc) {
    if (doc.skipped || !doc.root || doc.root.items.length === 0) return [];
    if (emptyResources(doc)) return []; // E8013 says what is missing
    return [{ ruleId: 'I1006', message: doc.platform.reason, range: docStartRange(doc) }];
  },
};
