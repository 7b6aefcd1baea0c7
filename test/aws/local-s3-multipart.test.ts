/** Multipart uploads to the local S3 store through the real S3 SDK, checked against S3's documented rules. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { startHarness, type Harness } from './helpers';

const BUCKET = 'multipart-test-bucket';
const MiB = 1024 * 1024;

const md5 = (b: Uint8Array) => createHash('md5').update(b).digest();

describe('local S3 store: multipart uploads', () => {
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
  });
  after(async () => {
    s3.destroy();
    await h.close();
  });

  async function start(Key: string): Promise<string> {
    const out = await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key }));
    assert.equal(out.Key, Key);
    assert.ok(out.UploadId);
    return out.UploadId;
  }
  async function part(Key: string, UploadId: string, PartNumber: number, Body: Uint8Array): Promise<string> {
    const out = await s3.send(new UploadPartCommand({ Bucket: BUCKET, Key, UploadId, PartNumber, Body }));
    assert.equal(out.ETag, `"${md5(Body).toString('hex')}"`);
    return out.ETag ?? '';
  }
  async function errorName(p: Promise<unknown>): Promise<string> {
    try {
      await p;
    } catch (err) {
      return (err as Error).name;
    }
    return 'no error';
  }

  it('assembles the parts in order into one object with the "<md5 of md5s>-N" ETag, readable whole and by range', async () => {
    const Key = 'bundles/big app.zip';
    const bodies = [randomBytes(5 * MiB), randomBytes(5 * MiB + 17), randomBytes(1234)];
    const UploadId = await start(Key);
    // Uploaded out of order, as parallel clients do.
    const tags: string[] = [];
    for (const i of [2, 0, 1]) tags[i] = await part(Key, UploadId, i + 1, bodies[i]);

    const listed = await s3.send(new ListPartsCommand({ Bucket: BUCKET, Key, UploadId }));
    assert.deepEqual(
      listed.Parts?.map((p) => [p.PartNumber, p.Size, p.ETag]),
      bodies.map((b, i) => [i + 1, b.length, tags[i]]),
    );
    const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: BUCKET }));
    assert.ok(uploads.Uploads?.some((u) => u.UploadId === UploadId && u.Key === Key));

    const done = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key,
        UploadId,
        MultipartUpload: { Parts: tags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
      }),
    );
    const expectedTag = `"${md5(Buffer.concat(bodies.map(md5))).toString('hex')}-3"`;
    assert.equal(done.ETag, expectedTag);

    const whole = Buffer.concat(bodies);
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
    assert.equal(got.ETag, expectedTag);
    assert.ok(Buffer.from(await got.Body!.transformToByteArray()).equals(whole));
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key }));
    assert.equal(head.ContentLength, whole.length);

    const ranged = await s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key, Range: `bytes=${5 * MiB - 3}-${5 * MiB + 4}` }),
    );
    assert.equal(ranged.ContentRange, `bytes ${5 * MiB - 3}-${5 * MiB + 4}/${whole.length}`);
    assert.ok(Buffer.from(await ranged.Body!.transformToByteArray()).equals(whole.subarray(5 * MiB - 3, 5 * MiB + 5)));
    assert.equal(
      await errorName(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key, Range: `bytes=${whole.length}-` }))),
      'InvalidRange',
    );

    // The upload is gone once completed: its parts are no longer on disk.
    assert.equal(await errorName(s3.send(new ListPartsCommand({ Bucket: BUCKET, Key, UploadId }))), 'NoSuchUpload');
    assert.deepEqual(fs.readdirSync(path.join(h.dataDir, 's3-uploads')), []);
  });

  it('refuses part lists out of order, with unknown parts or ETags, or with a small part before the last', async () => {
    const Key = 'bad-lists.bin';
    const UploadId = await start(Key);
    const small = await part(Key, UploadId, 1, randomBytes(1000));
    const big = await part(Key, UploadId, 2, randomBytes(5 * MiB));
    const last = await part(Key, UploadId, 3, randomBytes(10));
    const complete = (Parts: { ETag: string; PartNumber: number }[]) =>
      errorName(
        s3.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key, UploadId, MultipartUpload: { Parts } })),
      );

    assert.equal(
      await complete([
        { ETag: last, PartNumber: 3 },
        { ETag: big, PartNumber: 2 },
      ]),
      'InvalidPartOrder',
    );
    assert.equal(
      await complete([
        { ETag: big, PartNumber: 2 },
        { ETag: big, PartNumber: 3 },
      ]),
      'InvalidPart',
    );
    assert.equal(
      await complete([
        { ETag: big, PartNumber: 2 },
        { ETag: last, PartNumber: 4 },
      ]),
      'InvalidPart',
    );
    assert.equal(
      await complete([
        { ETag: small, PartNumber: 1 },
        { ETag: big, PartNumber: 2 },
      ]),
      'EntityTooSmall',
    );
    // A failed completion loses nothing: a correct list still completes, skipping part 1.
    const ok = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key,
        UploadId,
        MultipartUpload: {
          Parts: [
            { ETag: big, PartNumber: 2 },
            { ETag: last, PartNumber: 3 },
          ],
        },
      }),
    );
    assert.match(ok.ETag ?? '', /^"[0-9a-f]{32}-2"$/);
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key }));
    assert.equal(head.ContentLength, 5 * MiB + 10);
  });

  it('aborts an upload, and answers NoSuchUpload for unknown, aborted or hostile upload ids', async () => {
    const Key = 'aborted.bin';
    const UploadId = await start(Key);
    await part(Key, UploadId, 1, randomBytes(100));
    await s3.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key, UploadId }));
    assert.equal(
      await errorName(s3.send(new UploadPartCommand({ Bucket: BUCKET, Key, UploadId, PartNumber: 2, Body: 'x' }))),
      'NoSuchUpload',
    );
    for (const id of ['../../state.json', '..', 'f'.repeat(32), UploadId.toUpperCase()]) {
      assert.equal(
        await errorName(s3.send(new ListPartsCommand({ Bucket: BUCKET, Key, UploadId: id }))),
        'NoSuchUpload',
        id,
      );
    }
    // The upload belongs to its own key.
    const other = await start('owner.bin');
    assert.equal(
      await errorName(
        s3.send(new UploadPartCommand({ Bucket: BUCKET, Key, UploadId: other, PartNumber: 1, Body: 'x' })),
      ),
      'NoSuchUpload',
    );
    assert.equal(
      await errorName(
        s3.send(
          new UploadPartCommand({ Bucket: BUCKET, Key: 'owner.bin', UploadId: other, PartNumber: 10001, Body: 'x' }),
        ),
      ),
      'InvalidArgument',
    );
    assert.equal(fs.existsSync(path.join(h.dataDir, 'state.json')), true);
  });

  it('removes the parts of uploads left unfinished when the endpoint starts again', async () => {
    const Key = 'abandoned.bin';
    const UploadId = await start(Key);
    await part(Key, UploadId, 1, randomBytes(2048));
    const uploadsDir = path.join(h.dataDir, 's3-uploads');
    assert.deepEqual(fs.readdirSync(uploadsDir).includes(UploadId), true);
    s3.destroy();
    await h.close({ keepData: true });
    h = await startHarness({ seed: false, dataDir: h.dataDir });
    s3 = new S3Client({
      endpoint: h.endpoint.s3Url,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: h.settings.credentials,
      maxAttempts: 1,
    });
    assert.equal(fs.existsSync(uploadsDir), false);
    assert.equal(await errorName(s3.send(new ListPartsCommand({ Bucket: BUCKET, Key, UploadId }))), 'NoSuchUpload');
    // Completed objects stay.
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'bad-lists.bin' }));
    assert.equal(head.ContentLength, 5 * MiB + 10);
  });
});
