/**
 * The live monitor as data: deployment + targets + deployment config + history + now → the view
 * state the webview renders. Pure and JSON-serialisable; no vscode, no clock of its own.
 */
import type { DeploymentConfigInfo, DeploymentInfo, DeploymentTarget } from '../aws/api';
import {
  creatorLabel,
  durationBetween,
  formatDuration,
  isFinalStatus,
  platformLabel,
  shortConfigName,
  toMillis,
} from '../explorer/format';
import { continueWaitType, targetEvents, targetId, targetStatus } from '../explorer/model';
import {
  currentStepIndex,
  greenPercent,
  plannedSteps,
  routingOf,
  shiftStart,
  type RoutingKind,
  type TrafficSample,
  type TrafficStep,
} from './traffic';

/** What the monitor remembers between polls. */
export interface MonitorHistory {
  samples: TrafficSample[];
  /** First time the deployment was seen waiting to reroute (status Ready). */
  readySince?: number;
  /** First time the termination wait was seen. */
  terminationWaitSince?: number;
}

export const EMPTY_HISTORY: MonitorHistory = { samples: [] };
const MAX_SAMPLES = 2000;

/** Adds one poll's observations to the history (returns a new object). */
export function accumulate(
  history: MonitorHistory,
  deployment: DeploymentInfo,
  targets: DeploymentTarget[],
  now: number,
): MonitorHistory {
  const next: MonitorHistory = { ...history, samples: history.samples };
  const green = greenPercent(deployment, targets);
  if (green !== undefined) {
    const last = next.samples[next.samples.length - 1];
    if (!last || last.t < now) next.samples = [...next.samples, { t: now, green }].slice(-MAX_SAMPLES);
  }
  if (deployment.status === 'Ready' && next.readySince === undefined) next.readySince = now;
  if (deployment.instanceTerminationWaitTimeStarted && next.terminationWaitSince === undefined) {
    next.terminationWaitSince = now;
  }
  return next;
}

export interface MonitorEvent {
  name: string;
  status: string;
  duration: string;
  errorCode?: string;
  scriptName?: string;
  message?: string;
  logTail?: string;
}

export interface MonitorTarget {
  id: string;
  kind: 'instance' | 'lambda' | 'ecs' | 'cloudformation';
  status: string;
  label?: string;
  /** 0..1: finished events / all events. */
  progress: number;
  events: MonitorEvent[];
}

export interface Countdown {
  id: 'nextShift' | 'readyWait' | 'terminationWait';
  label: string;
  endsAt: number;
  remainingSeconds: number;
}

export interface TrafficView {
  kind: RoutingKind;
  /** Seconds since the shift started (0 = first shift), green percent. */
  actual: { t: number; green: number }[];
  planned: TrafficStep[];
  /** Current green share (blue = 100 − green). */
  green: number;
  stepIndex: number;
  stepCount: number;
  stepLabel: string;
  startedAt?: number;
}

export interface Ec2View {
  total: number;
  succeeded: number;
  failed: number;
  inProgress: number;
  pending: number;
  skipped: number;
  ready: number;
  /** Instances that must stay healthy, when the config says. */
  minimumHealthy?: { type: string; value: number; required: number; label: string };
  healthy: number;
  atRisk: boolean;
  eventNames: string[];
}

export interface ButtonStates {
  stop: boolean;
  stopAndRollback: boolean;
  continue: { enabled: boolean; waitType?: 'READY_WAIT' | 'TERMINATION_WAIT'; label: string };
}

export type StatusClass = 'running' | 'waiting' | 'succeeded' | 'failed' | 'stopped' | 'queued';

