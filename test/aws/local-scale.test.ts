/**
 * The local endpoint at scale (`--fleet/--history/--apps`) and with request rates (`--throttle`),
 * through the real SDK: seeded accounts answer like any other, and an operation over its rate gets
 * the ThrottlingException the SDK treats as throttling; the product's AWS layer retries it away.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GetDeploymentCommand, ListApplicationsCommand } from '@aws-sdk/client-codedeploy';
import { isThrottlingError } from '@smithy/core/retry';
import {
  FLEET_APP,
  FLEET_BUCKET,
  FLEET_GROUP,
  FLEET_KEY,
  HISTORY_APP,
  HISTORY_GROUP,
} from '../../client/src/local/scaleSeed';
import { startHarness, type Harness } from './helpers';

describe('local endpoint seeded at scale', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ seed: false, scale: { fleet: 240, history: 130, apps: 12 } });
  });
  after(() => h.close());

  it('--apps: the extra applications, each with its group', async () => {
    const apps = await h.api.listApplications();
    const scale = apps.filter((a) => a.startsWith('scale-app-'));
    assert.equal(scale.length, 12);
    assert.deepEqual(await h.api.listDeploymentGroups('scale-app-0007'), ['scale-app-0007-prod']);
  });

  it('--history: the group lists its deployments newest first, page by page, all completed', async () => {
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await h.api.listDeployments(HISTORY_APP, HISTORY_GROUP, token);
      ids.push(...page.deploymentIds);
      token = page.nextToken;
    } while (token);
    assert.equal(ids.length, 130);
    assert.equal(new Set(ids).size, 130);
    const first = await h.api.batchGetDeployments(ids.slice(0, 30));
    const times = first.map((d) => d.createTime!.getTime());
    assert.deepEqual(
      [...times].sort((a, b) => b - a),
      times,
      'newest first',
    );
    assert.ok(first.every((d) => d.status === 'Succeeded'));
    assert.equal(first[0].description, 'Release 130');
    const targets = await h.api.listDeploymentTargets(ids[77]);
    const [t] = await h.api.batchGetDeploymentTargets(ids[77], targets);
    assert.equal(t.instanceTarget?.status, 'Succeeded');
    assert.ok(t.instanceTarget!.lifecycleEvents!.every((e) => e.status === 'Succeeded'));
  });

  it('--fleet: a deployment to the group targets every instance', async () => {
    const id = await h.api.createDeployment({
      applicationName: FLEET_APP,
      deploymentGroupName: FLEET_GROUP,
      revision: { revisionType: 'S3', s3Location: { bucket: FLEET_BUCKET, key: FLEET_KEY, bundleType: 'zip' } },
    });
    h.clock.advance(5_000);
    const d = await h.api.getDeployment(id);
    const o = d.deploymentOverview!;
    assert.equal(o.Pending! + o.InProgress! + o.Succeeded! + o.Failed! + o.Skipped!, 240);
    assert.equal(o.InProgress, 24, '10% at a time');
    assert.equal((await h.api.listDeploymentTargets(id)).length, 240);
  });
});

describe('local endpoint with request rates', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({
      throttle: {
        default: { perSecond: Infinity, burst: Infinity },
        byOperation: { GetDeployment: { perSecond: 10, burst: 2 } },
      },
    });
  });
  after(() => h.close());

  it('answers ThrottlingException (400, the shape the SDK classifies as throttling) over the rate', async () => {
    const [id] = (await h.api.listDeployments('checkout-web', 'checkout-web-prod')).deploymentIds;
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => h.raw.send(new GetDeploymentCommand({ deploymentId: id }))),
    );
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    assert.ok(refused.length >= 3, `expected throttling, got ${refused.length} refusals`);
    for (const err of refused) {
      assert.equal(err.name, 'ThrottlingException');
      assert.equal(err.message, 'Rate exceeded');
      assert.equal(err.$metadata.httpStatusCode, 400);
      assert.ok(isThrottlingError(err), 'the SDK classifies it as throttling');
    }
    assert.ok(h.endpoint.throttle!.refused.get('GetDeployment')! >= 3);
    // Other operations have no limit here.
    const many = await Promise.all(Array.from({ length: 10 }, () => h.raw.send(new ListApplicationsCommand({}))));
    assert.equal(many.length, 10);
  });

  it('the AWS layer retries throttled calls: a burst of reads all succeed', async () => {
    const [id] = (await h.api.listDeployments('checkout-web', 'checkout-web-prod')).deploymentIds;
    const before = h.endpoint.throttle!.refused.get('GetDeployment') ?? 0;
    const all = await Promise.all(Array.from({ length: 6 }, () => h.api.getDeployment(id)));
    assert.ok(all.every((d) => d.deploymentId === id));
    assert.ok((h.endpoint.throttle!.refused.get('GetDeployment') ?? 0) > before, 'the burst was throttled on the way');
  });
});
