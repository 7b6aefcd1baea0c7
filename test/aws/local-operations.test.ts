/** Every operation of the published CodeDeploy model answers on the local endpoint, and the endpoint's enums are the model's. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as cd from '@aws-sdk/client-codedeploy';
import * as enums from '../../client/src/local/enums';
import { startHarness, type Harness } from './helpers';
import { errorsOf, serviceModel } from './localModel';

/** Common errors any JSON 1.1 service may answer for a malformed request (not listed per operation). */
const COMMON = new Set(['SerializationException', 'ValidationException']);

describe('the local endpoint answers every operation of the model', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('no operation answers UnknownOperationException, and every error is one the model lists for it', async () => {
    const operations = Object.keys(serviceModel().operations);
    assert.ok(operations.length >= 47, `the model has ${operations.length} operations`);
    const unknown: string[] = [];
    const outside: string[] = [];
    const commands = cd as unknown as Record<string, (new (input: object) => unknown) | undefined>;
    for (const op of operations) {
      const Command = commands[`${op}Command`];
      assert.ok(Command, `the v3 SDK has ${op}Command`);
      try {
        await h.raw.send(new Command({}) as never);
      } catch (err) {
        const name = (err as { name?: string }).name ?? '';
        if (name === 'UnknownOperationException') unknown.push(op);
        else if (!errorsOf(op).includes(name) && !COMMON.has(name)) outside.push(`${op} → ${name}`);
      }
    }
    assert.deepEqual(unknown, []);
    assert.deepEqual(outside, []);
  });

  it('the v3 SDK and the botocore model have the same operations', () => {
    const sdk = Object.keys(cd)
      .filter((k) => /^[A-Z][A-Za-z]+Command$/.test(k))
      .map((k) => k.slice(0, -'Command'.length))
      .sort();
    assert.deepEqual(sdk, Object.keys(serviceModel().operations).sort());
  });

  it('every enum the endpoint reads or writes is the model enum, value for value', () => {
    const shapes = serviceModel().shapes;
    const pairs: [string, readonly string[]][] = [
      ['ComputePlatform', enums.COMPUTE_PLATFORMS],
      ['AutoRollbackEvent', enums.AUTO_ROLLBACK_EVENTS],
      ['EC2TagFilterType', enums.EC2_TAG_FILTER_TYPES],
      ['TagFilterType', enums.TAG_FILTER_TYPES],
      ['DeploymentType', enums.DEPLOYMENT_TYPES],
      ['DeploymentOption', enums.DEPLOYMENT_OPTIONS],
      ['InstanceAction', enums.INSTANCE_ACTIONS],
      ['DeploymentReadyAction', enums.DEPLOYMENT_READY_ACTIONS],
      ['GreenFleetProvisioningAction', enums.GREEN_FLEET_ACTIONS],
      ['OutdatedInstancesStrategy', enums.OUTDATED_INSTANCES_STRATEGIES],
      ['TriggerEventType', enums.TRIGGER_EVENT_TYPES],
      ['DeploymentStatus', enums.DEPLOYMENT_STATUSES],
      ['InstanceStatus', enums.INSTANCE_STATUSES],
      ['TargetStatus', enums.TARGET_STATUSES],
      ['InstanceType', enums.INSTANCE_TYPES],
      ['TargetLabel', enums.TARGET_LABELS],
      ['TargetFilterName', enums.TARGET_FILTER_NAMES],
      ['LifecycleEventStatus', enums.LIFECYCLE_EVENT_STATUSES],
      ['ListStateFilterAction', enums.LIST_STATE_FILTER_ACTIONS],
      ['ApplicationRevisionSortBy', enums.APPLICATION_REVISION_SORT_BY],
      ['SortOrder', enums.SORT_ORDERS],
      ['RegistrationStatus', enums.REGISTRATION_STATUSES],
      ['FileExistsBehavior', enums.FILE_EXISTS_BEHAVIORS],
      ['DeploymentWaitType', enums.DEPLOYMENT_WAIT_TYPES],
    ];
    for (const [shape, values] of pairs) assert.deepEqual([...values].sort(), [...shapes[shape].enum!].sort(), shape);
    // DeploymentCreator: the v3 model is newer than botocore 1.29 (it adds autoscalingTermination).
    assert.deepEqual([...enums.DEPLOYMENT_CREATORS].sort(), Object.values(cd.DeploymentCreator).sort());
    assert.ok(shapes.DeploymentCreator.enum!.every((v) => (enums.DEPLOYMENT_CREATORS as readonly string[]).includes(v)));
  });
});
