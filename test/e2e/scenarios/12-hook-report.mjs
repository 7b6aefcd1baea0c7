// The local endpoint in manual hook mode: a Lambda deployment waits at each hook, the monitor says which function it
// waits for and when that times out, and its Report Succeeded button answers for the function.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { answerPrompts } from '../lib/prompts.mjs';
import { monitorFrame, waitForMonitorStatus, waitForMonitorText } from '../lib/monitor.mjs';
import { openFile, runCommand, waitUntil } from '../lib/workbench.mjs';

export const title = 'manual hook mode: the monitor waits for the hook function; Report Succeeded lets it go on';

export async function run({ page, session, shot, log }) {
  const settingsFile = path.join(session.dirs.workspace, '.vscode', 'settings.json');
  const original = readFileSync(settingsFile, 'utf8');
  // What a user does in Settings: codedeploy.local.hookMode = manual (the endpoint restarts on the same data).
  // hook-demo is not one of the simulated account's functions, so the deploy pre-flight's account checks are off
  // here: this scenario is about a hook that waits for its function.
  writeFileSync(
    settingsFile,
    JSON.stringify(
      { ...JSON.parse(original), 'codedeploy.local.hookMode': 'manual', 'codedeploy.accountChecks': 'off' },
      null,
      2,
    ),
  );
  try {
    // VS Code notices the edited settings file within a second or two and restarts the endpoint on its next use;
    // opening the file and answering the prompts below takes longer than that. (The extension's log file is written
    // in batches, so it cannot tell when.) If the mode had not changed, the hook would answer by itself and the
    // checks below fail.
    await new Promise((r) => setTimeout(r, 3_000));
    await openFile(page, 'lambda-hooks/appspec.yml');
    await runCommand(page, 'CodeDeploy: Deploy This AppSpec');
    await answerPrompts(page, {
      until: async () => (await monitorFrame(page).locator('header [role="status"]').count()) > 0,
      what: 'the deployment monitor to open',
      log,
    });
    const frame = monitorFrame(page);
    const report = frame.locator('button[data-action="reportSucceeded"]');
    await waitUntil(async () => (await report.count()) > 0, 'the Report Succeeded button', 90_000);
    await waitForMonitorText(
      page,
      /Waiting for hook function CodeDeployHook_hook_demo_pre_traffic \(BeforeAllowTraffic\) \(times out in \d+:\d\d\)/,
      'the waiting state of BeforeAllowTraffic',
      30_000,
    );
    // Manual mode: nobody answers, so it still waits a few polls later.
    await new Promise((r) => setTimeout(r, 4_000));
    await waitForMonitorText(
      page,
      /Waiting for hook function CodeDeployHook_hook_demo_pre_traffic/,
      'still waiting',
      5_000,
    );
    await shot('hook-waiting-before-traffic');
    await report.first().click();
    await waitForMonitorText(
      page,
      /Waiting for hook function CodeDeployHook_hook_demo_post_traffic \(AfterAllowTraffic\)/,
      'the deployment to go on to AfterAllowTraffic',
      120_000,
    );
    await waitUntil(async () => (await report.count()) > 0, 'Report Succeeded for AfterAllowTraffic', 30_000);
    await shot('hook-waiting-after-traffic');
    await report.first().click();
    await waitForMonitorStatus(page, ['Succeeded'], 60_000);
    await shot('hook-reported-succeeded');
  } finally {
    writeFileSync(settingsFile, original);
  }
}
