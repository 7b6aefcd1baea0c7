import type { Rule } from '../../types';
import { taskDefinitionFindings } from './taskDefinition';

/** Check 72, the certain part: an ARN that names a task definition but cannot resolve. */
export const ecsTaskDefinitionArnMalformed: Rule = {
  id: 'E6017',
  name: 'ecs-task-definition-arn-malformed',
  severity: 'error',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'TaskDefinition is a task definition ARN with a broken field',
  doc:
    'The value is meant as a task definition ARN (it holds `task-definition/`), but one of its fields is broken: an ' +
    'empty account (`arn:aws:ecs:us-east-1::task-definition/web:3`, common when a template variable expanded to ' +
    'nothing), a missing region, an account that is not 12 digits, a wrong service, or a revision that is not a ' +
    'number. No task definition has such an ARN, so CodeDeploy cannot create the replacement task set and the ' +
    'deployment fails. Fix the field the message names; the form is ' +
    '`arn:aws:ecs:<region>:<12-digit account>:task-definition/<family>:<revision>`.',
  check: (doc) => taskDefinitionFindings(doc, 'malformed-arn').map((f) => ({ ruleId: 'E6017', ...f })),
};
