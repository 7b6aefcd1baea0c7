/**
 * Random HTTP requests for the endpoint fuzz, from a seeded generator (the same seed gives the same requests):
 * CodeDeploy operations with plausible and hostile JSON (wrong types, deep nesting, `__proto__` keys, long
 * strings, bad UTF-8, invalid JSON), the S3 store (methods, bucket names, keys, listing queries, bodies), the
 * `/_local/` routes, the Lambda/ECS/ELB reads, stray paths, and requests with missing or wrong credentials.
 */
import { ELB_VERSION_HINT, LAMBDA_PATHS, OPERATIONS } from './fuzzTables';

export type Rng = () => number;

/** mulberry32: small, fast, good enough for test inputs. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** What the request is, for failure messages. */
  label: string;
  /** Sent without valid credentials, a foreign Host or an Origin: must be refused with 403. */
  refused?: boolean;
  /** A write that must survive a restart once it was answered 200. */
  write?: { kind: 'application'; name: string } | { kind: 'object'; bucket: string; key: string };
}

const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, items: readonly T[]): T => items[int(r, items.length)];

const STRINGS = [
  '',
  'checkout-web',
  'orders-api-lambda',
  'storefront-ecs',
  'checkout-web-prod',
  '__proto__',
  'constructor',
  'toString',
  'd-AAAAAAAAA',
  'CodeDeployDefault.OneAtATime',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'ä漢字😀',
  '\u0000\u0001\u001f',
  '\ud800',
  'x'.repeat(101),
  'a'.repeat(5000),
  'arn:aws:codedeploy:us-east-1:111122223333:application:checkout-web',
  'arn:aws:iam::111122223333:role/CodeDeployServiceRole',
  'S3',
  'AppSpecContent',
  'Server',
  'Lambda',
  'ECS',
];

const KEYS = [
  'applicationName',
  'deploymentGroupName',
  'deploymentConfigName',
  'deploymentId',
  'deploymentIds',
  'applicationNames',
  'revision',
  'revisions',
  'targetIds',
  'tags',
  'Tags',
  'TagKeys',
  'ResourceArn',
  'nextToken',
  'computePlatform',
  'serviceRoleArn',
  'description',
  '__proto__',
  'constructor',
  'instanceName',
  'instanceNames',
  'status',
  'lifecycleEventHookExecutionId',
  'minimumHealthyHosts',
  'trafficRoutingConfig',
  'autoRollbackConfiguration',
  'deploymentStyle',
];

function value(r: Rng, depth: number): unknown {
  const roll = int(r, depth > 4 ? 6 : 10);
  switch (roll) {
    case 0:
      return pick(r, STRINGS);
    case 1:
      return pick(r, [0, -1, 1.5, 1e308, -0, 2 ** 53, 100, 25]);
    case 2:
      return pick(r, [true, false, null]);
    case 3:
      return `${pick(r, STRINGS)}-${int(r, 1000)}`;
    case 4:
      return pick(r, STRINGS).repeat(1 + int(r, 3));
    case 5:
      return int(r, 2) ? 'S3' : { revisionType: pick(r, ['S3', 'AppSpecContent', 'GitHub', 'String', 'x']) };
    case 6:
    case 7:
      return object(r, depth + 1);
    default:
      return Array.from({ length: int(r, 4) }, () => value(r, depth + 1));
  }
}

function object(r: Rng, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const n = int(r, 5);
  for (let i = 0; i < n; i++) out[pick(r, KEYS)] = value(r, depth);
  return out;
}

function nested(r: Rng): string {
  const depth = pick(r, [50, 99, 100, 101, 150, 1000, 10_000]);
  const open = int(r, 2) ? '[' : '{"a":';
  const close = open === '[' ? ']' : '}';
  return `{"applicationName":${open.repeat(depth)}1${close.repeat(depth)}}`;
}

