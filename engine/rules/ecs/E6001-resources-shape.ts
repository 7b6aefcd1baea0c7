import type { Rule } from '../../types';
import { resourcesShapeFindings } from '../ecs-lambda/shapes';

/** Check 68: `Resources` missing, not a list, empty, or with more than one service. */
export const ecsResourcesShape: Rule = {
  id: 'E6001',
  name: 'ecs-resources-shape',
  severity: 'error',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'ECS AppSpec must have a Resources list with exactly one TargetService',
  doc:
    'An Amazon ECS AppSpec names the service to update in `Resources`: a list with exactly one entry, ' +
    '`- TargetService:` holding `Type` and `Properties`. A deployment group is tied to one ECS service, so ' +
    'a missing or empty `Resources`, a mapping instead of a list, a second entry, or `Type`/`Properties` ' +
    'that are not indented under the resource name make the deployment fail. Fix: keep one list item and ' +
    'indent `Type` and `Properties` under `TargetService`.',
  check: (doc) => resourcesShapeFindings(doc, 'E6001', 'ecs'),
};
