/**
 * Deploy-flow pieces against the real local endpoint through the real SDK: redeploying earlier
 * revisions (S3 pinned by ETag, and AppSpecContent whose text GetDeployment does not return).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { redeployInput } from '../../client/src/deploy/redeploy';
import { appSpecContentInput } from '../../client/src/deploy/plan';
import { lambdaSpec, runToEnd, startHarness, type Harness } from './helpers';

describe('redeploy on the local endpoint (real SDK over HTTP)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  async function lastOf(app: string, group: string, status: string): Promise<string> {
    const { deploymentIds } = await h.api.listDeployments(app, group);
    const infos = await h.api.batchGetDeployments(deploymentIds);
    const hit = infos
      .filter((d) => d.status === status)
      .sort((a, b) => b.createTime!.getTime() - a.createTime!.getTime())[0];
    assert.ok(hit?.deploymentId, `a ${status} deployment in ${app}/${group}`);
    return hit.deploymentId;
  }

  it('redeploys a Lambda AppSpecContent revision: the text comes back from the registered revision', async () => {
    const text = lambdaSpec({ current: '7', target: '8' });
    const first = await h.api.createDeployment(
      appSpecContentInput(
        { application: 'orders-api-lambda', group: 'orders-api-live', config: 'CodeDeployDefault.LambdaAllAtOnce' },
        text,
      ),
    );
    assert.equal((await runToEnd(h, first, 5_000)).status, 'Succeeded');
    const seen = await h.api.getDeployment(first);
    assert.ok(!seen.revision?.appSpecContent?.content, 'GetDeployment leaves the content out, as CodeDeploy does');

    const { input } = await redeployInput(h.api, first);
    assert.equal(input.revision?.revisionType, 'AppSpecContent');
    assert.equal(input.revision?.appSpecContent?.content, text);
    assert.equal(input.deploymentConfigName, 'CodeDeployDefault.LambdaAllAtOnce');
    // As on AWS, the same AppSpec cannot be deployed twice: its CurrentVersion (7) is no longer where the alias points (8).
    const again = await runToEnd(h, await h.api.createDeployment(input), 5_000);
    assert.equal(again.status, 'Failed');
    assert.equal(again.errorInformation?.code, 'INVALID_LAMBDA_CONFIGURATION');
  });

  it('redeploys the last successful EC2 revision (S3 bundle pinned by ETag)', async () => {
    const id = await lastOf('checkout-web', 'checkout-web-prod', 'Succeeded');
    const { input } = await redeployInput(h.api, id);
    assert.equal(input.revision?.revisionType, 'S3');
    assert.ok(input.revision?.s3Location?.eTag);
    const again = await h.api.createDeployment(input);
    const done = await runToEnd(h, again, 10_000);
    assert.equal(done.status, 'Succeeded', done.errorInformation?.message);
    assert.equal(done.description, `Redeploy of ${id} (VS Code)`);
  });

  it('says what to do when the content cannot be recovered', async () => {
    const api = {
      getDeployment: async () => ({
        deploymentId: 'd-GONE',
        applicationName: 'orders-api-lambda',
        deploymentGroupName: 'orders-api-live',
        revision: { revisionType: 'AppSpecContent' as const, appSpecContent: { sha256: 'abc' } },
      }),
      getRevisionLocation: async () => undefined,
    };
    await assert.rejects(redeployInput(api, 'd-GONE'), /deploy the AppSpec file again/);
  });
});
