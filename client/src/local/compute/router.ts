/**
 * Routes the Lambda, ECS and ELB requests that share the local endpoint's port with CodeDeploy, by
 * protocol: `/2015-03-31/functions…` is Lambda (REST-JSON), a POST with an `X-Amz-Target` of
 * `AmazonEC2ContainerServiceV20141113.*` is ECS (JSON 1.1), a form-encoded POST without a target is
 * Elastic Load Balancing (query). Anything else is left to the CodeDeploy layer. The caller has
 * already checked the request's credentials.
 */
import type * as http from 'node:http';
import { ServiceError } from '../errors';
import type { Json } from '../types';
import type { AccessPolicy } from './access';
import { ecsOperations, ECS_TARGET_PREFIX } from './ecsApi';
import { elbRequest } from './elbApi';
import { LAMBDA_PREFIX, lambdaRequest } from './lambdaApi';
import type { ComputeResources } from './resources';

/** ECS and ELB requests of the account checks are a few hundred bytes. */
export const MAX_COMPUTE_BODY_BYTES = 64 * 1024;

export interface ComputeEndpoint {
  resources: ComputeResources;
  policy: AccessPolicy;
  /** Advances deployments to now (and saves), so reads see their effect. */
  sync(): void;
}

let seq = 0;
const requestId = () => `local-${process.pid}-c${++seq}`;

function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_COMPUTE_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_COMPUTE_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, type: string, errorType?: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': requestId(),
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  res.end(text);
}

/** Which of the simulated services a request is for, from its path and headers alone. */
export function computeServiceOf(req: http.IncomingMessage): 'lambda' | 'ecs' | 'elb' | undefined {
  const url = req.url ?? '/';
  const path = url.split('?')[0];
  if (path === LAMBDA_PREFIX || path.startsWith(`${LAMBDA_PREFIX}/`)) return 'lambda';
  if (req.method !== 'POST' || (path !== '/' && path !== '')) return undefined;
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') return target.startsWith(ECS_TARGET_PREFIX) ? 'ecs' : undefined;
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  return type.startsWith('application/x-www-form-urlencoded') ? 'elb' : undefined;
}

/** Answers the request when it is a Lambda, ECS or ELB one; false leaves it to the CodeDeploy layer. */
export async function handleComputeRequest(
  c: ComputeEndpoint,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<boolean> {
  const service = computeServiceOf(req);
  if (!service) return false;
  if (service === 'lambda') {
    req.resume();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    c.sync();
    const a = lambdaRequest(c.resources, c.policy, req.method ?? 'GET', url.pathname, url.searchParams);
    sendJson(res, a.status, a.body, 'application/json', a.errorType);
    return true;
  }
  const body = await readBody(req);
  if (service === 'elb') {
    const id = requestId();
    const answer = body
      ? (c.sync(), elbRequest(c.resources, c.policy, new URLSearchParams(body.toString('utf8')), id))
      : {
          status: 413,
          xml: `<ErrorResponse><Error><Code>RequestEntityTooLarge</Code></Error><RequestId>${id}</RequestId></ErrorResponse>`,
        };
    res.writeHead(answer.status, { 'content-type': 'text/xml', 'x-amzn-requestid': id });
    res.end(answer.xml);
    return true;
  }
  const type = 'application/x-amz-json-1.1';
  const fail = (e: ServiceError) => sendJson(res, e.httpStatus, { __type: e.type, message: e.message }, type);
  if (!body) {
    fail(
      new ServiceError(
        'SerializationException',
        `The request body is larger than ${MAX_COMPUTE_BODY_BYTES} bytes.`,
        413,
      ),
    );
    return true;
  }
  const op = String(req.headers['x-amz-target']).slice(ECS_TARGET_PREFIX.length);
  const ops = ecsOperations(c.resources, c.policy);
  const handler = Object.prototype.hasOwnProperty.call(ops, op) ? ops[op] : undefined;
  if (!handler) {
    // ClientException is in every ECS operation's error list: the request is fine, the simulation does not do it.
    fail(
      new ServiceError(
        /^[A-Z][A-Za-z0-9]{1,100}$/.test(op) ? 'ClientException' : 'UnknownOperationException',
        `The local endpoint answers only the ECS reads DescribeTaskDefinition, DescribeServices and DescribeClusters, not ${op.slice(0, 100)}.`,
      ),
    );
    return true;
  }
  let input: unknown;
  try {
    input = body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    fail(new ServiceError('SerializationException', 'The request body is not valid JSON.'));
    return true;
  }
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    fail(new ServiceError('SerializationException', 'The request body must be a JSON object.'));
    return true;
  }
  try {
    c.sync();
    sendJson(res, 200, handler(input as Json), type);
  } catch (err) {
    if (!(err instanceof ServiceError)) throw err;
    fail(err);
  }
  return true;
}
