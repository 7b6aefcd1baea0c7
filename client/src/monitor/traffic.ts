/**
 * Traffic shifting as data (Lambda/ECS): the planned steps of a deployment configuration, the
 * green share read from the targets, and the series accumulated across polls. Pure.
 */
import type { DeploymentConfigInfo, DeploymentInfo, DeploymentTarget } from '../aws/api';
import { toMillis } from '../explorer/format';

export type RoutingKind = 'canary' | 'linear' | 'allAtOnce' | 'unknown';

export interface Routing {
  kind: RoutingKind;
  percent?: number;
  /** Minutes between shifts (canary: before the rest; linear: between increments). */
  intervalMinutes?: number;
}

/** One planned step: at `atSeconds` after the shift starts, green receives `green` percent. */
export interface TrafficStep {
  atSeconds: number;
  green: number;
}

/** One observation: epoch ms and the green share in percent. */
export interface TrafficSample {
  t: number;
  green: number;
}

/** Reads the routing from a config, or from a `CodeDeployDefault.*` name when the config is unknown. */
export function routingOf(config: DeploymentConfigInfo | undefined, configName: string | undefined): Routing {
  const trc = config?.trafficRoutingConfig;
  if (trc?.type === 'TimeBasedCanary' && trc.timeBasedCanary) {
    return {
      kind: 'canary',
      percent: trc.timeBasedCanary.canaryPercentage,
      intervalMinutes: trc.timeBasedCanary.canaryInterval,
    };
  }
  if (trc?.type === 'TimeBasedLinear' && trc.timeBasedLinear) {
    return {
      kind: 'linear',
      percent: trc.timeBasedLinear.linearPercentage,
      intervalMinutes: trc.timeBasedLinear.linearInterval,
    };
  }
  if (trc?.type === 'AllAtOnce') return { kind: 'allAtOnce' };
  const name = configName ?? config?.deploymentConfigName ?? '';
  let m = /Canary(\d+)Percent(\d+)Minutes?$/.exec(name);
  if (m) return { kind: 'canary', percent: Number(m[1]), intervalMinutes: Number(m[2]) };
  m = /Linear(\d+)PercentEvery(\d+)Minutes?$/.exec(name);
  if (m) return { kind: 'linear', percent: Number(m[1]), intervalMinutes: Number(m[2]) };
  if (/(Lambda|ECS)AllAtOnce$/.test(name)) return { kind: 'allAtOnce' };
  return { kind: 'unknown' };
}

/**
 * The planned steps. Canary: `percent` at once, the rest after one interval. Linear: `percent`
 * at once, then `+percent` every interval up to 100. All at once: 100 at once. `timeScale` > 1
 * compresses time (the local endpoint's simulated clock).
 */
export function plannedSteps(routing: Routing, timeScale = 1): TrafficStep[] {
  const scale = timeScale > 0 ? timeScale : 1;
  const interval = ((routing.intervalMinutes ?? 0) * 60) / scale;
  const p = routing.percent ?? 0;
  switch (routing.kind) {
    case 'allAtOnce':
      return [{ atSeconds: 0, green: 100 }];
    case 'canary':
      if (p <= 0 || p >= 100) return [{ atSeconds: 0, green: 100 }];
      return [
        { atSeconds: 0, green: p },
        { atSeconds: interval, green: 100 },
      ];
    case 'linear': {
      if (p <= 0 || p >= 100) return [{ atSeconds: 0, green: 100 }];
      const steps: TrafficStep[] = [];
      for (let k = 0; ; k++) {
        const green = Math.min(100, (k + 1) * p);
        steps.push({ atSeconds: k * interval, green });
        if (green >= 100) break;
      }
      return steps;
    }
    default:
      return [];
  }
}

/** The green (replacement) share in percent, or undefined when the targets do not say. */
export function greenPercent(deployment: DeploymentInfo, targets: DeploymentTarget[]): number | undefined {
  const values: number[] = [];
  for (const t of targets) {
    const w = t.lambdaTarget?.lambdaFunctionInfo?.targetVersionWeight;
    if (w !== undefined && w !== null) values.push(w);
    const sets = t.ecsTarget?.taskSetsInfo;
    if (sets?.length) {
      const green = sets.find((s) => s.taskSetLabel === 'Green');
      const blue = sets.find((s) => s.taskSetLabel === 'Blue');
      if (green?.trafficWeight !== undefined) values.push(green.trafficWeight);
      else if (blue?.trafficWeight !== undefined) values.push(100 - blue.trafficWeight);
    }
    const cf = t.cloudFormationTarget?.targetVersionWeight;
    if (cf !== undefined && cf !== null) values.push(cf);
  }
  if (!values.length) {
    if (deployment.status === 'Succeeded') return 100;
    return undefined;
  }
  const avg = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.max(0, Math.min(100, avg));
}

/** When traffic started to move: the AllowTraffic event's start, else the first sample above 0. */
export function shiftStart(targets: DeploymentTarget[], samples: TrafficSample[]): number | undefined {
  let start: number | undefined;
  for (const t of targets) {
    const events =
      t.lambdaTarget?.lifecycleEvents ?? t.ecsTarget?.lifecycleEvents ?? t.cloudFormationTarget?.lifecycleEvents ?? [];
    for (const e of events) {
      if (e.lifecycleEventName === 'AllowTraffic') {
        const s = toMillis(e.startTime);
        if (s !== undefined && (start === undefined || s < start)) start = s;
      }
    }
  }
  if (start !== undefined) return start;
  return samples.find((s) => s.green > 0)?.t;
}

/** Index of the planned step reached by `green` (−1 before the first). */
export function currentStepIndex(steps: TrafficStep[], green: number | undefined): number {
  if (green === undefined) return -1;
  let idx = -1;
  for (let i = 0; i < steps.length; i++) if (green + 0.5 >= steps[i].green) idx = i;
  return idx;
}
