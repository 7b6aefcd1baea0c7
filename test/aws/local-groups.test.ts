/** Deployment groups on the local endpoint: validation as the service does it, update/delete, and what deployments leave on the group. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as cd from '@aws-sdk/client-codedeploy';
import { contentRevision, ecsSpec, lambdaSpec, runToEnd, startHarness, type Harness } from './helpers';
import { rejectsWith } from './localModel';

const ROLE = 'arn:aws:iam::111122223333:role/CodeDeployServiceRole';
const LISTENER = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/app/shop/0123456789abcdef/';

const ecsGroup = (
  name: string,
  service: string,
  over: Partial<cd.CreateDeploymentGroupInput> = {},
): cd.CreateDeploymentGroupInput => ({
  applicationName: 'shop',
  deploymentGroupName: name,
  serviceRoleArn: ROLE,
  deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
  deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
  ecsServices: [{ clusterName: 'shop-cluster', serviceName: service }],
  loadBalancerInfo: {
    targetGroupPairInfoList: [
      {
        targetGroups: [{ name: `${service}-tg-one` }, { name: `${service}-tg-two` }],
        prodTrafficRoute: { listenerArns: [`${LISTENER}prod01`] },
        testTrafficRoute: { listenerArns: [`${LISTENER}test01`] },
      },
    ],
  },
  blueGreenDeploymentConfiguration: {
    terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 0 },
    deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT', waitTimeInMinutes: 0 },
  },
  autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] },
  ...over,
});

describe('deployment groups', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    await h.raw.send(new cd.CreateApplicationCommand({ applicationName: 'shop', computePlatform: 'ECS' }));
  });
  after(() => h.close());
  const send = (c: unknown) => h.raw.send(c as never) as Promise<never>;
  const create = (input: Partial<cd.CreateDeploymentGroupInput>) =>
    send(
      new cd.CreateDeploymentGroupCommand({
        applicationName: 'checkout-web',
        deploymentGroupName: 'invalid-group',
        serviceRoleArn: ROLE,
        ...input,
      } as cd.CreateDeploymentGroupInput),
    );
  const refuses = (input: Partial<cd.CreateDeploymentGroupInput>, error: string) =>
    rejectsWith(create(input), 'CreateDeploymentGroup', error);

  it('refuses what the service refuses, with the model exception, and stores nothing', async () => {
    const tag = { Key: 'Environment', Value: 'production', Type: 'KEY_AND_VALUE' as const };
    await refuses({ serviceRoleArn: undefined }, 'RoleRequiredException');
    await refuses({ serviceRoleArn: 'CodeDeployServiceRole' }, 'InvalidRoleException');
    await refuses({ serviceRoleArn: 'arn:aws:iam::111122223333:user/alice' }, 'InvalidRoleException');
    await refuses(
      { ec2TagFilters: [{ Key: 'Environment', Type: 'FOO' as cd.EC2TagFilterType }] },
      'InvalidEC2TagException',
    );
    await refuses(
      { onPremisesInstanceTagFilters: [{ Key: 'Rack', Type: 'FOO' as cd.TagFilterType }] },
      'InvalidTagException',
    );
    await refuses(
      { autoRollbackConfiguration: { enabled: true, events: ['FOO' as cd.AutoRollbackEvent] } },
      'InvalidAutoRollbackConfigException',
    );
    await refuses({ autoRollbackConfiguration: { enabled: true, events: [] } }, 'InvalidAutoRollbackConfigException');
    await refuses({ ec2TagFilters: [tag], ec2TagSet: { ec2TagSetList: [[tag]] } }, 'InvalidEC2TagCombinationException');
    await refuses(
      { onPremisesInstanceTagFilters: [tag], onPremisesTagSet: { onPremisesTagSetList: [[tag]] } },
      'InvalidOnPremisesTagCombinationException',
    );
    await refuses({ ec2TagSet: { ec2TagSetList: [[tag], [tag], [tag], [tag]] } }, 'TagSetListLimitExceededException');
    await refuses({ autoScalingGroups: ['web-asg'] }, 'InvalidAutoScalingGroupException');
    await refuses(
      { deploymentStyle: { deploymentType: 'SIDEWAYS' as cd.DeploymentType } },
      'InvalidDeploymentStyleException',
    );
    await refuses(
      { deploymentStyle: { deploymentType: 'IN_PLACE', deploymentOption: 'WITH_TRAFFIC_CONTROL' } },
      'InvalidLoadBalancerInfoException',
    );
    await refuses(
      { deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce' },
      'InvalidDeploymentConfigNameException',
    );
    await refuses({ deploymentConfigName: 'no-such-config' }, 'DeploymentConfigDoesNotExistException');
    await refuses({ deploymentGroupName: 'g'.repeat(101) }, 'InvalidDeploymentGroupNameException');
    await refuses({ alarmConfiguration: { enabled: true, alarms: [] } }, 'InvalidAlarmConfigException');
    await refuses(
      { alarmConfiguration: { enabled: true, alarms: Array.from({ length: 11 }, (_, i) => ({ name: `a${i}` })) } },
      'AlarmsLimitExceededException',
    );
    await refuses(
      {
        triggerConfigurations: [
          {
            triggerName: 't',
            triggerTargetArn: 'arn:aws:sns:us-east-1:111122223333:t',
            triggerEvents: ['Nope' as cd.TriggerEventType],
          },
        ],
      },
      'InvalidTriggerConfigException',
    );
    await refuses(
      {
        blueGreenDeploymentConfiguration: {
          terminateBlueInstancesOnDeploymentSuccess: { terminationWaitTimeInMinutes: 5000 },
        },
      },
      'InvalidBlueGreenDeploymentConfigurationException',
    );
    await rejectsWith(
      send(
        new cd.CreateDeploymentGroupCommand({
          applicationName: 'orders-api-lambda',
          deploymentGroupName: 'x',
          serviceRoleArn: ROLE,
          deploymentStyle: { deploymentType: 'IN_PLACE' },
        }),
      ),
      'CreateDeploymentGroup',
      'InvalidDeploymentStyleException',
    );
    const groups = await h.raw.send(new cd.ListDeploymentGroupsCommand({ applicationName: 'checkout-web' }));
    assert.deepEqual(groups.deploymentGroups, ['checkout-web-bluegreen', 'checkout-web-prod']);
  });

  it('an ECS group needs one service, a target group pair and blue/green with traffic control', async () => {
    const refusesEcs = (over: Partial<cd.CreateDeploymentGroupInput>, error: string) =>
      rejectsWith(
        send(new cd.CreateDeploymentGroupCommand(ecsGroup('bad', 'cart', over))),
        'CreateDeploymentGroup',
        error,
      );
    await refusesEcs({ ecsServices: undefined }, 'InvalidECSServiceException');
    await refusesEcs({ ecsServices: [{ clusterName: 'shop-cluster' }] }, 'InvalidECSServiceException');
    await refusesEcs({ loadBalancerInfo: undefined }, 'InvalidLoadBalancerInfoException');
    await refusesEcs(
      { deploymentStyle: { deploymentType: 'IN_PLACE', deploymentOption: 'WITH_TRAFFIC_CONTROL' } },
      'InvalidDeploymentStyleException',
    );
    await refusesEcs({ deploymentStyle: undefined }, 'InvalidDeploymentStyleException');
    await refusesEcs(
      {
        loadBalancerInfo: {
          targetGroupPairInfoList: [
            { targetGroups: [{ name: 'only-one' }], prodTrafficRoute: { listenerArns: ['l'] } },
          ],
        },
      },
      'InvalidTargetGroupPairException',
    );
    await h.raw.send(new cd.CreateDeploymentGroupCommand(ecsGroup('cart-prod', 'cart')));
    await refusesEcs({}, 'ECSServiceMappingLimitExceededException');
    assert.deepEqual(
      (await h.raw.send(new cd.ListDeploymentGroupsCommand({ applicationName: 'shop' }))).deploymentGroups,
      ['cart-prod'],
    );
  });

  it('seeded ECS groups carry loadBalancerInfo.targetGroupPairInfoList, which the SDK reads', async () => {
    const g = await h.raw.send(
      new cd.GetDeploymentGroupCommand({ applicationName: 'storefront-ecs', deploymentGroupName: 'storefront-prod' }),
    );
    const pair = g.deploymentGroupInfo?.loadBalancerInfo?.targetGroupPairInfoList?.[0];
    assert.deepEqual(
      pair?.targetGroups?.map((t) => t.name),
      ['storefront-prod-tg-blue', 'storefront-prod-tg-green'],
    );
    assert.equal(pair?.prodTrafficRoute?.listenerArns?.length, 1);
  });

  it('the ECS simulation uses the target groups the group names, swapping roles after each success', async () => {
    const greenOf = async (deploymentId: string) => {
      const t = await h.raw.send(new cd.GetDeploymentTargetCommand({ deploymentId, targetId: 'shop-cluster:cart' }));
      return t.deploymentTarget?.ecsTarget?.taskSetsInfo?.find((s) => s.taskSetLabel === 'Green')?.targetGroup?.name;
    };
    const deploy = async (hooks: Record<string, string> = {}) => {
      const { deploymentId } = await h.raw.send(
        new cd.CreateDeploymentCommand({
          applicationName: 'shop',
          deploymentGroupName: 'cart-prod',
          revision: contentRevision(ecsSpec(hooks)),
        }),
      );
      const d = await runToEnd(h, deploymentId!, 5_000);
      assert.deepEqual(d.loadBalancerInfo?.targetGroupPairInfoList?.[0]?.prodTrafficRoute?.listenerArns, [
        `${LISTENER}prod01`,
      ]);
      return { d, green: await greenOf(deploymentId!) };
    };
    assert.equal((await deploy()).green, 'cart-tg-two');
    // The next deployment starts on cart-tg-two (the original) and replaces it on cart-tg-one.
    const second = await deploy();
    assert.equal(second.d.status, 'Succeeded');
    assert.equal(second.green, 'cart-tg-one');
    // A failed release (on cart-tg-two) rolls back to the original task set's target group, cart-tg-one.
    const failed = await deploy({ AfterAllowTraffic: 'cart-fail-check' });
    assert.equal(failed.d.status, 'Failed');
    assert.equal(failed.green, 'cart-tg-two');
    const rollbackId = failed.d.rollbackInfo!.rollbackDeploymentId!;
    assert.equal((await runToEnd(h, rollbackId, 5_000)).status, 'Succeeded');
    assert.equal(await greenOf(rollbackId), 'cart-tg-one');
    assert.equal((await deploy()).green, 'cart-tg-two');
  });

  it('after a deployment: lastAttemptedDeployment, and on success lastSuccessfulDeployment and targetRevision', async () => {
    const before = (
      await h.raw.send(
        new cd.GetDeploymentGroupCommand({
          applicationName: 'orders-api-lambda',
          deploymentGroupName: 'orders-api-live',
        }),
      )
    ).deploymentGroupInfo!;
    const revision = contentRevision(lambdaSpec({ current: '7', target: '8' }));
    const { deploymentId } = await h.raw.send(
      new cd.CreateDeploymentCommand({
        applicationName: 'orders-api-lambda',
        deploymentGroupName: 'orders-api-live',
        deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce',
        revision,
      }),
    );
    const attempting = (
      await h.raw.send(
        new cd.GetDeploymentGroupCommand({
          applicationName: 'orders-api-lambda',
          deploymentGroupName: 'orders-api-live',
        }),
      )
    ).deploymentGroupInfo!;
    assert.equal(attempting.lastAttemptedDeployment?.deploymentId, deploymentId);
    assert.deepEqual(attempting.targetRevision, before.targetRevision, 'the target revision changes only on success');
    const done = await runToEnd(h, deploymentId!, 5_000);
    assert.equal(done.status, 'Succeeded');
    const after = (
      await h.raw.send(
        new cd.GetDeploymentGroupCommand({
          applicationName: 'orders-api-lambda',
          deploymentGroupName: 'orders-api-live',
        }),
      )
    ).deploymentGroupInfo!;
    assert.equal(after.lastSuccessfulDeployment?.deploymentId, deploymentId);
    assert.equal(after.lastSuccessfulDeployment?.status, 'Succeeded');
    assert.ok(after.lastSuccessfulDeployment?.endTime instanceof Date);
    assert.equal(after.targetRevision?.revisionType, 'AppSpecContent');
    assert.equal(after.targetRevision?.appSpecContent?.sha256, done.revision?.appSpecContent?.sha256);
  });

  it('UpdateDeploymentGroup changes only what it is given, renames, and stores nothing when a check fails', async () => {
    const get = async (name: string) =>
      (
        await h.raw.send(
          new cd.GetDeploymentGroupCommand({ applicationName: 'checkout-web', deploymentGroupName: name }),
        )
      ).deploymentGroupInfo!;
    const original = await get('checkout-web-prod');
    await rejectsWith(
      send(
        new cd.UpdateDeploymentGroupCommand({
          applicationName: 'checkout-web',
          currentDeploymentGroupName: 'checkout-web-prod',
          serviceRoleArn: 'role',
        }),
      ),
      'UpdateDeploymentGroup',
      'InvalidRoleException',
    );
    await rejectsWith(
      send(
        new cd.UpdateDeploymentGroupCommand({
          applicationName: 'checkout-web',
          currentDeploymentGroupName: 'checkout-web-prod',
          ec2TagSet: { ec2TagSetList: [[{ Key: 'App', Value: 'checkout-web', Type: 'KEY_AND_VALUE' }]] },
        }),
      ),
      'UpdateDeploymentGroup',
      'InvalidEC2TagCombinationException',
    );
    await rejectsWith(
      send(
        new cd.UpdateDeploymentGroupCommand({
          applicationName: 'checkout-web',
          currentDeploymentGroupName: 'checkout-web-prod',
          newDeploymentGroupName: 'checkout-web-bluegreen',
        }),
      ),
      'UpdateDeploymentGroup',
      'DeploymentGroupAlreadyExistsException',
    );
    assert.deepEqual(await get('checkout-web-prod'), original);

    await h.raw.send(
      new cd.UpdateDeploymentGroupCommand({
        applicationName: 'checkout-web',
        currentDeploymentGroupName: 'checkout-web-prod',
        newDeploymentGroupName: 'checkout-web-production',
        deploymentConfigName: 'CodeDeployDefault.OneAtATime',
      }),
    );
    const renamed = await get('checkout-web-production');
    assert.equal(renamed.deploymentGroupId, original.deploymentGroupId);
    assert.equal(renamed.deploymentConfigName, 'CodeDeployDefault.OneAtATime');
    assert.deepEqual(renamed.ec2TagFilters, original.ec2TagFilters);
    const history = await h.raw.send(
      new cd.ListDeploymentsCommand({
        applicationName: 'checkout-web',
        deploymentGroupName: 'checkout-web-production',
      }),
    );
    assert.ok((history.deployments ?? []).length >= 2, 'the history follows the renamed group');
  });

  it('DeleteDeploymentGroup: gone, idempotent, its deployments still readable, a new group of that name starts empty', async () => {
    const history = await h.raw.send(
      new cd.ListDeploymentsCommand({ applicationName: 'checkout-web', deploymentGroupName: 'checkout-web-bluegreen' }),
    );
    await h.raw.send(
      new cd.DeleteDeploymentGroupCommand({
        applicationName: 'checkout-web',
        deploymentGroupName: 'checkout-web-bluegreen',
      }),
    );
    await h.raw.send(
      new cd.DeleteDeploymentGroupCommand({
        applicationName: 'checkout-web',
        deploymentGroupName: 'checkout-web-bluegreen',
      }),
    );
    await h.raw.send(new cd.DeleteDeploymentGroupCommand({ applicationName: 'no-such-app', deploymentGroupName: 'x' }));
    await rejectsWith(
      send(
        new cd.GetDeploymentGroupCommand({
          applicationName: 'checkout-web',
          deploymentGroupName: 'checkout-web-bluegreen',
        }),
      ),
      'GetDeploymentGroup',
      'DeploymentGroupDoesNotExistException',
    );
    for (const id of history.deployments ?? []) await h.raw.send(new cd.GetDeploymentCommand({ deploymentId: id }));
    await h.raw.send(
      new cd.CreateDeploymentGroupCommand({
        applicationName: 'checkout-web',
        deploymentGroupName: 'checkout-web-bluegreen',
        serviceRoleArn: ROLE,
      }),
    );
    const fresh = await h.raw.send(
      new cd.ListDeploymentsCommand({ applicationName: 'checkout-web', deploymentGroupName: 'checkout-web-bluegreen' }),
    );
    assert.deepEqual(fresh.deployments, []);
  });
});
