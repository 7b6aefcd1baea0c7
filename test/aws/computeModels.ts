/**
 * The judge for the local endpoint's simulated Lambda, ECS and ELBv2 answers: botocore's published
 * service models (Debian's python3-botocore, the files the AWS CLI and boto3 use), read at test time.
 * `checkShape` walks a value against a model shape: member names, types, required members, enums,
 * sizes and ranges. It has the signature of judge11's `checkValue` (test/model/validate.ts) so the
 * suites can move to that one validator when it covers these services.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Shape {
  type: string;
  members?: Record<string, { shape: string; location?: string; locationName?: string }>;
  required?: string[];
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  enum?: string[];
  min?: number;
  max?: number;
  error?: { code?: string; httpStatusCode?: number };
  exception?: boolean;
}

export interface BotocoreModel {
  source: string;
  metadata: { protocol: string; targetPrefix?: string };
  operations: Record<string, { input?: { shape: string }; output?: { shape: string }; errors?: { shape: string }[] }>;
  shapes: Record<string, Shape>;
}

export interface Issue {
  path: string;
  problem: string;
  expected: string;
}

const DIRS = { lambda: 'lambda/2015-03-31', ecs: 'ecs/2014-11-13', elbv2: 'elbv2/2015-12-01' } as const;

export function loadModel(service: keyof typeof DIRS): BotocoreModel {
  const root = process.env.CODEDEPLOY_BOTOCORE_DIR || '/usr/lib/python3/dist-packages/botocore';
  const file = path.join(root, 'data', DIRS[service], 'service-2.json');
  const model = JSON.parse(fs.readFileSync(file, 'utf8')) as Omit<BotocoreModel, 'source'>;
  return { ...model, source: file };
}

const own = <T>(r: Record<string, T> | undefined, k: string): T | undefined =>
  r && Object.prototype.hasOwnProperty.call(r, k) ? r[k] : undefined;

function kind(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** Adds to `out` every way `value` at `path` differs from shape `name` (body members only: header/URI ones are skipped). */
export function checkShape(model: BotocoreModel, name: string, value: unknown, p: string, out: Issue[]): void {
  const s = own(model.shapes, name);
  if (!s) return void out.push({ path: p, problem: 'shape not in the model', expected: name });
  const bad = (problem: string, expected = `${name} (${s.type})`): void => void out.push({ path: p, problem, expected });
  switch (s.type) {
    case 'structure': {
      if (kind(value) !== 'object') return bad(`is ${kind(value)}`);
      const obj = value as Record<string, unknown>;
      for (const [k, v] of Object.entries(obj)) {
        const m = own(s.members, k);
        if (!m || m.location) bad(`has member ${k} the model does not put in the body`);
        else checkShape(model, m.shape, v, `${p}.${k}`, out);
      }
      for (const r of s.required ?? [])
        if (!own(s.members, r)?.location && obj[r] === undefined) bad(`lacks required member ${r}`);
      return;
    }
    case 'list':
      if (!Array.isArray(value)) return bad(`is ${kind(value)}`);
      if (s.min !== undefined && value.length < s.min) bad(`has ${value.length} items`, `at least ${s.min}`);
      if (s.max !== undefined && value.length > s.max) bad(`has ${value.length} items`, `at most ${s.max}`);
      value.forEach((v, i) => checkShape(model, s.member!.shape, v, `${p}[${i}]`, out));
      return;
    case 'map':
      if (kind(value) !== 'object') return bad(`is ${kind(value)}`);
      for (const [k, v] of Object.entries(value as object)) {
        checkShape(model, s.key!.shape, k, `${p}{key ${k}}`, out);
        checkShape(model, s.value!.shape, v, `${p}.${k}`, out);
      }
      return;
    case 'string':
      if (typeof value !== 'string') return bad(`is ${kind(value)}`);
      if (s.enum && !s.enum.includes(value)) bad(`is ${JSON.stringify(value)}`, `one of ${s.enum.join(', ')}`);
      if (s.min !== undefined && value.length < s.min) bad(`has length ${value.length}`, `at least ${s.min}`);
      if (s.max !== undefined && value.length > s.max) bad(`has length ${value.length}`, `at most ${s.max}`);
      return;
    case 'integer':
    case 'long':
      if (!Number.isInteger(value)) return bad(`is ${JSON.stringify(value)}`);
      if (s.min !== undefined && (value as number) < s.min) bad(`is ${String(value)}`, `at least ${s.min}`);
      if (s.max !== undefined && (value as number) > s.max) bad(`is ${String(value)}`, `at most ${s.max}`);
      return;
    case 'double':
    case 'float':
      if (typeof value !== 'number') bad(`is ${kind(value)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') bad(`is ${kind(value)}`);
      return;
    case 'timestamp':
      // JSON protocols send epoch seconds as a number.
      if (typeof value !== 'number' || value > 1e11) bad(`is ${JSON.stringify(value)}`, 'epoch seconds');
      return;
    case 'blob':
      if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) bad('is not base64');
      return;
    default:
      bad(`has an unknown shape type ${s.type}`);
  }
}

/** The issues of an operation's successful answer body. */
export function checkOutput(model: BotocoreModel, operation: string, body: unknown): Issue[] {
  const out: Issue[] = [];
  const shape = model.operations[operation]?.output?.shape;
  if (!shape) out.push({ path: operation, problem: 'operation has no output in the model', expected: 'an operation' });
  else checkShape(model, shape, body, operation, out);
  return out;
}

/**
 * The issues of an error answer: the error type must be one the operation lists (or `common`,
 * errors every AWS service may send that the model leaves out), with the status the model gives it,
 * and the body must fit the error shape.
 */
export function checkError(
  model: BotocoreModel,
  operation: string,
  type: string,
  status: number,
  body: unknown,
  common: readonly string[] = ['AccessDeniedException', 'UnknownOperationException'],
): Issue[] {
  const out: Issue[] = [];
  const listed = (model.operations[operation]?.errors ?? []).map((e) => e.shape);
  if (!listed.includes(type) && !common.includes(type))
    out.push({ path: operation, problem: `answers ${type}`, expected: `one of ${listed.join(', ')}` });
  const shape = own(model.shapes, type);
  if (shape?.error?.httpStatusCode && shape.error.httpStatusCode !== status)
    out.push({
      path: `${operation} ${type}`,
      problem: `has status ${status}`,
      expected: String(shape.error.httpStatusCode),
    });
  if (shape && model.metadata.protocol === 'rest-json') checkShape(model, type, body, `${operation} ${type}`, out);
  return out;
}

export function formatIssues(issues: Issue[]): string {
  return issues.map((i) => `${i.path}: ${i.problem} (expected ${i.expected})`).join('\n');
}
