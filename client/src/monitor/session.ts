/**
 * Watches one deployment without any UI: polls the API, accumulates history, builds the view
 * state and reports it. The vscode side (manager.ts) forwards the state to a panel and the
 * end to a notification. No vscode here, so tests drive it against the local endpoint.
 */
import type {
  CodeDeployApi,
  DeploymentConfigInfo,
  DeploymentInfo,
  DeploymentTarget,
  PendingHookExecution,
  RevisionLocation,
} from '../aws/api';
import { appSpecHooks } from './hooks';
import {
  accumulate,
  buildViewState,
  EMPTY_HISTORY,
  finalOutcome,
  type MonitorContext,
  type MonitorHistory,
  type MonitorViewState,
} from './model';
import { ecsTaskDefinition } from './versions';
import {
  isThrottling,
  MAX_CALLS_PER_POLL,
  Poller,
  realClock,
  type Clock,
  type PollerIntervals,
  type PollOutcome,
} from './poller';
import { TargetTracker } from './targetTracker';

export type SessionApi = Pick<
  CodeDeployApi,
  | 'getDeployment'
  | 'listDeploymentTargets'
  | 'batchGetDeploymentTargets'
  | 'getDeploymentConfig'
  | 'stopDeployment'
  | 'continueDeployment'
  | 'getRevisionLocation'
  | 'putLifecycleEventHookExecutionStatus'
  | 'listPendingHookExecutions'
> &
  Partial<Pick<CodeDeployApi, 'listDeploymentTargetsPage'>>;

