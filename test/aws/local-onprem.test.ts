/** On-premises instances on the local endpoint: registration, tags, listing, and deployments to them by tag. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as cd from '@aws-sdk/client-codedeploy';
import { strToU8, zipSync } from 'fflate';
import { runToEnd, startHarness, type Harness } from './helpers';
import { rejectsWith } from './localModel';

const ROLE = 'arn:aws:iam::111122223333:role/CodeDeployServiceRole';
const user = (name: string) => `arn:aws:iam::111122223333:user/${name}`;
const APPSPEC = 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /opt/app\n';

describe('on-premises instances', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());
  const send = (c: unknown) => h.raw.send(c as never) as Promise<never>;
  const register = (name: string, arn: Partial<cd.RegisterOnPremisesInstanceInput> = { iamUserArn: user(name) }) =>
    h.raw.send(new cd.RegisterOnPremisesInstanceCommand({ instanceName: name, ...arn }));
  const names = async (input: cd.ListOnPremisesInstancesInput = {}) =>
    (await h.raw.send(new cd.ListOnPremisesInstancesCommand(input))).instanceNames;

  it('registers with one IAM ARN, and refuses what the service refuses', async () => {
    await register('rack-1');
    await register('rack-2');
    await register('rack-3', { iamSessionArn: 'arn:aws:sts::111122223333:assumed-role/OnPrem/rack-3' });
    const refuses = (input: Partial<cd.RegisterOnPremisesInstanceInput>, error: string) =>
      rejectsWith(
        send(new cd.RegisterOnPremisesInstanceCommand({ instanceName: 'rack-9', ...input })),
        'RegisterOnPremisesInstance',
        error,
      );
    await refuses({}, 'IamArnRequiredException');
    await refuses(
      { iamUserArn: user('x'), iamSessionArn: 'arn:aws:sts::111122223333:assumed-role/r/s9' },
      'MultipleIamArnsProvidedException',
    );
    await refuses({ iamUserArn: 'alice' }, 'InvalidIamUserArnException');
    await refuses({ iamSessionArn: 'arn:aws:iam::111122223333:role/r' }, 'InvalidIamSessionArnException');
    await refuses({ instanceName: 'rack-1', iamUserArn: user('other') }, 'InstanceNameAlreadyRegisteredException');
    await refuses({ iamUserArn: user('rack-1') }, 'IamUserArnAlreadyRegisteredException');
    await refuses(
      { iamSessionArn: 'arn:aws:sts::111122223333:assumed-role/OnPrem/rack-3' },
      'IamSessionArnAlreadyRegisteredException',
    );
    await refuses({ instanceName: '', iamUserArn: user('y') }, 'InstanceNameRequiredException');
    assert.deepEqual(await names(), ['rack-1', 'rack-2', 'rack-3']);

    const got = await h.raw.send(new cd.GetOnPremisesInstanceCommand({ instanceName: 'rack-1' }));
    assert.equal(got.instanceInfo?.instanceArn, 'arn:aws:codedeploy:us-east-1:111122223333:instance/rack-1');
    assert.equal(got.instanceInfo?.iamUserArn, user('rack-1'));
    assert.ok(got.instanceInfo?.registerTime instanceof Date);
    assert.deepEqual(got.instanceInfo?.tags, []);
    await rejectsWith(
      send(new cd.GetOnPremisesInstanceCommand({ instanceName: 'ghost' })),
      'GetOnPremisesInstance',
      'InstanceNotRegisteredException',
    );
  });

  it('tags: add (Key and Value required), remove, limits; unregistered instances refused', async () => {
    await h.raw.send(
      new cd.AddTagsToOnPremisesInstancesCommand({
        instanceNames: ['rack-1', 'rack-2'],
        tags: [{ Key: 'Role', Value: 'web' }],
      }),
    );
    await h.raw.send(
      new cd.AddTagsToOnPremisesInstancesCommand({ instanceNames: ['rack-3'], tags: [{ Key: 'Role', Value: 'db' }] }),
    );
    await h.raw.send(
      new cd.AddTagsToOnPremisesInstancesCommand({
        instanceNames: ['rack-1'],
        tags: [{ Key: 'Site', Value: 'berlin' }],
      }),
    );
    const addRefused = (input: Partial<cd.AddTagsToOnPremisesInstancesInput>, error: string) =>
      rejectsWith(
        send(
          new cd.AddTagsToOnPremisesInstancesCommand({
            instanceNames: ['rack-1'],
            tags: [{ Key: 'a', Value: 'b' }],
            ...input,
          }),
        ),
        'AddTagsToOnPremisesInstances',
        error,
      );
    await addRefused({ tags: [{ Key: 'NoValue' }] }, 'InvalidTagException');
    await addRefused({ tags: [] }, 'TagRequiredException');
    await addRefused({ instanceNames: [] }, 'InstanceNameRequiredException');
    await addRefused({ instanceNames: ['ghost'] }, 'InstanceNotRegisteredException');
    await addRefused(
      { tags: Array.from({ length: 10 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) },
      'TagLimitExceededException',
    );
    const info = await h.raw.send(
      new cd.BatchGetOnPremisesInstancesCommand({ instanceNames: ['rack-1', 'rack-2', 'ghost'] }),
    );
    assert.deepEqual(
      info.instanceInfos?.map((i) => [i.instanceName, i.tags?.map((t) => `${t.Key}=${t.Value}`)]),
      [
        ['rack-1', ['Role=web', 'Site=berlin']],
        ['rack-2', ['Role=web']],
      ],
    );
    await rejectsWith(
      send(new cd.BatchGetOnPremisesInstancesCommand({ instanceNames: Array.from({ length: 26 }, (_, i) => `n${i}`) })),
      'BatchGetOnPremisesInstances',
      'BatchLimitExceededException',
    );
    await h.raw.send(
      new cd.RemoveTagsFromOnPremisesInstancesCommand({
        instanceNames: ['rack-1'],
        tags: [{ Key: 'Site', Value: 'berlin' }],
      }),
    );
    const one = await h.raw.send(new cd.GetOnPremisesInstanceCommand({ instanceName: 'rack-1' }));
    assert.deepEqual(one.instanceInfo?.tags, [{ Key: 'Role', Value: 'web' }]);
  });

  it('ListOnPremisesInstances filters by tag and registration status', async () => {
    assert.deepEqual(await names({ tagFilters: [{ Key: 'Role', Value: 'web', Type: 'KEY_AND_VALUE' }] }), [
      'rack-1',
      'rack-2',
    ]);
    assert.deepEqual(await names({ tagFilters: [{ Value: 'db', Type: 'VALUE_ONLY' }] }), ['rack-3']);
    assert.deepEqual(await names({ tagFilters: [{ Key: 'Role', Type: 'KEY_ONLY' }] }), ['rack-1', 'rack-2', 'rack-3']);
    await rejectsWith(
      send(new cd.ListOnPremisesInstancesCommand({ registrationStatus: 'Maybe' as never })),
      'ListOnPremisesInstances',
      'InvalidRegistrationStatusException',
    );
    await rejectsWith(
      send(new cd.ListOnPremisesInstancesCommand({ tagFilters: [{ Key: 'Role', Type: 'FOO' as never }] })),
      'ListOnPremisesInstances',
      'InvalidTagFilterException',
    );
  });

  it('deploys to the registered instances a group selects by on-premises tags; deregistered ones are left out', async () => {
    const bundle = zipSync({ 'appspec.yml': strToU8(APPSPEC), 'index.html': strToU8('<p>hi</p>') });
    const up = await h.api.uploadRevision('onprem-revisions', 'app/1.0.zip', bundle);
    await h.raw.send(new cd.CreateApplicationCommand({ applicationName: 'factory' }));
    await h.raw.send(
      new cd.CreateDeploymentGroupCommand({
        applicationName: 'factory',
        deploymentGroupName: 'web-racks',
        serviceRoleArn: ROLE,
        deploymentConfigName: 'CodeDeployDefault.AllAtOnce',
        onPremisesInstanceTagFilters: [{ Key: 'Role', Value: 'web', Type: 'KEY_AND_VALUE' }],
      }),
    );
    await h.raw.send(
      new cd.CreateDeploymentGroupCommand({
        applicationName: 'factory',
        deploymentGroupName: 'berlin-web',
        serviceRoleArn: ROLE,
        deploymentConfigName: 'CodeDeployDefault.AllAtOnce',
        onPremisesTagSet: {
          onPremisesTagSetList: [
            [{ Key: 'Role', Value: 'web', Type: 'KEY_AND_VALUE' }],
            [{ Key: 'Site', Value: 'berlin', Type: 'KEY_AND_VALUE' }],
          ],
        },
      }),
    );
    await h.raw.send(
      new cd.AddTagsToOnPremisesInstancesCommand({
        instanceNames: ['rack-2'],
        tags: [{ Key: 'Site', Value: 'berlin' }],
      }),
    );
    await h.raw.send(new cd.DeregisterOnPremisesInstanceCommand({ instanceName: 'rack-1' }));
    await h.raw.send(new cd.DeregisterOnPremisesInstanceCommand({ instanceName: 'rack-1' }));
    assert.deepEqual(await names({ registrationStatus: 'Deregistered' }), ['rack-1']);
    assert.deepEqual(await names({ registrationStatus: 'Registered' }), ['rack-2', 'rack-3']);
    const gone = await h.raw.send(new cd.GetOnPremisesInstanceCommand({ instanceName: 'rack-1' }));
    assert.ok(gone.instanceInfo?.deregisterTime instanceof Date);

    const revision: cd.RevisionLocation = {
      revisionType: 'S3',
      s3Location: { bucket: up.bucket, key: up.key, bundleType: 'zip', eTag: up.eTag },
    };
    for (const group of ['web-racks', 'berlin-web']) {
      const { deploymentId } = await h.raw.send(
        new cd.CreateDeploymentCommand({ applicationName: 'factory', deploymentGroupName: group, revision }),
      );
      const d = await runToEnd(h, deploymentId!, 5_000);
      assert.equal(d.status, 'Succeeded', d.errorInformation?.message);
      const targets = await h.raw.send(new cd.ListDeploymentTargetsCommand({ deploymentId }));
      assert.deepEqual(targets.targetIds, ['rack-2']);
      const t = await h.raw.send(new cd.GetDeploymentTargetCommand({ deploymentId, targetId: 'rack-2' }));
      assert.equal(
        t.deploymentTarget?.instanceTarget?.targetArn,
        'arn:aws:codedeploy:us-east-1:111122223333:instance/rack-2',
      );
    }
  });

  it('an ec2TagSet selects the EC2 instances that match every tag group', async () => {
    await h.raw.send(
      new cd.CreateDeploymentGroupCommand({
        applicationName: 'checkout-web',
        deploymentGroupName: 'prod-zone-a',
        serviceRoleArn: ROLE,
        deploymentConfigName: 'CodeDeployDefault.AllAtOnce',
        ec2TagSet: {
          ec2TagSetList: [
            [{ Key: 'Environment', Value: 'production', Type: 'KEY_AND_VALUE' }],
            [{ Value: 'us-east-1a', Type: 'VALUE_ONLY' }],
          ],
        },
      }),
    );
    const prod = await h.raw.send(
      new cd.ListDeploymentsCommand({ applicationName: 'checkout-web', deploymentGroupName: 'checkout-web-prod' }),
    );
    const last = await h.api.getDeployment(prod.deployments![0]);
    const { deploymentId } = await h.raw.send(
      new cd.CreateDeploymentCommand({
        applicationName: 'checkout-web',
        deploymentGroupName: 'prod-zone-a',
        revision: last.revision,
      }),
    );
    assert.equal((await runToEnd(h, deploymentId!, 5_000)).status, 'Succeeded');
    const targets = await h.raw.send(new cd.ListDeploymentTargetsCommand({ deploymentId }));
    assert.equal(targets.targetIds?.length, 2, 'two of the four production instances are in us-east-1a');
  });
});
