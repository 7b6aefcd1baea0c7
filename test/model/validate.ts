/**
 * Walks a JSON 1.1 request or response body against the CodeDeploy service model: member names,
 * types (string, integer, long, double, boolean, timestamp as epoch seconds, blob, list, map,
 * structure), required members, enums, list/map/string sizes and numeric ranges where the model has
 * them, and for errors that `__type` is in the operation's error list or a documented common error.
 * Pure: no I/O. Every finding says where (a JSON path) and what the model expects there.
 */
import { COMMON_ERRORS, EXTRA_ENUM_VALUES } from './exceptions';
import type { ServiceModel, Shape } from './serviceModel';

export type Direction = 'request' | 'response';

export interface Issue {
  path: string;
  problem: string;
  expected: string;
}

export interface Mismatch extends Issue {
  operation: string;
  direction: 'request' | 'response' | 'error';
}

/** Epoch seconds stay below this (year 5138); a larger number is almost surely milliseconds. */
const MAX_EPOCH_SECONDS = 1e11;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Own properties only: names such as `constructor` or `__proto__` come from hostile input. */
function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

export function describeShape(model: ServiceModel, name: string): string {
  const s = own(model.shapes, name);
  if (!s) return `${name} (not in the model)`;
  const size = (what: string) =>
    s.min !== undefined || s.max !== undefined ? `, ${what} ${s.min ?? 0}..${s.max ?? '∞'}` : '';
  switch (s.type) {
    case 'structure':
      return `${name} (structure)`;
    case 'list':
      return `${name} (list of ${s.member?.shape}${size('items')})`;
    case 'map':
      return `${name} (map of ${s.key?.shape} to ${s.value?.shape}${size('entries')})`;
    case 'string':
      return s.enum ? `${name} (string, one of: ${s.enum.join(', ')})` : `${name} (string${size('length')})`;
    case 'timestamp':
      return `${name} (timestamp: epoch seconds as a JSON number)`;
    case 'blob':
      return `${name} (blob: base64 string)`;
    case 'integer':
    case 'long':
      return `${name} (${s.type}${size('value')})`;
    default:
      return `${name} (${s.type})`;
  }
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function show(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Adds to `out` every way `value` at `path` differs from shape `name`. */
export function checkValue(
  model: ServiceModel,
  name: string,
  value: unknown,
  path: string,
  direction: Direction,
  out: Issue[],
): void {
  const s: Shape | undefined = own(model.shapes, name);
  if (!s) {
    out.push({ path, problem: `the model has no shape ${name}`, expected: name });
    return;
  }
  const wrong = (problem: string): void => {
    out.push({ path, problem, expected: describeShape(model, name) });
  };
  if (value === null) return wrong('null (the protocol leaves absent members out)');
  switch (s.type) {
    case 'structure': {
      if (typeOf(value) !== 'object') return wrong(`${typeOf(value)} ${show(value)}`);
      const obj = value as Record<string, unknown>;
      const members = s.members ?? {};
      for (const [key, v] of Object.entries(obj)) {
        const m = own(members, key);
        if (!m) {
          out.push({
            path: `${path}.${key}`,
            problem: 'unknown member',
            expected: `a member of ${name}: ${Object.keys(members).join(', ') || '(none)'}`,
          });
        } else checkValue(model, m.shape, v, `${path}.${key}`, direction, out);
      }
      for (const req of s.required ?? []) {
        if (!(req in obj)) {
          out.push({
            path: `${path}.${req}`,
            problem: 'missing required member',
            expected: describeShape(model, own(members, req)?.shape ?? req),
          });
        }
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) return wrong(`${typeOf(value)} ${show(value)}`);
      sizeCheck(s, value.length, 'items', wrong);
      value.forEach((item, i) => checkValue(model, s.member!.shape, item, `${path}[${i}]`, direction, out));
      return;
    }
    case 'map': {
      if (typeOf(value) !== 'object') return wrong(`${typeOf(value)} ${show(value)}`);
      const entries = Object.entries(value as Record<string, unknown>);
      sizeCheck(s, entries.length, 'entries', wrong);
      for (const [k, v] of entries) {
        checkValue(model, s.key!.shape, k, `${path}{key ${JSON.stringify(k)}}`, direction, out);
        checkValue(model, s.value!.shape, v, `${path}[${JSON.stringify(k)}]`, direction, out);
      }
      return;
    }
    case 'string': {
      if (typeof value !== 'string') return wrong(`${typeOf(value)} ${show(value)}`);
      if (s.enum && !s.enum.includes(value) && !extraEnumValue(name, value, direction)) {
        return wrong(`value ${show(value)} is not in the enum`);
      }
      sizeCheck(s, [...value].length, 'characters', wrong);
      return;
    }
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return wrong(`${typeOf(value)} ${show(value)}`);
      if (s.min !== undefined && value < s.min) return wrong(`${value} is below ${s.min}`);
      if (s.max !== undefined && value > s.max) return wrong(`${value} is above ${s.max}`);
      return;
    case 'double':
    case 'float':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrong(`${typeOf(value)} ${show(value)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') return wrong(`${typeOf(value)} ${show(value)}`);
      return;
    case 'timestamp':
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrong(`${typeOf(value)} ${show(value)}`);
      if (Math.abs(value) >= MAX_EPOCH_SECONDS) return wrong(`${value} looks like milliseconds, not seconds`);
      return;
    case 'blob':
      if (typeof value !== 'string' || !BASE64.test(value)) return wrong(`${typeOf(value)} ${show(value)}`);
      return;
    case 'document':
      return;
    default:
      out.push({ path, problem: `the validator does not know shape type ${s.type}`, expected: name });
  }
}

function sizeCheck(s: Shape, n: number, what: string, wrong: (p: string) => void): void {
  if (s.min !== undefined && n < s.min) wrong(`${n} ${what}, fewer than ${s.min}`);
  else if (s.max !== undefined && n > s.max) wrong(`${n} ${what}, more than ${s.max}`);
}

function extraEnumValue(shape: string, value: string, direction: Direction): boolean {
  return EXTRA_ENUM_VALUES.some((e) => e.shape === shape && e.value === value && e.in === direction);
}

/** Issues of a request body (already parsed) for `operation`. */
export function checkRequest(model: ServiceModel, operation: string, body: unknown): Issue[] {
  const op = own(model.operations, operation);
  if (!op)
    return [
      { path: '$', problem: `operation ${operation} is not in the model`, expected: 'an operation of the model' },
    ];
  const out: Issue[] = [];
  if (op.input) checkValue(model, op.input.shape, body, '$', 'request', out);
  else if (typeOf(body) !== 'object' || Object.keys(body as object).length) {
    out.push({ path: '$', problem: `body ${show(body)}`, expected: 'an empty object (the operation takes no input)' });
  }
  return out;
}

/** The error name in a `__type` such as `com.amazonaws.codedeploy#DeploymentDoesNotExistException`. */
export function errorName(type: string): string {
  const afterHash = type.includes('#') ? type.slice(type.lastIndexOf('#') + 1) : type;
  return afterHash.split(/[,:]/)[0];
}

/** Error types `operation` may answer: its list in the model, then the common errors. */
export function allowedErrors(model: ServiceModel, operation: string): string[] {
  const listed = (own(model.operations, operation)?.errors ?? []).map((e) => e.shape);
  // An operation of the model is known by definition: UnknownOperationException would be a lie.
  const common = COMMON_ERRORS.map((c) => c.type).filter((t) => t !== 'UnknownOperationException');
  return [...new Set([...listed, ...common])];
}

/** Issues of a response (status and parsed body) to `operation`; `operation` may be unknown to the model. */
export function checkResponse(model: ServiceModel, operation: string, status: number, body: unknown): Issue[] {
  const op = own(model.operations, operation);
  const out: Issue[] = [];
  if (status >= 200 && status < 300) {
    if (!op)
      return [
        {
          path: '$',
          problem: `HTTP ${status} for an operation the model does not have`,
          expected: 'UnknownOperationException',
        },
      ];
    if (op.output) checkValue(model, op.output.shape, body, '$', 'response', out);
    else if (body !== undefined && (typeOf(body) !== 'object' || Object.keys(body as object).length)) {
      out.push({
        path: '$',
        problem: `body ${show(body)}`,
        expected: 'an empty body or {} (the operation has no output)',
      });
    }
    return out;
  }
  if (typeOf(body) !== 'object') {
    return [
      {
        path: '$',
        problem: `HTTP ${status} with ${typeOf(body)} ${show(body)}`,
        expected: 'a JSON object with __type and message',
      },
    ];
  }
  const obj = body as Record<string, unknown>;
  if (typeof obj.__type !== 'string') {
    out.push({ path: '$.__type', problem: `${typeOf(obj.__type)}`, expected: 'the error type, a string' });
  } else {
    const name = errorName(obj.__type);
    const allowed = op ? allowedErrors(model, operation) : COMMON_ERRORS.map((c) => c.type);
    if (!allowed.includes(name)) {
      out.push({
        path: '$.__type',
        problem: `${name} is not an error of ${operation}`,
        expected: `one of: ${allowed.join(', ')}`,
      });
    }
  }
  for (const [k, v] of Object.entries(obj)) {
    if (k === '__type') continue;
    if (k !== 'message' && k !== 'Message') {
      out.push({ path: `$.${k}`, problem: 'unknown member', expected: 'an error body has __type and message only' });
    } else if (typeof v !== 'string') {
      out.push({ path: `$.${k}`, problem: `${typeOf(v)} ${show(v)}`, expected: 'string' });
    }
  }
  return out;
}

export function formatMismatch(m: Mismatch): string {
  return `${m.operation} ${m.direction} at ${m.path}: ${m.problem}; expected ${m.expected}`;
}
