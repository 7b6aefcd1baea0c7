/** The JSON 1.1 wire layer of the local endpoint, spoken by hand (what the SDK hides). */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { signedHeaders, startHarness, type Harness } from './helpers';

/** The harness endpoint's access key (contract C1), set once it has started. */
let auth: Record<string, string> = {};

function post(
  url: string,
  body: string | Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { ...auth, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          json: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const JSON11 = 'application/x-amz-json-1.1';

describe('local endpoint wire protocol', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    auth = signedHeaders(h);
  });
  after(() => h.close());

  it('listens on 127.0.0.1 only', () => {
    assert.match(h.endpoint.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(h.endpoint.s3Url, `${h.endpoint.url}/s3`);
  });

  it('answers an operation named by X-Amz-Target with application/x-amz-json-1.1 and epoch-second dates', async () => {
    const r = await post(h.endpoint.url, '{"applicationName":"checkout-web"}', {
      'content-type': JSON11,
      'x-amz-target': 'CodeDeploy_20141006.GetApplication',
    });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], JSON11);
    const app = r.json.application as Record<string, unknown>;
    assert.equal(app.applicationName, 'checkout-web');
    assert.equal(typeof app.createTime, 'number');
  });

  it('requires the target header', async () => {
    const r = await post(h.endpoint.url, '{}', { 'content-type': JSON11 });
    assert.equal(r.status, 400);
    assert.equal(r.json.__type, 'MissingAuthenticationTokenException');
  });

  it('rejects unknown operations with UnknownOperationException', async () => {
    for (const target of [
      'CodeDeploy_20141006.LaunchRockets',
      'DynamoDB_20120810.ListTables',
      'CodeDeploy_20141006.constructor',
    ]) {
      const r = await post(h.endpoint.url, '{}', { 'content-type': JSON11, 'x-amz-target': target });
      assert.equal(r.status, 400, target);
      assert.equal(r.json.__type, 'UnknownOperationException', target);
    }
  });

  it('rejects malformed JSON and non-object bodies with SerializationException', async () => {
    for (const body of ['{"applicationName":', '[1,2]', '"x"', 'null']) {
      const r = await post(h.endpoint.url, body, {
        'content-type': JSON11,
        'x-amz-target': 'CodeDeploy_20141006.GetApplication',
      });
      assert.equal(r.status, 400, body);
      assert.equal(r.json.__type, 'SerializationException', body);
      assert.equal(typeof r.json.message, 'string');
    }
  });

  it('limits the request body size', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 0x20);
    const r = await post(h.endpoint.url, big, {
      'content-type': JSON11,
      'x-amz-target': 'CodeDeploy_20141006.ListApplications',
    });
    assert.equal(r.json.__type, 'SerializationException');
    // The endpoint is still fine afterwards.
    assert.deepEqual(await h.api.listApplications(), ['checkout-web', 'orders-api-lambda', 'storefront-ecs']);
  });

  it('keeps S3 keys inside the store and rejects invalid bucket names', async () => {
    const put = (p: string) =>
      new Promise<number>((resolve, reject) => {
        const { hostname, port } = new URL(h.endpoint.url);
        // Path given as-is (a URL string would have its dot segments normalised away).
        const req = http.request({ hostname, port, path: p, method: 'PUT', headers: auth }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end('x');
      });
    assert.equal(await put('/s3/../evil'), 400);
    assert.equal(await put('/s3/%2E%2E/evil'), 400);
    assert.equal(await put('/s3/Bad_Bucket/key'), 400);
    assert.equal(await put('/s3/my-bucket/%E0%A4%A'), 400);
    assert.equal(await put('/s3/my-bucket/..'), 200);
    assert.deepEqual(fs.readdirSync(h.dataDir).sort(), ['s3', 'state.json'], 'nothing written next to the store');
    assert.deepEqual(fs.readdirSync(path.join(h.dataDir, 's3', 'my-bucket')).sort(), [
      '%2E%2E.data',
      '%2E%2E.meta.json',
    ]);
  });

  it('treats an empty body as {}', async () => {
    const r = await post(h.endpoint.url, '', {
      'content-type': JSON11,
      'x-amz-target': 'CodeDeploy_20141006.ListApplications',
    });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.applications, ['checkout-web', 'orders-api-lambda', 'storefront-ecs']);
  });
});
