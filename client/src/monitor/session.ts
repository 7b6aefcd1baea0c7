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
import { Poller, realClock, type Clock, type PollerIntervals, type PollOutcome } from './poller';

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
>;

export interface SessionOptions {
  api: SessionApi;
  deploymentId: string;
  clock?: Clock;
  intervals?: PollerIntervals;
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
  private lastTargets: DeploymentTarget[] = [];
  private lastError: string | undefined;
  private sawItRun = false;
  private finished = false;
  /** Learned once per session (AppSpec hooks, ECS versions); `pending` is refreshed every poll. */
  private context: MonitorContext | undefined;
  state: MonitorViewState | undefined;

  constructor(private readonly opts: SessionOptions) {
    this.clock = opts.clock ?? realClock;
    this.poller = new Poller({
      clock: this.clock,
      intervals: opts.intervals,
      poll: () => this.pollOnce(),
      onError: (err) => {
        this.lastError = err instanceof Error ? err.message : String(err);
        if (this.state) this.emit({ ...this.state, pollError: this.lastError });
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
        this.configs.set(name, await this.opts.api.getDeploymentConfig(name));
      } catch {
        // Not fatal: the plan falls back to the predefined configuration's name.
        this.configs.set(name, undefined);
      }
    }
    return this.configs.get(name);
  }

  private async targets(): Promise<DeploymentTarget[]> {
    const id = this.opts.deploymentId;
    return this.opts.api.batchGetDeploymentTargets(id, await this.opts.api.listDeploymentTargets(id));
  }

  /** The AppSpec text of a revision, when CodeDeploy keeps it (AppSpecContent revisions of Lambda and ECS). */
  private async revisionText(application: string | undefined, rev: RevisionLocation | undefined) {
    if (!application || !rev || !this.opts.api.getRevisionLocation) return undefined;
    if (rev.revisionType !== 'AppSpecContent' && rev.revisionType !== 'String') return undefined;
    try {
      const stored = await this.opts.api.getRevisionLocation(application, rev);
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
        const trigger = await this.opts.api.getDeployment(of).catch(() => undefined);
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
    const list = this.opts.api.listPendingHookExecutions;
    if (!list || (d.computePlatform !== 'Lambda' && d.computePlatform !== 'ECS')) return undefined;
    try {
      return await list.call(this.opts.api, this.opts.deploymentId);
    } catch {
      return undefined;
    }
  }

  /** One poll: exported through the poller; returns whether to poll fast or stop. */
  async pollOnce(): Promise<PollOutcome> {
    const deployment = await this.opts.api.getDeployment(this.opts.deploymentId);
    let targets: DeploymentTarget[];
    try {
      targets = await this.targets();
    } catch (err) {
      // Targets may not exist yet (Created/Queued); keep the last ones rather than fail the poll.
      if (deployment.status === 'Created' || deployment.status === 'Queued') targets = [];
      else if (this.lastTargets.length) targets = this.lastTargets;
      else throw err;
    }
    const config = await this.config(deployment.deploymentConfigName);
    const pending = finalOutcome(deployment) ? undefined : await this.pendingHooks(deployment);
    const now = this.clock.now();
    this.history = accumulate(this.history, deployment, targets, now);
    this.lastDeployment = deployment;
    this.lastTargets = targets;
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
    const outcome = finalOutcome(deployment);
    if (outcome) {
      this.finished = true;
      this.opts.onFinal?.(deployment, outcome, this.sawItRun);
      return { final: true, shifting: false };
    }
    this.sawItRun = true;
    const g = state.traffic?.green;
    const shifting =
      (g !== undefined && g > 0 && g < 100) ||
      state.countdowns.some((c) => c.remainingSeconds <= 15) ||
      deployment.status === 'Created' ||
      deployment.status === 'Queued';
    return { final: false, shifting };
  }

  private emit(state: MonitorViewState): void {
    this.state = state;
    this.opts.onState?.(state);
  }

  async stopDeployment(rollback: boolean): Promise<string> {
    const r = await this.opts.api.stopDeployment(this.opts.deploymentId, rollback);
    this.refresh();
    return r.statusMessage ?? r.status ?? 'Stop requested.';
  }

  /** Reports a waiting hook's outcome as its function would (local endpoint, manual hook mode). */
  async reportHook(executionId: string, status: 'Succeeded' | 'Failed'): Promise<void> {
    const put = this.opts.api.putLifecycleEventHookExecutionStatus;
    if (!put) throw new Error('This connection cannot report hook status.');
    await put.call(this.opts.api, this.opts.deploymentId, executionId, status);
    this.refresh();
  }

  async continueDeployment(): Promise<void> {
    const wait = this.state?.buttons.continue.waitType;
    await this.opts.api.continueDeployment(this.opts.deploymentId, wait);
    this.refresh();
  }
}
