import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTEXT, deploymentContextValue } from '../../../client/src/explorer/model';
import { makeNonce, monitorHtml, parseWebviewMessage } from '../../../client/src/monitor/html';

/** The repository root: up from the compiled test until package.json (or the working directory). */
function findRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'client/src/commands.ts')))
      return dir;
  }
  return process.cwd();
}
const root = findRoot();
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const menus: Record<string, { command: string; when?: string }[]> = pkg.contributes.menus;
const declared = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));

/** The contextValues a menu entry is shown for, by evaluating its `viewItem` clause. */
function shownFor(command: string, contextValue: string, menu = 'view/item/context'): boolean {
  return menus[menu].some((m) => {
    if (m.command !== command || !m.when) return false;
    const eq = /viewItem == ([\w.]+)/.exec(m.when);
    if (eq) return eq[1] === contextValue;
    const re = /viewItem =~ \/(.+?)\/(?:\s|$)/.exec(m.when);
    return re ? new RegExp(re[1]).test(contextValue) : false;
  });
}

test('every command in the command table is declared in package.json and vice versa', () => {
  const source = fs.readFileSync(path.join(root, 'client/src/commands.ts'), 'utf8');
  const table = new Set([...source.matchAll(/^\s+'((?:codedeploy|appspec)\.[\w.]+)':/gm)].map((m) => m[1]));
  assert.ok(table.size > 15);
  for (const id of table) assert.ok(declared.has(id), `${id} is registered but not declared`);
  // The language client registers the server's commands.
  for (const id of declared)
    if (id !== 'appspec.makeExecutable') assert.ok(table.has(id), `${id} is declared but not registered`);
  for (const list of Object.values(menus))
    for (const m of list) assert.ok(declared.has(m.command), `menu uses undeclared ${m.command}`);
  assert.equal(pkg.engines.vscode, '^1.100.0');
});

test('menus follow the context values the model produces', () => {
  const running = deploymentContextValue({ status: 'InProgress', revision: { revisionType: 'S3' } });
  const ready = deploymentContextValue({ status: 'Ready', revision: { revisionType: 'S3' } });
  const done = deploymentContextValue({ status: 'Succeeded' });
  assert.ok(shownFor('codedeploy.stopDeployment', running));
  assert.ok(shownFor('codedeploy.stopAndRollback', running));
  assert.ok(!shownFor('codedeploy.stopDeployment', done));
  assert.ok(shownFor('codedeploy.continueDeployment', ready));
  assert.ok(!shownFor('codedeploy.continueDeployment', running));
  assert.ok(shownFor('codedeploy.redeploy', running));
  assert.ok(!shownFor('codedeploy.redeploy', done));
  assert.ok(shownFor('codedeploy.watchDeployment', done));
  assert.ok(shownFor('codedeploy.deploy', CONTEXT.deploymentGroup));
  assert.ok(shownFor('codedeploy.redeployLastSuccessful', `${CONTEXT.deploymentGroup}.lastSuccessful`));
  assert.ok(!shownFor('codedeploy.redeployLastSuccessful', CONTEXT.deploymentGroup));
  assert.ok(shownFor('codedeploy.openHook', 'lifecycleEvent.failed'));
  assert.ok(shownFor('codedeploy.retry', CONTEXT.error));
  assert.ok(shownFor('codedeploy.copyId', CONTEXT.application));
  assert.ok(!shownFor('codedeploy.copyId', CONTEXT.placeholder));
  // The console link is hidden in local mode.
  assert.ok(
    menus['view/item/context']
      .filter((m) => m.command === 'codedeploy.openInConsole')
      .every((m) => m.when?.includes('codedeploy.connection == aws')),
  );
  assert.ok(pkg.contributes.viewsWelcome.some((w: { when: string }) => w.when === 'codedeploy.connection == none'));
});

test('the monitor page has a strict CSP with a nonce and no remote content', () => {
  const nonce = makeNonce();
  assert.match(nonce, /^[A-Za-z0-9]{16,}$/);
  assert.notEqual(makeNonce(), nonce);
  const html = monitorHtml({
    cspSource: 'vscode-webview://abc',
    nonce,
    scriptUri: 'vscode-webview://abc/monitor.js',
    diffScriptUri: 'vscode-webview://abc/diff.js',
    styleUri: 'vscode-webview://abc/monitor.css',
    deploymentId: 'd-ABC123"><script>',
  });
  const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  assert.match(csp, /^default-src 'none';/);
  assert.match(csp, new RegExp(`script-src 'nonce-${nonce}'`));
  assert.match(csp, /style-src vscode-webview:\/\/abc(;|$)/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
  // Two scripts (diff.js, monitor.js), both with the nonce; no inline script or handler.
  assert.equal([...html.matchAll(/<script/g)].length, 2);
  assert.equal([...html.matchAll(new RegExp(`<script nonce="${nonce}" src="[^"]+"></script>`, 'g'))].length, 2);
  assert.doesNotMatch(html, /\son[a-z]+=/i);
  assert.doesNotMatch(html, /https?:\/\//);
  assert.doesNotMatch(html, /"><script>/, 'the deployment id is sanitised');
  // The page script builds DOM with textContent only.
  for (const file of ['monitor.js', 'diff.js']) {
    const js = fs.readFileSync(path.join(root, 'media/monitor', file), 'utf8');
    assert.doesNotMatch(
      js,
      /innerHTML|outerHTML|insertAdjacentHTML|eval\(|new Function|fetch\(|XMLHttpRequest|https?:\/\/(?!www\.w3\.org)/,
      file,
    );
  }
});

test('only known webview messages are accepted', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'stop' }), { type: 'stop' });
  assert.deepEqual(parseWebviewMessage({ type: 'openHook', targetId: 'i-1', event: 'AfterInstall' }), {
    type: 'openHook',
    targetId: 'i-1',
    event: 'AfterInstall',
  });
  assert.equal(parseWebviewMessage({ type: 'openHook', targetId: 1 }), undefined);
  assert.equal(parseWebviewMessage({ type: 'createDeployment' }), undefined);
  assert.equal(parseWebviewMessage('stop'), undefined);
  assert.equal(parseWebviewMessage(null), undefined);
});

test('rule links, SARIF, README and package.json name one home for the project', async () => {
  const { DOCS_BASE_URL } = await import('../../../engine/types');
  const { TOOL_URI } = await import('../../../server/src/cli/formatSarif');
  const home = String(pkg.repository.url).replace(/\.git$/, '');
  assert.match(home, /^https:\/\/github\.com\/[\w-]+\/[\w-]+$/);
  assert.equal(TOOL_URI, home);
  assert.ok(DOCS_BASE_URL.startsWith(`${home}/blob/main/docs/`), DOCS_BASE_URL);
  assert.ok(pkg.scripts.package.includes(`--baseContentUrl ${home}/blob/main`), pkg.scripts.package);
  for (const file of ['package.json', 'README.md', 'docs/cli.md', 'docs/rules.md'])
    assert.ok(
      !fs.readFileSync(path.join(root, file), 'utf8').includes('example.invalid'),
      `${file} has no placeholder URL`,
    );
});
