/**
 * The CodeDeploy service behind the local endpoint: builds the account (loaded and migrated, or
 * new and seeded), the deployment engine on top of it, and the table of operations the HTTP
 * layer dispatches to. One module per resource implements the operations (`ops/`); they share
 * the account and the engine, never each other's internals.
 */
import { Account } from './account';
import { accessPolicy } from './compute/access';
import { ComputeResources } from './compute/resources';
import type { ComputeEndpoint } from './compute/router';
import { seedCompute } from './compute/seed';
import { DeploymentEngine } from './deployments';
import { fail, ServiceError } from './errors';
import { migrateState } from './migrate';
import { applicationOperations } from './ops/applications';
import { configOperations } from './ops/configs';
import type { Handler, Operations, OpsContext } from './ops/context';
import { deploymentOperations } from './ops/deployments';
import { externalOperations } from './ops/external';
import { groupOperations } from './ops/groups';
import { hookOperations, pendingHookExecutions } from './ops/hooks';
import { onPremisesOperations } from './ops/onPremises';
import { revisionOperations } from './ops/revisions';
import { tagOperations } from './ops/tags';
import { targetOperations } from './ops/targets';
import type { LocalS3 } from './s3';
import { seedAccount } from './seed';
import { seedScale, type ScaleOptions } from './scaleSeed';
import { throttled, type Throttle } from './throttle';
import type { Clock } from './simulator';
import type { Store } from './store';
import type { HookMode, State } from './types';

export type { Handler } from './ops/context';

export interface ServiceOptions {
  store: Store;
  clock: Clock;
  timeScale: number;
  region?: string;
  /** Where S3 revisions are read from (the local S3 store). */
  s3?: LocalS3;
  /** Skip the demo applications (tests that want an empty account). Predefined configs are always there. */
  seed?: boolean;
  /** How Lambda/ECS hook functions are answered by default (`auto`, the default, or `manual`). */
  hookMode?: HookMode;
  /** Lambda/ECS/ELB actions the caller is refused (`lambda:GetAlias`, …): the simulated missing IAM permission. */
  deniedActions?: readonly string[];
  /** A large account on top (`--fleet/--history/--apps`): each part added once. */
  scale?: ScaleOptions;
  /** Per-operation request rates (`--throttle`): over the rate, ThrottlingException. */
  throttle?: Throttle;
}

/** A save slower than this is spaced out (see sync). */
const SLOW_SAVE_MS = 25;

/** The local-only routes under `/_local/` (GET), answered with JSON. */
export const LOCAL_ROUTE_PREFIX = '/_local/';

export class CodeDeployService {
  readonly account: Account;
  readonly engine: DeploymentEngine;
  hookMode: HookMode;
  /** The simulated Lambda, ECS and ELB reads on the same port. */
  readonly compute: ComputeEndpoint;
  private readonly ops: Operations;
  private savePending = false;
  private nextSaveAt = 0;

  constructor(private readonly opts: ServiceOptions) {
    const region = opts.region ?? 'us-east-1';
    this.hookMode = opts.hookMode ?? 'auto';
    const loaded = opts.store.load();
    this.account = loaded
      ? new Account(migrateState(loaded), opts.clock, region, opts.s3)
      : Account.create(opts.clock, region, opts.s3);
    this.engine = new DeploymentEngine(this.account, opts.timeScale, () => this.hookMode);
    if (!loaded && opts.seed !== false) seedAccount(this.account, this.engine, opts.clock.now());
    // A demo account saved before Lambda/ECS were simulated gets its functions and services now.
    if (loaded && !this.account.state.compute && this.account.findApp('orders-api-lambda'))
      seedCompute(this.account, opts.clock.now());
    if (opts.scale) seedScale(this.account, this.engine, opts.clock.now(), opts.scale);
    this.compute = {
      resources: new ComputeResources(this.account),
      policy: accessPolicy(opts.deniedActions),
      sync: () => this.sync(),
    };
    this.account.markDirty(); // the first sync writes the new or migrated state
    const ctx: OpsContext = { account: this.account, engine: this.engine };
    this.ops = {
      ...applicationOperations(ctx),
      ...groupOperations(ctx),
      ...configOperations(ctx),
      ...revisionOperations(ctx),
      ...onPremisesOperations(ctx),
      ...deploymentOperations(ctx),
      ...targetOperations(ctx),
      ...hookOperations(ctx),
      ...tagOperations(ctx),
      ...externalOperations(ctx),
    };
    this.sync();
  }

  get state(): State {
    return this.account.state;
  }

  /**
   * Advances every running deployment to the clock's now and saves when anything changed. A state
   * whose save takes long (a seeded fleet or history of many megabytes) is saved at most about a
   * tenth of the time, the rest on a later sync; `force` (stopping) saves what is pending now.
   */
  sync(force = false): void {
    const changed = this.engine.advanceAll(this.opts.clock.now());
    if (this.account.takeDirty() || changed) this.savePending = true;
    if (!this.savePending || (!force && performance.now() < this.nextSaveAt)) return;
    const started = performance.now();
    this.opts.store.save(this.account.state);
    this.savePending = false;
    const took = performance.now() - started;
    this.nextSaveAt = took > SLOW_SAVE_MS ? performance.now() + took * 9 : 0;
  }

  /** The table of operations the HTTP layer dispatches to (a null-prototype object: only real operations). */
  operations(): Record<string, Handler> {
    return throttled(Object.assign(Object.create(null) as Record<string, Handler>, this.ops), this.opts.throttle);
  }

  /**
   * A local-only GET route (`/_local/hook-executions[?deploymentId=d-…]`), or undefined for any
   * other path. Errors come back as `{ __type, message }` like the API's.
   */
  localRoute(url: string): { status: number; body: unknown } | undefined {
    const parsed = new URL(url, 'http://127.0.0.1');
    if (parsed.pathname !== `${LOCAL_ROUTE_PREFIX}hook-executions`) return undefined;
    try {
      this.sync();
      const id = parsed.searchParams.get('deploymentId');
      if (id === '') fail('DeploymentIdRequiredException', 'At least one deployment ID must be specified.');
      const executions = pendingHookExecutions({ account: this.account, engine: this.engine }, id ?? undefined);
      return { status: 200, body: { executions } };
    } catch (err) {
      if (err instanceof ServiceError)
        return { status: err.httpStatus, body: { __type: err.type, message: err.message } };
      throw err;
    }
  }
}
