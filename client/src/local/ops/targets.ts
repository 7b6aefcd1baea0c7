/** ListDeploymentTargets, BatchGetDeploymentTargets, GetDeploymentTarget and the (deprecated) instance operations. */
import { INSTANCE_STATUSES, INSTANCE_TYPES, TARGET_FILTER_NAMES, TARGET_LABELS, TARGET_STATUSES } from '../enums';
import { fail } from '../errors';
import { isObj, optEnum } from '../input';
import { LIMITS } from '../limits';
import { page } from '../paging';
import type { DeploymentRecord, Json, TargetRecord } from '../types';
import { listAnswer, type Operations, type OpsContext } from './context';

const TARGET_KEY = { InstanceTarget: 'instanceTarget', LambdaTarget: 'lambdaTarget', ECSTarget: 'ecsTarget' } as const;

/** Targets exist once the deployment is InProgress; before that the service answers DeploymentNotStartedException. */
export function assertStarted(d: DeploymentRecord): void {
  if (d.info.status === 'Created' || d.info.status === 'Queued') {
    fail('DeploymentNotStartedException', `The deployment ${d.info.deploymentId} has not started.`);
  }
}

const isBlueGreen = (d: DeploymentRecord) =>
  (d.info.deploymentStyle as Json | undefined)?.deploymentType === 'BLUE_GREEN';

/** A list of enum values from a filter, or the exception for a bad value. */
function values<T extends string>(v: unknown, allowed: readonly T[], err: string, what: string): T[] {
  if (!Array.isArray(v)) fail(err, `The ${what} filter must be a list.`);
  return v.map((x) => optEnum(x, allowed, err, `The ${what} ${String(x).slice(0, 50)} is invalid.`) as T);
}

function findTarget(d: DeploymentRecord, id: unknown): TargetRecord {
  if (typeof id !== 'string' || id === '')
    fail('DeploymentTargetIdRequiredException', 'A deployment target ID was not provided.');
  const t = d.targets.find((x) => x.targetId === id);
  if (!t)
    fail(
      'DeploymentTargetDoesNotExistException',
      `The provided target ID ${id.slice(0, 200)} does not belong to the deployment ${d.info.deploymentId}.`,
    );
  return t;
}

function targetOut(d: DeploymentRecord, t: TargetRecord): Json {
  const { deploymentTargetType, ...body } = structuredClone(t);
  return { deploymentTargetType, [TARGET_KEY[deploymentTargetType]]: { deploymentId: d.info.deploymentId, ...body } };
}

function serverOnly(d: DeploymentRecord): void {
  if (d.info.computePlatform !== 'Server')
    fail(
      'InvalidComputePlatformException',
      'The computePlatform is invalid. Instance APIs are supported for the Server compute platform only; use the deployment target APIs.',
    );
}

function instanceOut(d: DeploymentRecord, t: TargetRecord): Json {
  return {
    deploymentId: d.info.deploymentId,
    instanceId: t.targetArn,
    status: t.status,
    lastUpdatedAt: t.lastUpdatedAt,
    lifecycleEvents: structuredClone(t.lifecycleEvents),
    ...(t.instanceLabel ? { instanceType: t.instanceLabel } : {}),
  };
}

