/**
 * Lambda and ECS hook functions on the local endpoint: each hook event waits for
 * PutLifecycleEventHookExecutionStatus with the execution id the hook received (answered
 * automatically, or by you in manual mode), or fails when it times out after one simulated hour.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as cd from '@aws-sdk/client-codedeploy';
import { createCodeDeployApi } from '../../client/src/aws/sdkApi';
import { startLocalEndpoint } from '../../client/src/local/index';
import {
  contentRevision,
  credentialsFor,
  ecsSpec,
  lambdaSpec,
  ManualClock,
  runToEnd,
  startHarness,
  tempDir,
  type Harness,
} from './helpers';
import { rejectsWith } from './localModel';

const GROUP_ARN = 'arn:aws:codedeploy:us-east-1:111122223333:deploymentgroup:orders-api-lambda/orders-api-live';
const HOUR = 60 * 60_000;

describe('hook functions wait for PutLifecycleEventHookExecutionStatus', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());
  const send = (c: unknown) => h.raw.send(c as never) as Promise<never>;
  const put = (deploymentId: string, lifecycleEventHookExecutionId: string, status: string) =>
    send(
      new cd.PutLifecycleEventHookExecutionStatusCommand({
        deploymentId,
        lifecycleEventHookExecutionId,
        status: status as cd.LifecycleEventStatus,
      }),
    );
  const events = async (id: string, target: string) => {
    const t = await h.raw.send(new cd.GetDeploymentTargetCommand({ deploymentId: id, targetId: target }));
    const tt = t.deploymentTarget?.lambdaTarget ?? t.deploymentTarget?.ecsTarget;
    return Object.fromEntries((tt?.lifecycleEvents ?? []).map((e) => [e.lifecycleEventName!, e]));
  };
  /** Advances until the deployment has a hook execution waiting. */
  const waitingHook = async (id: string) => {
    for (let i = 0; i < 50; i++) {
      const pending = await h.api.listPendingHookExecutions(id);
      if (pending.length) return pending;
      h.clock.advance(1_000);
    }
    throw new Error(`no hook execution of ${id} is waiting`);
  };
  const lambda = (current: string, target: string, hooks: Record<string, string>) =>
    h.api.createDeployment({
      applicationName: 'orders-api-lambda',
      deploymentGroupName: 'orders-api-live',
      deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce',
      revision: contentRevision(lambdaSpec({ current, target, hooks })),
    });

  it('auto mode (the default): the hook is InProgress, then reported Succeeded after a short delay', async () => {
    const id = await lambda('7', '8', { BeforeAllowTraffic: 'orders-pre-check' });
    const [pending] = await waitingHook(id);
    assert.equal(pending.deploymentId, id);
    assert.equal(pending.functionName, 'orders-pre-check');
    assert.equal(pending.lifecycleEventName, 'BeforeAllowTraffic');
    assert.equal(pending.targetId, 'orders-api');
    assert.equal(pending.timeoutTime.getTime() - pending.startTime.getTime(), HOUR, 'one hour at time scale 1');
    assert.equal((await events(id, 'orders-api')).BeforeAllowTraffic.status, 'InProgress');
    const done = await runToEnd(h, id, 2_000);
    assert.equal(done.status, 'Succeeded');
    assert.deepEqual(await h.api.listPendingHookExecutions(id), []);
    await rejectsWith(
      put(id, pending.lifecycleEventHookExecutionId, 'Succeeded'),
      'PutLifecycleEventHookExecutionStatus',
      'LifecycleEventAlreadyCompletedException',
    );
  });

  it('manual mode (group tag): nothing moves until you report; Failed fails the deployment and rolls back', async () => {
    await h.raw.send(
      new cd.TagResourceCommand({ ResourceArn: GROUP_ARN, Tags: [{ Key: 'codedeploy-local:hooks', Value: 'manual' }] }),
    );
    const id = await lambda('8', '9', {
      BeforeAllowTraffic: 'orders-pre-check',
      AfterAllowTraffic: 'orders-post-check',
    });
    const [before] = await waitingHook(id);
    h.clock.advance(30 * 60_000);
    const ev = await events(id, 'orders-api');
    assert.equal(ev.BeforeAllowTraffic.status, 'InProgress');
    assert.equal(ev.AllowTraffic.status, 'Pending');
    assert.equal((await h.api.getDeployment(id)).status, 'InProgress');

    const op = 'PutLifecycleEventHookExecutionStatus';
    await rejectsWith(put(id, 'not-an-execution', 'Succeeded'), op, 'InvalidLifecycleEventHookExecutionIdException');
    await rejectsWith(
      put(id, before.lifecycleEventHookExecutionId, 'Pending'),
      op,
      'InvalidLifecycleEventHookExecutionStatusException',
    );
    await rejectsWith(
      put(id, before.lifecycleEventHookExecutionId, 'Done'),
      op,
      'InvalidLifecycleEventHookExecutionStatusException',
    );
    await rejectsWith(put('', before.lifecycleEventHookExecutionId, 'Succeeded'), op, 'DeploymentIdRequiredException');
    await rejectsWith(
      put('d-AAAAAAAAA', before.lifecycleEventHookExecutionId, 'Succeeded'),
      op,
      'DeploymentDoesNotExistException',
    );
    await rejectsWith(
      put('bogus', before.lifecycleEventHookExecutionId, 'Succeeded'),
      op,
      'InvalidDeploymentIdException',
    );
    const ec2 = (await h.api.listDeployments('checkout-web', 'checkout-web-prod')).deploymentIds[0];
    await rejectsWith(
      put(ec2, before.lifecycleEventHookExecutionId, 'Succeeded'),
      op,
      'UnsupportedActionForDeploymentTypeException',
    );

    const answer = await h.raw.send(
      new cd.PutLifecycleEventHookExecutionStatusCommand({
        deploymentId: id,
        lifecycleEventHookExecutionId: before.lifecycleEventHookExecutionId,
        status: 'Succeeded',
      }),
    );
    assert.equal(answer.lifecycleEventHookExecutionId, before.lifecycleEventHookExecutionId);
    await rejectsWith(
      put(id, before.lifecycleEventHookExecutionId, 'Failed'),
      op,
      'LifecycleEventAlreadyCompletedException',
    );
    const [afterHook] = await waitingHook(id);
    assert.equal(afterHook.lifecycleEventName, 'AfterAllowTraffic');
    assert.equal((await events(id, 'orders-api')).AllowTraffic.status, 'Succeeded');
    await h.api.putLifecycleEventHookExecutionStatus(id, afterHook.lifecycleEventHookExecutionId, 'Failed');
    const failed = await h.api.getDeployment(id);
    assert.equal(failed.status, 'Failed');
    assert.equal(failed.errorInformation?.code, 'HOOK_EXECUTION_FAILURE');
    const ev2 = await events(id, 'orders-api');
    assert.equal(ev2.AfterAllowTraffic.status, 'Failed');
    assert.equal(ev2.AfterAllowTraffic.diagnostics?.scriptName, 'orders-post-check');
    const rollback = await runToEnd(h, failed.rollbackInfo!.rollbackDeploymentId!, 2_000);
    assert.equal(rollback.creator, 'codeDeployRollback');
    assert.equal(rollback.status, 'Succeeded', 'rollbacks have no hooks to wait for');
  });

  it('a hook nobody answers times out after one simulated hour and fails its event', async () => {
    const id = await lambda('8', '9', { BeforeAllowTraffic: 'orders-pre-check' });
    const [pending] = await waitingHook(id);
    h.clock.advance(HOUR - 5_000);
    assert.equal((await h.api.getDeployment(id)).status, 'InProgress');
    h.clock.advance(10_000);
    const d = await h.api.getDeployment(id);
    assert.equal(d.status, 'Failed');
    assert.equal(d.errorInformation?.code, 'HOOK_EXECUTION_FAILURE');
    assert.match(d.errorInformation?.message ?? '', /BeforeAllowTraffic .*orders-pre-check.*timed out/);
    const ev = (await events(id, 'orders-api')).BeforeAllowTraffic;
    assert.equal(ev.status, 'Failed');
    assert.equal(ev.diagnostics?.errorCode, 'ScriptTimedOut');
    assert.deepEqual(await h.api.listPendingHookExecutions(id), []);
    await rejectsWith(
      put(id, pending.lifecycleEventHookExecutionId, 'Succeeded'),
      'PutLifecycleEventHookExecutionStatus',
      'LifecycleEventAlreadyCompletedException',
    );
    await runToEnd(h, d.rollbackInfo?.rollbackDeploymentId ?? id, 2_000);
  });

  it('stopping a deployment ends its waiting hook; a late report is refused', async () => {
    const id = await lambda('8', '9', { BeforeAllowTraffic: 'orders-pre-check' });
    const [pending] = await waitingHook(id);
    await h.api.stopDeployment(id, false);
    h.clock.advance(5_000);
    assert.equal((await h.api.getDeployment(id)).status, 'Stopped');
    await rejectsWith(
      put(id, pending.lifecycleEventHookExecutionId, 'Succeeded'),
      'PutLifecycleEventHookExecutionStatus',
      'LifecycleEventAlreadyCompletedException',
    );
    await h.raw.send(new cd.UntagResourceCommand({ ResourceArn: GROUP_ARN, TagKeys: ['codedeploy-local:hooks'] }));
  });

  it('ECS hooks wait the same way; an execution id of another deployment is refused', async () => {
    await h.raw.send(
      new cd.TagResourceCommand({
        ResourceArn: 'arn:aws:codedeploy:us-east-1:111122223333:deploymentgroup:storefront-ecs/storefront-prod',
        Tags: [{ Key: 'codedeploy-local:hooks', Value: 'manual' }],
      }),
    );
    const id = await h.api.createDeployment({
      applicationName: 'storefront-ecs',
      deploymentGroupName: 'storefront-prod',
      deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
      revision: contentRevision(ecsSpec({ AfterAllowTestTraffic: 'storefront-smoke-test' })),
    });
    const [pending] = await waitingHook(id);
    assert.equal(pending.lifecycleEventName, 'AfterAllowTestTraffic');
    assert.equal(pending.targetId, 'storefront-cluster:storefront');
    const lambdaId = await lambda('8', '9', { BeforeAllowTraffic: 'orders-pre-check' });
    await rejectsWith(
      put(lambdaId, pending.lifecycleEventHookExecutionId, 'Succeeded'),
      'PutLifecycleEventHookExecutionStatus',
      'InvalidLifecycleEventHookExecutionIdException',
    );
    await h.api.putLifecycleEventHookExecutionStatus(id, pending.lifecycleEventHookExecutionId, 'Succeeded');
    assert.equal((await runToEnd(h, id, 10_000)).status, 'Succeeded');
    assert.equal((await events(id, 'storefront-cluster:storefront')).AfterAllowTestTraffic.status, 'Succeeded');
    await runToEnd(h, lambdaId, 2_000);
  });

  it('listPendingHookExecutions is [] against AWS, which has no such API', async () => {
    const api = createCodeDeployApi({
      kind: 'aws',
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDNOTUSED', secretAccessKey: 'not-used' },
    });
    try {
      assert.deepEqual(await api.listPendingHookExecutions('d-AAAAAAAAA'), []);
    } finally {
      api.dispose();
    }
  });
});

