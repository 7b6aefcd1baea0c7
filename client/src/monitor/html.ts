/**
 * The monitor page's HTML and the messages it may send, as pure functions (tested without a
 * webview). Strict CSP: nothing by default, scripts only with the nonce, styles only from the
 * extension's media folder, no remote content.
 */
import { randomBytes } from 'node:crypto';

/** Messages the webview may send. Anything else is ignored. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'stop' }
  | { type: 'stopAndRollback' }
  | { type: 'continue' }
  | { type: 'openHook'; targetId: string; event: string }
  | { type: 'openDeployment'; deploymentId: string }
  | { type: 'reportHook'; executionId: string; status: 'Succeeded' | 'Failed' }
  | { type: 'refresh' };

const DEPLOYMENT_ID = /^d-[A-Z0-9]{6,}$/;

export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as {
    type?: unknown;
    targetId?: unknown;
    event?: unknown;
    deploymentId?: unknown;
    executionId?: unknown;
    status?: unknown;
  };
  switch (m.type) {
    case 'ready':
    case 'stop':
    case 'stopAndRollback':
    case 'continue':
    case 'refresh':
      return { type: m.type };
    case 'openHook':
      return typeof m.targetId === 'string' && typeof m.event === 'string'
        ? { type: 'openHook', targetId: m.targetId, event: m.event }
        : undefined;
    case 'openDeployment':
      return typeof m.deploymentId === 'string' && DEPLOYMENT_ID.test(m.deploymentId)
        ? { type: 'openDeployment', deploymentId: m.deploymentId }
        : undefined;
    case 'reportHook':
      return typeof m.executionId === 'string' &&
        m.executionId.length > 0 &&
        m.executionId.length <= 256 &&
        (m.status === 'Succeeded' || m.status === 'Failed')
        ? { type: 'reportHook', executionId: m.executionId, status: m.status }
        : undefined;
    default:
      return undefined;
  }
}

export function makeNonce(): string {
  return randomBytes(18)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '');
}

/** The page's HTML. Exported so the CSP can be checked without a webview. */
export function monitorHtml(opts: {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  /** media/monitor/diff.js: applies the updates sent after the first full state. */
  diffScriptUri: string;
  styleUri: string;
  deploymentId: string;
}): string {
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
<script nonce="${opts.nonce}" src="${opts.diffScriptUri}"></script>
<script nonce="${opts.nonce}" src="${opts.scriptUri}"></script>
</body>
</html>`;
}
