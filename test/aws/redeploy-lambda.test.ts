/**
 * Redeploying Lambda AppSpec content on the real local endpoint through the real SDK: after a success the
 * alias points at TargetVersion, so the same content fails (INVALID_LAMBDA_CONFIGURATION, as on AWS); the
 * redeploy check sees it through the AWS layer's alias read, and the swapped versions deploy.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as cd from '@aws-sdk/client-codedeploy';
import { redeployInput } from '../../client/src/deploy/redeploy';
import { checkLambdaRedeploy, lambdaResource, withVersions } from '../../client/src/deploy/redeployLambda';
import { contentRevision, lambdaSpec, runToEnd, startHarness, type Harness } from './helpers';

describe('redeploy of Lambda AppSpec content (real SDK, local endpoint)', () => {
  let h: Harness;
  let first: string;
  before(async () => {
    h = await startHarness({ seed: false });
    await h.raw.send(new cd.CreateApplicationCommand({ applicationName: 'fn-app', computePlatform: 'Lambda' }));
    await h.raw.send(
      new cd.CreateDeploymentGroupCommand({
        applicationName: 'fn-app',
        deploymentGroupName: 'live',
        serviceRoleArn: 'arn:aws:iam::111122223333:role/r',
      }),
    );
    first = await h.api.createDeployment({
      applicationName: 'fn-app',
      deploymentGroupName: 'live',
      revision: contentRevision(lambdaSpec({ name: 'redeploy-fn', current: '3', target: '4' })),
    });
    assert.equal((await runToEnd(h, first, 5_000)).status, 'Succeeded');
  });
  after(() => h.close());

  it('sees the alias at TargetVersion; the same content fails, the swapped versions succeed', async () => {
    const { input } = await redeployInput(h.api, first);
    const content = input.revision?.appSpecContent?.content ?? '';
    const r = lambdaResource(content);
    assert.deepEqual(r, { functionName: 'redeploy-fn', alias: 'live', current: '3', target: '4' });
    const access = h.api.account();
    access.invalidate();
    const aliasNow = (await access.getAlias('redeploy-fn', 'live'))?.functionVersion;
    assert.deepEqual(checkLambdaRedeploy(r!, aliasNow), { kind: 'aliasAtTarget', aliasNow: '4' });

    // What the redeploy used to send: CodeDeploy takes it and the deployment fails.
    const same = await h.api.createDeployment(input);
    const failed = await runToEnd(h, same, 5_000);
    assert.equal(failed.status, 'Failed');
    assert.equal(failed.errorInformation?.code, 'INVALID_LAMBDA_CONFIGURATION');

    // The offered swap: from where the alias is back to the earlier version.
    const swapped = await h.api.createDeployment({
      ...input,
      revision: contentRevision(withVersions(content, '4', '3')),
    });
    assert.equal((await runToEnd(h, swapped, 5_000)).status, 'Succeeded');
    access.invalidate();
    assert.equal((await access.getAlias('redeploy-fn', 'live'))?.functionVersion, '3');
  });
});
