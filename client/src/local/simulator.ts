/**
 * Plays back each deployment's script on the injected clock. Simulated time runs `timeScale`
 * times faster than real time; every change is stamped with the real time it happened at, so
 * catching up after a pause (or a restart) gives the same history as running continuously.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from './account';
import { fail } from './errors';
import { LIMITS } from './limits';
import type { DeploymentRecord, Diagnostics, HookExecutionRecord, Op, TargetRecord, WaitType } from './types';
import { T } from './plan/common';

export type { Clock } from './account';

export const systemClock: Clock = { now: () => Date.now() };

export type Outcome = 'Succeeded' | 'Failed' | 'Stopped';

export const COMPLETED = new Set(['Succeeded', 'Failed', 'Stopped']);

export interface SimulatorHooks {
  /** Called once when a deployment completes; `rollback` says whether an automatic rollback is due. */
  finished(d: DeploymentRecord, outcome: Outcome, rollback: boolean, atSec: number): void;
  /** Called when a Lambda target's traffic moved (`targetVersionWeight`; 100 = all on the target version). */
  trafficShifted(d: DeploymentRecord, target: TargetRecord): void;
}

/** An opaque execution id, like the ones CodeDeploy passes to hook functions. */
function newExecutionId(): string {
  return randomBytes(48).toString('base64');
}

export class Simulator {
  constructor(
    private readonly timeScale: number,
    private readonly hooks: SimulatorHooks,
  ) {}

  isActive(d: DeploymentRecord): boolean {
    return !COMPLETED.has(d.info.status);
  }

  /** Advances one deployment to `nowMs`; returns true when anything changed. */
  advance(d: DeploymentRecord, nowMs: number): boolean {
    const sim = d.sim;
    if (!this.isActive(d) || nowMs <= sim.lastReal) return false;
    const scale = sim.timeScale ?? this.timeScale;
    const baseReal = sim.lastReal;
    const baseSim = sim.elapsed;
    const goal = baseSim + (nowMs - baseReal) * scale;
    const realAt = (t: number) => (baseReal + (t - baseSim) / scale) / 1000;
    let changed = false;
    for (let guard = 0; guard < 100_000 && this.isActive(d); guard++) {
      const stopAt = sim.stopAt;
      let next: number | undefined;
      let kind: 'op' | 'deadline' | 'stop' | 'hookAnswer' | 'hookTimeout' = 'op';
      if (sim.hook) {
        const h = sim.hook;
        next = h.deadline;
        kind = 'hookTimeout';
        if (h.autoAt !== undefined && h.autoAt < h.deadline) {
          next = h.autoAt;
          kind = 'hookAnswer';
        }
      } else if (sim.waiting) {
        if (sim.waiting.deadline !== undefined) {
          next = sim.waiting.deadline;
          kind = 'deadline';
        }
      } else if (sim.cursor < sim.ops.length) {
        next = sim.ops[sim.cursor].at + sim.offset;
      }
      if (stopAt !== undefined && (next === undefined || stopAt <= next)) {
        next = stopAt;
        kind = 'stop';
      }
      if (next === undefined || next > goal) break;
      const at = Math.max(next, baseSim);
      sim.elapsed = at;
      changed = true;
      if (kind === 'stop') {
        this.stopNow(
          d,
          realAt(at),
          'MANUAL_STOP',
          'The deployment was stopped by the user.',
          sim.stopRollback ?? false,
        );
      } else if (kind === 'hookAnswer') {
        this.resolveHook(d, sim.hook!.autoStatus ?? 'Succeeded', at, realAt(at));
      } else if (kind === 'hookTimeout') {
        this.resolveHook(d, 'TimedOut', at, realAt(at));
      } else if (kind === 'deadline') {
        const w = sim.waiting!;
        if (w.onTimeout === 'continue') this.resume(d, at);
        else
          this.stopNow(
            d,
            realAt(at),
            'TIMEOUT',
            'The deployment was stopped because traffic rerouting was not started before the end of the specified wait period.',
            false,
          );
      } else {
        const op = sim.ops[sim.cursor++];
        this.apply(d, op, realAt(at), at);
      }
    }
    sim.elapsed = goal;
    sim.lastReal = nowMs;
    if (!this.isActive(d)) sim.ops = []; // the script is history now; keep the saved state small
    return changed;
  }

  /** StopDeployment: the stop lands shortly after the request, like the real service's "Pending" answer. */
  requestStop(d: DeploymentRecord, rollback: boolean): void {
    if (!this.isActive(d))
      fail('DeploymentAlreadyCompletedException', `The deployment ${d.info.deploymentId} has already completed.`);
    d.sim.stopAt = d.sim.elapsed + T.stop;
    d.sim.stopRollback = rollback;
  }

