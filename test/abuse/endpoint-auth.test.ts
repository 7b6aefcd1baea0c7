/**
 * Contract C1: only a client holding this start's access key id, talking to 127.0.0.1/localhost by name and not
 * from a web page, can use the endpoint: the CodeDeploy API, the S3 store, the `/_local/` routes and the simulated
 * Lambda, ECS and ELB reads.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { authHeader, startEndpointProcess, type EndpointProcess } from '../helpers/endpointProcess';
import { cdHeaders, rawRequest } from './http';

describe('who may use the local endpoint', () => {
  let ep: EndpointProcess;
  let port: string;
  before(async () => {
    ep = await startEndpointProcess({ args: ['--no-seed'] });
    port = new URL(ep.url).port;
  });
  after(async () => {
    assert.equal(await ep.stop(), 0);
  });

  const good = () => ({ host: `127.0.0.1:${port}`, ...authHeader(ep.accessKeyId) });

  it('answers a request signed with its access key id', async () => {
    const r = await rawRequest(ep.url, { headers: { ...good(), ...cdHeaders('ListApplications') }, body: '{}' });
    assert.equal(r.status, 200, r.body);
    const local = await rawRequest(ep.url, {
      headers: { host: `localhost:${port}`, ...authHeader(ep.accessKeyId), ...cdHeaders('ListApplications') },
      body: '{}',
    });
    assert.equal(local.status, 200, 'localhost:PORT is accepted too');
  });

  it('refuses requests without a key, with another key or with an unsigned Authorization', async () => {
    for (const auth of [{}, authHeader('LOCALNOTTHEKEY0000'), { authorization: `AWS ${ep.accessKeyId}:sig` }]) {
      const r = await rawRequest(ep.url, {
        headers: { host: `127.0.0.1:${port}`, ...auth, ...cdHeaders('ListApplications') },
        body: '{}',
      });
      assert.equal(r.status, 403);
      assert.equal(JSON.parse(r.body).__type, 'UnrecognizedClientException');
      assert.match(JSON.parse(r.body).message, /The security token included in the request is invalid/);
    }
  });

  it('refuses a foreign Host (DNS rebinding) and any Origin, even with the right key', async () => {
    for (const host of [`evil.example:${port}`, `127.0.0.1:1`, '127.0.0.1', `127.0.0.1.nip.io:${port}`]) {
      const r = await rawRequest(ep.url, {
        headers: { ...authHeader(ep.accessKeyId), host, ...cdHeaders('ListApplications') },
        body: '{}',
      });
      assert.equal(r.status, 403, host);
      assert.match(JSON.parse(r.body).message, /Host header/);
    }
    const r = await rawRequest(ep.url, {
      headers: { ...good(), origin: 'http://evil.example', ...cdHeaders('ListApplications') },
      body: '{}',
    });
    assert.equal(r.status, 403);
    assert.match(JSON.parse(r.body).message, /Origin/);
  });

  it('guards the S3 store, the /_local/ routes and the Lambda, ECS and ELB reads the same way', async () => {
    const s3 = await rawRequest(ep.url, { method: 'GET', path: '/s3', headers: { host: `127.0.0.1:${port}` } });
    assert.equal(s3.status, 403);
    assert.match(s3.body, /<Code>InvalidAccessKeyId<\/Code>/);
    const put = await rawRequest(ep.url, {
      method: 'PUT',
      path: '/s3/bucket-a/page.html',
      headers: { host: `127.0.0.1:${port}`, origin: 'http://evil.example', ...authHeader(ep.accessKeyId, 's3') },
      body: '<script>1</script>',
    });
    assert.equal(put.status, 403);
    const hooks = await rawRequest(ep.url, {
      method: 'GET',
      path: '/_local/hook-executions',
      headers: { host: `127.0.0.1:${port}` },
    });
    assert.equal(hooks.status, 403);
    const lambda = await rawRequest(ep.url, {
      method: 'GET',
      path: '/2015-03-31/functions/orders-api/aliases/live',
      headers: { host: `127.0.0.1:${port}` },
    });
    assert.equal(lambda.status, 403);
    assert.equal(lambda.headers['x-amzn-errortype'], 'UnrecognizedClientException');
    const elb = await rawRequest(ep.url, {
      headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=DescribeTargetGroups&Version=2015-12-01',
    });
    assert.equal(elb.status, 403);
    assert.match(elb.body, /<Code>InvalidClientTokenId<\/Code>/);
    const ecs = await rawRequest(ep.url, {
      headers: {
        host: `127.0.0.1:${port}`,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AmazonEC2ContainerServiceV20141113.DescribeClusters',
      },
      body: '{}',
    });
    assert.equal(ecs.status, 403);
    // A presigned S3 URL carries the key in X-Amz-Credential.
    const presigned = await rawRequest(ep.url, {
      method: 'GET',
      path: `/s3?X-Amz-Credential=${encodeURIComponent(`${ep.accessKeyId}/20260101/us-east-1/s3/aws4_request`)}`,
      headers: { host: `127.0.0.1:${port}` },
    });
    assert.equal(presigned.status, 200);
  });

  it('writes its key to <data>/access-key-id, readable by the user only; each start makes a new key', async () => {
    const file = path.join(ep.dataDir, 'access-key-id');
    assert.equal(fs.readFileSync(file, 'utf8').trim(), ep.accessKeyId);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    const second = await startEndpointProcess({ dataDir: ep.dataDir, args: ['--no-seed'] });
    try {
      assert.notEqual(second.accessKeyId, ep.accessKeyId);
      assert.equal(fs.readFileSync(file, 'utf8').trim(), second.accessKeyId);
      const port2 = new URL(second.url).port;
      const old = await rawRequest(second.url, {
        headers: { host: `127.0.0.1:${port2}`, ...authHeader(ep.accessKeyId), ...cdHeaders('ListApplications') },
        body: '{}',
      });
      assert.equal(old.status, 403, "the previous start's key is refused");
    } finally {
      await second.stop();
    }
    const fixed = await startEndpointProcess({ args: ['--no-seed', '--access-key-id', 'MYFIXEDKEY123'] });
    try {
      assert.equal(fixed.accessKeyId, 'MYFIXEDKEY123');
    } finally {
      await fixed.stop();
    }
  });
});
