/**
 * Which instances a deployment group targets: simulated EC2 instances by `ec2TagFilters` (any
 * filter matches) or `ec2TagSet` (every tag group has a matching filter), and registered
 * on-premises instances by `onPremisesInstanceTagFilters` / `onPremisesTagSet`, the same way.
 */
import { ACCOUNT_ID, type Account } from './account';
import type { FleetMember, Json } from './types';

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
  for (const inst of account.state.instances) {
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
