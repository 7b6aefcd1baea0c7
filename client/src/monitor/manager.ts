/**
 * The vscode side of watching deployments: a session per deployment, its panel, a status bar
 * item while any runs, the end-of-deployment notification, resuming after a window reload, and
 * opening the AppSpec at a failed hook.
 */
import * as vscode from 'vscode';
import type { CodeDeployApi } from '../aws/api';
import type { ConnectionManager } from '../connection/manager';
import type { DeployMemory } from '../deploy/memory';
import { findHookLine } from './hookLocator';
import type { MonitorViewState } from './model';
import { MONITOR_VIEW_TYPE, MonitorPanel, type WebviewMessage } from './panel';
import { MonitorSession } from './session';

interface Watched {
  session: MonitorSession;
  panel?: MonitorPanel;
  connection: string;
  /** Other views of the deployment sharing this session's poller (see subscribe). */
  subscribers: number;
}

export class MonitorManager implements vscode.Disposable {
  private readonly watched = new Map<string, Watched>();
  private readonly statusItem: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly ended = new vscode.EventEmitter<string>();
  /** Fires with a deployment id when it reaches a final status (the explorer refreshes). */
  readonly onDidEnd = this.ended.event;

  constructor(
    private readonly extension: vscode.ExtensionContext,
    private readonly connection: ConnectionManager,
    private readonly memory: DeployMemory,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.statusItem = vscode.window.createStatusBarItem(
      'codedeploy.activeDeployments',
      vscode.StatusBarAlignment.Left,
      50,
    );
    this.statusItem.name = 'CodeDeploy Deployments';
    this.disposables.push(
      this.statusItem,
      vscode.window.registerWebviewPanelSerializer(MONITOR_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const id =
            state && typeof state === 'object' ? (state as { deploymentId?: unknown }).deploymentId : undefined;
          if (typeof id !== 'string' || this.connection.choice.kind === 'none') {
            panel.dispose();
            return;
          }
          await this.open(id, { existingPanel: panel });
        },
      }),
    );
  }

  /** Starts (or reveals) the monitor of a deployment. */
  async open(
    deploymentId: string,
    opts: { api?: CodeDeployApi; existingPanel?: vscode.WebviewPanel; background?: boolean } = {},
  ): Promise<void> {
    let w = this.watched.get(deploymentId);
    if (!w) {
      const api = opts.api ?? (await this.connection.api());
      const connection = this.connection.key;
      const session: MonitorSession = new MonitorSession({
        api,
        deploymentId,
        timeScale: this.connection.timeScale,
        localAppSpecText: () => this.deployedFromText(deploymentId),
        onState: (state) => {
          this.watched.get(deploymentId)?.panel?.post(state);
          this.updateStatus();
        },
        onFinal: (_d, outcome, sawItRun) => {
          void this.memory.unwatch(deploymentId);
          this.updateStatus();
          // Opening an old deployment is not news; one that ended while we watched (or while the
          // window was reloading) is.
          if (!sawItRun && !opts.background) return;
          this.log.info(`deployment ${deploymentId}: ${outcome.text}`);
          this.ended.fire(deploymentId);
          const show =
            outcome.kind === 'succeeded'
              ? vscode.window.showInformationMessage
              : outcome.kind === 'stopped'
                ? vscode.window.showWarningMessage
                : vscode.window.showErrorMessage;
          // A rolled-back deployment's news is the rollback: Show opens that one.
          const target = outcome.rollbackId ?? deploymentId;
          const action = outcome.rollbackId ? 'Show Rollback' : 'Show';
          void show(outcome.text, action).then((choice) => {
            if (choice === action) void this.open(target);
          });
        },
        onError: (err) => this.log.warn(`monitor ${deploymentId}: ${(err as Error).message ?? err}`),
      });
      w = { session, connection, subscribers: 0 };
      this.watched.set(deploymentId, w);
      await this.memory.watch(deploymentId, connection);
      session.start();
    } else if (!w.session.running && !opts.background) {
      // A finished session: poll once more so the panel shows fresh data.
      w.session.refresh();
    }
    if (opts.background) return;
    if (!w.panel) {
      const onMessage = (m: WebviewMessage) => void this.onMessage(deploymentId, m);
      const panel = opts.existingPanel
        ? new MonitorPanel(opts.existingPanel, this.extension.extensionUri, deploymentId, onMessage)
        : MonitorPanel.create(this.extension.extensionUri, deploymentId, onMessage);
      w.panel = panel;
      panel.onDidClose(() => {
        const cur = this.watched.get(deploymentId);
        if (cur) cur.panel = undefined;
        this.releaseIfUnused(deploymentId);
      });
      if (w.session.state) panel.post(w.session.state);
    } else {
      w.panel.reveal();
    }
  }

  /**
   * Another view of a deployment (the explorer's node, a second monitor): it gets every state of the
   * one session that watches the deployment, so one poller serves them all. Dispose to stop listening.
   */
  async subscribe(deploymentId: string, listener: (state: MonitorViewState) => void): Promise<vscode.Disposable> {
    await this.open(deploymentId, { background: true });
    const w = this.watched.get(deploymentId);
    if (!w) return new vscode.Disposable(() => undefined);
    const off = w.session.subscribe(listener);
    w.subscribers++;
    let done = false;
    return new vscode.Disposable(() => {
      if (done) return;
      done = true;
      off();
      w.subscribers--;
      this.releaseIfUnused(deploymentId);
    });
  }

  /** Forgets a session nobody shows once its deployment is over (its poller stops with it). */
  private releaseIfUnused(deploymentId: string): void {
    const w = this.watched.get(deploymentId);
    if (!w || w.panel || w.subscribers > 0 || w.session.running) return;
    w.session.stop();
    this.watched.delete(deploymentId);
  }

  /** Re-attaches to deployments that were being watched before a window reload. */
  async resume(): Promise<void> {
    const key = this.connection.key;
    for (const entry of this.memory.watching()) {
      if (entry.connection !== key || this.watched.has(entry.deploymentId)) continue;
      try {
        await this.open(entry.deploymentId, { background: true });
      } catch (err) {
        this.log.warn(`could not resume watching ${entry.deploymentId}: ${(err as Error).message}`);
      }
    }
  }

  session(deploymentId: string): MonitorSession | undefined {
    return this.watched.get(deploymentId)?.session;
  }

  /** Last state posted (or built) per deployment, for tests. */
  states(): Record<string, MonitorViewState | undefined> {
    const out: Record<string, MonitorViewState | undefined> = {};
    for (const [id, w] of this.watched) out[id] = w.panel?.state ?? w.session.state;
    return out;
  }

  private async onMessage(deploymentId: string, m: WebviewMessage): Promise<void> {
    const w = this.watched.get(deploymentId);
    if (!w) return;
    try {
      switch (m.type) {
        case 'stop':
        case 'stopAndRollback':
          await vscode.commands.executeCommand(
            m.type === 'stop' ? 'codedeploy.stopDeployment' : 'codedeploy.stopAndRollback',
            { data: { deploymentId } },
          );
          break;
        case 'continue':
          await vscode.commands.executeCommand('codedeploy.continueDeployment', { data: { deploymentId } });
          break;
        case 'refresh':
          w.session.refresh();
          break;
        case 'openHook':
          await this.openHook(deploymentId, m.event);
          break;
        case 'openDeployment':
          await this.open(m.deploymentId);
          break;
        case 'reportHook':
          await this.reportHook(deploymentId, m.executionId, m.status);
          break;
      }
    } catch (err) {
      void vscode.window.showErrorMessage(`CodeDeploy: ${(err as Error).message ?? err}`);
    }
  }

  /** The text of the workspace AppSpec a deployment was made from, when known and readable. */
  private async deployedFromText(deploymentId: string): Promise<string | undefined> {
    const from = this.memory.deployedFrom(deploymentId);
    if (!from) return undefined;
    try {
      return (await vscode.workspace.openTextDocument(vscode.Uri.parse(from.uri))).getText();
    } catch {
      return undefined;
    }
  }

  /** Reports a waiting Lambda/ECS hook's outcome (local endpoint), as the hook function would. */
  async reportHook(deploymentId: string, executionId: string, status: 'Succeeded' | 'Failed'): Promise<void> {
    const session = this.watched.get(deploymentId)?.session;
    const api = await this.connection.api();
    if (session) await session.reportHook(executionId, status);
    else if (api.putLifecycleEventHookExecutionStatus)
      await api.putLifecycleEventHookExecutionStatus(deploymentId, executionId, status);
    else throw new Error('This connection cannot report hook status.');
    this.log.info(`deployment ${deploymentId}: reported hook execution ${executionId} as ${status}`);
  }

  /** Opens the AppSpec the deployment came from at the hook's key (or searches the workspace's AppSpecs). */
  async openHook(deploymentId: string, hook: string): Promise<boolean> {
    const candidates: vscode.Uri[] = [];
    const from = this.memory.deployedFrom(deploymentId);
    if (from) candidates.push(vscode.Uri.parse(from.uri));
    const found = await vscode.workspace.findFiles('**/appspec.{yml,yaml,json}', '**/node_modules/**', 50);
    for (const f of found) if (!candidates.some((c) => c.toString() === f.toString())) candidates.push(f);
    for (const uri of candidates) {
      try {
        const doc = await vscode.workspace.openTextDocument(uri);
        const at = findHookLine(doc.getText(), hook);
        if (!at) continue;
        const pos = new vscode.Position(at.line, at.character);
        // Where the AppSpec is already shown, else in the active editor group (a new tab).
        const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === doc.uri.toString());
        await vscode.window.showTextDocument(doc, {
          viewColumn: shown?.viewColumn,
          selection: new vscode.Range(pos, pos.translate(0, hook.length)),
          preview: false,
        });
        return true;
      } catch {
        // unreadable candidate: try the next
      }
    }
    void vscode.window.showWarningMessage(`No AppSpec in this workspace has a "${hook}" hook.`);
    return false;
  }

  private updateStatus(): void {
    const running = [...this.watched.values()].filter((w) => w.session.running);
    if (!running.length) {
      this.statusItem.hide();
      return;
    }
    const first = running[0].session;
    const label = first.state ? `${first.deploymentId} ${first.state.status}` : first.deploymentId;
    this.statusItem.text =
      running.length === 1 ? `$(sync~spin) ${label}` : `$(sync~spin) ${running.length} deployments`;
    this.statusItem.tooltip = running
      .map((w) => `${w.session.deploymentId}: ${w.session.state?.status ?? '…'}`)
      .join('\n');
    this.statusItem.command = {
      command: 'codedeploy.watchDeployment',
      title: 'Watch',
      arguments: [{ data: { deploymentId: first.deploymentId } }],
    };
    this.statusItem.show();
  }

  dispose(): void {
    for (const w of this.watched.values()) {
      w.session.stop();
      w.panel?.dispose();
    }
    this.watched.clear();
    for (const d of this.disposables) d.dispose();
    this.ended.dispose();
  }
}
