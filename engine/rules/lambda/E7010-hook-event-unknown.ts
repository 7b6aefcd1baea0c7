import type { Rule } from '../../types';
import { hookEventFindings } from '../ecs-lambda/shapes';

/** Check 94 (events): Lambda hooks are BeforeAllowTraffic and AfterAllowTraffic only. */
export const lambdaHookEventUnknown: Rule = {
  id: 'E7010',
  name: 'lambda-hook-event-unknown',
  severity: 'error',
  platforms: ['lambda'],
  reads: 'tree',
  title: 'Lambda hook must be BeforeAllowTraffic or AfterAllowTraffic',
  doc:
    'An AWS Lambda deployment has two events that can run a validation function: `BeforeAllowTraffic` (before traffic ' +
    'shifts to the new version) and `AfterAllowTraffic` (after all traffic has shifted). Names are case-sensitive. ECS ' +
    'events such as `BeforeInstall`, EC2 events such as `ValidateService` and the events CodeDeploy runs itself ' +
    '(`Start`, `AllowTraffic`, `End`) are rejected. Fix: rename the event; the quick fix corrects case mistakes and ' +
    'typos and offers the closest Lambda event for ECS and EC2 names.',
  check: (doc) => hookEventFindings(doc, 'E7010', 'lambda'),
};
