import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contentRevision, ecsSpec, runToEnd, runUntil, startHarness, type Harness } from './helpers';

describe('ECS blue/green deployments on the local endpoint (real SDK over HTTP)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  async function greenWeight(id: string): Promise<number | undefined> {
    const [t] = await h.api.batchGetDeploymentTargets(id, ['storefront-cluster:storefront']);
    return t.ecsTarget?.taskSetsInfo?.find((s) => s.taskSetLabel === 'Green')?.trafficWeight;
  }

  it('shifts green weight step by step with CodeDeployDefault.ECSLinear10PercentEvery1Minutes', async () => {
    const id = await h.api.createDeployment({
      applicationName: 'storefront-ecs',
      deploymentGroupName: 'storefront-prod',
      deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
      revision: contentRevision(ecsSpec({ AfterAllowTestTraffic: 'storefront-smoke-test' })),
    });
    const weights: number[] = [];
    const done = await runToEnd(h, id, 20_000, 300, async (d) => {
      if (d.status === 'Created' || d.status === 'Queued') return;
      const w = await greenWeight(id);
      if (w !== undefined && weights.at(-1) !== w) weights.push(w);
    });
    assert.equal(done.status, 'Succeeded');
    assert.deepEqual(
      weights.filter((w) => w > 0),
      [10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
    );
    const [t] = await h.api.batchGetDeploymentTargets(id, ['storefront-cluster:storefront']);
    const ecs = t.ecsTarget!;
    assert.deepEqual(
      ecs.lifecycleEvents!.map((e) => [e.lifecycleEventName, e.status]),
      [
        'BeforeInstall',
        'Install',
        'AfterInstall',
        'AllowTestTraffic',
        'AfterAllowTestTraffic',
        'BeforeAllowTraffic',
        'AllowTraffic',
        'AfterAllowTraffic',
      ].map((n) => [n, 'Succeeded']),
    );
    // After the termination wait only the green task set is left, as PRIMARY with all traffic.
    assert.deepEqual(
      ecs.taskSetsInfo!.map((s) => [s.taskSetLabel, s.status, s.trafficWeight]),
      [['Green', 'PRIMARY', 100]],
    );
    assert.equal(done.instanceTerminationWaitTimeStarted, true);
  });

  it('runs CodeDeployDefault.ECSCanary10Percent5Minutes: 10% green, then all traffic after 5 minutes', async () => {
    const id = await h.api.createDeployment({
      applicationName: 'storefront-ecs',
      deploymentGroupName: 'storefront-prod',
      deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes',
      revision: contentRevision(ecsSpec()),
    });
    const weights: number[] = [];
    let blueAtCanary: number | undefined;
    const done = await runToEnd(h, id, 30_000, 200, async (d) => {
      if (d.status === 'Created' || d.status === 'Queued') return;
      const [t] = await h.api.batchGetDeploymentTargets(id, ['storefront-cluster:storefront']);
      const sets = t.ecsTarget?.taskSetsInfo ?? [];
      const g = sets.find((s) => s.taskSetLabel === 'Green')?.trafficWeight;
      if (g === 10) blueAtCanary = sets.find((s) => s.taskSetLabel === 'Blue')?.trafficWeight;
      if (g !== undefined && weights.at(-1) !== g) weights.push(g);
    });
    assert.equal(done.status, 'Succeeded');
    assert.deepEqual(
      weights.filter((w) => w > 0),
      [10, 100],
    );
    assert.equal(blueAtCanary, 90);
  });

  it('waits in Ready (READY_WAIT) until ContinueDeployment, then finishes', async () => {
    const id = await h.api.createDeployment({
      applicationName: 'storefront-ecs',
      deploymentGroupName: 'storefront-staging',
      deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
      revision: contentRevision(ecsSpec()),
    });
    const ready = await runUntil(h, id, 'Ready', 5_000);
    assert.equal(ready.deploymentOverview?.Ready, 1);
    // Time passes, but a deployment waiting for the go-ahead does not move (until its 30-minute timeout).
    h.clock.advance(10 * 60_000);
    assert.equal((await h.api.getDeployment(id)).status, 'Ready');
    await assert.rejects(h.api.continueDeployment(id, 'TERMINATION_WAIT'), {
      code: 'InvalidDeploymentWaitTypeException',
    });
    await h.api.continueDeployment(id, 'READY_WAIT');
    assert.equal((await h.api.getDeployment(id)).status, 'InProgress');
    const done = await runToEnd(h, id, 5_000);
    assert.equal(done.status, 'Succeeded');
    await assert.rejects(h.api.continueDeployment(id, 'READY_WAIT'), { code: 'DeploymentAlreadyCompletedException' });
  });

  it('stops a READY_WAIT deployment when nobody continues it before the wait time ends', async () => {
    const id = await h.api.createDeployment({
      applicationName: 'storefront-ecs',
      deploymentGroupName: 'storefront-staging',
      revision: contentRevision(ecsSpec()),
    });
    await runUntil(h, id, 'Ready', 5_000);
    h.clock.advance(31 * 60_000);
    const d = await h.api.getDeployment(id);
    assert.equal(d.status, 'Stopped');
    assert.equal(d.errorInformation?.code, 'TIMEOUT');
  });

  it('skips the termination wait with ContinueDeployment TERMINATION_WAIT', async () => {
    const id = await h.api.createDeployment({
      applicationName: 'storefront-ecs',
      deploymentGroupName: 'storefront-prod',
      deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
      revision: contentRevision(ecsSpec()),
    });
    let d = await h.api.getDeployment(id);
    for (let i = 0; i < 100 && !d.instanceTerminationWaitTimeStarted; i++) {
      h.clock.advance(2_000);
      d = await h.api.getDeployment(id);
    }
    assert.equal(d.instanceTerminationWaitTimeStarted, true);
    assert.equal(d.status, 'InProgress', 'the original task set is kept for the 5-minute termination wait');
    await assert.rejects(h.api.continueDeployment(id, 'READY_WAIT'), { code: 'InvalidDeploymentWaitTypeException' });
    await h.api.continueDeployment(id, 'TERMINATION_WAIT');
    h.clock.advance(5_000);
    assert.equal((await h.api.getDeployment(id)).status, 'Succeeded');
  });
});