/** The same API, counting the CodeDeploy calls made through it (the local-only hook route is not one). */
function counted(api: SessionApi, count: () => void): SessionApi {
  return new Proxy(api, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || prop === 'listPendingHookExecutions') return value;
      return (...args: unknown[]) => {
        count();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

export interface SessionOptions {
  api: SessionApi;
  deploymentId: string;
  clock?: Clock;
  intervals?: PollerIntervals;
  /** Spread of the poll delay (default 0.1; tests pass 0). */
  jitter?: number;
  /** CodeDeploy calls one poll may make (default MAX_CALLS_PER_POLL). */
  maxCallsPerPoll?: number;
  timeScale?: number;
  /** The AppSpec the deployment was made from, when the editor knows it (a workspace file). */
  localAppSpecText?: () => Promise<string | undefined>;
  onState?: (state: MonitorViewState) => void;
  /** `sawItRun`: the session saw the deployment before it ended (false when it was already over). */
  onFinal?: (
    deployment: DeploymentInfo,
    outcome: NonNullable<ReturnType<typeof finalOutcome>>,
    sawItRun: boolean,
  ) => void;
  onError?: (err: unknown) => void;
}

export class MonitorSession {
  private history: MonitorHistory = EMPTY_HISTORY;
  private configs = new Map<string, DeploymentConfigInfo | undefined>();
  private readonly clock: Clock;
  private readonly poller: Poller;
  private lastDeployment: DeploymentInfo | undefined;
  private readonly api: SessionApi;
  private readonly tracker: TargetTracker;
  private readonly listeners = new Set<(state: MonitorViewState) => void>();
  /** CodeDeploy calls made so far (the benchmark and tests read it). */
  calls = 0;
  private lastError: string | undefined;
  private sawItRun = false;
  private finished = false;
  /** Learned once per session (AppSpec hooks, ECS versions); `pending` is refreshed every poll. */
  private context: MonitorContext | undefined;
  state: MonitorViewState | undefined;

  constructor(private readonly opts: SessionOptions) {
    this.clock = opts.clock ?? realClock;
    this.api = counted(opts.api, () => this.calls++);
    this.tracker = new TargetTracker(this.api, opts.deploymentId);
    this.poller = new Poller({
      clock: this.clock,
      intervals: opts.intervals,
      jitter: opts.jitter,
      poll: () => this.pollOnce(),
      onError: (err) => {
        // Throttling is not the user's problem: the poller backs off and the view stays as it was.
        if (!isThrottling(err)) {
          this.lastError = err instanceof Error ? err.message : String(err);
          if (this.state) this.emit({ ...this.state, pollError: this.lastError });
        }
        opts.onError?.(err);
      },
    });
  }

  get deploymentId(): string {
    return this.opts.deploymentId;
  }

  get running(): boolean {
    return this.poller.running && !this.finished;
  }

  /** The poller still runs (after the end, until every target's final details are in). */
  get polling(): boolean {
    return this.poller.running;
  }

  get deployment(): DeploymentInfo | undefined {
    return this.lastDeployment;
  }

  start(): void {
    this.poller.start();
  }

  stop(): void {
    this.poller.stop();
  }

  /** Polls again soon (after a button click). */
  refresh(): void {
    this.poller.pollNow();
  }

  private async config(name: string | undefined): Promise<DeploymentConfigInfo | undefined> {
    if (!name) return undefined;
    if (!this.configs.has(name)) {
      try {
        this.configs.set(name, await this.api.getDeploymentConfig(name));
      } catch {
        // Not fatal: the plan falls back to the predefined configuration's name.
        this.configs.set(name, undefined);
      }
    }
    return this.configs.get(name);
  }

  /** The AppSpec text of a revision, when CodeDeploy keeps it (AppSpecContent revisions of Lambda and ECS). */
  private async revisionText(application: string | undefined, rev: RevisionLocation | undefined) {
    if (!application || !rev || !this.api.getRevisionLocation) return undefined;
    if (rev.revisionType !== 'AppSpecContent' && rev.revisionType !== 'String') return undefined;
    try {
      const stored = await this.api.getRevisionLocation(application, rev);
      return stored?.appSpecContent?.content ?? stored?.string?.content;
    } catch {
      return undefined;
    }
  }

  /** What the view needs besides the deployment: read once; failures only leave parts out. */
  private async loadContext(d: DeploymentInfo): Promise<MonitorContext> {
    const app = d.applicationName;
    const serverless = d.computePlatform === 'Lambda' || d.computePlatform === 'ECS';
    let text = serverless ? await this.revisionText(app, d.revision) : undefined;
    if (text === undefined && this.opts.localAppSpecText)
      text = await this.opts.localAppSpecText().catch(() => undefined);
    const context: MonitorContext = {};
    const hooks = text !== undefined ? appSpecHooks(text) : undefined;
    if (hooks) context.appSpecHooks = hooks;
    if (d.computePlatform === 'ECS') {
      const of = d.rollbackInfo?.rollbackTriggeringDeploymentId;
      if (of) {
        // A rollback restores what served before the deployment it rolls back.
        const trigger = await this.api.getDeployment(of).catch(() => undefined);
        context.ecs = {
          original: ecsTaskDefinition(await this.revisionText(app, trigger?.revision)),
          replacement: ecsTaskDefinition(await this.revisionText(app, trigger?.previousRevision)),
        };
      } else {
        context.ecs = {
          original: ecsTaskDefinition(await this.revisionText(app, d.previousRevision)),
          replacement: ecsTaskDefinition(text),
        };
      }
    }
    return context;
  }

  private async pendingHooks(d: DeploymentInfo): Promise<PendingHookExecution[] | undefined> {
    const list = this.api.listPendingHookExecutions;
    if (!list || (d.computePlatform !== 'Lambda' && d.computePlatform !== 'ECS')) return undefined;
    try {
      return await list.call(this.api, this.opts.deploymentId);
    } catch {
      return undefined;
    }
  }

  /**
   * One poll: exported through the poller; returns whether to poll fast or stop, and its cost in
   * calls. Targets come from the tracker within the call budget; once the deployment is over, polls
   * go on (at the budget's pace) until every target's final details are in.
   */
  async pollOnce(): Promise<PollOutcome> {
    const callsBefore = this.calls;
    const deployment = await this.api.getDeployment(this.opts.deploymentId);
    let targets: DeploymentTarget[] = [];
    let throttled = false;
    let settled = true;
    if (deployment.status !== 'Created' && deployment.status !== 'Queued') {
      try {
        await this.tracker.refresh(deployment, (this.opts.maxCallsPerPoll ?? MAX_CALLS_PER_POLL) - 1);
        settled = this.tracker.settled;
      } catch (err) {
        // Keep what is known rather than fail the poll; throttling slows the next one down.
        throttled = isThrottling(err);
        if (!throttled && !this.tracker.targets.length && !finalOutcome(deployment)) throw err;
        settled = !throttled && this.tracker.settled;
      }
      targets = this.tracker.targets;
    }
    const config = await this.config(deployment.deploymentConfigName);
    const pending = finalOutcome(deployment) ? undefined : await this.pendingHooks(deployment);
    const now = this.clock.now();
    this.history = accumulate(this.history, deployment, targets, now);
    this.lastDeployment = deployment;
    this.lastError = undefined;
    const build = () =>
      buildViewState({
        deployment,
        targets,
        config,
        history: this.history,
        now,
        timeScale: this.opts.timeScale,
        context: { ...this.context, ...(pending ? { pending } : {}) },
      });
    let state = build();
    this.emit(state);
    if (!this.context) {
      // The first view goes out at once; the AppSpec and revision details follow.
      this.context = await this.loadContext(deployment);
      state = build();
      this.emit(state);
    }
    const cost = this.calls - callsBefore;
    const outcome = finalOutcome(deployment);
    if (outcome) {
      if (!this.finished) {
        this.finished = true;
        this.opts.onFinal?.(deployment, outcome, this.sawItRun);
      }
      return { final: settled, shifting: false, cost, throttled };
    }
    this.sawItRun = true;
    const g = state.traffic?.green;
    const shifting =
      (g !== undefined && g > 0 && g < 100) ||
      state.countdowns.some((c) => c.remainingSeconds <= 15) ||
      deployment.status === 'Created' ||
      deployment.status === 'Queued';
    return { final: false, shifting, cost, throttled };
  }

  /** Another view of the same deployment (a second monitor): gets every state from now on. */
  subscribe(listener: (state: MonitorViewState) => void): () => void {
    this.listeners.add(listener);
    if (this.state) listener(this.state);
    return () => this.listeners.delete(listener);
  }

  private emit(state: MonitorViewState): void {
    this.state = state;
    this.opts.onState?.(state);
    for (const l of this.listeners) l(state);
  }

  async stopDeployment(rollback: boolean): Promise<string> {
    const r = await this.api.stopDeployment(this.opts.deploymentId, rollback);
    this.refresh();
    return r.statusMessage ?? r.status ?? 'Stop requested.';
  }

  /** Reports a waiting hook's outcome as its function would (local endpoint, manual hook mode). */
  async reportHook(executionId: string, status: 'Succeeded' | 'Failed'): Promise<void> {
    const put = this.api.putLifecycleEventHookExecutionStatus;
    if (!put) throw new Error('This connection cannot report hook status.');
    await put.call(this.api, this.opts.deploymentId, executionId, status);
    this.refresh();
  }

  async continueDeployment(): Promise<void> {
    const wait = this.state?.buttons.continue.waitType;
    await this.api.continueDeployment(this.opts.deploymentId, wait);
    this.refresh();
  }
}
