/**
 * Hostile requests one at a time: JSON nested 10,000 levels deep, names that are Object.prototype members or too
 * long, S3 bodies that are refused before they are read, stored HTML served as a download.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { authHeader, startEndpointProcess, type EndpointProcess } from '../helpers/endpointProcess';
import { cdHeaders, rawRequest } from './http';

describe('hostile requests', () => {
  let ep: EndpointProcess;
  let host: string;
  before(async () => {
    ep = await startEndpointProcess({ args: ['--no-seed'] });
    host = `127.0.0.1:${new URL(ep.url).port}`;
  });
  after(async () => {
    assert.equal(await ep.stop(), 0);
  });

  const call = async (op: string, body: string) => {
    const r = await rawRequest(ep.url, { headers: { host, ...authHeader(ep.accessKeyId), ...cdHeaders(op) }, body });
    return { status: r.status, json: JSON.parse(r.body || '{}') as { __type?: string; message?: string } };
  };

  it('a body nested 10,000 levels deep is refused with SerializationException and nothing is stored', async () => {
    const deep = `{"applicationName":"deep-app","computePlatform":"Server","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const r = await call('CreateApplication', deep);
    assert.equal(r.status, 400);
    assert.equal(r.json.__type, 'SerializationException');
    assert.match(r.json.message ?? '', /more than 100 levels deep/);
    const tags = `{"ResourceArn":"arn:aws:codedeploy:us-east-1:111122223333:application:x","Tags":[{"Key":"k","Value":${'{"a":'.repeat(6000)}1${'}'.repeat(6000)}}]}`;
    assert.equal((await call('TagResource', tags)).json.__type, 'SerializationException');
    // Still saving: a later write is answered and persisted.
    assert.equal((await call('CreateApplication', '{"applicationName":"after-deep"}')).status, 200);
    const state = fs.readFileSync(path.join(ep.dataDir, 'state.json'), 'utf8');
    assert.ok(state.includes('after-deep') && !state.includes('deep-app'));
  });

  it('names like __proto__ and constructor work everywhere; names over 100 characters get the service error', async () => {
    for (const name of ['__proto__', 'constructor', 'hasOwnProperty']) {
      assert.equal((await call('CreateApplication', JSON.stringify({ applicationName: name }))).status, 200, name);
      const arn = `arn:aws:codedeploy:us-east-1:111122223333:application:${name}`;
      const tag = await call(
        'TagResource',
        JSON.stringify({ ResourceArn: arn, Tags: [{ Key: '__proto__', Value: 'v' }] }),
      );
      assert.equal(tag.status, 200, `TagResource on ${name}: ${tag.json.message}`);
      const listed = await call('ListTagsForResource', JSON.stringify({ ResourceArn: arn }));
      assert.deepEqual((listed.json as { Tags?: unknown }).Tags, [{ Key: '__proto__', Value: 'v' }]);
      assert.equal((await call('GetApplication', JSON.stringify({ applicationName: name }))).status, 200);
    }
    const long = await call('CreateApplication', JSON.stringify({ applicationName: 'n'.repeat(101) }));
    assert.equal(long.status, 400);
    assert.equal(long.json.__type, 'InvalidApplicationNameException');
    const group = await call(
      'CreateDeploymentGroup',
      JSON.stringify({
        applicationName: '__proto__',
        deploymentGroupName: 'g'.repeat(101),
        serviceRoleArn: 'arn:aws:iam::1:role/r',
      }),
    );
    assert.equal(group.status, 400);
  });

  it('S3: the method and route are checked before a body is read; a too-large declared body is not read at all', async () => {
    const s3: Record<string, string> = { host, ...authHeader(ep.accessKeyId, 's3') };
    const post = await rawRequest(ep.url, {
      method: 'POST',
      path: '/s3/bucket-x/key',
      headers: s3,
      body: Buffer.alloc(100_000),
    });
    assert.equal(post.status, 405);
    // Headers that announce 300 MB: answered at once with EntityTooLarge, without waiting for the bytes.
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(new URL(ep.url).port), '127.0.0.1');
      let text = '';
      socket.on('data', (d) => (text += d.toString('latin1')));
      socket.on('end', () => resolve(text));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.write(
        `PUT /s3/bucket-x/big.zip HTTP/1.1\r\nHost: ${host}\r\nAuthorization: ${s3.authorization}\r\nContent-Length: ${300 * 1024 * 1024}\r\n\r\npartial`,
      );
    });
    assert.match(answer, /^HTTP\/1\.1 400/);
    assert.match(answer, /EntityTooLarge/);
  });

  it('a stored HTML page comes back as an attachment that browsers do not sniff', async () => {
    const s3: Record<string, string> = { host, ...authHeader(ep.accessKeyId, 's3') };
    const put = await rawRequest(ep.url, {
      method: 'PUT',
      path: '/s3/pages/index.html',
      headers: { ...s3, 'content-type': 'text/html' },
      body: '<script>document.cookie</script>',
    });
    assert.equal(put.status, 200);
    const get = await rawRequest(ep.url, { method: 'GET', path: '/s3/pages/index.html', headers: s3 });
    assert.equal(get.headers['content-type'], 'application/octet-stream');
    assert.equal(get.headers['content-disposition'], 'attachment');
    assert.equal(get.headers['x-content-type-options'], 'nosniff');
  });
});