/** A JSON (or not) body for a CodeDeploy operation. */
function codeDeployBody(r: Rng): Buffer {
  const roll = int(r, 20);
  if (roll === 0) return Buffer.from(nested(r));
  if (roll === 1) return Buffer.from('{"applicationName": "unterminated');
  if (roll === 2) return Buffer.from([0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]);
  if (roll === 3) return Buffer.from(pick(r, ['[]', '"text"', '42', 'null', '', '{}', '{"__proto__":{"polluted":1}}']));
  if (roll === 4) return Buffer.from(JSON.stringify({ applicationName: 'x'.repeat(int(r, 2) ? 200_000 : 1_100_000) }));
  // Plausible requests mostly.
  const body = object(r, 0);
  if (int(r, 3) === 0) body.applicationName = pick(r, ['checkout-web', 'orders-api-lambda', 'storefront-ecs']);
  return Buffer.from(JSON.stringify(body));
}

const BUCKETS = [
  'fuzz-bucket',
  'checkout-web-revisions',
  'a',
  'Bad_Bucket',
  '..',
  '%2E%2E',
  'x'.repeat(70),
  'my.bucket',
];

function s3Key(r: Rng): string {
  return pick(r, [
    'revision.zip',
    'dir/sub/file.tgz',
    '..',
    '../../state.json',
    '%2E%2E%2Fstate.json',
    encodeURIComponent('ä漢字😀 key?#'),
    'k'.repeat(1100),
    '%E0%A4%A',
    `key-${int(r, 50)}`,
    'a%00b',
  ]);
}

function s3Request(r: Rng, i: number): FuzzRequest {
  if (int(r, 10) === 0) {
    // An acknowledged write that must survive, in a bucket no other request touches.
    const key = `obj-${i}/${pick(r, ['a.zip', 'ä漢字.tgz', 'x'])}`;
    return {
      method: 'PUT',
      path: `/s3/fuzz-acked/${encodeURIComponent(key)}`,
      headers: {},
      body: Buffer.alloc(int(r, 5000), i % 256),
      label: `s3 acknowledged PUT ${key}`,
      write: { kind: 'object', bucket: 'fuzz-acked', key: encodeURIComponent(key) },
    };
  }
  const method = pick(r, ['GET', 'GET', 'PUT', 'PUT', 'HEAD', 'DELETE', 'POST', 'PATCH', 'OPTIONS']);
  const bucket = pick(r, BUCKETS);
  const roll = int(r, 6);
  const headers: Record<string, string> = {};
  if (roll === 0) return { method, path: pick(r, ['/s3', '/s3/', '/s3?x-id=ListBuckets']), headers, label: 's3 root' };
  if (roll === 1) {
    const q = pick(r, [
      'list-type=2',
      'list-type=2&max-keys=1',
      'list-type=2&max-keys=-5',
      'list-type=2&max-keys=abc',
      'list-type=2&continuation-token=%%%',
      'list-type=2&continuation-token=Zm9v',
      'delimiter=/&prefix=dir/',
      'encoding-type=bogus',
      'marker=zzz&max-keys=99999999999',
      'list-type=2&start-after=%F0%9F%98%80',
    ]);
    return { method, path: `/s3/${bucket}?${q}`, headers, label: `s3 list ${q}` };
  }
  const key = s3Key(r);
  let body: Buffer | undefined;
  if (method === 'PUT' || method === 'POST') {
    const size = pick(r, [0, 10, 1000, 100_000, 400_000]);
    body = Buffer.alloc(size, i % 251);
    if (int(r, 5) === 0) {
      headers['content-encoding'] = 'aws-chunked';
      body = Buffer.from(pick(r, ['-5\r\nabc\r\n0\r\n\r\n', 'zz\r\nabc\r\n', '3\r\nabc\r\n0\r\n\r\n', '\r\n\r\n']));
    }
  }
  return { method, path: `/s3/${bucket}/${key}`, headers, body, label: `s3 ${method} ${bucket}/${key.slice(0, 40)}` };
}

