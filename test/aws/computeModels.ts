/**
 * The judge for the local endpoint's simulated Lambda, ECS and ELBv2 answers: botocore's published
 * service models (Debian's python3-botocore, the files the AWS CLI and boto3 use), walked by the one
 * validator of test/model (judge11's `checkValue`). The judge proxy in front of every harness endpoint
 * already checks the ECS (JSON 1.1) exchanges; this adds what a JSON 1.1 judge cannot see: Lambda's
 * REST-JSON bodies and error headers, and ELBv2's answers as the SDK parsed them.
 */
import * as path from 'node:path';
import { COMMON_ERRORS } from '../model/exceptions';
import { botocoreDir, loadBotocoreModel, type ServiceModel } from '../model/serviceModel';
import { checkValue, type Issue } from '../model/validate';

export type { Issue } from '../model/validate';

const DIRS = { lambda: 'lambda/2015-03-31', ecs: 'ecs/2014-11-13', elbv2: 'elbv2/2015-12-01' } as const;

export function loadModel(service: keyof typeof DIRS): ServiceModel {
  return loadBotocoreModel(path.join(botocoreDir(), 'data', DIRS[service], 'service-2.json'));
}

/** Adds the issues of `value` against shape `name` to `out` (an answer: the response direction). */
export function checkShape(model: ServiceModel, name: string, value: unknown, at: string, out: Issue[]): void {
  checkValue(model, name, value, at, 'response', out);
}

/** The issues of an operation's successful answer body. */
export function checkOutput(model: ServiceModel, operation: string, body: unknown): Issue[] {
  const out: Issue[] = [];
  const shape = model.operations[operation]?.output?.shape;
  if (!shape)
    out.push({ path: operation, problem: 'the operation has no output in the model', expected: 'an operation' });
  else checkShape(model, shape, body, operation, out);
  return out;
}

/**
 * The issues of a REST-JSON error answer: the type (from `x-amzn-errortype`) is one the operation lists
 * or a common AWS error, with the HTTP status the model gives it, and the body fits the error shape.
 */
export function checkError(
  model: ServiceModel,
  operation: string,
  type: string,
  status: number,
  body: unknown,
): Issue[] {
  const out: Issue[] = [];
  const listed = (model.operations[operation]?.errors ?? []).map((e) => e.shape);
  const common = COMMON_ERRORS.map((c) => c.type);
  if (!listed.includes(type) && !common.includes(type))
    out.push({ path: operation, problem: `answers ${type}`, expected: `one of ${[...listed, ...common].join(', ')}` });
  const shape = model.shapes[type] as { error?: { httpStatusCode?: number } } | undefined;
  if (shape?.error?.httpStatusCode && shape.error.httpStatusCode !== status)
    out.push({
      path: `${operation} ${type}`,
      problem: `HTTP ${status}`,
      expected: `HTTP ${shape.error.httpStatusCode}`,
    });
  if (shape) checkShape(model, type, body, `${operation} ${type}`, out);
  return out;
}

export function formatIssues(issues: Issue[]): string {
  return issues.map((i) => `${i.path}: ${i.problem} (expected ${i.expected})`).join('\n');
}
