/** The local S3 store through the real S3 SDK: listings (ListBuckets, ListObjects, ListObjectsV2) and how objects are served. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  GetObjectCommand,
  ListBucketsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { signedHeaders, startHarness, type Harness } from './helpers';

const BUCKET = 'list-test-bucket';
const KEYS = ['a.txt', 'dir/one.zip', 'dir/sub/two.zip', 'dir/three.zip', 'odd key/&<é>.txt', 'z.txt'];

describe('local S3 store', () => {
  let h: Harness;
  let s3: S3Client;
  before(async () => {
    h = await startHarness({ seed: false });
    s3 = new S3Client({
      endpoint: h.endpoint.s3Url,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: h.settings.credentials,
      maxAttempts: 1,
    });
    for (const Key of KEYS) await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: `body of ${Key}` }));
  });
  after(async () => {
    s3.destroy();
    await h.close();
  });

  it('ListBuckets shows the bucket that received uploads', async () => {
    const out = await s3.send(new ListBucketsCommand({}));
    assert.deepEqual(
      out.Buckets?.map((b) => b.Name),
      [BUCKET],
    );
    assert.ok(out.Buckets?.[0].CreationDate instanceof Date);
  });

  it('ListObjectsV2 lists every key in byte order with sizes and ETags', async () => {
    const out = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    assert.deepEqual(
      out.Contents?.map((o) => o.Key),
      [...KEYS].sort(),
    );
    assert.equal(out.KeyCount, KEYS.length);
    assert.equal(out.IsTruncated, false);
    const one = out.Contents?.find((o) => o.Key === 'dir/one.zip');
    assert.equal(one?.Size, Buffer.byteLength('body of dir/one.zip'));
    assert.match(one?.ETag ?? '', /^"[0-9a-f]{32}"$/);
  });

  it('groups keys under a delimiter into CommonPrefixes, within a prefix', async () => {
    const top = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Delimiter: '/' }));
    assert.deepEqual(
      top.Contents?.map((o) => o.Key),
      ['a.txt', 'z.txt'],
    );
    assert.deepEqual(
      top.CommonPrefixes?.map((p) => p.Prefix),
      ['dir/', 'odd key/'],
    );
    const dir = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'dir/', Delimiter: '/' }));
    assert.deepEqual(
      dir.Contents?.map((o) => o.Key),
      ['dir/one.zip', 'dir/three.zip'],
    );
    assert.deepEqual(
      dir.CommonPrefixes?.map((p) => p.Prefix),
      ['dir/sub/'],
    );
  });

  it('pages with max-keys and continuation tokens, a common prefix counting as one entry', async () => {
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateListObjectsV2({ client: s3, pageSize: 2 }, { Bucket: BUCKET, Delimiter: '/' })) {
      pages++;
      assert.ok((page.KeyCount ?? 0) <= 2);
      seen.push(...(page.Contents ?? []).map((o) => o.Key!), ...(page.CommonPrefixes ?? []).map((p) => p.Prefix!));
    }
    assert.equal(pages, 2);
    assert.deepEqual(seen.sort(), ['a.txt', 'dir/', 'odd key/', 'z.txt']);
    const after = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, StartAfter: 'dir/three.zip' }));
    assert.deepEqual(
      after.Contents?.map((o) => o.Key),
      ['odd key/&<é>.txt', 'z.txt'],
    );
  });

  it('ListObjects (V1) pages with markers', async () => {
    const first = await s3.send(new ListObjectsCommand({ Bucket: BUCKET, MaxKeys: 3 }));
    assert.equal(first.IsTruncated, true);
    const last = first.Contents?.at(-1)?.Key;
    const rest = await s3.send(new ListObjectsCommand({ Bucket: BUCKET, Marker: last }));
    assert.deepEqual(
      [...(first.Contents ?? []), ...(rest.Contents ?? [])].map((o) => o.Key),
      [...KEYS].sort(),
    );
  });

  it('refuses a max-keys that is not a number and a forged continuation token', async () => {
    for (const query of ['list-type=2&continuation-token=%25%25', 'max-keys=ten', 'max-keys=-1']) {
      const raw = await fetch(`${h.endpoint.s3Url}/${BUCKET}?${query}`, { headers: signedHeaders(h, 's3') });
      assert.equal(raw.status, 400, query);
      assert.match(await raw.text(), /<Code>InvalidArgument<\/Code>/, query);
    }
  });

  it('serves stored objects as attachments that no browser renders', async () => {
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'page.html',
        Body: '<script>alert(1)</script>',
        ContentType: 'text/html',
      }),
    );
    const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'page.html' }));
    assert.equal(out.ContentType, 'application/octet-stream');
    assert.equal(out.ContentDisposition, 'attachment');
    assert.equal(await out.Body?.transformToString(), '<script>alert(1)</script>');
    const raw = await fetch(`${h.endpoint.s3Url}/${BUCKET}/page.html`, { headers: signedHeaders(h, 's3') });
    assert.equal(raw.headers.get('x-content-type-options'), 'nosniff');
  });
});
