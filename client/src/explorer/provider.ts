/**
 * The thin vscode side of the explorer: node descriptors (model.ts) → TreeItems, refreshes
 * (whole tree on a connection change, in-progress items by themselves), "Load more…" and
 * "Retry". Never throws into VS Code.
 */
import * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/manager';
import { GroupDeploymentList, isEmptyFilter, type DeploymentFilter } from './deploymentList';
import {
  errorNodes,
  groupFilterDecoration,
  keyId,
  loadChildren,
  type LoaderKey,
  type ModelOptions,
  type NodeDescriptor,
} from './model';
import { EXPLORER_STATE_KEY, explorerState, type ExplorerState } from './welcome';

const LIVE_REFRESH_MS = 5_000;

export interface SnapshotNode extends NodeDescriptor {
  childNodes?: SnapshotNode[];
}

export class ExplorerProvider implements vscode.TreeDataProvider<NodeDescriptor>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<NodeDescriptor | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The instances handed to VS Code, by id (VS Code matches refreshed elements by identity). */
  private readonly nodes = new Map<string, NodeDescriptor>();
  /** Last children per parent id ('root' for the top), for the test snapshot. */
  private readonly children = new Map<string, NodeDescriptor[]>();
  /** Per group ("app/group"): its deployments as paged so far, and the filter the user set. */
  private readonly lists = new Map<string, GroupDeploymentList>();
  private readonly filters = new Map<string, DeploymentFilter>();
  /** Counts setFilter calls, so a load that raced one is done again. */
  private filterChanges = 0;
  private readonly liveTimers = new Map<string, NodeJS.Timeout>();
  /** Expanded node ids: a live refresh of a collapsed node waits until it is expanded again. */
  private readonly expanded = new Set<string>();
  /** Live refreshes skipped while the view was hidden or the node collapsed ('root' for the top). */
  private readonly skipped = new Set<string>();
  private visible = true;
  private state: ExplorerState | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly connection: ConnectionManager,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(connection.onDidChange(() => this.refresh()));
  }

  attach(view: vscode.TreeView<NodeDescriptor>): void {
    this.visible = view.visible;
    this.disposables.push(
      view.onDidChangeVisibility((e) => {
        this.visible = e.visible;
        if (!e.visible) return;
        // Catch up on what changed while hidden: only the nodes whose live refresh was skipped.
        for (const id of [...this.skipped]) if (id === 'root' || this.expanded.has(id)) this.fireLive(id);
      }),
      view.onDidExpandElement((e) => {
        this.expanded.add(e.element.id);
        if (this.skipped.has(e.element.id) && this.visible) this.fireLive(e.element.id);
      }),
      view.onDidCollapseElement((e) => this.expanded.delete(e.element.id)),
    );
  }

  private options(): ModelOptions {
    return {
      now: Date.now(),
      consoleRegion: this.connection.consoleRegion,
      deploymentList: (app, group) => {
        const k = `${app}/${group}`;
        let list = this.lists.get(k);
        if (!list) this.lists.set(k, (list = new GroupDeploymentList(app, group, this.filters.get(k))));
        return list;
      },
      filterOf: (app, group) => this.filters.get(`${app}/${group}`),
    };
  }

  getTreeItem(node: NodeDescriptor): vscode.TreeItem {
    const state =
      node.collapsible === 'none'
        ? vscode.TreeItemCollapsibleState.None
        : node.collapsible === 'expanded'
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    if (node.tooltip) item.tooltip = new vscode.MarkdownString(node.tooltip);
    item.iconPath = new vscode.ThemeIcon(
      node.iconId,
      node.iconColor ? new vscode.ThemeColor(node.iconColor) : undefined,
    );
    item.contextValue = node.contextValue;
    if (node.command) item.command = { command: node.command.command, title: node.command.title, arguments: [node] };
    return item;
  }

  async getChildren(node?: NodeDescriptor): Promise<NodeDescriptor[]> {
    const key: LoaderKey | undefined = node ? node.children : { kind: 'applications' };
    if (!key) return [];
    if (this.connection.choice.kind === 'none') return [];
    const parentId = node?.id ?? 'root';
    // VS Code asks for children of expanded nodes only.
    if (node) this.expanded.add(node.id);
    let result: NodeDescriptor[];
    // A filter set while this load was under way: VS Code folds the refresh it asked for into this very call,
    // so the load that used the old filter is done again instead of being shown.
    const filters = this.filterChanges;
    try {
      const api = await this.connection.api();
      result = await loadChildren(api, key, this.options());
    } catch (err) {
      result = errorNodes(key, err);
    }
    if (node && key.kind === 'deployments' && this.filterChanges !== filters) return this.getChildren(node);
    for (const r of result) {
      if (r.contextValue === 'error') {
        this.log.warn(`explorer: ${r.label}`);
        if (!node) this.connection.adviseOnError(r.data.error);
      }
      this.nodes.set(r.id, r);
      if (r.collapsible === 'expanded') this.expanded.add(r.id);
    }
    if (!node) {
      // No applications, or the connection failed: the view's welcome content says so, with what to do.
      this.setState(explorerState(result, this.connection.choice));
      if (this.state !== 'ready') result = [];
    }
    this.children.set(parentId, result);
    if (result.some((r) => r.live)) this.scheduleLive(node);
    return result;
  }

  private setState(state: ExplorerState): void {
    if (state === this.state) return;
    this.state = state;
    void vscode.commands.executeCommand('setContext', EXPLORER_STATE_KEY, state);
  }

  private scheduleLive(node: NodeDescriptor | undefined): void {
    const id = node?.id ?? 'root';
    if (this.liveTimers.has(id)) return;
    const timer = setTimeout(() => {
      this.liveTimers.delete(id);
      // Nothing is fetched for a hidden view or a collapsed node: remember it and refresh when it shows again.
      if (!this.visible || (node && !this.expanded.has(id))) {
        this.skipped.add(id);
        return;
      }
      this.fireLive(id);
    }, LIVE_REFRESH_MS);
    this.liveTimers.set(id, timer);
  }

  private fireLive(id: string): void {
    this.skipped.delete(id);
    if (id === 'root') this.changed.fire(undefined);
    else {
      const node = this.nodes.get(id);
      if (node) this.changed.fire(node);
    }
  }

  /** Refreshes one node's children, or everything. */
  refresh(node?: NodeDescriptor): void {
    if (!node) {
      // While the top level loads again, no welcome content from the last load.
      this.setState('ready');
      this.nodes.clear();
      this.children.clear();
      this.lists.clear();
      this.skipped.clear();
      for (const t of this.liveTimers.values()) clearTimeout(t);
      this.liveTimers.clear();
    }
    // An explicit refresh of a group lists its deployments afresh (first page).
    const data = node?.data;
    if (node?.children?.kind === 'deployments' && data?.application && data.group)
      this.lists.delete(`${data.application}/${data.group}`);
    this.changed.fire(node ? (this.nodes.get(node.id) ?? node) : undefined);
  }

  /** Retries the loader of an error node (or of any node by its key). */
  retry(key: LoaderKey | undefined): void {
    if (!key || key.kind === 'applications') return this.refresh();
    const parent = this.nodes.get(keyId(key));
    this.refresh(parent);
  }

  /** "Load more…": one more page of deployments for the group (the pages shown are not fetched again). */
  loadMore(application: string, group: string): void {
    this.lists.get(`${application}/${group}`)?.requestMore();
    const node = this.nodes.get(`group:${application}/${group}`);
    if (node) this.changed.fire(node);
  }

  filterOf(application: string, group: string): DeploymentFilter | undefined {
    return this.filters.get(`${application}/${group}`);
  }

  /** Sets (or, with an empty filter, clears) a group's deployment filter; the group lists afresh. */
  setFilter(application: string, group: string, filter: DeploymentFilter | undefined): void {
    const k = `${application}/${group}`;
    if (isEmptyFilter(filter)) this.filters.delete(k);
    else this.filters.set(k, { ...filter });
    this.lists.delete(k);
    this.filterChanges++;
    const node = this.nodes.get(`group:${k}`);
    if (!node) return;
    // The same instance with its description updated (VS Code matches refreshed elements by identity).
    Object.assign(node, groupFilterDecoration(node, this.filters.get(k)));
    this.changed.fire(node);
  }

  /** What the tree currently shows (descriptors as loaded), for tests. */
  visibleSnapshot(): SnapshotNode[] {
    const build = (id: string): SnapshotNode[] | undefined =>
      this.children.get(id)?.map((n) => ({ ...n, childNodes: build(n.id) }));
    return build('root') ?? [];
  }

  /** Loads the tree afresh down to `depth` levels (1 = applications only), for tests. */
  async loadSnapshot(depth: number): Promise<SnapshotNode[]> {
    if (this.connection.choice.kind === 'none') return [];
    const api = await this.connection.api();
    const opts = this.options();
    const load = async (key: LoaderKey, level: number): Promise<SnapshotNode[]> => {
      const nodes = await loadChildren(api, key, opts);
      const out: SnapshotNode[] = [];
      for (const n of nodes) {
        out.push({ ...n, childNodes: n.children && level < depth ? await load(n.children, level + 1) : undefined });
      }
      return out;
    };
    return load({ kind: 'applications' }, 1);
  }

  dispose(): void {
    for (const t of this.liveTimers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}
