/** Reading a DeploymentTarget whatever its kind (instance, Lambda, ECS, CloudFormation). Pure. */
import type { DeploymentTarget, LifecycleEvent } from '../aws/api';

/** The label/description pair of a target, by kind. */
export function describeTarget(t: DeploymentTarget): { label: string; detail: string; icon: string } {
  const id =
    t.instanceTarget?.targetId ??
    t.lambdaTarget?.targetId ??
    t.ecsTarget?.targetId ??
    t.cloudFormationTarget?.targetId ??
    '';
  if (t.lambdaTarget) {
    const f = t.lambdaTarget.lambdaFunctionInfo;
    const detail = f
      ? `${f.functionAlias ?? ''} ${f.currentVersion ?? '?'} → ${f.targetVersion ?? '?'}` +
        (f.targetVersionWeight !== undefined ? ` (${Math.round(f.targetVersionWeight)}%)` : '')
      : '';
    return { label: f?.functionName ?? id, detail: detail.trim(), icon: 'symbol-function' };
  }
  if (t.ecsTarget) {
    const green = t.ecsTarget.taskSetsInfo?.find((s) => s.taskSetLabel === 'Green');
    const detail = green?.trafficWeight !== undefined ? `green ${Math.round(green.trafficWeight)}%` : '';
    return { label: id, detail, icon: 'layers' };
  }
  if (t.cloudFormationTarget) return { label: id, detail: t.cloudFormationTarget.resourceType ?? '', icon: 'cloud' };
  const label = t.instanceTarget?.instanceLabel;
  return { label: id, detail: label ? label.toLowerCase() : '', icon: 'vm' };
}

export function targetStatus(t: DeploymentTarget): string | undefined {
  return t.instanceTarget?.status ?? t.lambdaTarget?.status ?? t.ecsTarget?.status ?? t.cloudFormationTarget?.status;
}

export function targetId(t: DeploymentTarget): string {
  return (
    t.instanceTarget?.targetId ??
    t.lambdaTarget?.targetId ??
    t.ecsTarget?.targetId ??
    t.cloudFormationTarget?.targetId ??
    ''
  );
}

export function lastUpdated(t: DeploymentTarget): Date | undefined {
  return (
    t.instanceTarget?.lastUpdatedAt ??
    t.lambdaTarget?.lastUpdatedAt ??
    t.ecsTarget?.lastUpdatedAt ??
    t.cloudFormationTarget?.lastUpdatedAt
  );
}

export function targetEvents(t: DeploymentTarget): LifecycleEvent[] {
  return (
    t.instanceTarget?.lifecycleEvents ??
    t.lambdaTarget?.lifecycleEvents ??
    t.ecsTarget?.lifecycleEvents ??
    t.cloudFormationTarget?.lifecycleEvents ??
    []
  );
}
