/**
 * One webview panel per deployment. The page only renders the view state it is posted and sends
 * back button clicks; it never talks to AWS. Strict CSP: nothing by default, scripts only with
 * the nonce, styles only from the extension's media folder, no remote content.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { MonitorViewState } from './model';

export const MONITOR_VIEW_TYPE = 'codedeploy.monitor';

/** Messages the webview may send. Anything else is ignored. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'stop' }
  | { type: 'stopAndRollback' }
  | { type: 'continue' }
  | { type: 'openHook'; targetId: string; event: string }
  | { type: 'refresh' };

export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as { type?: unknown; targetId?: unknown; event?: unknown };
  switch (m.type) {
    case 'ready':
    case 'stop':
    case 'stopAndRollback':
    case 'continue':
    case 'refresh':
      return { type: m.type };
    case 'openHook':
      return typeof m.targetId === 'string' && typeof m.event === 'string' ? { type: 'openHook', targetId: m.targetId, event: m.event } : undefined;
    default:
      return undefined;
  }
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

/** The page's HTML. Exported so the CSP can be checked without a webview. */
export function monitorHtml(opts: { cspSource: string; nonce: string; scriptUri: string; styleUri: string; deploymentId: string }): string {
  const csp = [
    `default-src 'none'`,
    `style-src ${opts.cspSource}`,
    `script-src 'nonce-${opts.nonce}'`,
    `img-src ${opts.cspSource} data:`,
    `font-src ${opts.cspSource}`,
  ].join('; ');
  const id = opts.deploymentId.replace(/[^A-Za-z0-9-]/g, '');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${opts.styleUri}">
<title>Deployment ${id}</title>
</head>
<body>
<main id="app" data-deployment-id="${id}" aria-live="polite"><p class="muted">Loading deployment ${id}…</p></main>
<script nonce="${opts.nonce}" src="${opts.scriptUri}"></script>
</body>
</html>`;
}

export class MonitorPanel implements vscode.Disposable {
  private lastState: MonitorViewState | undefined;
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidClose = this.closed.event;

  static create(extensionUri: vscode.Uri, deploymentId: string, onMessage: (m: WebviewMessage) => void): MonitorPanel {
    const panel = vscode.window.createWebviewPanel(MONITOR_VIEW_TYPE, `Deployment ${deploymentId}`, vscode.ViewColumn.Active, {});
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
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'monitor.css')).toString(),
      deploymentId,
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw) => {
        const m = parseWebviewMessage(raw);
        if (!m) return;
        if (m.type === 'ready') {
          this.ready = true;
          if (this.lastState) void panel.webview.postMessage({ type: 'state', state: this.lastState });
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
    if (this.ready && !this.disposed) void this.panel.webview.postMessage({ type: 'state', state });
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
