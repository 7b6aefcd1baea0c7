/**
 * Watches one deployment without any UI: polls the API, accumulates history, builds the view
 * state and reports it. The vscode side (manager.ts) forwards the state to a panel and the
 * end to a notification. No vscode here, so tests drive it against the local endpoint.
 */
import type { CodeDeployApi, DeploymentConfigInfo, DeploymentInfo, DeploymentTarget } from '../aws/api';
import {
  accumulate,
  buildViewState,
  EMPTY_HISTORY,
  finalOutcome,
  type MonitorHistory,
  type MonitorViewState,
} from './model';
import { Poller, realClock, type Clock, type PollerIntervals, type PollOutcome } from './poller';

export type SessionApi = Pick<
  CodeDeployApi,
  | 'getDeployment'
  | 'listDeploymentTargets'
  | 'batchGetDeploymentTargets'
  | 'getDeploymentConfig'
  | 'stopDeployment'
  | 'continueDeployment'
>;

export interface SessionOptions {
  api: SessionApi;
  deploymentId: string;
  clock?: Clock;
  intervals?: PollerIntervals;
  timeScale?: number;
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
    const now = this.clock.now();
    this.history = accumulate(this.history, deployment, targets, now);
    this.lastDeployment = deployment;
    this.lastTargets = targets;
    this.lastError = undefined;
    const state = buildViewState({
      deployment,
      targets,
      config,
      history: this.history,
      now,
      timeScale: this.opts.timeScale,
    });
    this.emit(state);
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

  async continueDeployment(): Promise<void> {
    const wait = this.state?.buttons.continue.waitType;
    await this.opts.api.continueDeployment(this.opts.deploymentId, wait);
    this.refresh();
  }
}