/** The i-th request of the run. */
export function fuzzRequest(r: Rng, i: number): FuzzRequest {
  const roll = int(r, 100);
  let req: FuzzRequest;
  if (roll < 50) {
    const op =
      int(r, 10) === 0 ? pick(r, ['Nope', '', '__proto__', 'constructor', 'x'.repeat(300)]) : pick(r, OPERATIONS);
    const headers: Record<string, string> = {
      'content-type': pick(r, ['application/x-amz-json-1.1', 'application/x-amz-json-1.1', 'text/plain', '']),
      'x-amz-target': int(r, 15) === 0 ? pick(r, ['', 'Other.ListApplications', op]) : `CodeDeploy_20141006.${op}`,
    };
    if (int(r, 20) === 0) headers['content-encoding'] = pick(r, ['gzip', 'br', 'identity', 'garbage']);
    let body = codeDeployBody(r);
    let write: FuzzRequest['write'];
    if (roll < 6) {
      // An acknowledged write that must survive: a new application with a unique name.
      const name = `fuzz-app-${i}`;
      headers['x-amz-target'] = 'CodeDeploy_20141006.CreateApplication';
      headers['content-type'] = 'application/x-amz-json-1.1';
      delete headers['content-encoding'];
      body = Buffer.from(
        JSON.stringify({ applicationName: name, computePlatform: pick(r, ['Server', 'Lambda', 'ECS']) }),
      );
      write = { kind: 'application', name };
    }
    const method = int(r, 25) === 0 ? pick(r, ['GET', 'PUT', 'DELETE']) : 'POST';
    const path = int(r, 25) === 0 ? pick(r, ['/?x=1', '//', '/%2e%2e/']) : '/';
    req = {
      method: write ? 'POST' : method,
      path: write ? '/' : path,
      headers,
      body,
      label: `codedeploy ${op.slice(0, 40)}`,
      write,
    };
  } else if (roll < 75) {
    req = s3Request(r, i);
  } else if (roll < 80) {
    req = {
      method: pick(r, ['GET', 'POST']),
      path: pick(r, [
        '/_local/hook-executions',
        '/_local/hook-executions?deploymentId=',
        '/_local/hook-executions?deploymentId=d-AAAAAAAAA',
        '/_local/nothing',
        '/_local/hook-executions?deploymentId=%E0',
      ]),
      headers: {},
      label: 'local route',
    };
  } else if (roll < 88) {
    req = { method: pick(r, ['GET', 'PUT', 'POST']), path: pick(r, LAMBDA_PATHS), headers: {}, label: 'lambda' };
  } else if (roll < 92) {
    req = {
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from(
        pick(r, [
          ELB_VERSION_HINT,
          'Action=Nope',
          '%%%',
          `Action=DescribeTargetGroups&Names.member.1=${'x'.repeat(3000)}`,
        ]),
      ),
      label: 'elb',
    };
  } else if (roll < 95) {
    req = {
      method: 'POST',
      path: '/',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AmazonEC2ContainerServiceV20141113.${pick(r, ['DescribeClusters', 'DescribeServices', 'CreateCluster', 'x'])}`,
      },
      body: codeDeployBody(r),
      label: 'ecs',
    };
  } else {
    req = {
      method: pick(r, ['GET', 'POST', 'TRACE', 'PROPFIND']),
      path: pick(r, ['/', '/health', '/favicon.ico', '/..%2f..%2fetc/passwd', `/${'x'.repeat(4000)}`, '/s3x', '/?']),
      headers: {},
      label: 'stray',
    };
  }
  const credentials = int(r, 12);
  if (credentials === 0) {
    req.refused = true;
    req.label += ' (no key)';
    req.headers['x-fuzz-auth'] = 'none';
  } else if (credentials === 1) {
    req.refused = true;
    req.label += ' (wrong key)';
    req.headers['x-fuzz-auth'] = 'wrong';
  } else if (credentials === 2) {
    req.refused = true;
    req.label += ' (foreign Host)';
    req.headers['x-fuzz-auth'] = 'host';
  } else if (credentials === 3) {
    req.refused = true;
    req.label += ' (Origin)';
    req.headers.origin = 'http://attacker.example';
  }
  if (req.refused) req.write = undefined;
  return req;
}
