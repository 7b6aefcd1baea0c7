/**
 * Every service exception the local endpoint raises reaches the unmodified SDK as the typed
 * exception class, and reaches the product as an AwsUserError with the same `code`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as cd from '@aws-sdk/client-codedeploy';
import { AwsUserError } from '../../client/src/aws/api';
import { contentRevision, ecsSpec, lambdaSpec, startHarness, type Harness } from './helpers';

describe('service exceptions over the wire', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  /** Sends a raw command and checks the SDK raised the modelled exception class with the service's message. */
  async function expectTyped(command: object, type: new (...a: never[]) => Error, name: string): Promise<void> {
    await assert.rejects(
      h.raw.send(command as never),
      (err: Error & { $fault?: string; $metadata?: { httpStatusCode?: number } }) => {
        assert.ok(err instanceof type, `expected ${name}, got ${err.name}: ${err.message}`);
        assert.equal(err.name, name);
        assert.equal(err.$fault, 'client');
        assert.equal(err.$metadata?.httpStatusCode, 400);
        assert.ok(err.message.length > 10, 'carries the service message');
        return true;
      },
    );
  }

  const lambdaDeployment = async () =>
    h.api.createDeployment({
      applicationName: 'orders-api-lambda',
      deploymentGroupName: 'orders-api-live',
      revision: contentRevision(lambdaSpec({ current: '7', target: '8' })),
    });

  it('application errors', async () => {
    await expectTyped(
      new cd.GetApplicationCommand({ applicationName: '' }),
      cd.ApplicationNameRequiredException,
      'ApplicationNameRequiredException',
    );
    await expectTyped(
      new cd.GetApplicationCommand({ applicationName: 'nope' }),
      cd.ApplicationDoesNotExistException,
      'ApplicationDoesNotExistException',
    );
    await expectTyped(
      new cd.CreateApplicationCommand({ applicationName: 'checkout-web' }),
      cd.ApplicationAlreadyExistsException,
      'ApplicationAlreadyExistsException',
    );
    await expectTyped(
      new cd.CreateApplicationCommand({ applicationName: 'x1', computePlatform: 'Mainframe' as cd.ComputePlatform }),
      cd.InvalidComputePlatformException,
      'InvalidComputePlatformException',
    );
    await expectTyped(
      new cd.BatchGetApplicationsCommand({ applicationNames: Array.from({ length: 101 }, (_, i) => `a${i}`) }),
      cd.BatchLimitExceededException,
      'BatchLimitExceededException',
    );
  });

  it('deployment group errors', async () => {
    await expectTyped(
      new cd.GetDeploymentGroupCommand({ applicationName: 'checkout-web', deploymentGroupName: '' }),
      cd.DeploymentGroupNameRequiredException,
      'DeploymentGroupNameRequiredException',
    );
    await expectTyped(
      new cd.GetDeploymentGroupCommand({ applicationName: 'checkout-web', deploymentGroupName: 'nope' }),
      cd.DeploymentGroupDoesNotExistException,
      'DeploymentGroupDoesNotExistException',
    );
    await expectTyped(
      new cd.CreateDeploymentGroupCommand({
        applicationName: 'checkout-web',
        deploymentGroupName: 'checkout-web-prod',
        serviceRoleArn: 'arn:aws:iam::111122223333:role/r',
      }),
      cd.DeploymentGroupAlreadyExistsException,
      'DeploymentGroupAlreadyExistsException',
    );
    await expectTyped(
      new cd.GetDeploymentConfigCommand({ deploymentConfigName: 'CodeDeployDefault.Nope' }),
      cd.DeploymentConfigDoesNotExistException,
      'DeploymentConfigDoesNotExistException',
    );
  });

  it('deployment lookup errors', async () => {
    await expectTyped(
      new cd.GetDeploymentCommand({ deploymentId: '' }),
      cd.DeploymentIdRequiredException,
      'DeploymentIdRequiredException',
    );
    await expectTyped(
      new cd.GetDeploymentCommand({ deploymentId: 'd-abc' }),
      cd.InvalidDeploymentIdException,
      'InvalidDeploymentIdException',
    );
    await expectTyped(
      new cd.GetDeploymentCommand({ deploymentId: 'd-ABCDEFGH1' }),
      cd.DeploymentDoesNotExistException,
      'DeploymentDoesNotExistException',
    );
    await expectTyped(
      new cd.ListApplicationsCommand({ nextToken: 'not-a-token' }),
      cd.InvalidNextTokenException,
      'InvalidNextTokenException',
    );
  });

  it('CreateDeployment request validation', async () => {
    const base = { applicationName: 'orders-api-lambda', deploymentGroupName: 'orders-api-live' };
    await expectTyped(
      new cd.CreateDeploymentCommand({ ...base }),
      cd.RevisionRequiredException,
      'RevisionRequiredException',
    );
    await expectTyped(
      new cd.CreateDeploymentCommand({ ...base, revision: { revisionType: 'S3', s3Location: { bucket: 'b' } } }),
      cd.InvalidRevisionException,
      'InvalidRevisionException',
    );
    await expectTyped(
      new cd.CreateDeploymentCommand({
        ...base,
        revision: {
          revisionType: 'AppSpecContent',
          appSpecContent: { content: lambdaSpec(), sha256: '00'.repeat(32) },
        },
      }),
      cd.InvalidRevisionException,
      'InvalidRevisionException',
    );
    await expectTyped(
      new cd.CreateDeploymentCommand({
        applicationName: 'checkout-web',
        deploymentGroupName: 'checkout-web-prod',
        revision: contentRevision(lambdaSpec()),
      }),
      cd.InvalidRevisionException,
      'InvalidRevisionException',
    );
    await expectTyped(
      new cd.CreateDeploymentCommand({
        ...base,
        deploymentConfigName: 'missing-config',
        revision: contentRevision(lambdaSpec()),
      }),
      cd.DeploymentConfigDoesNotExistException,
      'DeploymentConfigDoesNotExistException',
    );
    await expectTyped(
      new cd.CreateDeploymentCommand({
        deploymentGroupName: 'x',
        revision: contentRevision(lambdaSpec()),
      } as cd.CreateDeploymentInput),
      cd.ApplicationNameRequiredException,
      'ApplicationNameRequiredException',
    );
  });

  it('target errors, and targets before the deployment started', async () => {
    const id = await lambdaDeployment();
    await expectTyped(
      new cd.CreateDeploymentCommand({
        applicationName: 'orders-api-lambda',
        deploymentGroupName: 'orders-api-live',
        revision: contentRevision(lambdaSpec()),
      }),
      cd.DeploymentLimitExceededException,
      'DeploymentLimitExceededException',
    );
    await expectTyped(
      new cd.ListDeploymentTargetsCommand({ deploymentId: id }),
      cd.DeploymentNotStartedException,
      'DeploymentNotStartedException',
    );
    h.clock.advance(5_000);
    await expectTyped(
      new cd.BatchGetDeploymentTargetsCommand({ deploymentId: id, targetIds: [] }),
      cd.DeploymentTargetIdRequiredException,
      'DeploymentTargetIdRequiredException',
    );
    await expectTyped(
      new cd.GetDeploymentTargetCommand({ deploymentId: id, targetId: 'other-function' }),
      cd.DeploymentTargetDoesNotExistException,
      'DeploymentTargetDoesNotExistException',
    );
    const t = await h.raw.send(new cd.GetDeploymentTargetCommand({ deploymentId: id, targetId: 'orders-api' }));
    assert.equal(t.deploymentTarget?.deploymentTargetType, 'LambdaTarget');
    await expectTyped(
      new cd.ContinueDeploymentCommand({ deploymentId: id }),
      cd.UnsupportedActionForDeploymentTypeException,
      'UnsupportedActionForDeploymentTypeException',
    );
  });

  it('wait and completion errors', async () => {
    const id = await h.api.createDeployment({
      applicationName: 'storefront-ecs',
      deploymentGroupName: 'storefront-prod',
      revision: contentRevision(ecsSpec()),
    });
    await expectTyped(
      new cd.ContinueDeploymentCommand({ deploymentId: id, deploymentWaitType: 'READY_WAIT' }),
      cd.DeploymentIsNotInReadyStateException,
      'DeploymentIsNotInReadyStateException',
    );
    await expectTyped(
      new cd.ContinueDeploymentCommand({ deploymentId: id, deploymentWaitType: 'SOON' as cd.DeploymentWaitType }),
      cd.InvalidDeploymentWaitTypeException,
      'InvalidDeploymentWaitTypeException',
    );
    await h.api.stopDeployment(id);
    h.clock.advance(5_000);
    assert.equal((await h.api.getDeployment(id)).status, 'Stopped');
    await expectTyped(
      new cd.StopDeploymentCommand({ deploymentId: id }),
      cd.DeploymentAlreadyCompletedException,
      'DeploymentAlreadyCompletedException',
    );
  });

  it('the product API raises AwsUserError with the service code and message', async () => {
    await assert.rejects(h.api.getDeployment('d-ZZZZZZZZZ'), (err: unknown) => {
      assert.ok(err instanceof AwsUserError);
      assert.equal(err.code, 'DeploymentDoesNotExistException');
      assert.match(err.message, /d-ZZZZZZZZZ/);
      assert.equal(err.action, undefined);
      return true;
    });
    await assert.rejects(h.api.listDeploymentGroups('nope'), {
      name: 'AwsUserError',
      code: 'ApplicationDoesNotExistException',
    });
  });
});