describe('hook mode of the endpoint (startLocalEndpoint hookMode)', () => {
  it('manual for every group by default; a group tagged codedeploy-local:hooks=auto is answered automatically', async () => {
    const clock = new ManualClock();
    const dataDir = tempDir();
    const ep = await startLocalEndpoint({ port: 0, dataDir, clock, hookMode: 'manual', tickMs: 60_000 });
    const api = createCodeDeployApi({
      kind: 'local',
      region: 'us-east-1',
      endpoint: ep.url,
      credentials: credentialsFor(ep),
    });
    try {
      const deploy = (current: string) =>
        api.createDeployment({
          applicationName: 'orders-api-lambda',
          deploymentGroupName: 'orders-api-live',
          deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce',
          revision: contentRevision(
            lambdaSpec({ current, target: String(Number(current) + 1), hooks: { BeforeAllowTraffic: 'check' } }),
          ),
        });
      const manual = await deploy('7');
      clock.advance(10 * 60_000);
      assert.equal((await api.getDeployment(manual)).status, 'InProgress');
      const [pending] = await api.listPendingHookExecutions(manual);
      await api.putLifecycleEventHookExecutionStatus(manual, pending.lifecycleEventHookExecutionId, 'Succeeded');
      clock.advance(60_000);
      assert.equal((await api.getDeployment(manual)).status, 'Succeeded');

      const raw = new cd.CodeDeployClient({ endpoint: ep.url, region: 'us-east-1', credentials: credentialsFor(ep) });
      await raw.send(
        new cd.TagResourceCommand({ ResourceArn: GROUP_ARN, Tags: [{ Key: 'codedeploy-local:hooks', Value: 'auto' }] }),
      );
      raw.destroy();
      const auto = await deploy('8');
      clock.advance(60_000);
      assert.equal((await api.getDeployment(auto)).status, 'Succeeded');
    } finally {
      api.dispose();
      await ep.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
