/**
 * What the monitor knows about a deployment's hooks: the hooks its AppSpec declares (so "Open in
 * the AppSpec" is offered only for them), and the Lambda/ECS hooks waiting for a function to report
 * its status ("Waiting for hook function X (times out in mm:ss)"). Pure.
 */
import { parse } from 'yaml';
import { MAX_EVENT_SECONDS } from '../../../engine/index';
import type { DeploymentInfo, PendingHookExecution } from '../aws/api';
import { toMillis } from '../explorer/format';
import type { MonitorTarget } from './model';

/** Hook name → what runs for it: Lambda function names (Lambda/ECS) or script locations (EC2). */
export type AppSpecHooks = Record<string, string[]>;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** The hooks an AppSpec's text declares; undefined when the text is not a readable AppSpec. */
export function appSpecHooks(text: string): AppSpecHooks | undefined {
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 100, prettyErrors: false });
  } catch {
    return undefined;
  }
  if (!isObj(data)) return undefined;
  const out: AppSpecHooks = {};
  const section = data.hooks ?? data.Hooks;
  const add = (name: string, what: unknown) => {
    const list = (out[name] ??= []);
    if (typeof what === 'string' && what.trim()) list.push(what.trim());
    else if (Array.isArray(what))
      for (const s of what) if (isObj(s) && typeof s.location === 'string') list.push(s.location.trim());
  };
  if (Array.isArray(section)) {
    // Lambda/ECS: a list of single-key maps `- BeforeAllowTraffic: functionName`.
    for (const item of section) if (isObj(item)) for (const [k, v] of Object.entries(item)) add(k, v);
  } else if (isObj(section)) {
    // EC2/On-Premises: `hooks: { BeforeInstall: [ { location } ] }`.
    for (const [k, v] of Object.entries(section)) add(k, v);
  }
  return out;
}

/** A hook event that runs and waits for its function to report a status. */
export interface WaitingHook {
  targetId: string;
  event: string;
  /** The Lambda function that must report (from the endpoint, else from the AppSpec). */
  functionName?: string;
  /** Epoch ms when the hook times out (the deployment then fails). */
  timesOutAt?: number;
  remainingSeconds?: number;
  /** Set when the local endpoint lists the execution: the monitor offers Report Succeeded / Failed. */
  executionId?: string;
}

export interface WaitingHookInput {
  deployment: DeploymentInfo;
  targets: MonitorTarget[];
  /** The raw lifecycle events' start times, by target id and event name (epoch ms). */
  startTimes: Map<string, number>;
  appSpecHooks?: AppSpecHooks;
  pending?: PendingHookExecution[];
  now: number;
  timeScale?: number;
}

export function startKey(targetId: string, event: string): string {
  return `${targetId}\u0000${event}`;
}

/**
 * Lambda and ECS hook events in progress. On AWS (no pending list) the function name comes from the
 * AppSpec and the timeout is one hour after the event started; the local endpoint says both exactly.
 */
export function waitingHooks(input: WaitingHookInput): WaitingHook[] {
  const { deployment: d, now } = input;
  if (d.computePlatform !== 'Lambda' && d.computePlatform !== 'ECS') return [];
  const scale = input.timeScale && input.timeScale > 0 ? input.timeScale : 1;
  const out: WaitingHook[] = [];
  for (const t of input.targets) {
    for (const e of t.events) {
      if (e.status !== 'InProgress') continue;
      const exec = input.pending?.find((p) => p.lifecycleEventName === e.name && (p.targetId === t.id || !p.targetId));
      const declared = input.appSpecHooks?.[e.name];
      // A reserved event (AllowTraffic, Install…) has no function: only declared hooks or known executions wait.
      if (!exec && !declared?.length) continue;
      const started = input.startTimes.get(startKey(t.id, e.name));
      const timesOutAt =
        toMillis(exec?.timeoutTime) !== undefined
          ? toMillis(exec?.timeoutTime)
          : started !== undefined
            ? started + (MAX_EVENT_SECONDS * 1000) / scale
            : undefined;
      out.push({
        targetId: t.id,
        event: e.name,
        functionName: exec?.functionName || declared?.[0],
        ...(timesOutAt !== undefined
          ? { timesOutAt, remainingSeconds: Math.max(0, Math.ceil((timesOutAt - now) / 1000)) }
          : {}),
        ...(exec ? { executionId: exec.lifecycleEventHookExecutionId } : {}),
      });
    }
  }
  return out;
}
