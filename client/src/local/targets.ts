/** The target and instance operations: ListDeploymentTargets, BatchGetDeploymentTargets, … GetDeploymentInstance. */
import { fail } from './errors';
import { page } from './paging';
import type { DeploymentRecord, Json, TargetRecord } from './types';

const TARGET_KEY = { InstanceTarget: 'instanceTarget', LambdaTarget: 'lambdaTarget', ECSTarget: 'ecsTarget' } as const;

/** Targets exist once the deployment is InProgress; before that the service answers DeploymentNotStartedException. */
export function assertStarted(d: DeploymentRecord): void {
  if (d.info.status === 'Created' || d.info.status === 'Queued') {
    fail('DeploymentNotStartedException', `The deployment ${d.info.deploymentId} has not started.`);
  }
}

export class TargetOps {
  constructor(private readonly get: (id: unknown) => DeploymentRecord) {}

  listTargets(i: Json): Json {
    const d = this.get(i.deploymentId);
    assertStarted(d);
    let targets = d.targets;
    const filters = (i.targetFilters ?? {}) as Record<string, unknown>;
    for (const [name, values] of Object.entries(filters)) {
      if (name !== 'TargetStatus' && name !== 'ServerInstanceLabel')
        fail('InvalidTargetFilterNameException', `The target filter name ${name} is invalid.`);
      const list = Array.isArray(values) ? values.map(String) : [];
      targets = targets.filter((t) =>
        name === 'TargetStatus' ? list.includes(t.status) : list.includes(t.instanceLabel ?? ''),
      );
    }
    const p = page(
      'ListDeploymentTargets',
      targets.map((t) => t.targetId),
      i.nextToken,
      d.info.deploymentId,
    );
    return { targetIds: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
  }

  private findTarget(d: DeploymentRecord, id: unknown): TargetRecord {
    if (typeof id !== 'string' || id === '')
      fail('DeploymentTargetIdRequiredException', 'A deployment target ID was not provided.');
    const t = d.targets.find((x) => x.targetId === id);
    if (!t)
      fail(
        'DeploymentTargetDoesNotExistException',
        `The provided target ID ${id} does not belong to the deployment ${d.info.deploymentId}.`,
      );
    return t;
  }

  private targetOut(d: DeploymentRecord, t: TargetRecord): Json {
    const { deploymentTargetType, ...body } = structuredClone(t);
    return { deploymentTargetType, [TARGET_KEY[deploymentTargetType]]: { deploymentId: d.info.deploymentId, ...body } };
  }

  batchGetTargets(i: Json): Json {
    const d = this.get(i.deploymentId);
    const ids = i.targetIds;
    if (!Array.isArray(ids) || ids.length === 0)
      fail('DeploymentTargetIdRequiredException', 'A deployment target ID was not provided.');
    if (ids.length > 25)
      fail(
        'DeploymentTargetListSizeExceededException',
        'The maximum number of targets that can be associated with an Amazon ECS or Lambda deployment was exceeded. The target list of both types of deployments must have exactly one item. This exception does not apply to EC2/On-premises deployments.',
      );
    assertStarted(d);
    return { deploymentTargets: ids.map((id) => this.targetOut(d, this.findTarget(d, id))) };
  }

  getTarget(i: Json): Json {
    const d = this.get(i.deploymentId);
    assertStarted(d);
    return { deploymentTarget: this.targetOut(d, this.findTarget(d, i.targetId)) };
  }

  private serverOnly(d: DeploymentRecord): void {
    if (d.info.computePlatform !== 'Server')
      fail(
        'InvalidComputePlatformException',
        'The computePlatform is invalid. Instance APIs are supported for the Server compute platform only; use the deployment target APIs.',
      );
  }

  private instanceOut(d: DeploymentRecord, t: TargetRecord): Json {
    return {
      deploymentId: d.info.deploymentId,
      instanceId: t.targetArn,
      status: t.status,
      lastUpdatedAt: t.lastUpdatedAt,
      lifecycleEvents: structuredClone(t.lifecycleEvents),
      ...(t.instanceLabel ? { instanceType: t.instanceLabel } : {}),
    };
  }

  listInstances(i: Json): Json {
    const d = this.get(i.deploymentId);
    this.serverOnly(d);
    assertStarted(d);
    const statuses = Array.isArray(i.instanceStatusFilter) ? i.instanceStatusFilter.map(String) : undefined;
    const types = Array.isArray(i.instanceTypeFilter) ? i.instanceTypeFilter.map(String) : undefined;
    const ids = d.targets
      .filter(
        (t) => (!statuses || statuses.includes(t.status)) && (!types || types.includes(t.instanceLabel ?? 'Blue')),
      )
      .map((t) => t.targetId);
    const p = page('ListDeploymentInstances', ids, i.nextToken, d.info.deploymentId);
    return { instancesList: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
  }

  batchGetInstances(i: Json): Json {
    const d = this.get(i.deploymentId);
    this.serverOnly(d);
    const ids = i.instanceIds;
    if (!Array.isArray(ids) || ids.length === 0)
      fail('InstanceIdRequiredException', 'The instance ID was not specified.');
    if (ids.length > 25)
      fail(
        'BatchLimitExceededException',
        'The maximum number of names or IDs allowed for this request (25) was exceeded.',
      );
    const found: Json[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const t = d.targets.find((x) => x.targetId === id);
      if (t) found.push(this.instanceOut(d, t));
      else missing.push(String(id));
    }
    return {
      instancesSummary: found,
      ...(missing.length ? { errorMessage: `Instances not found in the deployment: ${missing.join(', ')}` } : {}),
    };
  }

  getInstance(i: Json): Json {
    const d = this.get(i.deploymentId);
    this.serverOnly(d);
    if (typeof i.instanceId !== 'string' || !i.instanceId)
      fail('InstanceIdRequiredException', 'The instance ID was not specified.');
    const t = d.targets.find((x) => x.targetId === i.instanceId);
    if (!t) fail('InstanceDoesNotExistException', `The instance ${i.instanceId} is not part of the deployment.`);
    return { instanceSummary: this.instanceOut(d, t) };
  }
}
