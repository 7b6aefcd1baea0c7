/**
 * The live monitor as data: deployment + targets + deployment config + history + now → the view
 * state the webview renders. Pure and JSON-serialisable; no vscode, no clock of its own.
 */
import { scriptableEventNames } from '../../../engine/index';
import type { DeploymentConfigInfo, DeploymentInfo, DeploymentTarget, PendingHookExecution } from '../aws/api';
import {
  creatorLabel,
  durationBetween,
  formatDuration,
  isFinalStatus,
  platformLabel,
  shortConfigName,
  toMillis,
} from '../explorer/format';
import { targetEvents, targetId, targetStatus } from '../explorer/model';
import { buttonStates } from './buttons';
import { countdowns } from './countdowns';
import { ec2View, type Ec2View } from './ec2';
import { startKey, waitingHooks, type AppSpecHooks, type WaitingHook } from './hooks';
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
import { timelineView, type TimelineView } from './timeline';
import {
  rollbackView,
  versionsView,
  withoutRollbackRepeats,
  type EcsRevisionVersions,
  type RollbackView,
  type VersionsView,
} from './versions';

export { minimumHealthy, type Ec2View } from './ec2';
export { buttonStates } from './buttons';
export { countdowns } from './countdowns';

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
  /** The event is a hook of the deployment's AppSpec: the monitor offers to open it there. */
  canOpen?: boolean;
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
  /** Names of the two sides ("Original (blue)"; a rollback's sides are the rolled-back and restored versions). */
  blueLabel: string;
  greenLabel: string;
  /** The deployment ended without succeeding: the split is history, not live; `stepLabel` says where it stopped. */
  ended: boolean;
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

export interface ButtonStates {
  stop: boolean;
  stopAndRollback: boolean;
  continue: { enabled: boolean; waitType?: 'READY_WAIT' | 'TERMINATION_WAIT'; label: string; reason?: string };
  /** Why Stop / Stop and roll back are not available (shown as their tooltip). */
  stopReason?: string;
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
  /** One line tying the deployment to its rollback, with both deployment IDs as links. */
  rollback?: RollbackView;
  /** The versions the deployment moves between (Lambda, ECS). */
  versions?: VersionsView;
  /** Lambda/ECS hooks waiting for their function to report a status. */
  waitingHooks: WaitingHook[];
  /** Said while there is nothing else to show (Created, Queued). */
  placeholder?: string;
  traffic?: TrafficView;
  countdowns: Countdown[];
  ec2?: Ec2View;
  targets: MonitorTarget[];
  /** Lifecycle events per target on one time axis (absent until an event has started). */
  timeline?: TimelineView;
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
  /** What the session learned besides the deployment and its targets. */
  context?: MonitorContext;
}

/** Facts gathered once per deployment (the AppSpec, revision versions) or per poll (pending hooks). */
export interface MonitorContext {
  /** The hooks of the deployment's AppSpec, when its text could be read. */
  appSpecHooks?: AppSpecHooks;
  ecs?: EcsRevisionVersions;
  /** Hook executions waiting for a status (local endpoint only). */
  pending?: PendingHookExecution[];
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

function targetKind(t: DeploymentTarget): MonitorTarget['kind'] {
  if (t.lambdaTarget) return 'lambda';
  if (t.ecsTarget) return 'ecs';
  if (t.cloudFormationTarget) return 'cloudformation';
  return 'instance';
}

/** Events that can be opened in the AppSpec: its hooks when it is known, else the platform's hook events. */
function openableEvents(d: DeploymentInfo, hooks: AppSpecHooks | undefined): Set<string> {
  if (hooks) return new Set(Object.keys(hooks));
  const platform = d.computePlatform === 'Lambda' ? 'lambda' : d.computePlatform === 'ECS' ? 'ecs' : 'ec2';
  return new Set(scriptableEventNames(platform));
}

export function monitorTargets(targets: DeploymentTarget[], now: number, openable?: Set<string>): MonitorTarget[] {
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
            ...(openable?.has(e.lifecycleEventName ?? '') ? { canOpen: true } : {}),
          } satisfies MonitorEvent;
        }),
      };
    });
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
  const ended = d.status === 'Stopped' || d.status === 'Failed';
  const stepLabel = ended
    ? endedLabel(d, green, stepIndex, stepCount)
    : stepCount === 0
      ? `${Math.round(green)}% on the replacement`
      : stepIndex < 0
        ? `Waiting for the first shift (step 0 of ${stepCount})`
        : `Step ${stepIndex + 1} of ${stepCount}: ${Math.round(planned[stepIndex].green)}% planned, ${Math.round(green)}% now`;
  const isRollback = !!d.rollbackInfo?.rollbackTriggeringDeploymentId;
  let nextShiftAt: number | undefined;
  const next = planned[stepIndex + 1];
  if (start !== undefined && next && !isFinalStatus(d.status) && stepIndex >= 0) {
    nextShiftAt = start + next.atSeconds * 1000;
  }
  return {
    view: {
      kind: routing.kind,
      blueLabel: isRollback ? 'Rolled-back version (blue)' : 'Original (blue)',
      greenLabel: isRollback ? 'Restored version (green)' : 'Replacement (green)',
      ended,
      actual,
      planned,
      green,
      stepIndex,
      stepCount,
      stepLabel,
      startedAt: start,
    },
    nextShiftAt,
  };
}

