import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, commandResult, waitFor, wsUri } from '../helpers';

interface MonitorState {
  deploymentId: string;
  status: string;
  final: boolean;
  platform: string;
  traffic?: { green: number };
  rollback?: string;
  targets: { status: string; progress: number }[];
}

/**
 * Runs a deploy command; the flow asks quick-pick questions (deployment group when there are several, deployment
 * configuration), which a user would answer with Enter: accept the selected item until the command returns.
 */
async function deployWithDefaults(command: string, ...args: unknown[]): Promise<string | undefined> {
  let settled = false;
  const run = Promise.resolve(vscode.commands.executeCommand<string | undefined>(command, ...args)).finally(
    () => (settled = true),
  );
  const deadline = Date.now() + 90_000;
  while (!settled && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 400));
    if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  assert.ok(settled, `${command} did not finish within 90s`);
  return run;
}

async function finalState(id: string, timeoutMs = 120_000): Promise<MonitorState> {
  let last: MonitorState | undefined;
  return waitFor(
    async () => {
      last = await commandResult<MonitorState | undefined>('codedeploy.internal.getMonitorState', id);
      return last?.final ? last : undefined;
    },
    `deployment ${id} to finish (last state: ${JSON.stringify(last && { status: last.status, traffic: last.traffic?.green })})`,
    timeoutMs,
  );
}

describe('deploy, monitor and stop commands (local endpoint)', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('deploys a Lambda AppSpec and the monitor sees it succeed with 100% of traffic shifted', async () => {
    const id = await deployWithDefaults('codedeploy.deployAppSpec', wsUri('lambda-deploy/appspec.yml'));
    assert.ok(id && /^d-[A-Z0-9]+$/.test(id), `a deployment id is returned (got ${id})`);
    const state = await finalState(id);
    assert.equal(state.status, 'Succeeded', `final status of ${id}`);
    assert.equal(state.platform, 'Lambda');
    assert.equal(state.traffic?.green, 100, 'all traffic on the new version');
  });

  it('stops an ECS deployment with rollback', async () => {
    const id = await deployWithDefaults('codedeploy.deployAppSpec', wsUri('ecs-deploy/appspec.yaml'));
    assert.ok(id && /^d-[A-Z0-9]+$/.test(id), `a deployment id is returned (got ${id})`);
    await commandResult('codedeploy.stopAndRollback', id);
    const state = await finalState(id);
    assert.equal(state.status, 'Stopped', `final status of ${id}`);
    assert.ok(
      state.rollback,
      `the monitor mentions the rollback (state: ${JSON.stringify({ status: state.status, rollback: state.rollback })})`,
    );
  });
});
