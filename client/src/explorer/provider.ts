/**
 * The thin vscode side of the explorer: node descriptors (model.ts) → TreeItems, refreshes
 * (whole tree on a connection change, in-progress items by themselves), "Load more…" and
 * "Retry". Never throws into VS Code.
 */
import * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/manager';
import { errorNodes, keyId, loadChildren, type LoaderKey, type ModelOptions, type NodeDescriptor } from './model';
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
  private readonly pages = new Map<string, number>();
  private readonly liveTimers = new Map<string, NodeJS.Timeout>();
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
    this.disposables.push(
      view.onDidChangeVisibility((e) => {
        this.visible = e.visible;
        if (e.visible && this.liveTimers.size === 0) this.refresh();
      }),
    );
  }

  private options(): ModelOptions {
    return {
      now: Date.now(),
      consoleRegion: this.connection.consoleRegion,
      pages: (app, group) => this.pages.get(`${app}/${group}`) ?? 1,
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
    let result: NodeDescriptor[];
    try {
      const api = await this.connection.api();
      result = await loadChildren(api, key, this.options());
    } catch (err) {
      result = errorNodes(key, err);
    }
    for (const r of result) {
      if (r.contextValue === 'error') {
        this.log.warn(`explorer: ${r.label}`);
        if (!node) this.connection.adviseOnError(r.data.error);
      }
      this.nodes.set(r.id, r);
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
      if (!this.visible) return;
      this.changed.fire(node ? (this.nodes.get(node.id) ?? node) : undefined);
    }, LIVE_REFRESH_MS);
    this.liveTimers.set(id, timer);
  }

  /** Refreshes one node's children, or everything. */
  refresh(node?: NodeDescriptor): void {
    if (!node) {
      // While the top level loads again, no welcome content from the last load.
      this.setState('ready');
      this.nodes.clear();
      this.children.clear();
      for (const t of this.liveTimers.values()) clearTimeout(t);
      this.liveTimers.clear();
    }
    this.changed.fire(node ? (this.nodes.get(node.id) ?? node) : undefined);
  }

  /** Retries the loader of an error node (or of any node by its key). */
  retry(key: LoaderKey | undefined): void {
    if (!key || key.kind === 'applications') return this.refresh();
    const parent = this.nodes.get(keyId(key));
    this.refresh(parent);
  }

  /** "Load more…": one more page of deployments for the group. */
  loadMore(application: string, group: string): void {
    const k = `${application}/${group}`;
    this.pages.set(k, (this.pages.get(k) ?? 1) + 1);
    this.refresh(this.nodes.get(`group:${application}/${group}`));
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
