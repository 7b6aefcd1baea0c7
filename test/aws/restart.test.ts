/** Persistence: a new endpoint on the same data folder picks up running deployments where they were. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contentRevision, ecsSpec, ManualClock, runToEnd, startHarness, tempDir } from './helpers';

describe('restart mid-deployment', () => {
  it('continues an ECS linear deployment after the endpoint is stopped and started again on the same data', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock();
    const first = await startHarness({ dataDir, clock });
    const id = await first.api.createDeployment({
      applicationName: 'storefront-ecs',
      deploymentGroupName: 'storefront-prod',
      deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
      revision: contentRevision(ecsSpec()),
    });
    const green = async (h: typeof first) => {
      const [t] = await h.api.batchGetDeploymentTargets(id, ['storefront-cluster:storefront']);
      return t.ecsTarget!.taskSetsInfo!.find((s) => s.taskSetLabel === 'Green')?.trafficWeight;
    };
    let w = 0;
    for (let i = 0; i < 100 && w < 30; i++) {
      clock.advance(10_000);
      w = (await green(first)) ?? 0;
    }
    assert.equal(w, 30);
    const before = await first.api.getDeployment(id);
    await first.close({ keepData: true });
    assert.ok(fs.existsSync(path.join(dataDir, 'state.json')));
    assert.deepEqual(
      fs.readdirSync(dataDir).filter((f) => f.includes('.tmp-')),
      [],
      'no temporary files left behind',
    );

    const second = await startHarness({ dataDir, clock });
    try {
      const after = await second.api.getDeployment(id);
      assert.equal(after.status, 'InProgress');
      assert.deepEqual(after.createTime, before.createTime);
      assert.equal(await green(second), 30, 'the weight is where it was');
      const seen: number[] = [];
      const done = await runToEnd(second, id, 20_000, 200, async () => {
        const g = (await green(second)) ?? 100;
        if (seen.at(-1) !== g) seen.push(g);
      });
      assert.equal(done.status, 'Succeeded');
      assert.deepEqual(seen, [30, 40, 50, 60, 70, 80, 90, 100]);
      // The seeded history was not seeded twice.
      assert.deepEqual(await second.api.listApplications(), ['checkout-web', 'orders-api-lambda', 'storefront-ecs']);
    } finally {
      await second.close();
    }
  });

  it('keeps an unreadable state file aside and starts fresh instead of crashing', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'state.json'), '{"version": 1, "deploy');
    const h = await startHarness({ dataDir });
    try {
      assert.deepEqual(await h.api.listApplications(), ['checkout-web', 'orders-api-lambda', 'storefront-ecs']);
      assert.equal(fs.readdirSync(dataDir).filter((f) => f.startsWith('state.json.bad-')).length, 1);
    } finally {
      await h.close();
    }
  });
});
