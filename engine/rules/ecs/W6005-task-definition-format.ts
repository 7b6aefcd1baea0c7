import type { Finding, Rule, Severity } from '../../types';
import { hasPlaceholder, scalarString } from '../../ast';
import type { Node } from '../../ast';
import { allProperties, pairCI, show, valueOf } from '../ecs-lambda/model';

const TASK_DEF_ARN = /^arn:aws[a-zA-Z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:\d+$/;
const TASK_DEF_ARN_NO_REVISION = /^arn:aws[a-zA-Z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}$/;
/** `TASK_DEFINITION_ARN_PLACEHOLDER`-style tokens that a build script replaces with sed. */
const UPPER_TOKEN = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** Why `value` is not a task-definition ARN, and how sure we are. */
function problem(value: string): { message: string; severity?: Severity } | undefined {
  if (TASK_DEF_ARN.test(value)) return undefined;
  const v = show(value);
  if (TASK_DEF_ARN_NO_REVISION.test(value)) {
    return {
      message: `TaskDefinition ${v} has no revision; CodeDeploy documents the ARN with \`:<revision>\` at the end.`,
    };
  }
  if (value.startsWith('arn:')) {
    const parts = value.split(':');
    const service = parts[2] ?? '';
    const resource = (parts[5] ?? '').split('/')[0];
    if (service !== 'ecs' || resource !== 'task-definition') {
      return {
        message: `TaskDefinition ${v} is an ARN of ${service ? `the \`${service}\` service` : 'another service'}${resource ? ` (a \`${resource}\`)` : ''}, not of an ECS task definition (\`arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>\`).`,
      };
    }
    return {
      message: `TaskDefinition ${v} is not a well-formed task definition ARN (\`arn:aws:ecs:<region>:<12-digit account>:task-definition/<family>:<revision>\`).`,
    };
  }
  if (UPPER_TOKEN.test(value)) {
    return {
      severity: 'info',
      message: `TaskDefinition ${v} looks like a placeholder that a script replaces; the file CodeDeploy receives must hold the task definition ARN.`,
    };
  }
  if (/\.(json|ya?ml)$/i.test(value) || value.includes('/')) {
    return {
      message: `TaskDefinition ${v} looks like a file path; CodeDeploy needs the registered task definition's ARN (in CodePipeline write \`<TASK_DEFINITION>\` and let the action fill it in).`,
    };
  }
  if (/^[A-Za-z0-9_-]{1,255}:\d+$/.test(value)) {
    return {
      message: `TaskDefinition ${v} is \`family:revision\`; CodeDeploy documents the full ARN (\`arn:aws:ecs:<region>:<account>:task-definition/${value}\`).`,
    };
  }
  if (/^[A-Za-z0-9_-]{1,255}$/.test(value)) {
    return {
      message: `TaskDefinition ${v} is a bare family name; CodeDeploy documents the full ARN with a revision (\`arn:aws:ecs:<region>:<account>:task-definition/${value}:<revision>\`).`,
    };
  }
  return {
    message: `TaskDefinition ${v} is not a task definition ARN (\`arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>\`).`,
  };
}

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
    'A family name, `family:revision`, a file name such as `taskdef.json` or an ARN of another resource (an IAM role) ' +
    'is a likely mistake; whether the service resolves a bare family name is not documented, hence a warning rather ' +
    'than an error. Pipeline placeholders (`<TASK_DEFINITION>`, `${VAR}`, `{{VAR}}`) are never reported, and an ' +
    'upper-case token such as `TASK_DEF_ARN_PLACEHOLDER` is reported only as information. Fix: register the task ' +
    'definition and paste its ARN, or use `<TASK_DEFINITION>` with the CodePipeline ECS blue/green action.',
  check(doc) {
    const out: Finding[] = [];
    for (const props of allProperties(doc)) {
      const node = valueOf(pairCI(props, 'TaskDefinition'));
      if (!node || hasPlaceholder(node)) continue;
      const value = scalarString(node);
      if (value === undefined || value.trim() === '') continue;
      const p = problem(value.trim());
      if (p) out.push({ ruleId: 'W6005', range: doc.rangeOf(node as Node), message: p.message, severity: p.severity });
    }
    return out;
  },
};