  /** ContinueDeployment for READY_WAIT / TERMINATION_WAIT. */
  continueWait(d: DeploymentRecord, waitType: WaitType): void {
    if (!this.isActive(d))
      fail('DeploymentAlreadyCompletedException', `The deployment ${d.info.deploymentId} has already completed.`);
    const w = d.sim.waiting;
    if (!w) {
      fail(
        'DeploymentIsNotInReadyStateException',
        `The deployment ${d.info.deploymentId} is not waiting: it is ${d.info.status}.`,
      );
    }
    if (w.wait !== waitType) {
      fail(
        'InvalidDeploymentWaitTypeException',
        `The deployment ${d.info.deploymentId} is in ${w.wait}, not ${waitType}.`,
      );
    }
    this.resume(d, d.sim.elapsed);
  }

  /** The execution a hook function reports for (PutLifecycleEventHookExecutionStatus), checked like the service. */
  reportHook(d: DeploymentRecord, executionId: string, status: 'Succeeded' | 'Failed', nowMs: number): void {
    const exec = (d.hookExecutions ?? []).find((x) => x.lifecycleEventHookExecutionId === executionId);
    if (!exec)
      fail(
        'InvalidLifecycleEventHookExecutionIdException',
        `The lifecycle event hook execution ID is not one of deployment ${d.info.deploymentId}'s hook executions.`,
      );
    if (exec.status !== 'Pending' || d.sim.hook?.executionId !== executionId)
      fail(
        'LifecycleEventAlreadyCompletedException',
        `The ${exec.lifecycleEventName} lifecycle event of deployment ${d.info.deploymentId} has already completed (${exec.status}).`,
      );
    this.resolveHook(d, status, d.sim.elapsed, nowMs / 1000);
  }

  /** SkipWaitTimeForInstanceTermination: end the termination wait now, or skip it when it comes. */
  skipTerminationWait(d: DeploymentRecord): void {
    if (!this.isActive(d))
      fail('DeploymentAlreadyCompletedException', `The deployment ${d.info.deploymentId} has already completed.`);
    if (d.sim.waiting?.wait === 'TERMINATION_WAIT') this.resume(d, d.sim.elapsed);
    else d.sim.skipTerminationWait = true;
  }

  /** Ends the pending hook: the script resumes on success; on failure or timeout the deployment fails. */
  private resolveHook(
    d: DeploymentRecord,
    status: 'Succeeded' | 'Failed' | 'TimedOut',
    simAt: number,
    atSec: number,
  ): void {
    const h = d.sim.hook!;
    const exec = d.hookExecutions?.find((x) => x.lifecycleEventHookExecutionId === h.executionId);
    d.sim.hook = undefined;
    if (!exec) return;
    exec.status = status;
    exec.endTime = atSec;
    const t = this.target(d, exec.targetId);
    const e = t?.lifecycleEvents.find((x) => x.lifecycleEventName === exec.lifecycleEventName);
    if (!t || !e) return;
    e.endTime = atSec;
    t.lastUpdatedAt = atSec;
    if (status === 'Succeeded') {
      e.status = 'Succeeded';
      e.diagnostics = { errorCode: 'Success', message: 'Succeeded', logTail: '' };
      d.sim.offset += simAt - h.since;
      return;
    }
    const timedOut = status === 'TimedOut';
    e.status = 'Failed';
    e.diagnostics = {
      errorCode: timedOut ? 'ScriptTimedOut' : 'ScriptFailed',
      scriptName: exec.functionName,
      message: timedOut
        ? `The ${exec.lifecycleEventName} hook function ${exec.functionName} did not report a status (PutLifecycleEventHookExecutionStatus) within ${LIMITS.hookTimeoutMs / 60_000} minutes.`
        : `The ${exec.lifecycleEventName} hook function ${exec.functionName} reported Failed (PutLifecycleEventHookExecutionStatus).`,
      logTail: '',
    };
    t.status = 'Failed';
    this.finishWith(
      d,
      'Failed',
      atSec,
      'HOOK_EXECUTION_FAILURE',
      timedOut
        ? `The deployment failed because the ${exec.lifecycleEventName} lifecycle event hook function ${exec.functionName} timed out.`
        : `The deployment failed because the ${exec.lifecycleEventName} lifecycle event hook function ${exec.functionName} reported a failure.`,
      this.rollbackOn(d, 'DEPLOYMENT_FAILURE'),
    );
  }

  private resume(d: DeploymentRecord, at: number): void {
    const w = d.sim.waiting!;
    d.sim.offset += at - w.since;
    d.sim.waiting = undefined;
    if (w.wait === 'READY_WAIT') d.info.status = 'InProgress';
  }

  private target(d: DeploymentRecord, id: string): TargetRecord | undefined {
    return d.targets.find((t) => t.targetId === id);
  }

