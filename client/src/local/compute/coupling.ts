/**
 * Keeps the simulated Lambda and ECS resources consistent with the deployments the engine plays:
 * a Lambda alias carries the traffic split while a deployment shifts and points to TargetVersion
 * once all traffic moved; a successful ECS deployment makes its task definition (and its target
 * group) the service's. Called by the deployment engine only.
 */
import type { Account } from '../account';
import type { EcsOriginal } from '../plan/ecs';
import type { DeploymentRecord, GroupRecord, Json, PlanInput, TargetRecord } from '../types';
import { primaryTaskSetId } from './ecsApi';
import { ComputeResources, parseTaskDefinitionRef } from './resources';

type TaskSet = { identifer?: string; status?: string; targetGroup?: { name?: string } };

/** The ECS target's task sets as a deployment left them. */
function taskSetsOf(d: DeploymentRecord | undefined): TaskSet[] {
  return (d?.targets.find((t) => t.deploymentTargetType === 'ECSTarget')?.taskSetsInfo ?? []) as TaskSet[];
}

/**
 * The task set that serves an ECS deployment group's production traffic before a new deployment: the
 * PRIMARY task set its last successful deployment left, else the simulated service's own (id, and the
 * target group of its load balancer).
 */
export function ecsOriginalTaskSet(
  account: Account,
  group: GroupRecord,
  previous: DeploymentRecord | undefined,
): EcsOriginal | undefined {
  const primary = taskSetsOf(previous).find((s) => s.status === 'PRIMARY');
  if (primary?.identifer) return { identifer: primary.identifer, targetGroup: primary.targetGroup?.name };
  const ref = ((group.info.ecsServices as Json[] | undefined) ?? [])[0];
  const service = ref
    ? new ComputeResources(account).findService(String(ref.clusterName), String(ref.serviceName))
    : undefined;
  if (!service) return undefined;
  // arn:aws:elasticloadbalancing:REGION:ACCOUNT:targetgroup/NAME/ID
  const tgArn = service.loadBalancers[0]?.targetGroupArn;
  return { identifer: primaryTaskSetId(service), targetGroup: tgArn?.split('/')[1] };
}

/** A Lambda deployment is created: its function is known to the account with the versions it names. */
export function lambdaDeploymentCreated(account: Account, plan: PlanInput): void {
  if (plan.platform !== 'Lambda') return;
  new ComputeResources(account).ensureFunction(plan.functionName, [plan.currentVersion, plan.targetVersion]);
}

/** A Lambda target's weight changed: the alias splits traffic, or points to the target version at 100%. */
export function lambdaWeightChanged(account: Account, target: TargetRecord): void {
  const f = target.lambdaFunctionInfo;
  if (!f) return;
  const weight = f.targetVersionWeight;
  if (weight >= 100) {
    account.setAlias(f.functionName, f.functionAlias, f.targetVersion);
    clearWeights(account, f.functionName, f.functionAlias);
    return;
  }
  const alias = new ComputeResources(account).findAlias(f.functionName, f.functionAlias);
  if (!alias) return;
  if (weight > 0) alias.weights = { [f.targetVersion]: Math.round(weight * 10) / 1000 };
  else delete alias.weights;
  account.markDirty();
}

function clearWeights(account: Account, functionName: string, aliasName: string): void {
  const alias = new ComputeResources(account).findAlias(functionName, aliasName);
  if (alias?.weights) {
    delete alias.weights;
    account.markDirty();
  }
}

/**
 * A deployment completed. Lambda: the alias no longer splits traffic (a stopped deployment leaves it
 * on its current version). ECS, on success of a deployment that is not a rollback: the service runs
 * the deployment's task definition behind the target group its new PRIMARY task set serves.
 */
export function deploymentCompleted(
  account: Account,
  d: DeploymentRecord,
  group: GroupRecord | undefined,
  outcome: string,
): void {
  const p = d.plan;
  if (p.platform === 'Lambda') {
    for (const t of d.targets) if (t.lambdaFunctionInfo) clearWeights(account, p.functionName, p.alias);
    return;
  }
  if (p.platform !== 'ECS' || outcome !== 'Succeeded' || d.info.creator === 'codeDeployRollback' || !group) return;
  const r = new ComputeResources(account);
  const ref = ((group.info.ecsServices as Json[] | undefined) ?? [])[0];
  const service = ref ? r.findService(String(ref.clusterName), String(ref.serviceName)) : undefined;
  if (!service) return;
  const td = r.resolveTaskDefinition(p.taskDefinition);
  const parsed = parseTaskDefinitionRef(p.taskDefinition);
  service.taskDefinition = td
    ? r.taskDefinitionArn(td)
    : parsed?.revision
      ? r.taskDefinitionArn({ family: parsed.family, revision: parsed.revision })
      : p.taskDefinition;
  service.updatedAt = Math.floor(account.nowSec());
  const primary = taskSetsOf(d).find((s) => s.status === 'PRIMARY');
  if (primary?.identifer) service.primaryTaskSetId = primary.identifer;
  const tgName = primary?.targetGroup?.name;
  if (tgName) {
    const tg = r.findTargetGroup(tgName);
    service.loadBalancers = [
      {
        targetGroupArn: tg?.arn ?? r.targetGroupArn(tgName),
        containerName: p.containerName,
        containerPort: p.containerPort,
      },
    ];
  }
  account.markDirty();
}