/** Where a stopped or failed deployment left the traffic (its last split is history, not the live state). */
function endedLabel(d: DeploymentInfo, green: number, stepIndex: number, stepCount: number): string {
  const how = d.status === 'Stopped' ? 'Stopped' : 'Failed';
  const back = d.rollbackInfo?.rollbackDeploymentId ? ` The rollback moves all traffic back to the original.` : '';
  if (stepIndex < 0 || green <= 0) return `${how} before any traffic shifted to the replacement.${back}`;
  const step = stepCount > 1 ? ` at step ${stepIndex + 1} of ${stepCount}` : '';
  return `${how}${step}, with ${Math.round(green)}% of traffic on the replacement at that point.${back}`;
}

export function buildViewState(input: MonitorInput): MonitorViewState {
  const { deployment: d, now, context } = input;
  const targets = monitorTargets(input.targets, now, openableEvents(d, context?.appSpecHooks));
  const { view: traffic, nextShiftAt } = trafficView(input);
  const versions = versionsView(d, input.targets, context?.ecs);
  const rollback = rollbackView(d, versions);
  const messages = [...(d.deploymentStatusMessages ?? [])];
  if (d.additionalDeploymentStatusInfo && !messages.includes(d.additionalDeploymentStatusInfo)) {
    messages.push(d.additionalDeploymentStatusInfo);
  }
  // A rollback that did not start says why (no IDs, so no rollback line).
  const note = d.rollbackInfo?.rollbackMessage;
  if (!rollback && note && !messages.includes(note)) messages.push(note);
  const startTimes = new Map<string, number>();
  for (const t of input.targets)
    for (const e of targetEvents(t)) {
      const at = toMillis(e.startTime);
      if (at !== undefined) startTimes.set(startKey(targetId(t), e.lifecycleEventName ?? ''), at);
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
    messages: withoutRollbackRepeats(messages, rollback),
    error: d.errorInformation?.code
      ? { code: d.errorInformation.code, message: d.errorInformation.message ?? '' }
      : undefined,
    rollback,
    versions,
    waitingHooks: isFinalStatus(d.status)
      ? []
      : waitingHooks({
          deployment: d,
          targets,
          startTimes,
          appSpecHooks: context?.appSpecHooks,
          pending: context?.pending,
          now,
          timeScale: input.timeScale,
        }),
    placeholder: placeholderText(d, targets.length),
    traffic,
    countdowns: countdowns(input, nextShiftAt),
    ec2:
      d.computePlatform === 'Server' || (!d.computePlatform && targets.some((t) => t.kind === 'instance'))
        ? ec2View(d, targets, input.config)
        : undefined,
    targets,
    timeline: timelineView(input.targets, now),
    buttons: buttonStates(d),
    now,
  };
}

/** What the monitor says before there is anything else to show. */
function placeholderText(d: DeploymentInfo, targetCount: number): string | undefined {
  if (targetCount) return undefined;
  switch (d.status) {
    case 'Created':
      return 'Created: CodeDeploy has accepted the deployment and is preparing it. Targets appear when it starts.';
    case 'Queued':
      return 'Queued: the deployment waits for CodeDeploy to start it (another deployment may be using the group). Targets appear when it starts.';
    default:
      return isFinalStatus(d.status) ? 'This deployment has no targets.' : 'No targets yet.';
  }
}

/** The end-of-deployment sentence for the notification (undefined while still running). */
export function finalOutcome(
  d: DeploymentInfo,
): { kind: 'succeeded' | 'failed' | 'stopped' | 'rolledBack'; text: string; rollbackId?: string } | undefined {
  const id = d.deploymentId ?? 'deployment';
  if (!isFinalStatus(d.status)) return undefined;
  const rolledBack = d.rollbackInfo?.rollbackDeploymentId;
  if (d.status === 'Succeeded') return { kind: 'succeeded', text: `Deployment ${id} succeeded.` };
  if (rolledBack)
    return {
      kind: 'rolledBack',
      rollbackId: rolledBack,
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
