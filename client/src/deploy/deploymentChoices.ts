/** Which deployments the palette's pickers offer, newest first, and how each is described. Pure. */
import type { DeploymentInfo, DeploymentStatus } from '../aws/api';
import { formatAge, isFinalStatus, toMillis } from '../explorer/format';
import { continueWaitType } from '../explorer/model';

export type PickPurpose = 'stop' | 'continue' | 'watch' | 'report';

export const ACTIVE_STATUSES: DeploymentStatus[] = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'];
export const RECENT_DAYS = 7;

export interface DeploymentChoice {
  id: string;
  label: string;
  description: string;
  detail: string;
}

/** The deployments worth offering for `purpose`, newest first. Pure. */
export function deploymentChoices(
  deployments: DeploymentInfo[],
  purpose: PickPurpose,
  now: number,
): DeploymentChoice[] {
  const fits = (d: DeploymentInfo) => {
    if (purpose === 'watch') return true;
    if (isFinalStatus(d.status)) return false;
    if (purpose === 'continue') return continueWaitType(d) !== undefined;
    if (purpose === 'report') return d.computePlatform === 'Lambda' || d.computePlatform === 'ECS';
    return true;
  };
  const seen = new Set<string>();
  return deployments
    .filter((d) => d.deploymentId && fits(d) && !seen.has(d.deploymentId) && seen.add(d.deploymentId))
    .sort((a, b) => (toMillis(b.createTime) ?? 0) - (toMillis(a.createTime) ?? 0))
    .map((d) => {
      const wait = continueWaitType(d);
      const status = wait === 'READY_WAIT' ? 'Ready (waiting to reroute traffic)' : (d.status ?? 'unknown');
      return {
        id: d.deploymentId!,
        label: d.deploymentId!,
        description: `${d.applicationName ?? '?'} / ${d.deploymentGroupName ?? '?'} · ${status}`,
        detail: [formatAge(d.createTime, now) && `created ${formatAge(d.createTime, now)}`, d.description]
          .filter(Boolean)
          .join(' · '),
      };
    });
}
