/**
 * Brings a state file written by an earlier version of the endpoint to the current shape, so an
 * existing data folder keeps working: member names the model does not have are renamed or dropped,
 * values outside the model's enums are mapped, and bookkeeping that did not exist is rebuilt from
 * the deployment history.
 */
import { revisionKey, stripContent } from './revisionKey';
import type { DeploymentRecord, Json, State } from './types';

const GROUP_INFO_MEMBERS = new Set([
  'applicationName',
  'deploymentGroupId',
  'deploymentGroupName',
  'deploymentConfigName',
  'ec2TagFilters',
  'onPremisesInstanceTagFilters',
  'autoScalingGroups',
  'serviceRoleArn',
  'targetRevision',
  'triggerConfigurations',
  'alarmConfiguration',
  'autoRollbackConfiguration',
  'deploymentStyle',
  'outdatedInstancesStrategy',
  'blueGreenDeploymentConfiguration',
  'loadBalancerInfo',
  'lastSuccessfulDeployment',
  'lastAttemptedDeployment',
  'ec2TagSet',
  'onPremisesTagSet',
  'computePlatform',
  'ecsServices',
  'terminationHookEnabled',
]);

const CONFIG_INFO_MEMBERS = new Set([
  'deploymentConfigId',
  'deploymentConfigName',
  'minimumHealthyHosts',
  'createTime',
  'computePlatform',
  'trafficRoutingConfig',
  'zonalConfig',
]);

/** `targetGroupPairInfos` (never a model member) → `targetGroupPairInfoList`. */
function migrateLoadBalancer(lb: unknown): void {
  if (!lb || typeof lb !== 'object') return;
  const o = lb as Json;
  if (o.targetGroupPairInfos !== undefined) {
    o.targetGroupPairInfoList ??= o.targetGroupPairInfos;
    delete o.targetGroupPairInfos;
  }
}

const byCompleteTime = (a: DeploymentRecord, b: DeploymentRecord) =>
  Number(a.info.completeTime ?? 0) - Number(b.info.completeTime ?? 0);

export function migrateState(state: State): State {
  state.onPremisesInstances ??= [];
  for (const app of state.applications) {
    app.tags ??=
      (state.appTags && Object.prototype.hasOwnProperty.call(state.appTags, app.applicationName)
        ? state.appTags[app.applicationName]
        : undefined) ?? [];
  }
  delete state.appTags;

  for (const g of state.groups) {
    for (const k of Object.keys(g.info)) if (!GROUP_INFO_MEMBERS.has(k)) delete g.info[k];
    migrateLoadBalancer(g.info.loadBalancerInfo);
  }
  state.configs = state.configs.map((c) =>
    Object.fromEntries(Object.entries(c).filter(([k]) => CONFIG_INFO_MEMBERS.has(k))),
  );

  for (const d of state.deployments) {
    if (d.info.creator === 'autoRollback') d.info.creator = 'codeDeployRollback';
    migrateLoadBalancer(d.info.loadBalancerInfo);
    if (d.groupId === undefined) {
      const g = state.groups.find(
        (x) =>
          x.info.applicationName === d.info.applicationName &&
          x.info.deploymentGroupName === d.info.deploymentGroupName,
      );
      if (g) d.groupId = g.info.deploymentGroupId;
    }
  }

  // Target revisions (the last successful deployment's), and each revision's groups from them.
  const succeeded = state.deployments.filter((d) => d.info.status === 'Succeeded').sort(byCompleteTime);
  for (const g of state.groups) {
    if (g.info.targetRevision) continue;
    const last = succeeded.filter((d) => d.groupId === g.info.deploymentGroupId).at(-1);
    if (last) g.info.targetRevision = stripContent(last.info.revision as Json);
  }
  for (const r of state.revisions) {
    const key = revisionKey(r.revisionLocation);
    r.deploymentGroups = state.groups
      .filter(
        (g) =>
          g.info.applicationName === r.applicationName &&
          g.info.targetRevision !== undefined &&
          revisionKey(g.info.targetRevision as Json) === key,
      )
      .map((g) => g.info.deploymentGroupName);
  }

  // Lambda aliases where the successful deployments left them.
  if (!state.lambdaAliases) {
    state.lambdaAliases = [];
    for (const d of succeeded) {
      const p = d.plan;
      if (p?.platform !== 'Lambda') continue;
      const rec = state.lambdaAliases.find((a) => a.functionName === p.functionName && a.alias === p.alias);
      if (rec) rec.version = p.targetVersion;
      else state.lambdaAliases.push({ functionName: p.functionName, alias: p.alias, version: p.targetVersion });
    }
  }
  return state;
}
