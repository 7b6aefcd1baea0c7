/** Deployment operations beyond the basic flow: list filters, batch limits, request checks, the Lambda alias, termination waits. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as cd from '@aws-sdk/client-codedeploy';
import { contentRevision, lambdaSpec, runToEnd, startHarness, type Harness } from './helpers';
import { rejectsWith } from './localModel';

describe('deployments: filters, limits and the checks the service makes', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());
  const send = (c: unknown) => h.raw.send(c as never) as Promise<never>;
  const lambda = (input: Partial<cd.CreateDeploymentInput>) =>
    send(
      new cd.CreateDeploymentCommand({
        applicationName: 'orders-api-lambda',
        deploymentGroupName: 'orders-api-live',
        deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce',
        revision: contentRevision(lambdaSpec({ current: '7', target: '8' })),
        ...input,
      }),
    ) as Promise<cd.CreateDeploymentOutput>;
  const list = async (input: cd.ListDeploymentsInput) =>
    (await h.raw.send(new cd.ListDeploymentsCommand(input))).deployments ?? [];

  it('CreateDeployment refuses options the platform does not have, with the model exceptions', async () => {
    const op = 'CreateDeployment';
    await rejectsWith(
      lambda({ ignoreApplicationStopFailures: true }),
      op,
      'InvalidIgnoreApplicationStopFailuresValueException',
    );
    await rejectsWith(
      lambda({ updateOutdatedInstancesOnly: true }),
      op,
      'InvalidUpdateOutdatedInstancesOnlyValueException',
    );
    await rejectsWith(
      lambda({ fileExistsBehavior: 'MERGE' as cd.FileExistsBehavior }),
      op,
      'InvalidFileExistsBehaviorException',
    );
    await rejectsWith(
      lambda({ autoRollbackConfiguration: { enabled: true, events: ['FOO' as cd.AutoRollbackEvent] } }),
      op,
      'InvalidAutoRollbackConfigException',
    );
    await rejectsWith(
      lambda({ targetInstances: { tagFilters: [{ Key: 'a', Value: 'b', Type: 'KEY_AND_VALUE' }] } }),
      op,
      'InvalidTargetInstancesException',
    );
    await rejectsWith(
      lambda({ deploymentConfigName: 'CodeDeployDefault.OneAtATime' }),
      op,
      'InvalidDeploymentConfigNameException',
    );
    await rejectsWith(lambda({ description: 'd'.repeat(101) }), op, 'DescriptionTooLongException');
    await rejectsWith(
      lambda({ overrideAlarmConfiguration: { enabled: true, alarms: [] } }),
      op,
      'InvalidAlarmConfigException',
    );
    assert.deepEqual(
      await list({
        applicationName: 'orders-api-lambda',
        deploymentGroupName: 'orders-api-live',
        includeOnlyStatuses: ['Created'],
      }),
      [],
    );
  });

  it('refuses an AppSpec whose CurrentVersion is not where the alias points, as AWS does; the alias follows deployments', async () => {
    const first = (await lambda({})).deploymentId!;
    assert.equal((await runToEnd(h, first, 2_000)).status, 'Succeeded');
    // The alias is at 8 now: deploying 7 → 8 again fails the way CodeDeploy fails it.
    const stale = (await lambda({})).deploymentId!;
    const d = await runToEnd(h, stale, 2_000);
    assert.equal(d.status, 'Failed');
    assert.equal(d.errorInformation?.code, 'INVALID_LAMBDA_CONFIGURATION');
    assert.match(d.errorInformation?.message ?? '', /alias version does not match the current version in AppSpec file/);
    const same = (await lambda({ revision: contentRevision(lambdaSpec({ current: '8', target: '8' })) })).deploymentId!;
    assert.equal((await runToEnd(h, same, 2_000)).errorInformation?.code, 'INVALID_LAMBDA_CONFIGURATION');
    // 8 → 9 with a failing hook: traffic moves to 9, the hook fails, the rollback moves it back to 8.
    const bad = (
      await lambda({
        revision: contentRevision(
          lambdaSpec({ current: '8', target: '9', hooks: { AfterAllowTraffic: 'fail-check' } }),
        ),
      })
    ).deploymentId!;
    const failed = await runToEnd(h, bad, 2_000);
    assert.equal(failed.status, 'Failed');
    await runToEnd(h, failed.rollbackInfo!.rollbackDeploymentId!, 2_000);
    const next = (await lambda({ revision: contentRevision(lambdaSpec({ current: '8', target: '9' })) })).deploymentId!;
    assert.equal((await runToEnd(h, next, 2_000)).status, 'Succeeded');
  });

  it('ListDeployments filters by status, creation time and external id, and checks them', async () => {
    const group = { applicationName: 'orders-api-lambda', deploymentGroupName: 'orders-api-live' };
    const all = await list(group);
    const failed = await list({ ...group, includeOnlyStatuses: ['Failed'] });
    const succeeded = await list({ ...group, includeOnlyStatuses: ['Succeeded'] });
    assert.ok(failed.length >= 3 && succeeded.length >= 3);
    assert.equal(failed.length + succeeded.length, all.length);
    const infos = await h.api.batchGetDeployments(all);
    const newest = Math.max(...infos.map((i) => i.createTime!.getTime()));
    const recent = await list({ ...group, createTimeRange: { start: new Date(newest - 1_000) } });
    assert.deepEqual(recent, [all[0]]);
    assert.deepEqual(await list({ ...group, createTimeRange: { end: new Date(0) } }), []);
    assert.deepEqual(await list({ externalId: 'arn:aws:cloudformation:us-east-1:111122223333:stack/s/1' }), []);
    const op = 'ListDeployments';
    await rejectsWith(
      send(new cd.ListDeploymentsCommand({ ...group, includeOnlyStatuses: ['Done' as cd.DeploymentStatus] })),
      op,
      'InvalidDeploymentStatusException',
    );
    await rejectsWith(
      send(
        new cd.ListDeploymentsCommand({
          ...group,
          createTimeRange: { start: new Date(2_000_000), end: new Date(1_000_000) },
        }),
      ),
      op,
      'InvalidTimeRangeException',
    );
    await rejectsWith(
      send(new cd.ListDeploymentsCommand({ applicationName: 'orders-api-lambda' })),
      op,
      'DeploymentGroupNameRequiredException',
    );
    await rejectsWith(
      send(new cd.ListDeploymentsCommand({ deploymentGroupName: 'orders-api-live' })),
      op,
      'ApplicationNameRequiredException',
    );
  });

  it('batch limits and target filters follow the model', async () => {
    const ids = Array.from({ length: 26 }, () => 'd-AAAAAAAAA');
    await rejectsWith(
      send(new cd.BatchGetDeploymentsCommand({ deploymentIds: ids })),
      'BatchGetDeployments',
      'BatchLimitExceededException',
    );
    const lambdaId = (await h.api.listDeployments('orders-api-lambda', 'orders-api-live')).deploymentIds[0];
    await rejectsWith(
      send(new cd.BatchGetDeploymentTargetsCommand({ deploymentId: lambdaId, targetIds: ['orders-api', 'other'] })),
      'BatchGetDeploymentTargets',
      'DeploymentTargetListSizeExceededException',
    );
    const ec2 = (await h.api.listDeployments('checkout-web', 'checkout-web-prod')).deploymentIds[0];
    await rejectsWith(
      send(new cd.BatchGetDeploymentInstancesCommand({ deploymentId: ec2, instanceIds: ids })),
      'BatchGetDeploymentInstances',
      'BatchLimitExceededException',
    );
    const filtered = await h.raw.send(
      new cd.ListDeploymentTargetsCommand({ deploymentId: ec2, targetFilters: { TargetStatus: ['Succeeded'] } }),
    );
    assert.equal(filtered.targetIds?.length, 4);
    const none = await h.raw.send(
      new cd.ListDeploymentTargetsCommand({ deploymentId: ec2, targetFilters: { TargetStatus: ['Failed'] } }),
    );
    assert.deepEqual(none.targetIds, []);
    await rejectsWith(
      send(new cd.ListDeploymentTargetsCommand({ deploymentId: ec2, targetFilters: { TargetStatus: ['Broken'] } })),
      'ListDeploymentTargets',
      'InvalidInstanceStatusException',
    );
    await rejectsWith(
      send(
        new cd.ListDeploymentTargetsCommand({ deploymentId: ec2, targetFilters: { ServerInstanceLabel: ['Blue'] } }),
      ),
      'ListDeploymentTargets',
      'InvalidDeploymentInstanceTypeException',
    );
    const instances = await h.raw.send(
      new cd.ListDeploymentInstancesCommand({ deploymentId: ec2, instanceStatusFilter: ['Succeeded'] }),
    );
    assert.equal(instances.instancesList?.length, 4);
    await rejectsWith(
      send(
        new cd.ListDeploymentInstancesCommand({
          deploymentId: ec2,
          instanceStatusFilter: ['Nope' as cd.InstanceStatus],
        }),
      ),
      'ListDeploymentInstances',
      'InvalidInstanceStatusException',
    );
    await rejectsWith(
      send(new cd.ListDeploymentInstancesCommand({ deploymentId: ec2, instanceTypeFilter: ['Green'] })),
      'ListDeploymentInstances',
      'InvalidDeploymentInstanceTypeException',
    );
    await rejectsWith(
      send(
        new cd.ListDeploymentInstancesCommand({ deploymentId: ec2, instanceTypeFilter: ['Purple' as never] }),
      ),
      'ListDeploymentInstances',
      'InvalidInstanceTypeException',
    );
  });

  it('SkipWaitTimeForInstanceTermination ends the termination wait (blue/green only)', async () => {
    const ec2 = (await h.api.listDeployments('checkout-web', 'checkout-web-prod')).deploymentIds[0];
    const op = 'SkipWaitTimeForInstanceTermination';
    await rejectsWith(
      send(new cd.SkipWaitTimeForInstanceTerminationCommand({ deploymentId: ec2 })),
      op,
      'UnsupportedActionForDeploymentTypeException',
    );
    await rejectsWith(send(new cd.SkipWaitTimeForInstanceTerminationCommand({})), op, 'DeploymentIdRequiredException');
    const prev = await h.api.getDeployment(
      (await h.api.listDeployments('storefront-ecs', 'storefront-prod')).deploymentIds[0],
    );
    const { deploymentId } = await h.raw.send(
      new cd.CreateDeploymentCommand({
        applicationName: 'storefront-ecs',
        deploymentGroupName: 'storefront-prod',
        deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
        revision: (await h.api.getRevisionLocation!('storefront-ecs', prev.revision!))!,
      }),
    );
    await rejectsWith(
      send(new cd.SkipWaitTimeForInstanceTerminationCommand({ deploymentId })),
      op,
      'DeploymentNotStartedException',
    );
    // storefront-prod waits 5 minutes before terminating the original task set.
    for (let i = 0; i < 100 && !(await h.api.getDeployment(deploymentId!)).instanceTerminationWaitTimeStarted; i++)
      h.clock.advance(2_000);
    h.clock.advance(2_000);
    await h.raw.send(new cd.SkipWaitTimeForInstanceTerminationCommand({ deploymentId }));
    h.clock.advance(10_000);
    const d = await h.api.getDeployment(deploymentId!);
    assert.equal(d.status, 'Succeeded', 'done long before the 5-minute wait');
    await rejectsWith(
      send(new cd.SkipWaitTimeForInstanceTerminationCommand({ deploymentId })),
      op,
      'DeploymentAlreadyCompletedException',
    );
  });

  it('GitHub connections and external resources: an account with none', async () => {
    assert.deepEqual((await h.raw.send(new cd.ListGitHubAccountTokenNamesCommand({}))).tokenNameList, []);
    await rejectsWith(
      send(new cd.DeleteGitHubAccountTokenCommand({ tokenName: 'my-github' })),
      'DeleteGitHubAccountToken',
      'GitHubAccountTokenDoesNotExistException',
    );
    await rejectsWith(
      send(new cd.DeleteGitHubAccountTokenCommand({})),
      'DeleteGitHubAccountToken',
      'GitHubAccountTokenNameRequiredException',
    );
    await rejectsWith(
      send(new cd.ListGitHubAccountTokenNamesCommand({ nextToken: 'x' })),
      'ListGitHubAccountTokenNames',
      'InvalidNextTokenException',
    );
    const before = (await h.raw.send(new cd.ListDeploymentsCommand({}))).deployments;
    await h.raw.send(
      new cd.DeleteResourcesByExternalIdCommand({
        externalId: 'arn:aws:cloudformation:us-east-1:111122223333:stack/s/1',
      }),
    );
    assert.deepEqual((await h.raw.send(new cd.ListDeploymentsCommand({}))).deployments, before);
  });
});
