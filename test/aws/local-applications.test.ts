/** Applications, deployment configurations and resource tags on the local endpoint, through the real SDK. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as cd from '@aws-sdk/client-codedeploy';
import { startHarness, type Harness } from './helpers';
import { rejectsWith } from './localModel';

const ROLE = 'arn:aws:iam::111122223333:role/CodeDeployServiceRole';
const appArn = (name: string) => `arn:aws:codedeploy:us-east-1:111122223333:application:${name}`;

describe('applications, configurations and tags', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ seed: false });
  });
  after(() => h.close());
  const send = <T>(c: T) => h.raw.send(c as never) as Promise<never>;

  it('CreateApplication keeps its tags; Get/BatchGet/List answer; names follow the model limits', async () => {
    const { applicationId } = await h.raw.send(
      new cd.CreateApplicationCommand({
        applicationName: 'billing',
        computePlatform: 'Lambda',
        tags: [{ Key: 'team', Value: 'payments' }, { Key: 'tier' }],
      }),
    );
    assert.match(applicationId ?? '', /^[0-9a-f-]{36}$/);
    const tags = await h.raw.send(new cd.ListTagsForResourceCommand({ ResourceArn: appArn('billing') }));
    assert.deepEqual(tags.Tags, [{ Key: 'team', Value: 'payments' }, { Key: 'tier' }]);
    const got = await h.raw.send(new cd.GetApplicationCommand({ applicationName: 'billing' }));
    assert.equal(got.application?.computePlatform, 'Lambda');
    assert.equal(got.application?.linkedToGitHub, false);
    assert.equal((got.application as Record<string, unknown>).tags, undefined, 'tags are not part of ApplicationInfo');

    const max = 'a'.repeat(100);
    await h.raw.send(new cd.CreateApplicationCommand({ applicationName: max }));
    await rejectsWith(
      send(new cd.CreateApplicationCommand({ applicationName: `${max}b` })),
      'CreateApplication',
      'InvalidApplicationNameException',
    );
    await rejectsWith(
      send(new cd.CreateApplicationCommand({ applicationName: 'billing' })),
      'CreateApplication',
      'ApplicationAlreadyExistsException',
    );
    await rejectsWith(
      send(
        new cd.CreateApplicationCommand({ applicationName: 'x', computePlatform: 'Mainframe' as cd.ComputePlatform }),
      ),
      'CreateApplication',
      'InvalidComputePlatformException',
    );
    await rejectsWith(
      send(new cd.CreateApplicationCommand({ applicationName: 'tagless', tags: [{ Key: '' }] })),
      'CreateApplication',
      'InvalidTagsToAddException',
    );
    const names = (await h.raw.send(new cd.ListApplicationsCommand({}))).applications ?? [];
    assert.ok(!names.includes('x') && !names.includes('tagless'), 'nothing stored when a check fails');

    const batch = await h.raw.send(new cd.BatchGetApplicationsCommand({ applicationNames: ['billing', max] }));
    assert.deepEqual(
      batch.applicationsInfo?.map((a) => a.applicationName),
      ['billing', max],
    );
    await rejectsWith(
      send(new cd.BatchGetApplicationsCommand({ applicationNames: Array.from({ length: 101 }, (_, i) => `a${i}`) })),
      'BatchGetApplications',
      'BatchLimitExceededException',
    );
    await rejectsWith(
      send(new cd.BatchGetApplicationsCommand({ applicationNames: [] })),
      'BatchGetApplications',
      'ApplicationNameRequiredException',
    );
  });

  it('names like __proto__ and constructor are ordinary names', async () => {
    for (const name of ['__proto__', 'constructor', 'hasOwnProperty']) {
      await h.raw.send(
        new cd.CreateApplicationCommand({ applicationName: name, tags: [{ Key: '__proto__', Value: 'x' }] }),
      );
      await h.raw.send(
        new cd.CreateDeploymentGroupCommand({
          applicationName: name,
          deploymentGroupName: '__proto__',
          serviceRoleArn: ROLE,
        }),
      );
      const g = await h.raw.send(
        new cd.GetDeploymentGroupCommand({ applicationName: name, deploymentGroupName: '__proto__' }),
      );
      assert.equal(g.deploymentGroupInfo?.deploymentGroupName, '__proto__');
      const tags = await h.raw.send(new cd.ListTagsForResourceCommand({ ResourceArn: appArn(name) }));
      assert.deepEqual(tags.Tags, [{ Key: '__proto__', Value: 'x' }]);
    }
    assert.ok((await h.raw.send(new cd.ListApplicationsCommand({}))).applications?.includes('__proto__'));
  });

  it('UpdateApplication renames (groups and tags follow); DeleteApplication removes everything and is idempotent', async () => {
    await h.raw.send(
      new cd.CreateApplicationCommand({ applicationName: 'old-name', tags: [{ Key: 'k', Value: 'v' }] }),
    );
    await h.raw.send(
      new cd.CreateDeploymentGroupCommand({
        applicationName: 'old-name',
        deploymentGroupName: 'g',
        serviceRoleArn: ROLE,
      }),
    );
    await rejectsWith(
      send(new cd.UpdateApplicationCommand({ applicationName: 'old-name', newApplicationName: 'billing' })),
      'UpdateApplication',
      'ApplicationAlreadyExistsException',
    );
    await rejectsWith(
      send(new cd.UpdateApplicationCommand({ applicationName: 'nope', newApplicationName: 'x' })),
      'UpdateApplication',
      'ApplicationDoesNotExistException',
    );
    await h.raw.send(new cd.UpdateApplicationCommand({ applicationName: 'old-name', newApplicationName: 'new-name' }));
    await rejectsWith(
      send(new cd.GetApplicationCommand({ applicationName: 'old-name' })),
      'GetApplication',
      'ApplicationDoesNotExistException',
    );
    const groups = await h.raw.send(new cd.ListDeploymentGroupsCommand({ applicationName: 'new-name' }));
    assert.deepEqual(groups.deploymentGroups, ['g']);
    const tags = await h.raw.send(new cd.ListTagsForResourceCommand({ ResourceArn: appArn('new-name') }));
    assert.deepEqual(tags.Tags, [{ Key: 'k', Value: 'v' }]);

    await h.raw.send(new cd.DeleteApplicationCommand({ applicationName: 'new-name' }));
    await h.raw.send(new cd.DeleteApplicationCommand({ applicationName: 'new-name' }));
    await rejectsWith(
      send(new cd.GetApplicationCommand({ applicationName: 'new-name' })),
      'GetApplication',
      'ApplicationDoesNotExistException',
    );
    await h.raw.send(new cd.CreateApplicationCommand({ applicationName: 'new-name' }));
    assert.deepEqual(
      (await h.raw.send(new cd.ListDeploymentGroupsCommand({ applicationName: 'new-name' }))).deploymentGroups,
      [],
    );
    await rejectsWith(
      send(new cd.DeleteApplicationCommand({ applicationName: '' })),
      'DeleteApplication',
      'ApplicationNameRequiredException',
    );
  });

  it('deployment configurations: create, get, list, delete; in use or predefined ones stay', async () => {
    const { deploymentConfigId } = await h.raw.send(
      new cd.CreateDeploymentConfigCommand({
        deploymentConfigName: 'half-fleet',
        minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 50 },
      }),
    );
    assert.ok(deploymentConfigId);
    const got = await h.raw.send(new cd.GetDeploymentConfigCommand({ deploymentConfigName: 'half-fleet' }));
    assert.deepEqual(got.deploymentConfigInfo?.minimumHealthyHosts, { type: 'FLEET_PERCENT', value: 50 });
    assert.equal(got.deploymentConfigInfo?.computePlatform, 'Server');
    await rejectsWith(
      send(
        new cd.CreateDeploymentConfigCommand({
          deploymentConfigName: 'half-fleet',
          minimumHealthyHosts: { type: 'HOST_COUNT', value: 1 },
        }),
      ),
      'CreateDeploymentConfig',
      'DeploymentConfigAlreadyExistsException',
    );
    await rejectsWith(
      send(
        new cd.CreateDeploymentConfigCommand({
          deploymentConfigName: 'lambda-with-hosts',
          computePlatform: 'Lambda',
          minimumHealthyHosts: { type: 'HOST_COUNT', value: 1 },
          trafficRoutingConfig: { type: 'AllAtOnce' },
        }),
      ),
      'CreateDeploymentConfig',
      'InvalidMinimumHealthyHostValueException',
    );
    await rejectsWith(
      send(
        new cd.CreateDeploymentConfigCommand({
          deploymentConfigName: 'c'.repeat(101),
          minimumHealthyHosts: { type: 'HOST_COUNT', value: 1 },
        }),
      ),
      'CreateDeploymentConfig',
      'InvalidDeploymentConfigNameException',
    );

    await h.raw.send(new cd.CreateApplicationCommand({ applicationName: 'web' }));
    await h.raw.send(
      new cd.CreateDeploymentGroupCommand({
        applicationName: 'web',
        deploymentGroupName: 'prod',
        serviceRoleArn: ROLE,
        deploymentConfigName: 'half-fleet',
      }),
    );
    await rejectsWith(
      send(new cd.DeleteDeploymentConfigCommand({ deploymentConfigName: 'half-fleet' })),
      'DeleteDeploymentConfig',
      'DeploymentConfigInUseException',
    );
    await rejectsWith(
      send(new cd.DeleteDeploymentConfigCommand({ deploymentConfigName: 'CodeDeployDefault.AllAtOnce' })),
      'DeleteDeploymentConfig',
      'InvalidOperationException',
    );
    await h.raw.send(
      new cd.UpdateDeploymentGroupCommand({
        applicationName: 'web',
        currentDeploymentGroupName: 'prod',
        deploymentConfigName: 'CodeDeployDefault.AllAtOnce',
      }),
    );
    await h.raw.send(new cd.DeleteDeploymentConfigCommand({ deploymentConfigName: 'half-fleet' }));
    await h.raw.send(new cd.DeleteDeploymentConfigCommand({ deploymentConfigName: 'half-fleet' }));
    await rejectsWith(
      send(new cd.GetDeploymentConfigCommand({ deploymentConfigName: 'half-fleet' })),
      'GetDeploymentConfig',
      'DeploymentConfigDoesNotExistException',
    );
    const list = (await h.raw.send(new cd.ListDeploymentConfigsCommand({}))).deploymentConfigsList ?? [];
    assert.ok(list.includes('CodeDeployDefault.AllAtOnce') && !list.includes('half-fleet'));
  });

  it('tag operations: unsupported and malformed ARNs, required tags', async () => {
    await rejectsWith(
      send(
        new cd.TagResourceCommand({
          ResourceArn: 'arn:aws:codedeploy:us-east-1:111122223333:deploymentconfig:half',
          Tags: [{ Key: 'a' }],
        }),
      ),
      'TagResource',
      'ArnNotSupportedException',
    );
    await rejectsWith(
      send(new cd.TagResourceCommand({ ResourceArn: 'not-an-arn', Tags: [{ Key: 'a' }] })),
      'TagResource',
      'InvalidArnException',
    );
    await rejectsWith(
      send(new cd.TagResourceCommand({ ResourceArn: appArn('billing'), Tags: [] })),
      'TagResource',
      'TagRequiredException',
    );
    await rejectsWith(
      send(new cd.TagResourceCommand({ ResourceArn: appArn('billing'), Tags: [{ Key: 'k'.repeat(129) }] })),
      'TagResource',
      'InvalidTagsToAddException',
    );
    await rejectsWith(
      send(new cd.TagResourceCommand({ ResourceArn: appArn('ghost'), Tags: [{ Key: 'a' }] })),
      'TagResource',
      'ApplicationDoesNotExistException',
    );
    await h.raw.send(
      new cd.TagResourceCommand({ ResourceArn: appArn('billing'), Tags: [{ Key: 'team', Value: 'ledger' }] }),
    );
    await h.raw.send(new cd.UntagResourceCommand({ ResourceArn: appArn('billing'), TagKeys: ['tier'] }));
    const tags = await h.raw.send(new cd.ListTagsForResourceCommand({ ResourceArn: appArn('billing') }));
    assert.deepEqual(tags.Tags, [{ Key: 'team', Value: 'ledger' }]);
  });
});
