/**
 * The Lambda API (REST-JSON, API version 2015-03-31) as far as the account checks read it:
 * GetFunction, GetAlias, ListAliases, ListVersionsByFunction and ListFunctions, over the simulated
 * functions and the account's aliases. Errors have Lambda's wire shape: the type in the
 * `x-amzn-errortype` header and `{"Type":"User","Message":…}` in the body (ResourceNotFoundException
 * 404, InvalidParameterValueException 400, AccessDeniedException 403).
 */
import { denial, type AccessPolicy } from './access';
import { ComputeResources, parseFunctionRef, revisionIdOf } from './resources';
import type { LambdaFunctionRecord } from './types';
import type { Json, LambdaAliasRecord } from '../types';
import { ACCOUNT_ID } from '../account';

export const LAMBDA_PREFIX = '/2015-03-31/functions';
/** Lambda returns at most 50 items a page, whatever MaxItems asks for. */
const PAGE = 50;

export interface RestAnswer {
  status: number;
  body: Json;
  errorType?: string;
}

function error(
  status: number,
  type: string,
  message: string,
  memberCase: 'Message' | 'message' = 'Message',
): RestAnswer {
  return { status, errorType: type, body: { Type: 'User', [memberCase]: message } };
}

const notFound = (what: string) => error(404, 'ResourceNotFoundException', what);
const invalid = (message: string) => error(400, 'InvalidParameterValueException', message, 'message');

/** Lambda's LastModified format: `2026-11-20T09:00:00.000+0000`. */
function lambdaTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

function configuration(r: ComputeResources, fn: LambdaFunctionRecord, version: string, arnQualifier?: string): Json {
  const n = version === '$LATEST' ? fn.publishedVersions + 1 : Number(version);
  const sha = revisionIdOf(fn.functionName, version === '$LATEST' ? fn.publishedVersions : n).replace(/-/g, '');
  return {
    FunctionName: fn.functionName,
    FunctionArn: r.functionArn(fn.functionName, arnQualifier),
    Runtime: fn.runtime,
    Role: fn.role,
    Handler: fn.handler,
    CodeSize: 2048 + n * 37,
    Description: fn.description,
    Timeout: fn.timeout,
    MemorySize: fn.memorySize,
    LastModified: lambdaTime(fn.lastModified - Math.max(0, fn.publishedVersions - n) * 86_400_000),
    CodeSha256: Buffer.from(sha, 'hex').toString('base64'),
    Version: version,
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: revisionIdOf(fn.functionName, version, 'configuration'),
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: ['x86_64'],
    EphemeralStorage: { Size: 512 },
  };
}

function aliasConfiguration(r: ComputeResources, a: LambdaAliasRecord): Json {
  const weights = a.weights && Object.keys(a.weights).length ? a.weights : undefined;
  return {
    AliasArn: r.functionArn(a.functionName, a.alias),
    Name: a.alias,
    FunctionVersion: a.version,
    Description: a.description ?? '',
    ...(weights ? { RoutingConfig: { AdditionalVersionWeights: weights } } : {}),
    RevisionId: revisionIdOf(a.functionName, a.alias, a.version, weights ?? null),
  };
}

/** Marker → offset; the marker is opaque to clients (base64 of the offset and the list it belongs to). */
function readMarker(marker: string | null, list: string): number | undefined {
  if (marker === null) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(marker, 'base64url').toString('utf8')) as { o?: unknown; l?: unknown };
    return parsed.l === list && Number.isSafeInteger(parsed.o) && (parsed.o as number) >= 0
      ? (parsed.o as number)
      : undefined;
  } catch {
    return undefined;
  }
}

function page<T>(items: T[], q: URLSearchParams, list: string): { items: T[]; next?: string } | RestAnswer {
  const start = readMarker(q.get('Marker'), list);
  if (start === undefined) return invalid('The marker is not valid for this list.');
  const max = q.get('MaxItems');
  if (max !== null && !(/^\d{1,5}$/.test(max) && Number(max) >= 1 && Number(max) <= 10000))
    return invalid(`MaxItems must be a number from 1 to 10000, got ${max.slice(0, 20)}.`);
  const size = Math.min(PAGE, max === null ? PAGE : Number(max));
  const end = start + size;
  const next = end < items.length ? Buffer.from(JSON.stringify({ o: end, l: list })).toString('base64url') : undefined;
  return { items: items.slice(start, end), ...(next ? { next } : {}) };
}

const isAnswer = (x: unknown): x is RestAnswer => !!x && typeof x === 'object' && 'status' in x;

