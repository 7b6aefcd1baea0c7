/**
 * The monitor's buttons: which are available, their labels, and why the others are not. Pure.
 *
 * What the CodeDeploy API accepts (API reference, StopDeployment and ContinueDeployment):
 * - StopDeployment (with or without autoRollbackEnabled) stops an ongoing deployment: any status that is not
 *   final (Created, Queued, InProgress, Baking, Ready). A completed one answers DeploymentAlreadyCompletedException.
 * - ContinueDeployment only moves a blue/green deployment on from a wait (else UnsupportedActionForDeploymentType):
 *   READY_WAIT while its status is Ready (else DeploymentIsNotInReadyStateException), TERMINATION_WAIT while the
 *   original environment waits to be terminated (instanceTerminationWaitTimeStarted). The wait type is sent.
 */
import type { DeploymentInfo } from '../aws/api';
import { isFinalStatus } from '../explorer/format';
import { continueWaitType } from '../explorer/model';
import type { ButtonStates } from './model';

/** Statuses StopDeployment accepts (every non-final one). */
export const STOPPABLE_STATUSES = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'] as const;

function endedReason(d: DeploymentInfo): string {
  return `The deployment has ended (${d.status ?? 'unknown'}).`;
}

function continueReason(d: DeploymentInfo, active: boolean): string {
  if (!active) return endedReason(d);
  if (d.computePlatform === 'Lambda')
    return 'Lambda deployments shift traffic on their own: there is nothing to continue.';
  if (d.deploymentStyle?.deploymentType === 'IN_PLACE')
    return 'Only blue/green deployments wait to be continued; this one is in-place.';
  if (d.status === 'Created' || d.status === 'Queued')
    return `The deployment has not started yet (${d.status}); Continue applies once it waits to reroute traffic.`;
  return 'Available while the deployment waits: to reroute traffic (status Ready) or before the original environment is terminated.';
}

export function buttonStates(d: DeploymentInfo): ButtonStates {
  const active = !isFinalStatus(d.status);
  const wait = active ? continueWaitType(d) : undefined;
  const enabled = wait !== undefined;
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
    ...(active ? {} : { stopReason: endedReason(d) }),
  };
}
