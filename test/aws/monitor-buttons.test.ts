/**
 * The monitor's buttons against what the (local) service accepts, through the real SDK: in each state the
 * monitor reaches, an enabled button's call is accepted and a disabled button's call is refused with the
 * error CodeDeploy documents (DeploymentIsNotInReadyStateException, DeploymentAlreadyCompletedException).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buttonStates } from '../../client/src/monitor/buttons';
import { contentRevision, ecsSpec, runToEnd, runUntil, startHarness, type Harness } from './helpers';

describe('monitor buttons follow what the service accepts (ECS blue/green with a Ready wait)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('running: Stop yes, Continue no; Ready: Continue yes; ended: nothing', async () => {
    const id = await h.api.createDeployment({
      applicationName: 'storefront-ecs',
      deploymentGroupName: 'storefront-staging',
      revision: contentRevision(ecsSpec()),
    });
    const running = await runUntil(h, id, 'InProgress', 1_000);
    let b = buttonStates(running);
    assert.deepEqual([b.stop, b.stopAndRollback, b.continue.enabled], [true, true, false]);
    await assert.rejects(h.api.continueDeployment(id, 'READY_WAIT'), { code: 'DeploymentIsNotInReadyStateException' });

    const ready = await runUntil(h, id, 'Ready', 1_000);
    b = buttonStates(ready);
    assert.deepEqual([b.stop, b.continue.enabled, b.continue.waitType], [true, true, 'READY_WAIT']);
    await h.api.continueDeployment(id, b.continue.waitType);

    const end = await runToEnd(h, id, 5_000);
    assert.equal(end.status, 'Succeeded');
    b = buttonStates(end);
    assert.deepEqual([b.stop, b.stopAndRollback, b.continue.enabled], [false, false, false]);
    await assert.rejects(h.api.stopDeployment(id, false), { code: 'DeploymentAlreadyCompletedException' });
    await assert.rejects(h.api.stopDeployment(id, true), { code: 'DeploymentAlreadyCompletedException' });
    await assert.rejects(h.api.continueDeployment(id, 'READY_WAIT'), { code: 'DeploymentAlreadyCompletedException' });
  });
});