/** Answers one Lambda request (`path` without the query), or undefined when it is not one of ours. */
export function lambdaRequest(
  r: ComputeResources,
  policy: AccessPolicy,
  method: string,
  path: string,
  query: URLSearchParams,
): RestAnswer {
  const rest = path.slice(LAMBDA_PREFIX.length);
  const parts = rest.split('/').filter((p) => p !== '');
  let decoded: string[];
  try {
    decoded = parts.map((p) => decodeURIComponent(p));
  } catch {
    return invalid('The request path is not valid.');
  }
  if (method !== 'GET')
    return error(
      404,
      'UnknownOperationException',
      `The local endpoint simulates only Lambda reads (GetFunction, GetAlias, ListAliases, ListVersionsByFunction, ListFunctions), not ${method} ${path.slice(0, 200)}.`,
    );
  const deny = (action: string, resource: string, fn?: LambdaFunctionRecord) => {
    const message = denial(policy, `lambda:${action}`, resource, fn?.tags);
    return message ? error(403, 'AccessDeniedException', message) : undefined;
  };

  if (decoded.length === 0) {
    const refused = deny('ListFunctions', `arn:aws:lambda:${r.region}:${ACCOUNT_ID}:function:*`);
    if (refused) return refused;
    const all = [...r.state.lambdaFunctions].sort((a, b) => a.functionName.localeCompare(b.functionName));
    const p = page(all, query, 'functions');
    if (isAnswer(p)) return p;
    return {
      status: 200,
      body: {
        Functions: p.items.map((f) => configuration(r, f, '$LATEST')),
        ...(p.next ? { NextMarker: p.next } : {}),
      },
    };
  }

  const ref = parseFunctionRef(decoded[0]);
  const fn = ref ? r.findFunction(ref.name) : undefined;
  const fnArn = r.functionArn(ref?.name ?? decoded[0].slice(0, 140));
  const op =
    decoded.length === 1
      ? 'GetFunction'
      : decoded.length === 2 && decoded[1] === 'versions'
        ? 'ListVersionsByFunction'
        : decoded.length === 2 && decoded[1] === 'aliases'
          ? 'ListAliases'
          : decoded.length === 3 && decoded[1] === 'aliases'
            ? 'GetAlias'
            : undefined;
  if (!op) return error(404, 'UnknownOperationException', `No Lambda operation at GET ${path.slice(0, 200)}.`);
  const refused = deny(op, fnArn, fn);
  if (refused) return refused;
  if (!ref || !fn) return notFound(`Function not found: ${fnArn}${ref?.qualifier ? `:${ref.qualifier}` : ''}`);

  switch (op) {
    case 'GetFunction': {
      const qualifier = query.get('Qualifier') ?? ref.qualifier;
      if (qualifier === null || qualifier === undefined || qualifier === '$LATEST')
        return {
          status: 200,
          body: { Configuration: configuration(r, fn, '$LATEST', qualifier ?? undefined), Tags: fn.tags },
        };
      const alias = r.findAlias(fn.functionName, qualifier);
      const version = /^\d+$/.test(qualifier) ? qualifier : alias?.version;
      if (!version || Number(version) < 1 || Number(version) > fn.publishedVersions)
        return notFound(`Function not found: ${r.functionArn(fn.functionName, qualifier)}`);
      return { status: 200, body: { Configuration: configuration(r, fn, version, qualifier), Tags: fn.tags } };
    }
    case 'ListVersionsByFunction': {
      const all = [
        configuration(r, fn, '$LATEST', '$LATEST'),
        ...r.versionsOf(fn).map((v) => configuration(r, fn, v, v)),
      ];
      const p = page(all, query, `versions:${fn.functionName}`);
      if (isAnswer(p)) return p;
      return { status: 200, body: { Versions: p.items, ...(p.next ? { NextMarker: p.next } : {}) } };
    }
    case 'ListAliases': {
      const version = query.get('FunctionVersion');
      const aliases = r.aliasesOf(fn.functionName).filter((a) => version === null || a.version === version);
      const p = page(aliases, query, `aliases:${fn.functionName}`);
      if (isAnswer(p)) return p;
      return {
        status: 200,
        body: { Aliases: p.items.map((a) => aliasConfiguration(r, a)), ...(p.next ? { NextMarker: p.next } : {}) },
      };
    }
    default: {
      const alias = r.findAlias(fn.functionName, decoded[2]);
      if (!alias) return notFound(`Alias not found: ${r.functionArn(fn.functionName, decoded[2].slice(0, 128))}`);
      return { status: 200, body: aliasConfiguration(r, alias) };
    }
  }
}