export function targetOperations({ engine }: OpsContext): Operations {
  const get = (id: unknown) => engine.get(id);
  return {
    ListDeploymentTargets: (i) => {
      const d = get(i.deploymentId);
      assertStarted(d);
      let targets = d.targets;
      const filters = i.targetFilters ?? {};
      if (!isObj(filters)) fail('SerializationException', 'targetFilters must be a map of filter names to lists.');
      for (const [name, list] of Object.entries(filters)) {
        const filter = optEnum(
          name,
          TARGET_FILTER_NAMES,
          'InvalidTargetFilterNameException',
          `The target filter name ${name.slice(0, 50)} is invalid: use TargetStatus or ServerInstanceLabel.`,
        );
        if (filter === 'TargetStatus') {
          const wanted: string[] = values(list, TARGET_STATUSES, 'InvalidInstanceStatusException', 'target status');
          targets = targets.filter((t) => wanted.includes(t.status));
        } else {
          const wanted: string[] = values(list, TARGET_LABELS, 'InvalidInstanceTypeException', 'instance label');
          if (!isBlueGreen(d))
            fail(
              'InvalidDeploymentInstanceTypeException',
              'Instance labels (Blue, Green) apply to blue/green deployments only.',
            );
          targets = targets.filter((t) => wanted.includes(t.instanceLabel ?? ''));
        }
      }
      const scope = JSON.stringify([d.info.deploymentId, filters]);
      return listAnswer(
        'targetIds',
        page(
          'ListDeploymentTargets',
          targets.map((t) => t.targetId),
          i.nextToken,
          scope,
        ),
      );
    },

    BatchGetDeploymentTargets: (i) => {
      const d = get(i.deploymentId);
      const ids = i.targetIds;
      if (!Array.isArray(ids) || ids.length === 0)
        fail('DeploymentTargetIdRequiredException', 'A deployment target ID was not provided.');
      if (ids.length > LIMITS.batchItems || (d.info.computePlatform !== 'Server' && ids.length > 1))
        fail(
          'DeploymentTargetListSizeExceededException',
          `At most ${LIMITS.batchItems} target IDs can be given, and exactly one for an Amazon ECS or Lambda deployment.`,
        );
      assertStarted(d);
      return { deploymentTargets: ids.map((id) => targetOut(d, findTarget(d, id))) };
    },

    GetDeploymentTarget: (i) => {
      const d = get(i.deploymentId);
      assertStarted(d);
      return { deploymentTarget: targetOut(d, findTarget(d, i.targetId)) };
    },

    ListDeploymentInstances: (i) => {
      const d = get(i.deploymentId);
      serverOnly(d);
      assertStarted(d);
      const statuses: string[] | undefined =
        i.instanceStatusFilter === undefined || i.instanceStatusFilter === null
          ? undefined
          : values(i.instanceStatusFilter, INSTANCE_STATUSES, 'InvalidInstanceStatusException', 'instance status');
      const types: string[] | undefined =
        i.instanceTypeFilter === undefined || i.instanceTypeFilter === null
          ? undefined
          : values(i.instanceTypeFilter, INSTANCE_TYPES, 'InvalidInstanceTypeException', 'instance type');
      if (types?.length && !isBlueGreen(d))
        fail('InvalidDeploymentInstanceTypeException', 'An instance type was specified for an in-place deployment.');
      const ids = d.targets
        .filter(
          (t) =>
            (!statuses?.length || statuses.includes(t.status)) &&
            (!types?.length || types.includes(t.instanceLabel ?? '')),
        )
        .map((t) => t.targetId);
      const scope = JSON.stringify([d.info.deploymentId, statuses, types]);
      return listAnswer('instancesList', page('ListDeploymentInstances', ids, i.nextToken, scope));
    },

    BatchGetDeploymentInstances: (i) => {
      const d = get(i.deploymentId);
      serverOnly(d);
      const ids = i.instanceIds;
      if (!Array.isArray(ids) || ids.length === 0)
        fail('InstanceIdRequiredException', 'The instance ID was not specified.');
      if (ids.length > LIMITS.batchItems)
        fail(
          'BatchLimitExceededException',
          `The maximum number of names or IDs allowed for this request (${LIMITS.batchItems}) was exceeded.`,
        );
      const found: Json[] = [];
      const missing: string[] = [];
      for (const id of ids) {
        const t = d.targets.find((x) => x.targetId === id);
        if (t) found.push(instanceOut(d, t));
        else missing.push(String(id).slice(0, 100));
      }
      return {
        instancesSummary: found,
        ...(missing.length ? { errorMessage: `Instances not found in the deployment: ${missing.join(', ')}` } : {}),
      };
    },

    GetDeploymentInstance: (i) => {
      const d = get(i.deploymentId);
      serverOnly(d);
      if (typeof i.instanceId !== 'string' || !i.instanceId)
        fail('InstanceIdRequiredException', 'The instance ID was not specified.');
      const t = d.targets.find((x) => x.targetId === i.instanceId);
      if (!t)
        fail(
          'InstanceDoesNotExistException',
          `The instance ${i.instanceId.slice(0, 100)} is not part of the deployment.`,
        );
      return { instanceSummary: instanceOut(d, t) };
    },
  };
}
