/**
 * One webview panel per deployment. The page only renders the view state it is posted and sends
 * back button clicks; it never talks to AWS. Strict CSP: nothing by default, scripts only with
 * the nonce, styles only from the extension's media folder, no remote content.
 */
import * as vscode from 'vscode';
import { diffMonitorState, isEmptyDiff, packForWire } from './diff';
import { makeNonce, monitorHtml, parseWebviewMessage, type WebviewMessage } from './html';
import type { MonitorViewState } from './model';

export type { WebviewMessage };

export const MONITOR_VIEW_TYPE = 'codedeploy.monitor';

export class MonitorPanel implements vscode.Disposable {
  private lastState: MonitorViewState | undefined;
  /** The state the webview holds (after the full state and the diffs sent since); undefined until it has one. */
  private shownState: MonitorViewState | undefined;
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidClose = this.closed.event;

  static create(extensionUri: vscode.Uri, deploymentId: string, onMessage: (m: WebviewMessage) => void): MonitorPanel {
    const panel = vscode.window.createWebviewPanel(
      MONITOR_VIEW_TYPE,
      `Deployment ${deploymentId}`,
      vscode.ViewColumn.Active,
      {},
    );
    return new MonitorPanel(panel, extensionUri, deploymentId, onMessage);
  }

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    readonly deploymentId: string,
    onMessage: (m: WebviewMessage) => void,
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'media', 'monitor');
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [media] };
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'codedeploy.svg');
    panel.webview.html = monitorHtml({
      cspSource: panel.webview.cspSource,
      nonce: makeNonce(),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'monitor.js')).toString(),
      diffScriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'diff.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'monitor.css')).toString(),
      deploymentId,
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw) => {
        const m = parseWebviewMessage(raw);
        if (!m) return;
        if (m.type === 'ready') {
          // A (re)loaded page has nothing: it gets the whole state, then diffs.
          this.ready = true;
          this.shownState = undefined;
          if (this.lastState) this.send(this.lastState);
          return;
        }
        onMessage(m);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Sends the state (kept for a webview that is not ready yet, and for tests). */
  post(state: MonitorViewState): void {
    this.lastState = state;
    this.panel.title = `${state.final ? '' : '● '}Deployment ${state.deploymentId}: ${state.status}`;
    if (this.ready && !this.disposed) this.send(state);
  }

  /** The whole state the first time, afterwards only what changed (nothing when nothing did). */
  private send(state: MonitorViewState): void {
    const prev = this.shownState;
    this.shownState = state;
    if (!prev || prev.deploymentId !== state.deploymentId) {
      void this.panel.webview.postMessage({ type: 'state', state: packForWire(state) });
      return;
    }
    const diff = diffMonitorState(prev, state);
    if (!isEmptyDiff(diff)) void this.panel.webview.postMessage({ type: 'diff', diff: packForWire(diff) });
  }

  get state(): MonitorViewState | undefined {
    return this.lastState;
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    this.closed.fire();
    this.closed.dispose();
  }
}
