import type { Rule } from '../../types';
import { resourcesShapeFindings } from '../ecs-lambda/shapes';

/** Check 86: `Resources` missing, not a list, empty, or with more than one function. */
export const lambdaResourcesShape: Rule = {
  id: 'E7001',
  name: 'lambda-resources-shape',
  severity: 'error',
  platforms: ['lambda'],
  reads: 'tree',
  title: 'Lambda AppSpec must have a Resources list with exactly one function',
  doc:
    'An AWS Lambda AppSpec deploys one function version: `Resources` must be a list with exactly one entry, ' +
    '`- <name>:` holding `Type` and `Properties`. A missing or empty `Resources`, a mapping instead of a list, ' +
    'a second function, or `Type`/`Properties` not indented under the resource name make the deployment fail. ' +
    'Fix: keep one list item and indent `Type` and `Properties` under its name.',
  check: (doc) => resourcesShapeFindings(doc, 'E7001', 'lambda'),
};
