/**
 * Which instances a deployment group targets: simulated EC2 instances by `ec2TagFilters` (any
 * filter matches) or `ec2TagSet` (every tag group has a matching filter), and registered
 * on-premises instances by `onPremisesInstanceTagFilters` / `onPremisesTagSet`, the same way.
 * Also how deployments change that fleet: a successful EC2 blue/green deployment replaces the
 * original instances, and `updateOutdatedInstancesOnly` skips instances already on the revision.
 */
import { ACCOUNT_ID, type Account } from './account';
import { revisionKey } from './revisionKey';
import type { DeploymentRecord, FleetMember, GroupRecord, Json } from './types';

type Tags = { Key: string; Value?: string }[];

function matches(filter: Json, tags: Tags): boolean {
  return tags.some((t) => {
    if (filter.Type === 'KEY_ONLY') return t.Key === filter.Key;
    if (filter.Type === 'VALUE_ONLY') return t.Value === filter.Value;
    return t.Key === filter.Key && t.Value === filter.Value;
  });
}

/** True when the tags are selected by the filter list (any) or the tag set (all groups). */
function selected(filters: unknown, set: unknown, tags: Tags): boolean {
  const list = Array.isArray(filters) ? (filters as Json[]) : [];
  const groups = Array.isArray(set) ? (set as Json[][]) : [];
  if (list.length > 0) return list.some((f) => matches(f, tags));
  if (groups.length > 0) return groups.every((g) => Array.isArray(g) && g.some((f) => matches(f, tags)));
  return false;
}

export function selectFleet(group: Json, account: Account): FleetMember[] {
  const out: FleetMember[] = [];
  const ec2Set = (group.ec2TagSet as Json | undefined)?.ec2TagSetList;
  const groupId = group.deploymentGroupId;
  for (const inst of account.state.instances) {
    if (typeof groupId === 'string' && inst.leftGroups?.includes(groupId)) continue;
    if (selected(group.ec2TagFilters, ec2Set, inst.tags))
      out.push({ id: inst.instanceId, arn: `arn:aws:ec2:${account.region}:${ACCOUNT_ID}:instance/${inst.instanceId}` });
  }
  const onPremSet = (group.onPremisesTagSet as Json | undefined)?.onPremisesTagSetList;
  for (const inst of account.onPremises) {
    if (inst.deregisterTime !== undefined) continue;
    if (selected(group.onPremisesInstanceTagFilters, onPremSet, inst.tags))
      out.push({ id: inst.instanceName, arn: inst.instanceArn });
  }
  return out;
}

/**
 * A blue/green EC2 deployment succeeded: its replacement instances join the fleet (with the tags of
 * the instances they replace, so the group's tag filters select them) and the original instances
 * leave it: terminated (TERMINATE), or left running outside the deployment group (KEEP_ALIVE).
 */
export function blueGreenSucceeded(account: Account, d: DeploymentRecord, g: GroupRecord): void {
  if (
    d.info.computePlatform !== 'Server' ||
    (d.info.deploymentStyle as Json | undefined)?.deploymentType !== 'BLUE_GREEN'
  )
    return;
  const bg = (d.info.blueGreenDeploymentConfiguration ?? {}) as Json;
  const keepAlive = (bg.terminateBlueInstancesOnDeploymentSuccess as Json | undefined)?.action === 'KEEP_ALIVE';
  const originals = d.targets.filter((t) => t.instanceLabel === 'Blue').map((t) => t.targetId);
  const replacements = d.targets.filter((t) => t.instanceLabel === 'Green').map((t) => t.targetId);
  const instances = account.state.instances;
  replacements.forEach((id, i) => {
    const model = instances.find((x) => x.instanceId === originals[i]);
    if (model && !instances.some((x) => x.instanceId === id))
      instances.push({ instanceId: id, tags: model.tags.map((t) => ({ ...t })) });
  });
  const groupId = g.info.deploymentGroupId;
  for (const id of originals) {
    const at = instances.findIndex((x) => x.instanceId === id);
    if (at < 0) continue;
    if (!keepAlive) instances.splice(at, 1);
    else if (!instances[at].leftGroups?.includes(groupId)) (instances[at].leftGroups ??= []).push(groupId);
  }
  account.markDirty();
}

/**
 * updateOutdatedInstancesOnly: the instances whose last successful revision in this deployment group
 * is already `targetKey` are skipped; the others are deployed to.
 */
export function splitByRevision(
  history: DeploymentRecord[],
  fleet: FleetMember[],
  targetKey: string,
): { deploy: FleetMember[]; skip: FleetMember[] } {
  const last = new Map<string, string>();
  for (const d of [...history].sort((a, b) => a.info.createTime - b.info.createTime)) {
    const key = revisionKey((d.info.revision ?? {}) as Json);
    for (const t of d.targets) if (t.status === 'Succeeded' && t.instanceLabel !== 'Blue') last.set(t.targetId, key);
  }
  const deploy: FleetMember[] = [];
  const skip: FleetMember[] = [];
  for (const m of fleet) (last.get(m.id) === targetKey ? skip : deploy).push(m);
  return { deploy, skip };
}