  private apply(d: DeploymentRecord, op: Op, atSec: number, simAt: number): void {
    const info = d.info;
    switch (op.k) {
      case 'status':
        info.status = op.status;
        if (op.status === 'InProgress' && info.startTime === undefined) info.startTime = atSec;
        break;
      case 'note':
        d.statusMessages.push(op.text);
        break;
      case 'target': {
        const t = this.target(d, op.target);
        if (t) {
          t.status = op.status;
          t.lastUpdatedAt = atSec;
        }
        break;
      }
      case 'event': {
        const t = this.target(d, op.target);
        const e = t?.lifecycleEvents.find((x) => x.lifecycleEventName === op.event);
        if (!t || !e) break;
        if (op.status === 'InProgress') e.startTime = atSec;
        else {
          e.startTime ??= atSec;
          e.endTime = atSec;
          if (op.status === 'Succeeded') e.diagnostics = { errorCode: 'Success', message: 'Succeeded', logTail: '' };
        }
        if (op.diag) e.diagnostics = op.diag;
        e.status = op.status;
        t.lastUpdatedAt = atSec;
        break;
      }
      case 'lambdaWeight': {
        const t = this.target(d, op.target);
        if (t?.lambdaFunctionInfo) {
          t.lambdaFunctionInfo.targetVersionWeight = op.weight;
          t.lastUpdatedAt = atSec;
          this.hooks.trafficShifted(d, t);
        }
        break;
      }
      case 'hook': {
        const exec: HookExecutionRecord = {
          lifecycleEventHookExecutionId: newExecutionId(),
          targetId: op.target,
          lifecycleEventName: op.event,
          functionName: op.functionName,
          startTime: atSec,
          timeoutTime: atSec + LIMITS.hookTimeoutMs / (d.sim.timeScale ?? this.timeScale) / 1000,
          status: 'Pending',
        };
        (d.hookExecutions ??= []).push(exec);
        const manual = d.hookMode === 'manual';
        d.sim.hook = {
          executionId: exec.lifecycleEventHookExecutionId,
          since: simAt,
          deadline: simAt + LIMITS.hookTimeoutMs,
          ...(manual ? {} : { autoAt: simAt + T.hook, autoStatus: op.autoFail ? 'Failed' : 'Succeeded' }),
        };
        break;
      }
      case 'taskSets': {
        const t = this.target(d, op.target);
        if (t) {
          t.taskSetsInfo = op.sets.map((s) => ({ ...s }));
          t.lastUpdatedAt = atSec;
        }
        break;
      }
      case 'wait':
        if (op.wait === 'TERMINATION_WAIT' && d.sim.skipTerminationWait) break;
        d.sim.waiting = {
          wait: op.wait,
          since: simAt,
          onTimeout: op.onTimeout,
          ...(op.timeoutMs !== undefined ? { deadline: simAt + op.timeoutMs } : {}),
        };
        if (op.wait === 'READY_WAIT') info.status = 'Ready';
        break;
      case 'terminationStarted':
        info.instanceTerminationWaitTimeStarted = true;
        break;
      case 'succeed':
        info.status = 'Succeeded';
        info.completeTime = atSec;
        this.hooks.finished(d, 'Succeeded', false, atSec);
        break;
      case 'fail':
        this.finishWith(d, 'Failed', atSec, op.code, op.message, this.rollbackOn(d, 'DEPLOYMENT_FAILURE'));
        break;
    }
  }

  private rollbackOn(d: DeploymentRecord, event: string): boolean {
    const cfg = d.info.autoRollbackConfiguration as { enabled?: boolean; events?: string[] } | undefined;
    // Nothing to undo when no lifecycle event ever started (invalid revision, no instances).
    const touched = d.targets.some((t) => t.lifecycleEvents.some((e) => e.startTime !== undefined));
    return touched && !!cfg?.enabled && (cfg.events ?? []).includes(event) && d.info.creator !== 'codeDeployRollback';
  }

  private stopNow(d: DeploymentRecord, atSec: number, code: string, message: string, rollback: boolean): void {
    this.finishWith(d, 'Stopped', atSec, code, message, rollback && d.info.creator !== 'codeDeployRollback');
  }

  private finishWith(
    d: DeploymentRecord,
    outcome: 'Failed' | 'Stopped',
    atSec: number,
    code: string,
    message: string,
    rollback: boolean,
  ): void {
    const info = d.info;
    info.status = outcome;
    info.completeTime = atSec;
    info.errorInformation = { code, message };
    d.sim.waiting = undefined;
    d.sim.stopAt = undefined;
    if (d.sim.hook) {
      const exec = d.hookExecutions?.find((x) => x.lifecycleEventHookExecutionId === d.sim.hook!.executionId);
      if (exec) {
        exec.status = 'Cancelled';
        exec.endTime = atSec;
      }
      d.sim.hook = undefined;
    }
    const cut: Diagnostics = {
      errorCode: 'UnknownError',
      message: 'The deployment ended before this lifecycle event completed.',
      logTail: '',
    };
    for (const t of d.targets) {
      const wasActive = t.status === 'InProgress' || t.status === 'Ready';
      for (const e of t.lifecycleEvents) {
        if (e.status === 'InProgress') {
          e.status = outcome === 'Stopped' ? 'Failed' : 'Skipped';
          e.endTime = atSec;
          if (outcome === 'Stopped') e.diagnostics = cut;
        } else if (e.status === 'Pending') e.status = 'Skipped';
      }
      if (t.status === 'Pending') t.status = 'Skipped';
      else if (wasActive) t.status = 'Failed';
      t.lastUpdatedAt = atSec;
    }
    this.hooks.finished(d, outcome, rollback, atSec);
  }
}
