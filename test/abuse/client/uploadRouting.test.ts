/**
 * Where the revision bundle goes with connection `local` and `codedeploy.endpoint` set (an endpoint
 * started with `npm run local`): to that endpoint's S3 store, through the real SDK, never to AWS;
 * and a failed upload's message names S3 and the bucket, not the CodeDeploy endpoint.
 */
import { test, after, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AwsUserError, type ConnectionSettings } from '../../../client/src/aws/api';
import { createCodeDeployApi } from '../../../client/src/aws/sdkApi';
import { apiSettings } from '../../../client/src/connection/model';
import { startHarness, type Harness } from '../../aws/helpers';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

/** What the extension builds for `codedeploy.connection: local` + `codedeploy.endpoint` (the test's key). */
function externalLocal(endpoint: string): ConnectionSettings {
  return { ...apiSettings({ kind: 'local', region: 'us-east-1', endpoint }), credentials: h.settings.credentials };
}

test('the bundle is uploaded to the endpoint’s own S3 store', async () => {
  const settings = externalLocal(h.endpoint.url);
  assert.equal(settings.s3Endpoint, `${h.endpoint.url}/s3`);
  const api = createCodeDeployApi(settings);
  const body = new Uint8Array(Buffer.from('PK\u0003\u0004 revision bytes of the external endpoint'));
  try {
    const up = await api.uploadRevision('ext-revisions', 'app/rev-1.zip', body);
    assert.equal(up.eTag, createHash('md5').update(body).digest('hex'));
  } finally {
    api.dispose();
  }
  const s3 = new S3Client({
    region: 'us-east-1',
    endpoint: h.endpoint.s3Url,
    forcePathStyle: true,
    credentials: h.settings.credentials,
  });
  try {
    const got = await s3.send(new GetObjectCommand({ Bucket: 'ext-revisions', Key: 'app/rev-1.zip' }));
    assert.deepEqual(Buffer.from(await got.Body!.transformToByteArray()), Buffer.from(body));
  } finally {
    s3.destroy();
  }
});

test('even without an S3 URL, a local connection uploads to the endpoint, not to AWS', async () => {
  const settings = externalLocal(h.endpoint.url);
  delete settings.s3Endpoint;
  const api = createCodeDeployApi(settings);
  try {
    const up = await api.uploadRevision('ext-revisions', 'app/rev-2.zip', new Uint8Array([1, 2, 3]));
    assert.equal(up.bucket, 'ext-revisions');
  } finally {
    api.dispose();
  }
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('a failed upload names S3 and the bucket, not the CodeDeploy endpoint', async () => {
  const endpoint = `http://127.0.0.1:${await closedPort()}`;
  const api = createCodeDeployApi(externalLocal(endpoint));
  try {
    const err = await api.uploadRevision('my-bucket-42', 'k.zip', new Uint8Array([1])).then(
      () => assert.fail('the upload cannot succeed'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof AwsUserError, String(err));
    assert.match(err.message, /\bS3\b/);
    assert.match(err.message, /my-bucket-42/);
    assert.match(err.message, new RegExp(`${endpoint.replace(/[.:/]/g, '\\$&')}/s3`));
    assert.doesNotMatch(err.message, /CodeDeploy endpoint/);
  } finally {
    api.dispose();
  }
});
