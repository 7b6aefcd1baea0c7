/**
 * A data folder written by the previous version of the endpoint keeps working: its state file is
 * migrated on load (member names the model does not have, the old rollback creator, application
 * tags kept aside, no target revisions or Lambda alias state yet).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as cd from '@aws-sdk/client-codedeploy';
import { contentRevision, lambdaSpec, ManualClock, runToEnd, startHarness, tempDir } from './helpers';

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Rewrites a state file into the shapes the previous version wrote. */
function toPreviousVersion(state: J): J {
  state.appTags = {};
  for (const app of state.applications) {
    if (app.tags?.length) state.appTags[app.applicationName] = app.tags;
    delete app.tags;
  }
  for (const g of state.groups) {
    const lb = g.info.loadBalancerInfo;
    if (lb?.targetGroupPairInfoList) {
      lb.targetGroupPairInfos = lb.targetGroupPairInfoList;
      delete lb.targetGroupPairInfoList;
    }
    delete g.info.targetRevision;
  }
  for (const d of state.deployments) {
    if (d.info.creator === 'codeDeployRollback') d.info.creator = 'autoRollback';
    const lb = d.info.loadBalancerInfo;
    if (lb?.targetGroupPairInfoList) {
      lb.targetGroupPairInfos = lb.targetGroupPairInfoList;
      delete lb.targetGroupPairInfoList;
    }
    delete d.groupId;
    delete d.hookMode;
    delete d.hookExecutions;
  }
  for (const r of state.revisions) r.deploymentGroups = ['used-by-some-group'];
  delete state.lambdaAliases;
  delete state.onPremisesInstances;
  return state;
}

describe('state written by the previous version', () => {
  it('loads, answers in the model shapes, and keeps deploying', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock();
    const first = await startHarness({ dataDir, clock });
    await first.raw.send(
      new cd.TagResourceCommand({
        ResourceArn: 'arn:aws:codedeploy:us-east-1:111122223333:application:checkout-web',
        Tags: [{ Key: 'cost-center', Value: '42' }],
      }),
    );
    await first.close({ keepData: true });
    const file = path.join(dataDir, 'state.json');
    const old = toPreviousVersion(JSON.parse(fs.readFileSync(file, 'utf8')));
    assert.ok(JSON.stringify(old).includes('targetGroupPairInfos') && JSON.stringify(old).includes('"autoRollback"'));
    fs.writeFileSync(file, JSON.stringify(old));

    const h = await startHarness({ dataDir, clock });
    try {
      const ecs = await h.raw.send(
        new cd.GetDeploymentGroupCommand({ applicationName: 'storefront-ecs', deploymentGroupName: 'storefront-prod' }),
      );
      assert.equal(ecs.deploymentGroupInfo?.loadBalancerInfo?.targetGroupPairInfoList?.[0]?.targetGroups?.length, 2);
      const lambdaIds = (await h.api.listDeployments('orders-api-lambda', 'orders-api-live')).deploymentIds;
      const creators = (await h.api.batchGetDeployments(lambdaIds)).map((d) => d.creator).sort();
      assert.deepEqual(creators, ['codeDeployRollback', 'user', 'user']);
      const tags = await h.raw.send(
        new cd.ListTagsForResourceCommand({
          ResourceArn: 'arn:aws:codedeploy:us-east-1:111122223333:application:checkout-web',
        }),
      );
      assert.deepEqual(tags.Tags, [{ Key: 'cost-center', Value: '42' }]);
      const prod = await h.raw.send(
        new cd.GetDeploymentGroupCommand({ applicationName: 'checkout-web', deploymentGroupName: 'checkout-web-prod' }),
      );
      assert.equal(prod.deploymentGroupInfo?.targetRevision?.s3Location?.key, 'checkout-web/checkout-web-1.4.1.zip');
      const deployed = await h.raw.send(
        new cd.ListApplicationRevisionsCommand({ applicationName: 'checkout-web', deployed: 'include' }),
      );
      assert.deepEqual(
        deployed.revisions?.map((r) => r.s3Location?.key),
        ['checkout-web/checkout-web-1.4.1.zip'],
      );
      // The Lambda alias is rebuilt from the history: the release to 8 was rolled back, so it is at 7.
      const id = await h.api.createDeployment({
        applicationName: 'orders-api-lambda',
        deploymentGroupName: 'orders-api-live',
        deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce',
        revision: contentRevision(lambdaSpec({ current: '7', target: '8' })),
      });
      assert.equal((await runToEnd(h, id, 2_000)).status, 'Succeeded');
      const saved = fs.readFileSync(file, 'utf8');
      assert.ok(
        !saved.includes('targetGroupPairInfos') && !saved.includes('"autoRollback"') && !saved.includes('appTags'),
      );
    } finally {
      await h.close();
    }
  });
});
