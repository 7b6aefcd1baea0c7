import type { Rule } from '../../types';
import { resourceTypeFindings } from '../ecs-lambda/shapes';

/** Check 70: `Type` missing or not `AWS::ECS::Service`. */
export const ecsResourceType: Rule = {
  id: 'E6003',
  name: 'ecs-resource-type',
  severity: 'error',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'ECS resource Type must be AWS::ECS::Service',
  doc:
    'The `TargetService` resource of an Amazon ECS AppSpec needs `Type: AWS::ECS::Service`. CodeDeploy uses the ' +
    'type to know what it deploys; a missing type, a Lambda type in an ECS file, or a misspelling fails the ' +
    'deployment. Values are case-sensitive even though keys are not. Fix: set `Type: AWS::ECS::Service` ' +
    '(quick fix available).',
  check: (doc) => resourceTypeFindings(doc, 'E6003', 'ecs'),
};
