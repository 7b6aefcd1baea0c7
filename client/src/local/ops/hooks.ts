/**
 * PutLifecycleEventHookExecutionStatus, and the local-only discovery of hook executions that
 * wait for an answer (`GET /_local/hook-executions?deploymentId=…`), which AWS has no API for.
 */
import { fail } from '../errors';
import { LIFECYCLE_EVENT_STATUSES } from '../enums';
import { optEnum } from '../input';
import type { Operations, OpsContext } from './context';

/** A hook execution as the discovery route lists it (times in epoch seconds). */
export interface PendingHookExecution {
  deploymentId: string;
  targetId: string;
  lifecycleEventName: string;
  functionName: string;
  lifecycleEventHookExecutionId: string;
  startTime: number;
  timeoutTime: number;
}

export function hookOperations({ account, engine }: OpsContext): Operations {
  return {
    PutLifecycleEventHookExecutionStatus: (i) => {
      const d = engine.get(i.deploymentId);
      if (d.info.computePlatform === 'Server')
        fail(
          'UnsupportedActionForDeploymentTypeException',
          'PutLifecycleEventHookExecutionStatus applies to Lambda and Amazon ECS deployments only.',
        );
      const status = optEnum(
        i.status,
        LIFECYCLE_EVENT_STATUSES,
        'InvalidLifecycleEventHookExecutionStatusException',
        'The status must be Succeeded or Failed.',
      );
      if (status !== 'Succeeded' && status !== 'Failed')
        fail('InvalidLifecycleEventHookExecutionStatusException', 'The status must be Succeeded or Failed.');
      const id = i.lifecycleEventHookExecutionId;
      if (typeof id !== 'string' || id === '')
        fail('InvalidLifecycleEventHookExecutionIdException', 'The lifecycle event hook execution ID was not given.');
      engine.simulator.reportHook(d, id, status, account.nowMs());
      account.markDirty();
      return { lifecycleEventHookExecutionId: id };
    },
  };
}

/** The hook executions still waiting for a status: of one deployment, or of all when `deploymentId` is undefined. */
export function pendingHookExecutions({ account, engine }: OpsContext, deploymentId?: string): PendingHookExecution[] {
  const list = deploymentId === undefined ? account.state.deployments : [engine.get(deploymentId)];
  const out: PendingHookExecution[] = [];
  for (const d of list) {
    for (const x of d.hookExecutions ?? []) {
      if (x.status !== 'Pending') continue;
      out.push({
        deploymentId: d.info.deploymentId,
        targetId: x.targetId,
        lifecycleEventName: x.lifecycleEventName,
        functionName: x.functionName,
        lifecycleEventHookExecutionId: x.lifecycleEventHookExecutionId,
        startTime: x.startTime,
        timeoutTime: x.timeoutTime,
      });
    }
  }
  return out;
}
