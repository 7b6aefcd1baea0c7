/**
 * The local endpoint in manual hook mode (contract C2): a Lambda deployment waits at each hook; the monitor shows
 * "Waiting for hook function X (times out in mm:ss)" with the execution to report, and reporting Succeeded (the
 * monitor's button runs the same command) lets the deployment go on to the end.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, commandResult, waitFor, wsUri } from '../helpers';

interface WaitingHook {
  event: string;
  functionName?: string;
  timesOutAt?: number;
  remainingSeconds?: number;
  executionId?: string;
}

interface MonitorState {
  status: string;
  final: boolean;
  now: number;
  waitingHooks: WaitingHook[];
  traffic?: { green: number };
  targets: { events: { name: string; status: string }[] }[];
}

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

describe('monitor: hooks waiting for their function (local endpoint, manual hook mode)', () => {
  const cfg = () => vscode.workspace.getConfiguration('codedeploy');
  let scale: number | undefined;
  let endpoint: string | undefined;
  let accountChecks: string | undefined;

  before(async () => {
    await activateExtension();
    // The settings under test drive the extension's own endpoint: the runner's judged endpoint (codedeploy.endpoint)
    // is set aside for this suite. One simulated hour of hook timeout is 3 real minutes at 20x.
    const ws = vscode.ConfigurationTarget.Workspace;
    scale = cfg().inspect<number>('local.timeScale')?.workspaceValue;
    endpoint = cfg().inspect<string>('endpoint')?.workspaceValue;
    await cfg().update('local.timeScale', 20, ws);
    await cfg().update('local.hookMode', 'manual', ws);
    await cfg().update('endpoint', undefined, ws);
    // hook-demo is not one of the simulated account's functions: this suite is about waiting hooks, so the
    // deploy pre-flight's account checks (which would refuse the unknown function) are off here.
    accountChecks = cfg().inspect<string>('accountChecks')?.workspaceValue;
    await cfg().update('accountChecks', 'off', ws);
  });

  after(async () => {
    const ws = vscode.ConfigurationTarget.Workspace;
    await cfg().update('endpoint', endpoint, ws);
    await cfg().update('accountChecks', accountChecks, ws);
    await cfg().update('local.hookMode', undefined, ws);
    await cfg().update('local.timeScale', scale, ws);
  });

  async function waitingAt(id: string, event: string): Promise<{ state: MonitorState; hook: WaitingHook }> {
    let last: MonitorState | undefined;
    return waitFor(
      async () => {
        last = await commandResult<MonitorState | undefined>('codedeploy.internal.getMonitorState', id);
        const hook = last?.waitingHooks?.find((w) => w.event === event && w.executionId);
        return last && hook ? { state: last, hook } : undefined;
      },
      `${id} to wait for its ${event} hook (last: ${last?.status}, waiting: ${JSON.stringify(last?.waitingHooks)})`,
      120_000,
    );
  }

  it('waits with the function name and its timeout; Report Succeeded lets the deployment proceed to the end', async () => {
    const id = await acceptAll<string>('codedeploy.deployAppSpec', wsUri('lambda-hooks/appspec.yml'));
    assert.ok(id && /^d-[A-Z0-9]+$/.test(id), `a deployment id (got ${id})`);

    const before = await waitingAt(id, 'BeforeAllowTraffic');
    assert.equal(before.hook.functionName, 'CodeDeployHook_hook_demo_pre_traffic');
    assert.equal(before.state.status, 'InProgress');
    assert.ok(
      before.hook.timesOutAt !== undefined && before.hook.timesOutAt > before.state.now,
      `times out in the future: ${JSON.stringify(before.hook)}`,
    );
    // One simulated hour at 20x: at most three real minutes away.
    assert.ok((before.hook.remainingSeconds ?? 0) > 0 && (before.hook.remainingSeconds ?? 0) <= 180);
    assert.equal(before.state.traffic?.green ?? 0, 0, 'no traffic moves while the hook waits');

    // Nobody answers in manual mode: a later poll (a minute of simulated time on) still shows it waiting.
    const still = await waitFor(
      async () => {
        const s = await commandResult<MonitorState>('codedeploy.internal.getMonitorState', id);
        return s.now >= before.state.now + 3_000 ? s : undefined;
      },
      'a later poll of the monitor',
      30_000,
    );
    assert.ok(
      still.waitingHooks.some((w) => w.event === 'BeforeAllowTraffic' && w.executionId === before.hook.executionId),
      `still waiting without a report: ${JSON.stringify(still.waitingHooks)}`,
    );

    await commandResult('codedeploy.reportHookStatus', {
      deploymentId: id,
      executionId: before.hook.executionId,
      status: 'Succeeded',
    });
    const after = await waitingAt(id, 'AfterAllowTraffic');
    assert.equal(after.hook.functionName, 'CodeDeployHook_hook_demo_post_traffic');
    const events = after.state.targets[0].events;
    assert.equal(events.find((e) => e.name === 'BeforeAllowTraffic')?.status, 'Succeeded');
    assert.equal(events.find((e) => e.name === 'AllowTraffic')?.status, 'Succeeded');
    assert.equal(after.state.traffic?.green, 100, 'traffic moved once BeforeAllowTraffic was reported');

    await commandResult('codedeploy.reportHookStatus', {
      deploymentId: id,
      executionId: after.hook.executionId,
      status: 'Succeeded',
    });
    const end = await waitFor(
      async () => {
        const s = await commandResult<MonitorState | undefined>('codedeploy.internal.getMonitorState', id);
        return s?.final ? s : undefined;
      },
      `${id} to finish`,
      60_000,
    );
    assert.equal(end.status, 'Succeeded');
    assert.deepEqual(end.waitingHooks, []);
  });
});
