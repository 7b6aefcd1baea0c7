/** nextToken pagination: the SDK paginators and the product API see every item exactly once. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as cd from '@aws-sdk/client-codedeploy';
import { contentRevision, lambdaSpec, runToEnd, startHarness, type Harness } from './helpers';

describe('pagination', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ seed: false });
  });
  after(() => h.close());

  it('lists 23 applications over three pages and batch-gets them', async () => {
    const names = Array.from({ length: 23 }, (_, i) => `app-${String(i).padStart(2, '0')}`);
    for (const n of names)
      await h.raw.send(new cd.CreateApplicationCommand({ applicationName: n, computePlatform: 'Lambda' }));
    const first = await h.raw.send(new cd.ListApplicationsCommand({}));
    assert.equal(first.applications?.length, 10);
    assert.ok(first.nextToken);
    const pages: string[][] = [];
    for await (const p of cd.paginateListApplications({ client: h.raw }, {})) pages.push(p.applications ?? []);
    assert.deepEqual(
      pages.map((p) => p.length),
      [10, 10, 3],
    );
    assert.deepEqual(await h.api.listApplications(), names);
    const infos = await h.api.batchGetApplications(names);
    assert.deepEqual(
      infos.map((a) => a.applicationName),
      names,
    );
    assert.ok(infos.every((a) => a.computePlatform === 'Lambda' && a.createTime instanceof Date));
  });

  it('batch-gets more names than one BatchGetApplications call takes: the AWS layer splits them', async () => {
    const names = Array.from({ length: 130 }, (_, i) => `many-${String(i).padStart(3, '0')}`);
    for (const n of names)
      await h.raw.send(new cd.CreateApplicationCommand({ applicationName: n, computePlatform: 'Server' }));
    // The service refuses more than 100 names in one call, as AWS does.
    await assert.rejects(h.raw.send(new cd.BatchGetApplicationsCommand({ applicationNames: names })), {
      name: 'BatchLimitExceededException',
    });
    const infos = await h.api.batchGetApplications(names);
    assert.deepEqual(
      infos.map((a) => a.applicationName),
      names,
    );
  });

  it('lists every predefined deployment configuration across pages', async () => {
    const configs = await h.api.listDeploymentConfigs();
    for (const name of [
      'CodeDeployDefault.AllAtOnce',
      'CodeDeployDefault.HalfAtATime',
      'CodeDeployDefault.OneAtATime',
      'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      'CodeDeployDefault.LambdaLinear10PercentEvery1Minute',
      'CodeDeployDefault.LambdaAllAtOnce',
      'CodeDeployDefault.ECSCanary10Percent5Minutes',
      'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
      'CodeDeployDefault.ECSAllAtOnce',
    ]) {
      assert.ok(configs.includes(name), name);
    }
    assert.ok(configs.length > 10, 'more than one page');
    const one = await h.api.getDeploymentConfig('CodeDeployDefault.OneAtATime');
    assert.deepEqual(one.minimumHealthyHosts, { type: 'MOST_CONCURRENCY', value: 1 });
    const canary = await h.api.getDeploymentConfig('CodeDeployDefault.ECSCanary10Percent5Minutes');
    assert.deepEqual(canary.trafficRoutingConfig, {
      type: 'TimeBasedCanary',
      timeBasedCanary: { canaryPercentage: 10, canaryInterval: 5 },
    });
  });

  it('returns deployments one page at a time, newest first, for "load more"', async () => {
    await h.raw.send(
      new cd.CreateDeploymentGroupCommand({
        applicationName: 'app-00',
        deploymentGroupName: 'live',
        serviceRoleArn: 'arn:aws:iam::111122223333:role/r',
      }),
    );
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const id = await h.api.createDeployment({
        applicationName: 'app-00',
        deploymentGroupName: 'live',
        revision: contentRevision(lambdaSpec({ current: String(i), target: String(i + 1) })),
      });
      ids.push(id);
      await runToEnd(h, id, 5_000);
    }
    const p1 = await h.api.listDeployments('app-00', 'live');
    assert.equal(p1.deploymentIds.length, 10);
    assert.ok(p1.nextToken);
    const p2 = await h.api.listDeployments('app-00', 'live', p1.nextToken);
    assert.equal(p2.nextToken, undefined);
    assert.deepEqual([...p1.deploymentIds, ...p2.deploymentIds], [...ids].reverse());
    const infos = await h.api.batchGetDeployments(ids);
    assert.equal(infos.length, 12);
    // A token from another listing is rejected.
    await assert.rejects(
      h.api.listDeployments('app-00', 'live', 'eyJvIjoiTGlzdEFwcGxpY2F0aW9ucyIsIm4iOjEwLCJzIjoiIn0='),
      { code: 'InvalidNextTokenException' },
    );
  });
});
