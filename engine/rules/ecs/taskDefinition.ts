/**
 * What a `TaskDefinition` value is, when it is not a well-formed task definition ARN: shared by W6005 (likely
 * mistakes), E6017 (a task definition ARN with a broken field) and I6018 (an upper-case placeholder).
 */
import type { AppSpecDocument, Range } from '../../types';
import { hasPlaceholder, scalarString } from '../../ast';
import { allProperties, pairCI, show, valueOf } from '../ecs-lambda/model';

export type TaskDefinitionProblem =
  | { kind: 'malformed-arn'; message: string }
  | { kind: 'placeholder'; message: string }
  | { kind: 'likely-mistake'; message: string };

const PARTITION = /^aws(?:-[a-z]+)*$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const ACCOUNT = /^\d{12}$/;
const FAMILY = /^[A-Za-z0-9_-]{1,255}$/;
const FORM = '`arn:aws:ecs:<region>:<12-digit account>:task-definition/<family>:<revision>`';
/** `TASK_DEFINITION_ARN_PLACEHOLDER`-style tokens that a build script replaces with sed. */
const UPPER_TOKEN = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** The broken fields of an ARN that names a task definition (`…:task-definition/…`), or undefined when it is fine. */
function brokenFields(value: string, at: number): string[] | undefined {
  const fields = value.slice(0, at).split(':');
  const resource = value.slice(at + 'task-definition/'.length);
  const [family, revision, ...more] = resource.split(':');
  const broken: string[] = [];
  if (fields.length !== 6 || fields[5] !== '') {
    broken.push(
      `it has ${fields.length - 1} colon-separated field${fields.length === 2 ? '' : 's'} before \`task-definition/\` where an ARN has five (\`arn:<partition>:ecs:<region>:<account>:\`)`,
    );
  } else {
    const [, partition, service, region, account] = fields;
    if (!PARTITION.test(partition))
      broken.push(partition ? `the partition \`${partition}\` is not \`aws\`` : 'the partition is empty');
    if (service !== 'ecs')
      broken.push(service ? `the service is \`${service}\`, not \`ecs\`` : 'the service field is empty');
    if (!REGION.test(region)) broken.push(region ? `\`${region}\` is not a region` : 'the region field is empty');
    if (!ACCOUNT.test(account))
      broken.push(account ? `the account \`${account}\` is not 12 digits` : 'the account field is empty');
  }
  if (!FAMILY.test(family ?? ''))
    broken.push(family ? `the family \`${family}\` holds characters a family cannot` : 'the family is empty');
  if (revision !== undefined && !/^[1-9]\d*$/.test(revision))
    broken.push(`the revision \`${revision}\` is not a positive number`);
  if (more.length) broken.push('it has text after the revision');
  return broken.length ? broken : undefined;
}

/** Why `value` is not a well-formed task definition ARN (with a revision), or undefined when it is one. */
export function taskDefinitionProblem(value: string): TaskDefinitionProblem | undefined {
  const v = show(value);
  const at = value.indexOf('task-definition/');
  if (value.startsWith('arn:') && at >= 0) {
    const broken = brokenFields(value, at);
    if (broken)
      return {
        kind: 'malformed-arn',
        message: `TaskDefinition ${v} is a task definition ARN with a broken field: ${broken.join('; ')}. CodeDeploy cannot find the task definition; write ${FORM}.`,
      };
    if (!/:[1-9]\d*$/.test(value.slice(at)))
      return {
        kind: 'likely-mistake',
        message: `TaskDefinition ${v} has no revision; CodeDeploy documents the ARN with \`:<revision>\` at the end.`,
      };
    return undefined;
  }
  if (value.startsWith('arn:')) {
    const parts = value.split(':');
    const service = parts[2] ?? '';
    const resource = (parts[5] ?? '').split('/')[0];
    const what = service
      ? `the ARN of ${resource ? `a \`${resource}\` in \`${service}\`` : `something in \`${service}\``}`
      : 'an ARN of something else';
    return {
      kind: 'likely-mistake',
      message: `TaskDefinition ${v} is ${what}, not of an ECS task definition (${FORM}).`,
    };
  }
  if (UPPER_TOKEN.test(value)) {
    return {
      kind: 'placeholder',
      message: `TaskDefinition ${v} looks like a placeholder that a script replaces; the file CodeDeploy receives must hold the task definition ARN.`,
    };
  }
  if (/\.(json|ya?ml)$/i.test(value) || value.includes('/')) {
    return {
      kind: 'likely-mistake',
      message: `TaskDefinition ${v} looks like a file path; CodeDeploy needs the registered task definition's ARN (in CodePipeline write \`<TASK_DEFINITION>\` and let the action fill it in).`,
    };
  }
  if (/^[A-Za-z0-9_-]{1,255}:\d+$/.test(value)) {
    return {
      kind: 'likely-mistake',
      message: `TaskDefinition ${v} is \`family:revision\`; CodeDeploy documents the full ARN (\`arn:aws:ecs:<region>:<account>:task-definition/${value}\`).`,
    };
  }
  if (/^[A-Za-z0-9_-]{1,255}$/.test(value)) {
    return {
      kind: 'likely-mistake',
      message: `TaskDefinition ${v} is a bare family name; CodeDeploy documents the full ARN with a revision (\`arn:aws:ecs:<region>:<account>:task-definition/${value}:<revision>\`).`,
    };
  }
  return { kind: 'likely-mistake', message: `TaskDefinition ${v} is not a task definition ARN (${FORM}).` };
}

/** Every filled-in `TaskDefinition` value of the document with its problem of the given kind. */
export function taskDefinitionFindings(
  doc: AppSpecDocument,
  kind: TaskDefinitionProblem['kind'],
): { range: Range; message: string }[] {
  const out: { range: Range; message: string }[] = [];
  for (const props of allProperties(doc)) {
    const node = valueOf(pairCI(props, 'TaskDefinition'));
    if (!node || hasPlaceholder(node)) continue;
    const value = scalarString(node);
    if (value === undefined || value.trim() === '') continue;
    const p = taskDefinitionProblem(value.trim());
    if (p?.kind === kind) out.push({ range: doc.rangeOf(node), message: p.message });
  }
  return out;
}
