/**
 * The wire layer of the local endpoint: AWS JSON 1.1 as CodeDeploy speaks it (`POST /`,
 * `X-Amz-Target: CodeDeploy_20141006.<Operation>`, `application/x-amz-json-1.1`), errors as
 * HTTP 400 `{"__type", "message"}` so the unmodified SDK raises typed exceptions. Every request is
 * first checked by auth.ts (this start's access key id, Host, no Origin); signatures themselves are
 * not verified. Paths under `/s3` go to the local S3 store.
 */
import * as http from 'node:http';
import { refusal, sendRefusal } from './auth';
import { jsonNestingDepth, MAX_JSON_DEPTH } from './jsonDepth';
import { handleComputeRequest } from './compute/router';
import { ServiceError } from './errors';
import { handleS3, MAX_OBJECT_BYTES, S3_PREFIX, type LocalS3 } from './s3';
import { LOCAL_ROUTE_PREFIX, type CodeDeployService } from './service';

const TARGET_PREFIX = 'CodeDeploy_20141006.';
const JSON_TYPE = 'application/x-amz-json-1.1';
/** CodeDeploy requests are small; revision bundles (S3) may be larger. */
export const MAX_JSON_BODY = 1024 * 1024;
export const MAX_S3_BODY = MAX_OBJECT_BYTES;
/** Open connections at once (clients use a handful; beyond this new ones are dropped). */
export const MAX_CONNECTIONS = 256;
/** A request's headers must arrive within this time, and the whole request within REQUEST_TIMEOUT_MS. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 120_000;

let requestSeq = 0;

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': JSON_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': `local-${process.pid}-${++requestSeq}`,
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, err: ServiceError): void {
  send(res, err.httpStatus, { __type: err.type, message: err.message });
}

/** A body over the limit but at most this large is read and dropped, so that the client sees the error. */
const DRAIN_LIMIT = 16 * 1024 * 1024;

/**
 * The request body, or undefined when it is larger than `limit` (its bytes are dropped as they come). A body
 * whose declared length is over the limit and over DRAIN_LIMIT is not read at all: the answer closes the
 * connection instead.
 */
function readBody(req: http.IncomingMessage, res: http.ServerResponse, limit: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit && declared > DRAIN_LIMIT) {
    res.shouldKeepAlive = false;
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** `/s3`, `/s3?…` (ListBuckets) and everything under `/s3/`. */
function isS3Path(url: string): boolean {
  return url.startsWith(S3_PREFIX) || url === S3_PREFIX.slice(0, -1) || url.startsWith(`${S3_PREFIX.slice(0, -1)}?`);
}

/**
 * Reads and drops the request body (up to DRAIN_LIMIT) before an early answer, so that a client that asked to close
 * the connection still reads the answer instead of failing to write the rest of its body.
 */
function drainBody(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.complete || Number(req.headers['content-length'] ?? 0) > DRAIN_LIMIT) {
    if (!req.complete) res.shouldKeepAlive = false;
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    let size = 0;
    const done = () => resolve();
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > DRAIN_LIMIT) {
        res.shouldKeepAlive = false;
        req.pause();
        done();
      }
    });
    req.once('end', done);
    req.once('error', done);
    req.once('close', done);
  });
}

export interface EndpointLogger {
  (line: string): void;
}

export function createHttpServer(
  service: CodeDeployService,
  s3: LocalS3,
  accessKeyId: string,
  log?: EndpointLogger,
): http.Server {
  const ops = service.operations();
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      log?.(`internal error: ${(err as Error)?.message ?? String(err)}`);
      if (!res.headersSent)
        sendError(res, new ServiceError('InternalFailure', 'The local endpoint hit an internal error.', 500));
      else res.destroy();
    });
  });
  server.maxConnections = MAX_CONNECTIONS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  return server;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const refused = refusal(req, accessKeyId);
    if (refused) {
      await drainBody(req, res);
      return sendRefusal(req, res, refused, isS3Path(url));
    }
    if (isS3Path(url))
      return handleS3(s3, req, res, (limit = MAX_S3_BODY) => readBody(req, res, Math.min(limit, MAX_S3_BODY)));
    if (req.method === 'GET' && (url === '/' || url === '/health')) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return void res.end('CodeDeploy local endpoint\n');
    }
    if (req.method === 'GET' && url.startsWith(LOCAL_ROUTE_PREFIX)) {
      const answer = service.localRoute(url);
      if (answer) return send(res, answer.status, answer.body);
    }
    // Lambda (REST-JSON), ECS (JSON 1.1) and ELB (query) reads for the account checks, on the same port.
    if (await handleComputeRequest(service.compute, req, res)) return;
    if (req.method !== 'POST' || (url !== '/' && !url.startsWith('/?'))) {
      await drainBody(req, res);
      return sendError(
        res,
        new ServiceError('UnknownOperationException', 'Only POST / with an X-Amz-Target header is supported.', 404),
      );
    }
    const target = req.headers['x-amz-target'];
    if (typeof target !== 'string' || target === '') {
      await drainBody(req, res);
      return sendError(
        res,
        new ServiceError(
          'MissingAuthenticationTokenException',
          'Missing X-Amz-Target header: expected CodeDeploy_20141006.<Operation>.',
        ),
      );
    }
    const body = await readBody(req, res, MAX_JSON_BODY);
    if (!body)
      return sendError(
        res,
        new ServiceError('SerializationException', `The request body exceeds ${MAX_JSON_BODY} bytes.`, 413),
      );
    const op = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
    const handler = op !== undefined && Object.prototype.hasOwnProperty.call(ops, op) ? ops[op] : undefined;
    if (!handler) return sendError(res, new ServiceError('UnknownOperationException', `Unknown operation ${target}.`));
    const text = body.toString('utf8');
    if (jsonNestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
      return sendError(
        res,
        new ServiceError(
          'SerializationException',
          `The request body nests JSON more than ${MAX_JSON_DEPTH} levels deep, the local endpoint's limit.`,
        ),
      );
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(text);
    } catch {
      return sendError(res, new ServiceError('SerializationException', 'The request body is not valid JSON.'));
    }
    if (!input || typeof input !== 'object' || Array.isArray(input)) {
      return sendError(res, new ServiceError('SerializationException', 'The request body must be a JSON object.'));
    }
    try {
      service.sync();
      const out = handler(input as Record<string, unknown>);
      service.sync();
      send(res, 200, out);
    } catch (err) {
      if (err instanceof ServiceError) return sendError(res, err);
      throw err;
    }
  }
}
