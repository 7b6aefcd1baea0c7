/** Stop, failure switch, automatic rollback and invalid AppSpecs, through the real SDK. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as cd from '@aws-sdk/client-codedeploy';
import { lintText } from '../../engine/lint';
import { contentRevision, lambdaSpec, runToEnd, runUntil, startHarness, type Harness } from './helpers';

describe('stop, failures and automatic rollback', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const createLambda = (content: string, config = 'CodeDeployDefault.LambdaCanary10Percent5Minutes') =>
    h.api.createDeployment({
      applicationName: 'orders-api-lambda',
      deploymentGroupName: 'orders-api-live',
      deploymentConfigName: config,
      revision: contentRevision(content),
    });

  it('StopDeployment with rollback: Stopped, then a rollback deployment shifts traffic back', async () => {
    const id = await createLambda(lambdaSpec({ current: '7', target: '8' }));
    await runUntil(h, id, 'InProgress', 1_000);
    h.clock.advance(30_000); // into the 10% canary
    const r = await h.api.stopDeployment(id, true);
    assert.equal(r.status, 'Pending');
    h.clock.advance(5_000);
    const stopped = await h.api.getDeployment(id);
    assert.equal(stopped.status, 'Stopped');
    assert.equal(stopped.errorInformation?.code, 'MANUAL_STOP');
    const rollbackId = stopped.rollbackInfo?.rollbackDeploymentId;
    assert.match(rollbackId ?? '', /^d-[A-Z0-9]{9}$/);
    const rb = await runToEnd(h, rollbackId!, 2_000);
    assert.equal(rb.status, 'Succeeded');
    assert.equal(rb.creator, 'codeDeployRollback');
    assert.equal(rb.rollbackInfo?.rollbackTriggeringDeploymentId, id);
    const [t] = await h.api.batchGetDeploymentTargets(rollbackId!, ['orders-api']);
    assert.deepEqual(
      [
        t.lambdaTarget?.lambdaFunctionInfo?.currentVersion,
        t.lambdaTarget?.lambdaFunctionInfo?.targetVersion,
        t.lambdaTarget?.lambdaFunctionInfo?.targetVersionWeight,
      ],
      ['8', '7', 100],
    );
  });

  it('StopDeployment without rollback: Stopped, no rollback', async () => {
    const id = await createLambda(lambdaSpec({ current: '7', target: '8' }));
    await runUntil(h, id, 'InProgress', 1_000);
    await h.api.stopDeployment(id, false);
    h.clock.advance(5_000);
    const d = await h.api.getDeployment(id);
    assert.equal(d.status, 'Stopped');
    assert.equal(d.rollbackInfo, undefined);
    const [t] = await h.api.batchGetDeploymentTargets(id, ['orders-api']);
    assert.equal(t.lambdaTarget?.status, 'Failed');
    assert.ok(t.lambdaTarget?.lifecycleEvents?.some((e) => e.status === 'Skipped'));
  });

  it('a hook function whose name contains "fail" fails its event and triggers the rollback', async () => {
    const id = await createLambda(
      lambdaSpec({ current: '7', target: '8', hooks: { AfterAllowTraffic: 'orders-api-fail-check' } }),
      'CodeDeployDefault.LambdaAllAtOnce',
    );
    const d = await runToEnd(h, id, 2_000);
    assert.equal(d.status, 'Failed');
    assert.equal(d.errorInformation?.code, 'HOOK_EXECUTION_FAILURE');
    assert.match(d.errorInformation!.message!, /AfterAllowTraffic .*orders-api-fail-check/);
    const [t] = await h.api.batchGetDeploymentTargets(id, ['orders-api']);
    const ev = t.lambdaTarget!.lifecycleEvents!.find((e) => e.lifecycleEventName === 'AfterAllowTraffic')!;
    assert.equal(ev.status, 'Failed');
    assert.equal(ev.diagnostics?.errorCode, 'ScriptFailed');
    assert.equal(ev.diagnostics?.scriptName, 'orders-api-fail-check');
    const rb = await runToEnd(h, d.rollbackInfo!.rollbackDeploymentId!, 2_000);
    assert.equal(rb.creator, 'codeDeployRollback');
    assert.equal(rb.status, 'Succeeded');
  });

  it('the group tag codedeploy-local:fail-hook fails an EC2 script with ScriptFailed and rolls back to the last good revision', async () => {
    await h.raw.send(
      new cd.CreateDeploymentGroupCommand({
        applicationName: 'checkout-web',
        deploymentGroupName: 'checkout-web-failing',
        serviceRoleArn: 'arn:aws:iam::111122223333:role/CodeDeployServiceRole',
        deploymentConfigName: 'CodeDeployDefault.AllAtOnce',
        ec2TagFilters: [{ Key: 'Environment', Value: 'production', Type: 'KEY_AND_VALUE' }],
        autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] },
        tags: [{ Key: 'codedeploy-local:fail-hook', Value: 'ValidateService' }],
      }),
    );
    // A known good deployment first (the rollback target); the failure switch does not fire for it
    // because the seeded 1.4.1 bundle is deployed by a group without the tag.
    const prod = await h.api.getDeployment(
      (await h.api.listDeployments('checkout-web', 'checkout-web-prod')).deploymentIds[0],
    );
    const id = await h.api.createDeployment({
      applicationName: 'checkout-web',
      deploymentGroupName: 'checkout-web-failing',
      revision: prod.revision!,
    });
    const d = await runToEnd(h, id, 5_000);
    assert.equal(d.status, 'Failed');
    assert.equal(d.errorInformation?.code, 'HEALTH_CONSTRAINTS');
    const ids = await h.api.listDeploymentTargets(id);
    const ts = await h.api.batchGetDeploymentTargets(id, ids);
    const ev = ts[0].instanceTarget!.lifecycleEvents!.find((e) => e.lifecycleEventName === 'ValidateService')!;
    assert.equal(ev.status, 'Failed');
    assert.equal(ev.diagnostics?.errorCode, 'ScriptFailed');
    assert.equal(ev.diagnostics?.scriptName, 'scripts/health-check.sh');
    assert.match(ev.diagnostics?.message ?? '', /failed with exit code 1/);
    // No earlier success in this new group: the rollback is reported as not possible.
    assert.match(d.rollbackInfo?.rollbackMessage ?? '', /no earlier successful deployment/);
  });

  it('TagResource switches failure on for a seeded group; the EC2 rollback redeploys the last successful revision', async () => {
    const arn = 'arn:aws:codedeploy:us-east-1:111122223333:deploymentgroup:checkout-web/checkout-web-prod';
    await h.raw.send(
      new cd.TagResourceCommand({
        ResourceArn: arn,
        Tags: [{ Key: 'codedeploy-local:fail-hook', Value: 'BeforeInstall' }],
      }),
    );
    const tags = await h.raw.send(new cd.ListTagsForResourceCommand({ ResourceArn: arn }));
    assert.ok(tags.Tags?.some((t) => t.Key === 'codedeploy-local:fail-hook' && t.Value === 'BeforeInstall'));
    const group = (await h.api.batchGetDeploymentGroups('checkout-web', ['checkout-web-prod']))[0];
    const lastGood = await h.api.getDeployment(group.lastSuccessfulDeployment!.deploymentId!);
    const id = await h.api.createDeployment({
      applicationName: 'checkout-web',
      deploymentGroupName: 'checkout-web-prod',
      revision: lastGood.revision!,
      deploymentConfigName: 'CodeDeployDefault.OneAtATime',
    });
    const d = await runToEnd(h, id, 5_000);
    assert.equal(d.status, 'Failed');
    assert.equal(d.errorInformation?.code, 'HEALTH_CONSTRAINTS');
    // OneAtATime: the first instance fails, the others are never touched.
    assert.deepEqual(d.deploymentOverview, {
      Pending: 0,
      InProgress: 0,
      Succeeded: 0,
      Failed: 1,
      Skipped: 3,
      Ready: 0,
    });
    const rb = await runToEnd(h, d.rollbackInfo!.rollbackDeploymentId!, 5_000);
    assert.equal(rb.status, 'Succeeded', 'the failure switch does not apply to rollbacks');
    assert.equal(rb.creator, 'codeDeployRollback');
    assert.deepEqual(rb.revision, lastGood.revision);
    await h.raw.send(new cd.UntagResourceCommand({ ResourceArn: arn, TagKeys: ['codedeploy-local:fail-hook'] }));
    await assert.rejects(
      h.raw.send(new cd.TagResourceCommand({ ResourceArn: 'arn:aws:s3:::bucket', Tags: [{ Key: 'a' }] })),
      { name: 'InvalidArnException' },
    );
  });

  it('fails a deployment whose AppSpecContent is broken with the editor engine message', async () => {
    const broken = lambdaSpec({ current: '30', target: '31' }).replace(/.*TargetVersion.*\n/, '');
    const expected = lintText(broken, { fileName: 'appspec.yaml' }).filter((x) => x.severity === 'error');
    assert.ok(expected.length > 0, 'the engine rejects it');
    const id = await createLambda(broken);
    const d = await runToEnd(h, id, 2_000);
    assert.equal(d.status, 'Failed');
    assert.equal(d.errorInformation?.code, 'INVALID_REVISION');
    assert.ok(
      d.errorInformation!.message!.includes(expected[0].message),
      `${d.errorInformation!.message} should include ${expected[0].message}`,
    );
    assert.equal(d.rollbackInfo, undefined, 'nothing was shifted, nothing to roll back');
  });
});
