import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { strToU8, zipSync } from 'fflate';
import { UploadCancelledError, type DeploymentTarget } from '../../client/src/aws/api';
import { runToEnd, runUntil, startHarness, type Harness } from './helpers';

const APPSPEC = `version: 0.0
os: linux
files:
  - source: /
    destination: /opt/checkout-web
hooks:
  BeforeInstall:
    - location: scripts/before.sh
      timeout: 60
  ValidateService:
    - location: scripts/validate.sh
      timeout: 60
`;

function bundle(appspec = APPSPEC): Uint8Array {
  return zipSync({
    'appspec.yml': strToU8(appspec),
    'scripts/before.sh': strToU8('#!/bin/bash\necho before\n'),
    'scripts/validate.sh': strToU8('#!/bin/bash\ncurl -fsS localhost:8080/health\n'),
    'index.html': strToU8('<h1>checkout</h1>\n'.repeat(20_000)),
  });
}

describe('EC2/On-Premises deployments on the local endpoint (S3 upload, then deploy)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  async function upload(key: string, body = bundle()) {
    const progress: [number, number][] = [];
    const up = await h.api.uploadRevision('my-revisions', key, body, (sent, total) => progress.push([sent, total]));
    return { up, progress, body };
  }

  async function targets(id: string): Promise<DeploymentTarget[]> {
    const ids = await h.api.listDeploymentTargets(id);
    return h.api.batchGetDeploymentTargets(id, ids);
  }

  it('uploads a bundle with progress and returns the S3 ETag', async () => {
    const { up, progress, body } = await upload('checkout/web-2.0.0.zip');
    assert.equal(up.bucket, 'my-revisions');
    assert.equal(up.key, 'checkout/web-2.0.0.zip');
    assert.equal(up.eTag, createHash('md5').update(body).digest('hex'));
    assert.deepEqual(progress.at(-1), [body.length, body.length]);
    assert.ok(progress.length >= 2, 'progress reported along the way');
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i][0] >= progress[i - 1][0]);
  });

  it('cancelling stops the upload mid-request and S3 keeps nothing', async () => {
    // Random bytes do not compress: a bundle of several upload chunks.
    const body = zipSync({ 'appspec.yml': strToU8(APPSPEC), 'blob.bin': randomBytes(1_500_000) }, { level: 0 });
    const abort = new AbortController();
    const seen: number[] = [];
    await assert.rejects(
      h.api.uploadRevision(
        'my-revisions',
        'checkout/cancelled.zip',
        body,
        (sent) => {
          seen.push(sent);
          if (sent > 0) abort.abort();
        },
        abort.signal,
      ),
      UploadCancelledError,
    );
    assert.ok(seen.at(-1)! < body.length, `stopped before the end (${seen.at(-1)} of ${body.length})`);
    const s3 = new S3Client({
      endpoint: h.endpoint.s3Url,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: h.settings.credentials,
    });
    try {
      await assert.rejects(s3.send(new HeadObjectCommand({ Bucket: 'my-revisions', Key: 'checkout/cancelled.zip' })));
    } finally {
      s3.destroy();
    }
    // An upload that was already cancelled never starts.
    await assert.rejects(
      h.api.uploadRevision('my-revisions', 'x.zip', body, undefined, abort.signal),
      UploadCancelledError,
    );
  });

  it('rolls an in-place deployment across 4 instances two at a time (HalfAtATime)', async () => {
    const { up } = await upload('checkout/web-2.0.1.zip');
    const id = await h.api.createDeployment({
      applicationName: 'checkout-web',
      deploymentGroupName: 'checkout-web-prod',
      deploymentConfigName: 'CodeDeployDefault.HalfAtATime',
      revision: {
        revisionType: 'S3',
        s3Location: { bucket: up.bucket, key: up.key, bundleType: 'zip', eTag: up.eTag },
      },
    });
    let maxConcurrent = 0;
    let sawHalf = false;
    const done = await runToEnd(h, id, 2_000, 300, async (d) => {
      if (d.status !== 'InProgress') return;
      const ts = await targets(id);
      const running = ts.filter((t) => t.instanceTarget?.status === 'InProgress').length;
      const pending = ts.filter((t) => t.instanceTarget?.status === 'Pending').length;
      maxConcurrent = Math.max(maxConcurrent, running);
      if (running === 2 && pending === 2) sawHalf = true;
      assert.ok(ts.length - running >= 2, 'at least half the fleet stays healthy');
    });
    assert.equal(done.status, 'Succeeded', done.errorInformation?.message);
    assert.equal(maxConcurrent, 2);
    assert.ok(sawHalf, 'the first batch ran while the second waited');
    assert.deepEqual(done.deploymentOverview, {
      Pending: 0,
      InProgress: 0,
      Succeeded: 4,
      Failed: 0,
      Skipped: 0,
      Ready: 0,
    });
    const ts = await targets(id);
    assert.equal(ts.length, 4);
    const events = ts[0].instanceTarget!.lifecycleEvents!.map((e) => e.lifecycleEventName);
    assert.deepEqual(events, [
      'BeforeBlockTraffic',
      'BlockTraffic',
      'AfterBlockTraffic',
      'ApplicationStop',
      'DownloadBundle',
      'BeforeInstall',
      'Install',
      'AfterInstall',
      'ApplicationStart',
      'ValidateService',
      'BeforeAllowTraffic',
      'AllowTraffic',
      'AfterAllowTraffic',
    ]);
    // The older instance APIs describe the same deployment.
    const instanceIds = await h.api.listDeploymentInstances(id);
    assert.equal(instanceIds.length, 4);
    const summaries = await h.api.batchGetDeploymentInstances(id, instanceIds);
    assert.ok(summaries.every((s) => s.status === 'Succeeded' && s.lifecycleEvents?.length === 13));
    const rev = await h.api.getApplicationRevision('checkout-web', done.revision!);
    assert.deepEqual(rev?.deploymentGroups, ['checkout-web-prod']);
  });

  it('keeps 3 of 4 instances healthy with a HOST_COUNT 3 custom configuration (one at a time)', async () => {
    const { up } = await upload('checkout/web-2.0.2.zip');
    const id = await h.api.createDeployment({
      applicationName: 'checkout-web',
      deploymentGroupName: 'checkout-web-prod',
      deploymentConfigName: 'checkout-keep-3-healthy',
      revision: { revisionType: 'S3', s3Location: { bucket: up.bucket, key: up.key, bundleType: 'zip' } },
    });
    let maxConcurrent = 0;
    const done = await runToEnd(h, id, 2_000, 300, async (d) => {
      if (d.status !== 'InProgress') return;
      const running = (await targets(id)).filter((t) => t.instanceTarget?.status === 'InProgress').length;
      maxConcurrent = Math.max(maxConcurrent, running);
    });
    assert.equal(done.status, 'Succeeded');
    assert.equal(maxConcurrent, 1);
  });

  it('runs blue/green: replacement instances, READY_WAIT, traffic, termination of the originals', async () => {
    const { up } = await upload('checkout/web-2.1.0.zip');
    const id = await h.api.createDeployment({
      applicationName: 'checkout-web',
      deploymentGroupName: 'checkout-web-bluegreen',
      revision: { revisionType: 'S3', s3Location: { bucket: up.bucket, key: up.key, bundleType: 'zip' } },
    });
    const ready = await runUntil(h, id, 'Ready', 3_000);
    assert.equal(ready.deploymentOverview?.Ready, 2);
    const ts = await targets(id);
    assert.deepEqual(ts.map((t) => t.instanceTarget!.instanceLabel).sort(), ['Blue', 'Blue', 'Green', 'Green']);
    const greenIds = ts
      .filter((t) => t.instanceTarget!.instanceLabel === 'Green')
      .map((t) => t.instanceTarget!.targetId!);
    assert.ok(
      greenIds.every((x) => /^i-0[0-9a-f]{16}$/.test(x)),
      greenIds.join(),
    );
    await h.api.continueDeployment(id, 'READY_WAIT');
    const done = await runToEnd(h, id, 30_000);
    assert.equal(done.status, 'Succeeded');
    assert.equal(done.instanceTerminationWaitTimeStarted, true);
    const blue = (await targets(id)).filter((t) => t.instanceTarget!.instanceLabel === 'Blue');
    assert.deepEqual(
      blue[0].instanceTarget!.lifecycleEvents!.map((e) => e.lifecycleEventName),
      ['BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic'],
    );
  });

  it('fails with INVALID_REVISION and the engine message when the bundled appspec.yml is broken', async () => {
    const { up } = await upload(
      'checkout/broken.zip',
      bundle(
        'version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: scripts/before.sh\n      timeout: soon\n',
      ),
    );
    const id = await h.api.createDeployment({
      applicationName: 'checkout-web',
      deploymentGroupName: 'checkout-web-prod',
      revision: { revisionType: 'S3', s3Location: { bucket: up.bucket, key: up.key, bundleType: 'zip' } },
    });
    const done = await runToEnd(h, id, 2_000);
    assert.equal(done.status, 'Failed');
    assert.equal(done.errorInformation?.code, 'INVALID_REVISION');
    assert.match(done.errorInformation!.message!, /^The AppSpec file is not valid: .*\(line \d+, E\d{4}\)/);
  });

  it('fails with REVISION_MISSING when the S3 object does not exist', async () => {
    const id = await h.api.createDeployment({
      applicationName: 'checkout-web',
      deploymentGroupName: 'checkout-web-prod',
      revision: { revisionType: 'S3', s3Location: { bucket: 'my-revisions', key: 'nope.zip', bundleType: 'zip' } },
    });
    const done = await runToEnd(h, id, 2_000);
    assert.equal(done.status, 'Failed');
    assert.equal(done.errorInformation?.code, 'REVISION_MISSING');
  });
});
