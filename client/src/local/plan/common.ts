/**
 * Building blocks for deployment scripts: a list of timed changes (ops) computed once when a
 * deployment is created. The simulator plays them back on its clock; nothing here reads time.
 */
import type {
  Diagnostics,
  EventStatus,
  Json,
  LifecycleEventRecord,
  Op,
  TargetRecord,
  TargetStatus,
  WaitType,
} from '../types';

/** Simulated durations in milliseconds. */
export const T = {
  queue: 1_000,
  start: 2_000,
  emptyHook: 1_000,
  hook: 4_000,
  download: 3_000,
  install: 5_000,
  traffic: 2_000,
  taskSetStart: 6_000,
  stop: 2_000,
} as const;

type OpBody = Op extends infer O ? (O extends { at: number } ? Omit<O, 'at'> : never) : never;

export class Script {
  readonly ops: Op[] = [];
  t = 0;

  at(t: number, body: OpBody): void {
    this.ops.push({ at: t, ...body } as Op);
  }

  now(body: OpBody): void {
    this.at(this.t, body);
  }

  advance(ms: number): void {
    this.t += ms;
  }

  event(target: string, event: string, status: EventStatus, t = this.t, diag?: Diagnostics): void {
    this.at(t, { k: 'event', target, event, status, ...(diag ? { diag } : {}) });
  }

  target(target: string, status: TargetStatus, t = this.t): void {
    this.at(t, { k: 'target', target, status });
  }

  wait(wait: WaitType, onTimeout: 'continue' | 'stop', timeoutMs?: number): void {
    this.now({ k: 'wait', wait, onTimeout, ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
  }

  /** Ops sorted by time; stable, so ops at the same instant keep their order. */
  sorted(): Op[] {
    return this.ops
      .map((op, i) => ({ op, i }))
      .sort((a, b) => a.op.at - b.op.at || a.i - b.i)
      .map((x) => x.op);
  }
}

export function newTarget(
  type: TargetRecord['deploymentTargetType'],
  targetId: string,
  targetArn: string,
  events: string[],
  now: number,
): TargetRecord {
  const lifecycleEvents: LifecycleEventRecord[] = events.map((lifecycleEventName) => ({
    lifecycleEventName,
    status: 'Pending',
  }));
  return { deploymentTargetType: type, targetId, targetArn, status: 'Pending', lastUpdatedAt: now, lifecycleEvents };
}

/** Why a lifecycle event of this deployment should fail, if it should (the local failure switch). */
export interface FailureSwitch {
  /** From the deployment group tag `codedeploy-local:fail-hook=<EventName>`. */
  taggedEvent?: string;
}

export const FAIL_TAG = 'codedeploy-local:fail-hook';

export function failureSwitch(tags: { Key: string; Value?: string }[]): FailureSwitch {
  const tag = tags.find((t) => t.Key === FAIL_TAG);
  return tag?.Value ? { taggedEvent: tag.Value.trim() } : {};
}

/** True when the event is switched to fail, by tag or by a hook whose name/script mentions "fail". */
export function shouldFail(sw: FailureSwitch, event: string, hookNames: string[] = []): boolean {
  if (sw.taggedEvent && sw.taggedEvent.toLowerCase() === event.toLowerCase()) return true;
  return hookNames.some((h) => /fail/i.test(h));
}

/** The traffic weights (percent to the new version) a traffic-routing config moves through, with their offsets. */
export function trafficSteps(config: Json): { delay: number; weight: number }[] {
  const routing = (config.trafficRoutingConfig ?? { type: 'AllAtOnce' }) as Json;
  const minute = 60_000;
  if (routing.type === 'TimeBasedCanary') {
    const c = routing.timeBasedCanary as { canaryPercentage: number; canaryInterval: number };
    return [
      { delay: 0, weight: c.canaryPercentage },
      { delay: c.canaryInterval * minute, weight: 100 },
    ];
  }
  if (routing.type === 'TimeBasedLinear') {
    const l = routing.timeBasedLinear as { linearPercentage: number; linearInterval: number };
    const steps: { delay: number; weight: number }[] = [];
    for (let w = l.linearPercentage, i = 0; ; w += l.linearPercentage, i++) {
      const weight = Math.min(100, w);
      steps.push({ delay: i === 0 ? 0 : l.linearInterval * minute, weight });
      if (weight >= 100) break;
    }
    return steps;
  }
  return [{ delay: 0, weight: 100 }];
}

export function hookDiagnostics(event: string, hook: string | undefined, kind: 'script' | 'service'): Diagnostics {
  if (kind === 'script') {
    return {
      errorCode: 'ScriptFailed',
      scriptName: hook,
      message: `Script at specified location: ${hook} run as user root failed with exit code 1`,
      logTail: `[stdout]Running ${event} checks\n[stderr]${event} check failed (simulated by the local endpoint)\n`,
    };
  }
  return {
    errorCode: 'UnknownError',
    message: `The ${event} lifecycle event failed (simulated by the ${FAIL_TAG} tag).`,
    logTail: '',
  };
}

/** Deployment group tag `codedeploy-local:hooks=manual|auto`: how its Lambda/ECS hook functions are answered. */
export const HOOK_MODE_TAG = 'codedeploy-local:hooks';
