/**
 * A deployment group's deployments as the explorer pages them: the first page when the group is expanded,
 * one more page per "Load more…" (only the new IDs are fetched), and on a live refresh only what can have
 * changed (the first page for new deployments, and the deployments that have not ended). Filters go to
 * ListDeployments (includeOnlyStatuses, createTimeRange). No vscode here.
 */
import type { DeploymentInfo, DeploymentListFilter, DeploymentStatus } from '../aws/api';
import { escapeMarkdown, isFinalStatus } from './format';
import type { ExplorerApi, NodeDescriptor } from './types';

export const TIME_WINDOWS = {
  '1h': { label: 'last hour', ms: 3_600_000 },
  '24h': { label: 'last 24 hours', ms: 86_400_000 },
  '7d': { label: 'last 7 days', ms: 7 * 86_400_000 },
  '30d': { label: 'last 30 days', ms: 30 * 86_400_000 },
} as const;
export type TimeWindow = keyof typeof TIME_WINDOWS;

export const FILTER_STATUSES: readonly DeploymentStatus[] = [
  'Created',
  'Queued',
  'InProgress',
  'Baking',
  'Ready',
  'Succeeded',
  'Failed',
  'Stopped',
];

/** What the user chose for a group: statuses (any when empty) and a time window (any when absent). */
export interface DeploymentFilter {
  statuses?: DeploymentStatus[];
  window?: TimeWindow;
}

export function isEmptyFilter(f: DeploymentFilter | undefined): boolean {
  return !f || (!f.statuses?.length && !f.window);
}

/** "Failed, Stopped · last 7 days" (empty for no filter). */
export function filterLabel(f: DeploymentFilter | undefined): string {
  if (!f) return '';
  return [f.statuses?.length ? f.statuses.join(', ') : '', f.window ? TIME_WINDOWS[f.window].label : '']
    .filter(Boolean)
    .join(' · ');
}

/** The ListDeployments filter, with the window's start fixed at `now` (a page token stays valid while paging). */
export function listFilter(f: DeploymentFilter | undefined, now: number): DeploymentListFilter | undefined {
  if (isEmptyFilter(f)) return undefined;
  return {
    ...(f?.statuses?.length ? { statuses: [...f.statuses] } : {}),
    ...(f?.window ? { since: new Date(now - TIME_WINDOWS[f.window].ms) } : {}),
  };
}

export interface DeploymentListView {
  deployments: DeploymentInfo[];
  nextToken?: string;
}

type ListApi = Pick<ExplorerApi, 'listDeployments' | 'batchGetDeployments'>;

export class GroupDeploymentList {
  private ids: string[] = [];
  private readonly infos = new Map<string, DeploymentInfo>();
  private nextToken: string | undefined;
  private loaded = false;
  private wantMore = false;
  private apiFilter: DeploymentListFilter | undefined;

  constructor(
    readonly application: string,
    readonly group: string,
    readonly filter: DeploymentFilter | undefined = undefined,
  ) {}

  /** The next `current()` fetches one more page. */
  requestMore(): void {
    this.wantMore = true;
  }

  /** What to show now, fetching as little as possible. Throws what the API throws. */
  async current(api: ListApi, now: number): Promise<DeploymentListView> {
    if (!this.loaded) await this.first(api, now);
    else if (this.wantMore && this.nextToken) await this.more(api);
    else await this.refresh(api, now);
    this.wantMore = false;
    return { deployments: this.ids.map((id) => this.infos.get(id)!).filter(Boolean), nextToken: this.nextToken };
  }

  private page(api: ListApi, token?: string) {
    return api.listDeployments(this.application, this.group, token, this.apiFilter);
  }

  private async first(api: ListApi, now: number): Promise<void> {
    this.apiFilter = listFilter(this.filter, now);
    const page = await this.page(api);
    const infos = page.deploymentIds.length ? await api.batchGetDeployments(page.deploymentIds) : [];
    this.ids = [];
    this.infos.clear();
    this.add(page.deploymentIds, infos, 'end');
    this.nextToken = page.nextToken;
    this.loaded = true;
  }

  private async more(api: ListApi): Promise<void> {
    const page = await this.page(api, this.nextToken);
    // Offsets may have moved since the last page (new deployments): skip what is already shown.
    const fresh = page.deploymentIds.filter((id) => !this.infos.has(id));
    if (fresh.length) this.add(fresh, await api.batchGetDeployments(fresh), 'end');
    this.nextToken = page.nextToken;
  }

  private async refresh(api: ListApi, now: number): Promise<void> {
    const page = await this.page(api);
    const fresh = page.deploymentIds.filter((id) => !this.infos.has(id));
    if (this.ids.length && fresh.length === page.deploymentIds.length && page.nextToken) {
      // More new deployments than a page: start over rather than leave a gap.
      await this.first(api, now);
      return;
    }
    const active = this.ids.filter((id) => !isFinalStatus(this.infos.get(id)?.status));
    const wanted = [...fresh, ...active];
    const infos = wanted.length ? await api.batchGetDeployments(wanted) : [];
    for (const d of infos) if (d.deploymentId && this.infos.has(d.deploymentId)) this.infos.set(d.deploymentId, d);
    this.add(
      fresh,
      infos.filter((d) => fresh.includes(d.deploymentId ?? '')),
      'start',
    );
    if (!this.ids.length) this.nextToken = page.nextToken;
    // A deployment whose status left the filter's statuses no longer belongs in the list.
    const statuses = this.apiFilter?.statuses;
    if (statuses) this.ids = this.ids.filter((id) => statuses.includes(this.infos.get(id)?.status as DeploymentStatus));
  }

  private add(ids: string[], infos: DeploymentInfo[], where: 'start' | 'end'): void {
    const got = new Map(infos.map((d) => [d.deploymentId ?? '', d]));
    const kept = ids.filter((id) => got.has(id));
    for (const id of kept) this.infos.set(id, got.get(id)!);
    this.ids = where === 'start' ? [...kept, ...this.ids] : [...this.ids, ...kept];
  }
}

const FILTER_NOTE = '\n\nDeployments shown: ';

/** A group node's description, icon, tooltip and context value with (or without) a deployment filter. */
export function groupFilterDecoration(
  node: Pick<NodeDescriptor, 'tooltip' | 'contextValue' | 'data'>,
  filter: DeploymentFilter | undefined,
): Pick<NodeDescriptor, 'description' | 'iconId' | 'tooltip' | 'contextValue'> {
  const tooltip = (node.tooltip ?? '').split(FILTER_NOTE)[0];
  const contextValue = node.contextValue.replace(/\.filtered$/, '');
  if (isEmptyFilter(filter))
    return { description: node.data.summary ?? '', iconId: 'symbol-namespace', tooltip, contextValue };
  const label = filterLabel(filter);
  return {
    description: `filter: ${label}`,
    iconId: 'filter',
    tooltip: `${tooltip}${FILTER_NOTE}${escapeMarkdown(label)}`,
    contextValue: `${contextValue}.filtered`,
  };
}