export interface MonitorViewState {
  deploymentId: string;
  application: string;
  group: string;
  platform: string;
  platformLabel: string;
  status: string;
  statusClass: StatusClass;
  final: boolean;
  configName: string;
  creator: string;
  elapsed: string;
  messages: string[];
  error?: { code: string; message: string };
  rollback?: string;
  traffic?: TrafficView;
  countdowns: Countdown[];
  ec2?: Ec2View;
  targets: MonitorTarget[];
  buttons: ButtonStates;
  /** The extension host's clock when the state was built (the webview ticks countdowns from it). */
  now: number;
  /** Set by the panel when the last poll failed. */
  pollError?: string;
}

export interface MonitorInput {
  deployment: DeploymentInfo;
  targets: DeploymentTarget[];
  config?: DeploymentConfigInfo;
  history: MonitorHistory;
  now: number;
  /** Simulated-time speed-up (local endpoint); 1 on AWS. */
  timeScale?: number;
}

export function statusClass(status: string | undefined): StatusClass {
  switch (status) {
    case 'Succeeded':
      return 'succeeded';
    case 'Failed':
      return 'failed';
    case 'Stopped':
      return 'stopped';
    case 'Ready':
      return 'waiting';
    case 'Created':
    case 'Queued':
      return 'queued';
    default:
      return 'running';
  }
}

export function buttonStates(d: DeploymentInfo): ButtonStates {
  const active = !isFinalStatus(d.status);
  const wait = continueWaitType(d);
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
    continue: { enabled: active && wait !== undefined, waitType: wait, label },
  };
}

function targetKind(t: DeploymentTarget): MonitorTarget['kind'] {
  if (t.lambdaTarget) return 'lambda';
  if (t.ecsTarget) return 'ecs';
  if (t.cloudFormationTarget) return 'cloudformation';
  return 'instance';
}

export function monitorTargets(targets: DeploymentTarget[], now: number): MonitorTarget[] {
  return [...targets]
    .sort((a, b) => targetId(a).localeCompare(targetId(b)))
    .map((t) => {
      const events = targetEvents(t);
      const done = events.filter((e) => e.status === 'Succeeded' || e.status === 'Skipped').length;
      return {
        id: targetId(t),
        kind: targetKind(t),
        status: targetStatus(t) ?? 'Unknown',
        label: t.instanceTarget?.instanceLabel,
        progress: events.length ? done / events.length : targetStatus(t) === 'Succeeded' ? 1 : 0,
        events: events.map((e) => {
          const dg = e.diagnostics;
          const failed = e.status === 'Failed';
          return {
            name: e.lifecycleEventName ?? '?',
            status: e.status ?? 'Unknown',
            duration: formatDuration(durationBetween(e.startTime, e.endTime, now)),
            errorCode: failed || (dg?.errorCode && dg.errorCode !== 'Success') ? dg?.errorCode : undefined,
            scriptName: dg?.scriptName,
            message: failed ? dg?.message : undefined,
            logTail: failed ? dg?.logTail : undefined,
          } satisfies MonitorEvent;
        }),
      };
    });
}

/** Instances that must stay healthy for the config (undefined when the config does not say). */
export function minimumHealthy(config: DeploymentConfigInfo | undefined, total: number): Ec2View['minimumHealthy'] {
  const mh = config?.minimumHealthyHosts;
  if (!mh?.type || mh.value === undefined) return undefined;
  const value = mh.value;
  switch (mh.type) {
    case 'HOST_COUNT':
      return { type: mh.type, value, required: Math.min(value, total), label: `at least ${value} healthy` };
    case 'FLEET_PERCENT':
      return { type: mh.type, value, required: Math.ceil((total * value) / 100), label: `at least ${value}% healthy` };
    default:
      // MOST_CONCURRENCY (OneAtATime): `value` instances at a time.
      return { type: mh.type, value, required: Math.max(0, total - value), label: `${value} at a time` };
  }
}

