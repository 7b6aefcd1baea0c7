/**
 * A newcomer's first hour, in the real extension host: the palette's deployment pickers, New AppSpec
 * File asking where, and the credential message of the default chain shown in full in the tree.
 * Quick picks and input boxes are answered the way a user accepting the suggestion would (Enter).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, commandResult, waitFor, workspaceRoot, wsUri } from '../helpers';

interface MonitorState {
  deploymentId: string;
  status: string;
  final: boolean;
  buttons: { continue: { enabled: boolean } };
}

interface SnapshotNode {
  label: string;
  contextValue: string;
}

/** Runs a command and presses Enter on every quick pick / input box it opens until it returns. */
async function acceptAll<T>(command: string, ...args: unknown[]): Promise<T | undefined> {
  let settled = false;
  const run = Promise.resolve(vscode.commands.executeCommand<T>(command, ...args)).finally(() => (settled = true));
  const deadline = Date.now() + 90_000;
  while (!settled && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 400));
    if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  assert.ok(settled, `${command} did not finish within 90s`);
  return run;
}

async function monitorState(id: string): Promise<MonitorState | undefined> {
  return commandResult<MonitorState | undefined>('codedeploy.internal.getMonitorState', id);
}

async function until(id: string, what: string, ok: (s: MonitorState) => boolean, timeoutMs = 120_000) {
  let last: MonitorState | undefined;
  return waitFor(
    async () => {
      last = await monitorState(id);
      return last && ok(last) ? last : undefined;
    },
    `${id} ${what} (last: ${last?.status})`,
    timeoutMs,
  );
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

describe('a newcomer’s first hour (local endpoint)', () => {
  const cfg = () => vscode.workspace.getConfiguration('codedeploy');
  let scale: number | undefined;
  let endpoint: string | undefined;

  before(async () => {
    await activateExtension();
    // The extension's own endpoint, slow enough that a blue/green deployment waits in Ready while the palette is
    // used (the runner's judged endpoint runs at a fixed 300x, which the time-scale setting does not change).
    const ws = vscode.ConfigurationTarget.Workspace;
    scale = cfg().inspect<number>('local.timeScale')?.workspaceValue;
    endpoint = cfg().inspect<string>('endpoint')?.workspaceValue;
    await cfg().update('local.timeScale', 20, ws);
    await cfg().update('endpoint', undefined, ws);
  });

  after(async () => {
    const ws = vscode.ConfigurationTarget.Workspace;
    await cfg().update('endpoint', endpoint, ws);
    await cfg().update('local.timeScale', scale, ws);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  async function deployToStaging(): Promise<string> {
    await vscode.window.showTextDocument(wsUri('ecs-deploy/appspec.yaml'));
    const id = await acceptAll<string>('codedeploy.deploy', {
      data: { application: 'storefront-ecs', group: 'storefront-staging' },
    });
    assert.ok(id && /^d-[A-Z0-9]+$/.test(id), `a deployment id (got ${id})`);
    return id;
  }

  it('Continue and Stop from the palette offer the active deployments; the first is the newest', async () => {
    const id = await deployToStaging();
    await until(id, 'waits to reroute traffic', (s) => s.status === 'Ready' && s.buttons.continue.enabled);
    // No argument: the quick pick lists deployments waiting to be continued.
    await acceptAll('codedeploy.continueDeployment');
    await until(id, 'is continued and succeeds', (s) => s.final, 180_000).then((s) =>
      assert.equal(s.status, 'Succeeded'),
    );

    const next = await deployToStaging();
    await until(next, 'waits to reroute traffic', (s) => s.status === 'Ready');
    await acceptAll('codedeploy.stopDeployment');
    const stopped = await until(next, 'is stopped', (s) => s.final);
    assert.equal(stopped.status, 'Stopped');
  });

  it('New AppSpec File asks where, and "New folder…" puts it (and its scripts) in that folder', async () => {
    const root = workspaceRoot();
    const created = await acceptAll<vscode.Uri>('appspec.newAppSpec');
    assert.ok(created, 'a file was created');
    assert.equal(created.toString(), vscode.Uri.joinPath(root, 'my-app', 'appspec.yml').toString());
    assert.ok(await exists(vscode.Uri.joinPath(root, 'my-app', 'scripts', 'start.sh')), 'its hook scripts too');
    assert.ok(!(await exists(vscode.Uri.joinPath(root, 'appspec.yml'))), 'nothing at the workspace root');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(root, 'my-app'), { recursive: true });
  });

  it('the default credential chain with no credentials: the tree says, in full, which sources it tried', async () => {
    await cfg().update('profile', '', vscode.ConfigurationTarget.Workspace);
    await cfg().update('connection', 'aws', vscode.ConfigurationTarget.Workspace);
    try {
      let tree: SnapshotNode[] = [];
      await waitFor(async () => {
        tree = (await commandResult<SnapshotNode[]>('codedeploy.internal.getTreeSnapshot', { depth: 1 })) ?? [];
        return tree.some((n) => n.contextValue === 'error');
      }, 'an error item in the CodeDeploy view');
      const head = tree.find((n) => n.contextValue === 'error')!;
      assert.match(head.label, /^Could not load: The default credential chain found no AWS credentials/);
      const full = tree
        .filter((n) => n.contextValue === 'errorDetail')
        .map((n) => n.label)
        .join(' ');
      assert.match(full, /environment variables: AWS_ACCESS_KEY_ID is not set/);
      assert.match(full, /instance role: not tried \(AWS_EC2_METADATA_DISABLED=true\)/);
      assert.match(full, /Pick a profile/);
      assert.doesNotMatch(full, /profile "default"/);
    } finally {
      await cfg().update('connection', 'local', vscode.ConfigurationTarget.Workspace);
      await cfg().update('profile', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
