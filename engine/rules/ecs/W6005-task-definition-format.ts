import type { Rule } from '../../types';
import { taskDefinitionFindings } from './taskDefinition';

/** Check 72: TaskDefinition should be a task-definition ARN; placeholders are fine. */
export const ecsTaskDefinitionFormat: Rule = {
  id: 'W6005',
  name: 'ecs-task-definition-format',
  severity: 'warning',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'TaskDefinition should be a task definition ARN',
  doc:
    'CodeDeploy documents `TaskDefinition` as the full ARN `arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>`. ' +
    'A family name, `family:revision`, an ARN without its revision, a file name such as `taskdef.json` or an ARN of ' +
    'another resource (an IAM role) is a likely mistake; whether the service resolves a bare family name is not ' +
    'documented, hence a warning rather than an error. A task definition ARN with a broken field (an empty account) ' +
    'is E6017; an upper-case token such as `TASK_DEF_ARN_PLACEHOLDER` is I6018; pipeline placeholders ' +
    '(`<TASK_DEFINITION>`, `${VAR}`, `{{VAR}}`, `[YOUR_TASK_DEFINITION_ARN]`) are never reported. Fix: register the ' +
    'task definition and paste its ARN, or use `<TASK_DEFINITION>` with the CodePipeline ECS blue/green action.',
  check: (doc) => taskDefinitionFindings(doc, 'likely-mistake').map((f) => ({ ruleId: 'W6005', ...f })),
};
