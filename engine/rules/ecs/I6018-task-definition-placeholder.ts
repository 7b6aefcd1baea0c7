import type { Rule } from '../../types';
import { taskDefinitionFindings } from './taskDefinition';

/** Check 72, template case: an upper-case token that a build script replaces. */
export const ecsTaskDefinitionPlaceholder: Rule = {
  id: 'I6018',
  name: 'ecs-task-definition-placeholder',
  severity: 'info',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'TaskDefinition is an upper-case placeholder',
  doc:
    'A `TaskDefinition` such as `TASK_DEFINITION_ARN_PLACEHOLDER` is a token that a build step replaces (often with ' +
    '`sed`) before the AppSpec reaches CodeDeploy, so it is noted as information, not flagged. If nothing replaces ' +
    'it, the deployment fails: the file CodeDeploy receives must hold the task definition ARN.',
  check: (doc) => taskDefinitionFindings(doc, 'placeholder').map((f) => ({ ruleId: 'I6018', ...f })),
};