function ec2View(d: DeploymentInfo, targets: MonitorTarget[], config: DeploymentConfigInfo | undefined): Ec2View {
  const count = (s: string) => targets.filter((t) => t.status === s).length;
  const o = d.deploymentOverview;
  const total =
    targets.length ||
    (o
      ? (o.Pending ?? 0) +
        (o.InProgress ?? 0) +
        (o.Succeeded ?? 0) +
        (o.Failed ?? 0) +
        (o.Skipped ?? 0) +
        (o.Ready ?? 0)
      : 0);
  const pick = (s: string, fromOverview: number | undefined) => (targets.length ? count(s) : (fromOverview ?? 0));
  const failed = pick('Failed', o?.Failed);
  const inProgress = pick('InProgress', o?.InProgress);
  const mh = minimumHealthy(config, total);
  const healthy = Math.max(0, total - failed - inProgress);
  const names: string[] = [];
  for (const t of targets) for (const e of t.events) if (!names.includes(e.name)) names.push(e.name);
  return {
    total,
    succeeded: pick('Succeeded', o?.Succeeded),
    failed,
    inProgress,
    pending: pick('Pending', o?.Pending),
    skipped: pick('Skipped', o?.Skipped),
    ready: pick('Ready', o?.Ready),
    minimumHealthy: mh,
    healthy,
    atRisk: mh !== undefined && total - failed < mh.required,
    eventNames: names,
  };
}

function trafficView(input: MonitorInput): { view?: TrafficView; nextShiftAt?: number } {
  const { deployment: d, targets, config, history } = input;
  if (d.computePlatform !== 'Lambda' && d.computePlatform !== 'ECS') return {};
  const routing = routingOf(config, d.deploymentConfigName);
  const planned = plannedSteps(routing, input.timeScale ?? 1);
  const start = shiftStart(targets, history.samples);
  const green = greenPercent(d, targets) ?? history.samples[history.samples.length - 1]?.green ?? 0;
  const base = start ?? history.samples[0]?.t ?? input.now;
  const actual = history.samples.map((s) => ({ t: Math.round((s.t - base) / 100) / 10, green: s.green }));
  const stepIndex = currentStepIndex(planned, green);
  const stepCount = planned.length;
  const stepLabel =
    stepCount === 0
      ? `${Math.round(green)}% on the replacement`
      : stepIndex < 0
        ? `Waiting for the first shift (step 0 of ${stepCount})`
        : `Step ${stepIndex + 1} of ${stepCount}: ${Math.round(planned[stepIndex].green)}% planned, ${Math.round(green)}% now`;
  let nextShiftAt: number | undefined;
  const next = planned[stepIndex + 1];
  if (start !== undefined && next && !isFinalStatus(d.status) && stepIndex >= 0) {
    nextShiftAt = start + next.atSeconds * 1000;
  }
  return {
    view: { kind: routing.kind, actual, planned, green, stepIndex, stepCount, stepLabel, startedAt: start },
    nextShiftAt,
  };
}

function countdown(id: Countdown['id'], label: string, endsAt: number, now: number): Countdown {
  return { id, label, endsAt, remainingSeconds: Math.max(0, Math.ceil((endsAt - now) / 1000)) };
}

export function countdowns(input: MonitorInput, nextShiftAt: number | undefined): Countdown[] {
  const { deployment: d, history, now } = input;
  const scale = input.timeScale && input.timeScale > 0 ? input.timeScale : 1;
  const out: Countdown[] = [];
  if (isFinalStatus(d.status)) return out;
  if (nextShiftAt !== undefined) {
    const label =
      routingOf(input.config, d.deploymentConfigName).kind === 'canary'
        ? 'Bake time: rest of the traffic shifts in'
        : 'Next traffic shift in';
    out.push(countdown('nextShift', label, nextShiftAt, now));
  }
  const bg = d.blueGreenDeploymentConfiguration;
  const ready = bg?.deploymentReadyOption;
  if (d.status === 'Ready' && ready?.waitTimeInMinutes && history.readySince !== undefined) {
    const endsAt = history.readySince + (ready.waitTimeInMinutes * 60_000) / scale;
    const label =
      ready.actionOnTimeout === 'STOP_DEPLOYMENT' ? 'Stops unless continued in' : 'Reroutes traffic automatically in';
    out.push(countdown('readyWait', label, endsAt, now));
  }
  const term = bg?.terminateBlueInstancesOnDeploymentSuccess;
  if (
    d.instanceTerminationWaitTimeStarted &&
    term?.action === 'TERMINATE' &&
    history.terminationWaitSince !== undefined
  ) {
    const endsAt = history.terminationWaitSince + ((term.terminationWaitTimeInMinutes ?? 0) * 60_000) / scale;
    out.push(countdown('terminationWait', 'Original environment terminates in', endsAt, now));
  }
  return out;
}

