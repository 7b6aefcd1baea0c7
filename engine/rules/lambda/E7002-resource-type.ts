import type { Rule } from '../../types';
import { resourceTypeFindings } from '../ecs-lambda/shapes';

/** Check 87: `Type` missing or not `AWS::Lambda::Function`. */
export const lambdaResourceType: Rule = {
  id: 'E7002',
  name: 'lambda-resource-type',
  severity: 'error',
  platforms: ['lambda'],
  reads: 'tree',
  title: 'Lambda resource Type must be AWS::Lambda::Function',
  doc:
    'The resource of an AWS Lambda AppSpec needs `Type: AWS::Lambda::Function`. A missing type, an ECS type in a Lambda ' +
    'file or a misspelling (values are case-sensitive, keys are not) fails the deployment. Fix: set ' +
    '`Type: AWS::Lambda::Function` (quick fix available).',
  check: (doc) => resourceTypeFindings(doc, 'E7002', 'lambda'),
};
