/**
 * The monitor's buttons follow the deployment state: each is enabled exactly in the states where the
 * CodeDeploy API accepts the call (StopDeployment: any status that is not final; ContinueDeployment: a
 * blue/green deployment in READY_WAIT or TERMINATION_WAIT), and an unavailable one always says why.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { DeploymentInfo } from '../../../client/src/aws/api';
import { buttonStates, STOPPABLE_STATUSES } from '../../../client/src/monitor/buttons';

const ALL_STATUSES = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready', 'Succeeded', 'Failed', 'Stopped'] as const;
const blueGreenEc2: DeploymentInfo = {
  computePlatform: 'Server',
  deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
};
const inPlaceEc2: DeploymentInfo = {
  computePlatform: 'Server',
  deploymentStyle: { deploymentType: 'IN_PLACE', deploymentOption: 'WITHOUT_TRAFFIC_CONTROL' },
};
const ecs: DeploymentInfo = {
  computePlatform: 'ECS',
  deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
};
const lambda: DeploymentInfo = {
  computePlatform: 'Lambda',
  deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
};

test('Stop and Stop-and-roll-back: enabled in every non-final status, disabled with the status after the end', () => {
  for (const base of [blueGreenEc2, inPlaceEc2, ecs, lambda])
    for (const status of ALL_STATUSES) {
      const b = buttonStates({ ...base, status });
      const stoppable = (STOPPABLE_STATUSES as readonly string[]).includes(status);
      assert.equal(b.stop, stoppable, `${base.computePlatform} ${status}`);
      assert.equal(b.stopAndRollback, stoppable, `${base.computePlatform} ${status}`);
      assert.equal(b.stopReason, stoppable ? undefined : `The deployment has ended (${status}).`);
    }
});

test('Continue: READY_WAIT only in Ready, TERMINATION_WAIT only while the original waits, blue/green only', () => {
  const table: [DeploymentInfo, 'READY_WAIT' | 'TERMINATION_WAIT' | undefined][] = [
    [{ ...blueGreenEc2, status: 'Ready' }, 'READY_WAIT'],
    [{ ...ecs, status: 'Ready' }, 'READY_WAIT'],
    [{ ...blueGreenEc2, status: 'InProgress' }, undefined],
    [{ ...blueGreenEc2, status: 'InProgress', instanceTerminationWaitTimeStarted: true }, 'TERMINATION_WAIT'],
    [{ ...ecs, status: 'InProgress', instanceTerminationWaitTimeStarted: true }, 'TERMINATION_WAIT'],
    [{ ...ecs, status: 'Baking', instanceTerminationWaitTimeStarted: true }, 'TERMINATION_WAIT'],
    [{ ...blueGreenEc2, status: 'Created' }, undefined],
    [{ ...blueGreenEc2, status: 'Queued' }, undefined],
    // The wait is over once the deployment has ended, whatever the flags say.
    [{ ...blueGreenEc2, status: 'Succeeded', instanceTerminationWaitTimeStarted: true }, undefined],
    [{ ...blueGreenEc2, status: 'Stopped' }, undefined],
    [{ ...ecs, status: 'Failed' }, undefined],
    // ContinueDeployment answers UnsupportedActionForDeploymentType for these.
    [{ ...inPlaceEc2, status: 'Ready' }, undefined],
    [{ ...inPlaceEc2, status: 'InProgress', instanceTerminationWaitTimeStarted: true }, undefined],
    [{ ...lambda, status: 'InProgress' }, undefined],
    [{ ...lambda, status: 'Ready' }, undefined],
  ];
  for (const [d, wait] of table) {
    const c = buttonStates(d).continue;
    const what = `${d.computePlatform} ${d.deploymentStyle?.deploymentType} ${d.status}`;
    assert.equal(c.waitType, wait, what);
    assert.equal(c.enabled, wait !== undefined, what);
    assert.equal(c.reason === undefined, c.enabled, `${what}: a reason exactly when unavailable`);
  }
});

test('labels say what Continue does; reasons say why it is not available', () => {
  assert.equal(buttonStates({ ...blueGreenEc2, status: 'Ready' }).continue.label, 'Continue: reroute traffic');
  const terminate = { ...blueGreenEc2, status: 'InProgress' as const, instanceTerminationWaitTimeStarted: true };
  assert.equal(buttonStates(terminate).continue.label, 'Continue: terminate original instances');
  assert.equal(buttonStates({ ...terminate, ...ecs, status: 'InProgress' }).continue.label, 'Continue: finish now');
  assert.match(buttonStates({ ...lambda, status: 'InProgress' }).continue.reason ?? '', /Lambda deployments/);
  assert.match(buttonStates({ ...inPlaceEc2, status: 'InProgress' }).continue.reason ?? '', /in-place/);
  assert.match(buttonStates({ ...blueGreenEc2, status: 'Queued' }).continue.reason ?? '', /not started yet \(Queued\)/);
  assert.match(buttonStates({ ...blueGreenEc2, status: 'InProgress' }).continue.reason ?? '', /status Ready/);
  // After the end every button gives the same reason, so the page shows it once.
  const done = buttonStates({ ...blueGreenEc2, status: 'Failed' });
  assert.equal(done.continue.reason, done.stopReason);
});
