/**
 * The fleet after blue/green deployments (KEEP_ALIVE leaves the originals running outside the group only)
 * and an ECS rollback that comes before the replacement task set exists, through the real SDK.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as cd from '@aws-sdk/client-codedeploy';
import { strToU8, zipSync } from 'fflate';
import { contentRevision, ecsSpec, runToEnd, runUntil, startHarness, type Harness } from './helpers';

const APPSPEC = 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /opt/site\n';

describe('blue/green fleet and rollbacks on the local endpoint', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  /** {label: instance ids} of an EC2 deployment. */
  async function byLabel(id: string): Promise<Record<string, string[]>> {
    const ids = await h.api.listDeploymentTargets(id);
    const out: Record<string, string[]> = {};
    for (const t of await h.api.batchGetDeploymentTargets(id, ids)) {
      const label = t.instanceTarget!.instanceLabel ?? '';
      (out[label] ??= []).push(t.instanceTarget!.targetId!);
    }
    for (const k of Object.keys(out)) out[k].sort();
    return out;
  }

  async function deploy(group: string, key: string): Promise<string> {
    const up = await h.api.uploadRevision('fleet-revisions', key, zipSync({ 'appspec.yml': strToU8(APPSPEC) }));
    return h.api.createDeployment({
      applicationName: 'checkout-web',
      deploymentGroupName: group,
      revision: { revisionType: 'S3', s3Location: { bucket: up.bucket, key: up.key, bundleType: 'zip' } },
    });
  }

  it('KEEP_ALIVE: the originals leave this group only; the replacements join the fleet with their tags', async () => {
    await h.raw.send(
      new cd.CreateDeploymentGroupCommand({
        applicationName: 'checkout-web',
        deploymentGroupName: 'bg-keep-alive',
        serviceRoleArn: 'arn:aws:iam::111122223333:role/CodeDeployServiceRole',
        deploymentConfigName: 'CodeDeployDefault.AllAtOnce',
        ec2TagFilters: [{ Key: 'Environment', Value: 'bluegreen', Type: 'KEY_AND_VALUE' }],
        deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
        loadBalancerInfo: { targetGroupInfoList: [{ name: 'bg-keep-alive-tg' }] },
        blueGreenDeploymentConfiguration: {
          deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT' },
          terminateBlueInstancesOnDeploymentSuccess: { action: 'KEEP_ALIVE' },
        },
      }),
    );
    const first = await deploy('bg-keep-alive', 'keep/1.zip');
    assert.equal((await runToEnd(h, first, 2_000)).status, 'Succeeded');
    const one = await byLabel(first);
    const second = await deploy('bg-keep-alive', 'keep/2.zip');
    await runUntil(h, second, 'InProgress', 1_000);
    const two = await byLabel(second);
    assert.deepEqual(two.Blue, one.Green, 'the replacements are the fleet now');
    assert.ok(!two.Green.some((x) => one.Blue.includes(x)));
    assert.equal((await runToEnd(h, second, 2_000)).status, 'Succeeded');

    // The seeded group selects the same tag: the kept-alive originals are still in its fleet.
    const other = await deploy('checkout-web-bluegreen', 'keep/3.zip');
    await runUntil(h, other, 'InProgress', 1_000);
    const three = await byLabel(other);
    for (const id of [...one.Blue, ...one.Green]) assert.ok(three.Blue.includes(id), `${id} in ${three.Blue.join()}`);
    await h.api.stopDeployment(other, false);
    await runToEnd(h, other, 2_000);
  });

  it('ECS: a rollback right after the start ends with the original task set alone, with its id', async () => {
    const id = await h.api.createDeployment({
      applicationName: 'storefront-ecs',
      deploymentGroupName: 'storefront-prod',
      revision: contentRevision(ecsSpec()),
    });
    await runUntil(h, id, 'InProgress', 500);
    const [target] = await h.api.listDeploymentTargets(id);
    const original = (await h.api.batchGetDeploymentTargets(id, [target]))[0].ecsTarget!.taskSetsInfo!;
    assert.equal(original.length, 1);
    await h.api.stopDeployment(id, true);
    const stopped = await runToEnd(h, id, 1_000);
    const rollbackId = stopped.rollbackInfo!.rollbackDeploymentId!;
    assert.equal((await runToEnd(h, rollbackId, 2_000)).status, 'Succeeded');
    const sets = (await h.api.batchGetDeploymentTargets(rollbackId, [target]))[0].ecsTarget!.taskSetsInfo!;
    assert.deepEqual(
      sets.map((s) => [s.identifer, s.status, s.trafficWeight]),
      [[original[0].identifer, 'PRIMARY', 100]],
    );
  });
});
