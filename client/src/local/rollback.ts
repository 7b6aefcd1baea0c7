/**
 * What a rollback deployment does, per platform (the user guide: a rollback is a new deployment of the
 * last known good revision). Lambda moves the alias back to the rolled-back deployment's CurrentVersion;
 * ECS moves traffic back to the original task set, which keeps its identity; EC2/On-Premises in place
 * redeploys the last successful revision, and blue/green reroutes traffic to the original instances.
 */
import type { EcsRollback } from './plan/ecs';
import type { BlueGreenRollback } from './plan/server';
import type { DeploymentRecord, FleetMember, Json, PlanInput, TargetRecord } from './types';

export interface RollbackWork {
  plan: PlanInput;
  /** The revision the rollback deploys: the last successful one when there is one. */
  revision: Json;
  ecsRollback?: EcsRollback;
  serverRollback?: BlueGreenRollback;
}

const member = (t: TargetRecord): FleetMember => ({ id: t.targetId, arn: t.targetArn });

/** The rollback of `d`, given the group's last successful deployment before it; undefined when none is possible. */
export function rollbackWork(d: DeploymentRecord, previous: DeploymentRecord | undefined): RollbackWork | undefined {
  const p = d.plan;
  const revision = structuredClone((previous?.info.revision ?? d.info.revision) as Json);
  if (p.platform === 'Lambda') {
    return {
      plan: { ...p, currentVersion: p.targetVersion, targetVersion: p.currentVersion, hooks: {} },
      revision,
    };
  }
  if (p.platform === 'ECS') {
    const sets = d.targets.find((t) => t.deploymentTargetType === 'ECSTarget')?.taskSetsInfo ?? [];
    const original = sets.find((s) => s.taskSetLabel === 'Blue');
    const replacement = sets.find((s) => s.taskSetLabel === 'Green');
    const plan = previous?.plan.platform === 'ECS' ? previous.plan : p;
    return {
      plan: { ...plan, hooks: {} },
      revision,
      ...(original
        ? { ecsRollback: { original: structuredClone(original), replacement: structuredClone(replacement) } }
        : {}),
    };
  }
  // EC2/On-Premises needs a last known good revision.
  if (!previous) return undefined;
  const style = (d.info.deploymentStyle ?? {}) as Json;
  const restore = d.targets.filter((t) => t.instanceLabel === 'Blue').map(member);
  if (style.deploymentType === 'BLUE_GREEN' && restore.length > 0) {
    const retire = d.targets.filter((t) => t.instanceLabel === 'Green').map(member);
    return { plan: previous.plan, revision, serverRollback: { restore, retire } };
  }
  return { plan: previous.plan, revision };
}
