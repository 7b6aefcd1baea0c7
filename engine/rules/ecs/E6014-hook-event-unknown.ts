import type { Rule } from '../../types';
import { hookEventFindings } from '../ecs-lambda/shapes';

/** Check 80: ECS hook events are the five scriptable ones, with "did you mean". */
export const ecsHookEventUnknown: Rule = {
  id: 'E6014',
  name: 'ecs-hook-event-unknown',
  severity: 'error',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'ECS hook must be one of the five ECS lifecycle events',
  doc:
    'Hooks of an Amazon ECS deployment can run a Lambda function at exactly five lifecycle events: `BeforeInstall`, ' +
    '`AfterInstall`, `AfterAllowTestTraffic`, `BeforeAllowTraffic` and `AfterAllowTraffic` (names are case-sensitive). ' +
    'EC2/On-Premises events such as `ApplicationStart` or `ValidateService` and the events CodeDeploy runs itself ' +
    '(`Install`, `AllowTraffic`, …) cannot carry a hook, so the deployment is rejected. Fix: rename the event; the ' +
    'quick fix corrects case mistakes and typos, and offers the closest ECS event for EC2 names.',
  check: (doc) => hookEventFindings(doc, 'E6014', 'ecs'),
};
