// Deploy a Lambda AppSpec from the command palette and watch the monitor shift all traffic to the new version.
import { answerPrompts } from '../lib/prompts.mjs';
import { monitorFrame, waitForMonitorStatus, waitForMonitorText } from '../lib/monitor.mjs';
import { openFile, runCommand } from '../lib/workbench.mjs';

export const title = 'deploy a Lambda AppSpec from the palette; the monitor reaches 100% and Succeeded';

export async function run({ page, shot, log }) {
  await openFile(page, 'lambda/appspec.yml');
  await runCommand(page, 'CodeDeploy: Deploy This AppSpec');
  await answerPrompts(page, {
    until: async () => (await monitorFrame(page).locator('header [role="status"]').count()) > 0,
    what: 'the deployment monitor to open',
    log,
  });
  await waitForMonitorText(page, 'Traffic', 'the monitor to show the traffic shift');
  await shot('deploy-lambda-monitor');
  await waitForMonitorStatus(page, ['Succeeded'], 180_000);
  await waitForMonitorText(page, 'Replacement (green) 100%', 'all traffic on the new version (100%)', 30_000);
  await shot('deploy-lambda-succeeded');
}