export function buildViewState(input: MonitorInput): MonitorViewState {
  const { deployment: d, now } = input;
  const targets = monitorTargets(input.targets, now);
  const { view: traffic, nextShiftAt } = trafficView(input);
  const messages = [...(d.deploymentStatusMessages ?? [])];
  if (d.additionalDeploymentStatusInfo && !messages.includes(d.additionalDeploymentStatusInfo)) {
    messages.push(d.additionalDeploymentStatusInfo);
  }
  const started = d.startTime ?? d.createTime;
  return {
    deploymentId: d.deploymentId ?? '',
    application: d.applicationName ?? '',
    group: d.deploymentGroupName ?? '',
    platform: d.computePlatform ?? 'unknown',
    platformLabel: platformLabel(d.computePlatform),
    status: d.status ?? 'Unknown',
    statusClass: statusClass(d.status),
    final: isFinalStatus(d.status),
    configName: shortConfigName(d.deploymentConfigName) || 'default',
    creator: creatorLabel(d.creator),
    elapsed: toMillis(started) !== undefined ? formatDuration(durationBetween(started, d.completeTime, now)) : '',
    messages,
    error: d.errorInformation?.code
      ? { code: d.errorInformation.code, message: d.errorInformation.message ?? '' }
      : undefined,
    rollback: d.rollbackInfo?.rollbackDeploymentId
      ? `Rolled back by ${d.rollbackInfo.rollbackDeploymentId}`
      : d.rollbackInfo?.rollbackTriggeringDeploymentId
        ? `Rollback of ${d.rollbackInfo.rollbackTriggeringDeploymentId}`
        : undefined,
    traffic,
    countdowns: countdowns(input, nextShiftAt),
    ec2:
      d.computePlatform === 'Server' || (!d.computePlatform && targets.some((t) => t.kind === 'instance'))
        ? ec2View(d, targets, input.config)
        : undefined,
    targets,
    buttons: buttonStates(d),
    now,
  };
}

/** The end-of-deployment sentence for the notification (undefined while still running). */
export function finalOutcome(
  d: DeploymentInfo,
): { kind: 'succeeded' | 'failed' | 'stopped' | 'rolledBack'; text: string } | undefined {
  const id = d.deploymentId ?? 'deployment';
  if (!isFinalStatus(d.status)) return undefined;
  const rolledBack = d.rollbackInfo?.rollbackDeploymentId;
  if (d.status === 'Succeeded') return { kind: 'succeeded', text: `Deployment ${id} succeeded.` };
  if (rolledBack)
    return {
      kind: 'rolledBack',
      text: `Deployment ${id} ${d.status === 'Stopped' ? 'stopped' : 'failed'} and is being rolled back by ${rolledBack}.`,
    };
  if (d.status === 'Stopped')
    return {
      kind: 'stopped',
      text: `Deployment ${id} was stopped${d.errorInformation?.message ? ': ' + d.errorInformation.message : '.'}`,
    };
  return {
    kind: 'failed',
    text: `Deployment ${id} failed${d.errorInformation?.message ? ': ' + d.errorInformation.message : '.'}`,
  };
}
