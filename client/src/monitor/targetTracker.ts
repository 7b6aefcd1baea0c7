/**
 * The targets of one deployment, kept up to date within a budget of API calls per poll. It asks
 * for what changed first (ListDeploymentTargets filtered by status, when the deployment's overview
 * says failures or starts happened that it has not seen), fetches details in chunks of 25 and only
 * for targets whose status can still change, and lists the remaining ids a few pages per poll. A
 * 4-instance deployment is fully known after one poll; a 2,000-instance one converges over several
 * polls while the overview's counts stay exact.
 */
import type { CodeDeployApi, DeploymentInfo, DeploymentTarget } from '../aws/api';

export type TrackerApi = Pick<CodeDeployApi, 'listDeploymentTargets' | 'batchGetDeploymentTargets'> &
  Partial<Pick<CodeDeployApi, 'listDeploymentTargetsPage'>>;

/** BatchGetDeploymentTargets takes at most 25 ids. */
export const TARGET_CHUNK = 25;
/** Target statuses that never change again. */
const SETTLED = new Set(['Succeeded', 'Failed', 'Skipped']);

export function trackedId(t: DeploymentTarget): string {
  return (
    t.instanceTarget?.targetId ??
    t.lambdaTarget?.targetId ??
    t.ecsTarget?.targetId ??
    t.cloudFormationTarget?.targetId ??
    ''
  );
}

export function trackedStatus(t: DeploymentTarget): string {
  return (
    t.instanceTarget?.status ??
    t.lambdaTarget?.status ??
    t.ecsTarget?.status ??
    t.cloudFormationTarget?.status ??
    'Unknown'
  );
}

/** A filtered listing that pages through its results across polls and starts over at the end. */
class RotatingList {
  private token: string | undefined;
  constructor(private readonly statuses: string[]) {}

  async next(api: TrackerApi, deploymentId: string): Promise<string[]> {
    const page = await api.listDeploymentTargetsPage!(deploymentId, {
      statuses: this.statuses,
      nextToken: this.token,
    });
    this.token = page.nextToken;
    return page.targetIds;
  }
}

export class TargetTracker {
  private readonly known = new Map<string, DeploymentTarget>();
  /** Every target id, in listing order (complete once `listed`). */
  private readonly ids: string[] = [];
  private readonly idSet = new Set<string>();
  private listToken: string | undefined;
  private listed = false;
  private cursor = 0;
  private readonly failed = new RotatingList(['Failed']);
  private readonly running = new RotatingList(['InProgress']);

  constructor(
    private readonly api: TrackerApi,
    private readonly deploymentId: string,
  ) {}

  /** Targets known so far (details as last fetched), in listing order. */
  get targets(): DeploymentTarget[] {
    const out: DeploymentTarget[] = [];
    for (const id of this.ids) {
      const t = this.known.get(id);
      if (t) out.push(t);
    }
    return out;
  }

  /** Every target is listed, fetched and in a status that cannot change. */
  get settled(): boolean {
    if (!this.listed || this.known.size < this.ids.length) return false;
    for (const t of this.known.values()) if (!SETTLED.has(trackedStatus(t))) return false;
    return true;
  }

  private count(status: string): number {
    let n = 0;
    for (const t of this.known.values()) if (trackedStatus(t) === status) n++;
    return n;
  }

  private addIds(ids: string[]): void {
    for (const id of ids)
      if (!this.idSet.has(id)) {
        this.idSet.add(id);
        this.ids.push(id);
      }
  }

  /**
   * One round of updates using at most `budget` calls (at least 1); returns the calls made. The
   * deployment read just before tells what changed (its overview counts).
   */
  async refresh(deployment: DeploymentInfo, budget: number): Promise<number> {
    const api = this.api;
    const id = this.deploymentId;
    let calls = 0;
    if (!api.listDeploymentTargetsPage) {
      // Without page-level listing (test doubles): one full listing, then details within the budget.
      if (!this.listed) {
        this.addIds(await api.listDeploymentTargets(id));
        this.listed = true;
        calls++;
      }
      return calls + (await this.fetch(new Set(), deployment, Math.max(1, budget - calls)));
    }
    const o = deployment.deploymentOverview ?? {};
    const dirty = new Set<string>();
    const learn = (ids: string[], status: string) => {
      this.addIds(ids);
      for (const t of ids) if (trackedStatus(this.known.get(t) ?? {}) !== status) dirty.add(t);
    };
    // What changed first: failures, then starts, that the known details do not show yet.
    if ((o.Failed ?? 0) > this.count('Failed') && calls < budget - 1) {
      learn(await this.failed.next(api, id), 'Failed');
      calls++;
    }
    if ((o.InProgress ?? 0) > 0 && (o.InProgress ?? 0) !== this.count('InProgress') && calls < budget - 1) {
      learn(await this.running.next(api, id), 'InProgress');
      calls++;
    }
    // The rest of the ids, page by page, while the details still to fetch would not fill the calls left.
    const unfetched = () => this.ids.length - this.known.size;
    for (let first = true; !this.listed && calls < budget; first = false) {
      if (!first && (calls >= budget - 1 || unfetched() >= (budget - calls - 1) * TARGET_CHUNK)) break;
      const page = await api.listDeploymentTargetsPage(id, { nextToken: this.listToken });
      this.addIds(page.targetIds);
      this.listToken = page.nextToken;
      this.listed = !page.nextToken;
      calls++;
    }
    return calls + (await this.fetch(dirty, deployment, Math.max(1, budget - calls)));
  }

  /** Fetches details, most useful first, in at most `budget` BatchGetDeploymentTargets calls. */
  private async fetch(dirty: Set<string>, deployment: DeploymentInfo, budget: number): Promise<number> {
    const o = deployment.deploymentOverview;
    const want = new Set<string>(dirty);
    const max = budget * TARGET_CHUNK;
    for (const id of this.ids) {
      if (want.size >= max) break;
      if (!this.known.has(id)) want.add(id);
    }
    // Targets that can still change, round-robin so that every one is refreshed in turn. Pending and
    // Ready ones only when the overview shows that some of them moved on.
    const pendingMoved = !o || (o.Pending ?? 0) < this.count('Pending');
    const readyMoved = !o || (o.Ready ?? 0) < this.count('Ready');
    const open = this.ids.filter((tid) => {
      const t = this.known.get(tid);
      if (!t) return false;
      const s = trackedStatus(t);
      if (SETTLED.has(s)) return false;
      if (s === 'Pending') return pendingMoved;
      if (s === 'Ready') return readyMoved;
      return true;
    });
    let taken = 0;
    while (taken < open.length && want.size < max) want.add(open[(this.cursor + taken++) % open.length]);
    if (open.length) this.cursor = (this.cursor + taken) % open.length;
    if (!want.size) return 0;
    const list = [...want];
    let calls = 0;
    for (let i = 0; i < list.length; i += TARGET_CHUNK) {
      const got = await this.api.batchGetDeploymentTargets(this.deploymentId, list.slice(i, i + TARGET_CHUNK));
      calls++;
      for (const t of got) {
        const tid = trackedId(t);
        if (!tid) continue;
        this.addIds([tid]);
        this.known.set(tid, t);
      }
    }
    return calls;
  }
}
