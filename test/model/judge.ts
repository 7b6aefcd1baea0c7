/**
 * The single choke point between any client and the local endpoint in tests: a pass-through HTTP
 * proxy on 127.0.0.1 that checks every CodeDeploy JSON request and every response or error against
 * the service model (validate.ts), byte for byte as they travel, whoever the client is (the product's
 * CodeDeployApi, a raw SDK client, hand-written HTTP, the AWS CLI, boto3). The account checks' ECS reads
 * (JSON 1.1 too, `AmazonEC2ContainerServiceV20141113.*`) are judged against botocore's ECS model the
 * same way. S3, Lambda (REST-JSON, checked in test/aws/local-compute.test.ts) and ELBv2 (form-encoded
 * query) are piped through untouched. Findings collect in `mismatches`; `assertClean()` throws them all.
 *
 * Request policy: a request that breaks the model must be refused. A finding in a request counts
 * only when the endpoint answered it with HTTP 2xx (the service would have refused it); tests that
 * send garbage on purpose mark it with the header `x-judge-input: hostile`, which skips the request
 * check (the response is still checked).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { botocoreDir, loadBotocoreModel, loadJudgeModel, type ServiceModel } from './serviceModel';
import { checkRequest, checkResponse, formatMismatch, type Issue, type Mismatch } from './validate';

export const HOSTILE_HEADER = 'x-judge-input';
const JSON_11 = 'application/x-amz-json-1.1';

export interface Judge {
  /** Point clients here instead of at the endpoint. */
  url: string;
  mismatches: Mismatch[];
  /** How often each operation was answered, by status class: `{ GetDeployment: { ok: 3, error: 1 } }`. */
  calls: Record<string, { ok: number; error: number }>;
  report(): string;
  /** Throws one error listing every mismatch (operation, JSON path, expected shape). */
  assertClean(): void;
  close(): Promise<void>;
}

/** botocore's ECS model, for the local endpoint's simulated ECS reads. */
export function loadEcsModel(): ServiceModel {
  return loadBotocoreModel(path.join(botocoreDir(), 'data', 'ecs', '2014-11-13', 'service-2.json'));
}

export interface JudgeOptions {
  model?: ServiceModel;
  /** Other JSON 1.1 services on the same endpoint, told apart by their X-Amz-Target prefix (default: ECS). */
  others?: ServiceModel[];
  /** Called for each mismatch as it is found (e.g. to print it at once). */
  onMismatch?: (m: Mismatch) => void;
}

function parse(buf: Buffer): { ok: true; value: unknown } | { ok: false } {
  if (buf.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(buf.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** One line per distinct mismatch, with how often it was seen. */
export function summarize(list: Mismatch[]): string[] {
  const counts = new Map<string, number>();
  for (const m of list) {
    const line = formatMismatch(m);
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return [...counts].map(([line, n]) => `  - ${line}${n > 1 ? ` (${n} times)` : ''}`);
}

export async function startJudge(upstream: string, opts: JudgeOptions = {}): Promise<Judge> {
  const model = opts.model ?? loadJudgeModel();
  const others = opts.others ?? [loadEcsModel()];
  const target = new URL(upstream);
  /** The model whose target prefix the header has (CodeDeploy's for anything else). */
  const modelFor = (header: string): ServiceModel =>
    others.find((m) => header.startsWith(`${m.targetPrefix}.`)) ?? model;
  const agent = new http.Agent({ keepAlive: true });
  const mismatches: Mismatch[] = [];
  const calls: Judge['calls'] = Object.create(null) as Judge['calls'];

  const record = (operation: string, direction: Mismatch['direction'], issues: Issue[]) => {
    for (const issue of issues) {
      const m: Mismatch = { operation, direction, ...issue };
      mismatches.push(m);
      opts.onMismatch?.(m);
    }
  };

  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const form = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    const isApi = req.method === 'POST' && (url === '/' || url.startsWith('/?')) && !form;
    const headers = { ...req.headers, host: target.host };
    const up = http.request(
      { hostname: target.hostname, port: target.port, path: url, method: req.method, headers, agent },
      (ures) => {
        if (!isApi) {
          res.writeHead(ures.statusCode ?? 502, ures.headers);
          ures.pipe(res);
          return;
        }
        void readAll(ures).then(
          (body) => {
            judgeExchange(req, requestBody, ures, body);
            res.writeHead(ures.statusCode ?? 502, ures.headers);
            res.end(body);
          },
          () => res.destroy(),
        );
      },
    );
    up.on('error', () => res.destroy());
    req.on('close', () => {
      if (!req.complete) up.destroy();
    });
    res.on('close', () => {
      if (!res.writableFinished) up.destroy();
    });
    let requestBody: Buffer = Buffer.alloc(0);
    if (!isApi) {
      req.pipe(up);
      return;
    }
    void readAll(req).then(
      (body) => {
        requestBody = body;
        up.end(body);
      },
      () => up.destroy(),
    );
  });

  function judgeExchange(
    req: http.IncomingMessage,
    reqBody: Buffer,
    ures: http.IncomingMessage,
    resBody: Buffer,
  ): void {
    const header = req.headers['x-amz-target'];
    const raw = typeof header === 'string' ? header : '(no X-Amz-Target)';
    const judged = modelFor(raw);
    const own = `${judged.targetPrefix}.`;
    const operation = raw.startsWith(own) ? raw.slice(own.length) : raw;
    const status = ures.statusCode ?? 0;
    const ok = status >= 200 && status < 300;
    (calls[operation] ??= { ok: 0, error: 0 })[ok ? 'ok' : 'error']++;
    const type = String(ures.headers['content-type'] ?? '');
    if (!type.startsWith(JSON_11)) {
      record(operation, ok ? 'response' : 'error', [
        { path: '(Content-Type header)', problem: JSON.stringify(type), expected: JSON_11 },
      ]);
    }
    const out = parse(resBody);
    if (!out.ok) {
      record(operation, ok ? 'response' : 'error', [
        { path: '$', problem: `body is not JSON: ${resBody.toString('utf8').slice(0, 60)}`, expected: 'a JSON object' },
      ]);
    } else {
      record(operation, ok ? 'response' : 'error', checkResponse(judged, operation, status, out.value));
    }
    if (ok && req.headers[HOSTILE_HEADER] !== 'hostile') {
      const input = parse(reqBody);
      const issues = input.ok
        ? checkRequest(judged, operation, input.value ?? {})
        : [{ path: '$', problem: 'request body is not JSON', expected: 'a JSON object' }];
      record(
        operation,
        'request',
        issues.map((i) => ({ ...i, problem: `${i.problem} (and the endpoint answered HTTP ${status})` })),
      );
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const report = () =>
    mismatches.length === 0
      ? `service model (${model.source}): no mismatches`
      : `${mismatches.length} mismatch(es) with the CodeDeploy service model (${model.source}):\n` +
        summarize(mismatches).join('\n');

  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    mismatches,
    calls,
    report,
    assertClean() {
      if (mismatches.length) throw new Error(report());
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      });
      return closed;
    },
  };
}
