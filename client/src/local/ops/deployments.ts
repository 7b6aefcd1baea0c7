/**
 * CreateDeployment, GetDeployment, BatchGetDeployments, ListDeployments, StopDeployment,
 * ContinueDeployment, SkipWaitTimeForInstanceTermination.
 */
import { DEPLOYMENT_STATUSES, DEPLOYMENT_WAIT_TYPES } from '../enums';
import { fail } from '../errors';
import { isObj, optBool, optEnum, optStr, optTime } from '../input';
import { LIMITS } from '../limits';
import { page } from '../paging';
import type { DeploymentRecord, Json } from '../types';
import { assertStarted } from './targets';
import { listAnswer, type Operations, type OpsContext } from './context';

export function deploymentOperations({ account, engine }: OpsContext): Operations {
  const blueGreenOnly = (d: DeploymentRecord) => {
    const style = (d.info.deploymentStyle ?? {}) as Json;
    if (d.info.computePlatform === 'Lambda' || style.deploymentType !== 'BLUE_GREEN')
      fail(
        'UnsupportedActionForDeploymentTypeException',
        'A call was submitted that is not supported for the specified deployment type.',
      );
  };

  return {
    CreateDeployment: (i) => engine.create(i),

    GetDeployment: (i) => ({ deploymentInfo: engine.info(engine.get(i.deploymentId)) }),

    BatchGetDeployments: (i) => {
      const ids = i.deploymentIds;
      if (!Array.isArray(ids) || ids.length === 0)
        fail('DeploymentIdRequiredException', 'At least one deployment ID must be specified.');
      if (ids.length > LIMITS.batchItems)
        fail(
          'BatchLimitExceededException',
          `The maximum number of names or IDs allowed for this request (${LIMITS.batchItems}) was exceeded.`,
        );
      const out: Json[] = [];
      for (const id of ids) {
        if (typeof id !== 'string' || !/^d-[A-Z0-9]{9}$/.test(id))
          fail(
            'InvalidDeploymentIdException',
            `The deployment ID ${String(id).slice(0, 100)} was specified in an invalid format.`,
          );
        const d = account.findDeployment(id);
        if (d) out.push(engine.info(d));
      }
      return { deploymentsInfo: out };
    },

    ListDeployments: (i) => {
      let items = account.state.deployments;
      const scope: unknown[] = [];
      if (i.applicationName !== undefined || i.deploymentGroupName !== undefined) {
        const g = account.group(i.applicationName, i.deploymentGroupName);
        items = account.deploymentsOf(g);
        scope.push(g.info.deploymentGroupId);
      }
      const externalId = optStr(
        i.externalId,
        'InvalidExternalIdException',
        'The external ID was specified in an invalid format.',
        LIMITS.externalIdLength,
      );
      if (externalId !== undefined) {
        items = items.filter((d) => d.info.externalId === externalId);
        scope.push(externalId);
      }
      const statuses = i.includeOnlyStatuses;
      if (statuses !== undefined && statuses !== null) {
        if (!Array.isArray(statuses))
          fail('InvalidDeploymentStatusException', 'includeOnlyStatuses must be a list of deployment statuses.');
        for (const s of statuses)
          optEnum(
            s,
            DEPLOYMENT_STATUSES,
            'InvalidDeploymentStatusException',
            `The deployment status ${String(s).slice(0, 50)} is invalid.`,
          );
        if (statuses.length) items = items.filter((d) => statuses.includes(d.info.status));
        scope.push(statuses);
      }
      const range = i.createTimeRange;
      if (range !== undefined && range !== null) {
        const msg = 'The specified time range was specified in an invalid format.';
        if (!isObj(range)) fail('InvalidTimeRangeException', msg);
        const start = optTime(range.start, 'InvalidTimeRangeException', msg);
        const end = optTime(range.end, 'InvalidTimeRangeException', msg);
        if (start !== undefined && end !== undefined && start > end)
          fail('InvalidTimeRangeException', `${msg} The start is after the end.`);
        items = items.filter(
          (d) => (start === undefined || d.info.createTime >= start) && (end === undefined || d.info.createTime <= end),
        );
        scope.push(start, end);
      }
      const ids = [...items].sort((a, b) => b.info.createTime - a.info.createTime).map((d) => d.info.deploymentId);
      return listAnswer('deployments', page('ListDeployments', ids, i.nextToken, JSON.stringify(scope)));
    },

    StopDeployment: (i) => {
      const d = engine.get(i.deploymentId);
      const requested = optBool(
        i.autoRollbackEnabled,
        'SerializationException',
        'autoRollbackEnabled must be true or false.',
      );
      let rollback = requested === true;
      if (requested === undefined) {
        const cfg = d.info.autoRollbackConfiguration as { enabled?: boolean; events?: string[] } | undefined;
        rollback = !!cfg?.enabled && (cfg.events ?? []).includes('DEPLOYMENT_STOP_ON_REQUEST');
      }
      engine.simulator.requestStop(d, rollback);
      account.markDirty();
      return {
        status: 'Pending',
        statusMessage: 'Stopping Pending. Stopping to schedule commands in the deployment instances',
      };
    },

    ContinueDeployment: (i) => {
      const d = engine.get(i.deploymentId);
      const type =
        optEnum(
          i.deploymentWaitType,
          DEPLOYMENT_WAIT_TYPES,
          'InvalidDeploymentWaitTypeException',
          'The wait type must be READY_WAIT or TERMINATION_WAIT.',
        ) ?? 'READY_WAIT';
      blueGreenOnly(d);
      engine.simulator.continueWait(d, type);
      account.markDirty();
      return {};
    },

    /** Deprecated on AWS in favour of ContinueDeployment with TERMINATION_WAIT; same effect here. */
    SkipWaitTimeForInstanceTermination: (i) => {
      const d = engine.get(i.deploymentId);
      if (engine.simulator.isActive(d)) assertStarted(d);
      blueGreenOnly(d);
      engine.simulator.skipTerminationWait(d);
      account.markDirty();
      return {};
    },
  };
}
