import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contentRevision, lambdaSpec, runToEnd, startHarness, type Harness } from './helpers';

describe('Lambda deployments on the local endpoint (real SDK over HTTP)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  async function weightsOf(id: string): Promise<{ weight: number; status: string; events: Record<string, string> }> {
    const [targetId] = await h.api.listDeploymentTargets(id);
    const [t] = await h.api.batchGetDeploymentTargets(id, [targetId]);
    const lt = t.lambdaTarget!;
    return {
      weight: lt.lambdaFunctionInfo!.targetVersionWeight!,
      status: lt.status!,
      events: Object.fromEntries((lt.lifecycleEvents ?? []).map((e) => [e.lifecycleEventName!, e.status!])),
    };
  }

  it('runs CodeDeployDefault.LambdaCanary10Percent5Minutes from AppSpecContent through the 10% step to success', async () => {
    const id = await h.api.createDeployment({
      applicationName: 'orders-api-lambda',
      deploymentGroupName: 'orders-api-live',
      deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      revision: contentRevision(
        lambdaSpec({ current: '7', target: '8', hooks: { BeforeAllowTraffic: 'orders-pre-check' } }),
      ),
    });
    assert.match(id, /^d-[A-Z0-9]{9}$/);
    const seen: number[] = [];
    let canaryAt: Date | undefined;
    const done = await runToEnd(h, id, 15_000, 100, async (d) => {
      if (d.status === 'Created' || d.status === 'Queued') return;
      const w = await weightsOf(id);
      if (seen.at(-1) !== w.weight) seen.push(w.weight);
      if (w.weight === 10 && !canaryAt) canaryAt = new Date(h.clock.now());
    });
    assert.equal(done.status, 'Succeeded');
    assert.ok(seen.includes(10), `weights seen: ${seen.join(',')}`);
    assert.deepEqual(
      seen.filter((w) => w > 0),
      [10, 100],
    );
    const final = await weightsOf(id);
    assert.equal(final.weight, 100);
    assert.equal(final.status, 'Succeeded');
    assert.deepEqual(final.events, {
      BeforeAllowTraffic: 'Succeeded',
      AllowTraffic: 'Succeeded',
      AfterAllowTraffic: 'Succeeded',
    });
    // The canary holds 10% for the config's 5 minutes of simulated time.
    const [target] = await h.api.batchGetDeploymentTargets(id, ['orders-api']);
    const allow = target.lambdaTarget!.lifecycleEvents!.find((e) => e.lifecycleEventName === 'AllowTraffic')!;
    assert.ok(allow.endTime!.getTime() - allow.startTime!.getTime() >= 5 * 60_000);
    assert.equal(done.deploymentOverview?.Succeeded, 1);
    assert.ok(done.completeTime instanceof Date && done.createTime instanceof Date);
    assert.equal(done.revision?.appSpecContent?.content, undefined, 'GetDeployment never returns the AppSpec content');
  });

  it('runs CodeDeployDefault.LambdaLinear10PercentEvery1Minute in ten equal steps', async () => {
    const id = await h.api.createDeployment({
      applicationName: 'orders-api-lambda',
      deploymentGroupName: 'orders-api-live',
      deploymentConfigName: 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute',
      revision: contentRevision(lambdaSpec({ current: '8', target: '9' })),
    });
    const seen: number[] = [];
    const done = await runToEnd(h, id, 20_000, 200, async (d) => {
      if (d.status === 'Created' || d.status === 'Queued') return;
      const w = await weightsOf(id);
      if (seen.at(-1) !== w.weight) seen.push(w.weight);
    });
    assert.equal(done.status, 'Succeeded');
    assert.deepEqual(
      seen.filter((w) => w > 0),
      [10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
    );
  });

  it('keeps the AppSpec content retrievable through GetApplicationRevision', async () => {
    const content = lambdaSpec({ current: '9', target: '10' });
    const id = await h.api.createDeployment({
      applicationName: 'orders-api-lambda',
      deploymentGroupName: 'orders-api-live',
      revision: contentRevision(content),
    });
    const d = await h.api.getDeployment(id);
    const info = await h.api.getApplicationRevision('orders-api-lambda', d.revision!);
    assert.ok(info, 'revision registered');
    // deploymentGroups lists the groups for which this is the target revision: none until it succeeds.
    assert.deepEqual(info!.deploymentGroups, []);
    const raw = await h.raw.send(
      new (await import('@aws-sdk/client-codedeploy')).GetApplicationRevisionCommand({
        applicationName: 'orders-api-lambda',
        revision: d.revision!,
      }),
    );
    assert.equal(raw.revision?.appSpecContent?.content, content);
    assert.equal((await runToEnd(h, id, 30_000)).status, 'Succeeded');
    const after = await h.api.getApplicationRevision('orders-api-lambda', d.revision!);
    assert.deepEqual(after!.deploymentGroups, ['orders-api-live']);
  });
});
