/** The monitor's buttons: which are available, their labels, and why the others are not. Pure. */
import type { DeploymentInfo } from '../aws/api';
import { isFinalStatus } from '../explorer/format';
import { continueWaitType } from '../explorer/model';
import type { ButtonStates } from './model';

function continueReason(d: DeploymentInfo, active: boolean): string | undefined {
  if (!active) return 'The deployment has ended.';
  if (d.computePlatform === 'Lambda')
    return 'Lambda deployments shift traffic on their own: there is nothing to continue.';
  if (d.deploymentStyle?.deploymentType === 'IN_PLACE')
    return 'Only blue/green deployments wait to be continued; this one is in-place.';
  return 'Available while the deployment waits: to reroute traffic (status Ready) or before the original environment is terminated.';
}

export function buttonStates(d: DeploymentInfo): ButtonStates {
  const active = !isFinalStatus(d.status);
  const wait = continueWaitType(d);
  const enabled = active && wait !== undefined;
  const label =
    wait === 'READY_WAIT'
      ? 'Continue: reroute traffic'
      : wait === 'TERMINATION_WAIT'
        ? d.computePlatform === 'Server'
          ? 'Continue: terminate original instances'
          : 'Continue: finish now'
        : 'Continue';
  return {
    stop: active,
    stopAndRollback: active,
    continue: { enabled, waitType: wait, label, ...(enabled ? {} : { reason: continueReason(d, active) }) },
    ...(active ? {} : { stopReason: `The deployment has ended (${d.status ?? 'unknown'}).` }),
  };
}
