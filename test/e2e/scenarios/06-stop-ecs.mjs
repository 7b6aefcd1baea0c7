// Start an ECS blue/green deployment and stop it with rollback from the monitor.
import { answerPrompts } from '../lib/prompts.mjs';
import { monitorFrame, waitForMonitorStatus, waitForMonitorText } from '../lib/monitor.mjs';
import { openFile, runCommand, waitUntil } from '../lib/workbench.mjs';

export const title = 'stop an ECS deployment with rollback from the monitor';

export async function run({ page, shot, log }) {
  await openFile(page, 'ecs/appspec.yaml');
  await runCommand(page, 'CodeDeploy: Deploy This AppSpec');
  await answerPrompts(page, {
    until: async () => (await monitorFrame(page).locator('header [role="status"]').count()) > 0,
    what: 'the deployment monitor to open',
    log,
  });
  await waitForMonitorStatus(page, ['Created', 'Queued', 'InProgress', 'Ready', 'Baking']);
  const button = monitorFrame(page).locator('button[data-action="stopAndRollback"]');
  await waitUntil(
    async () => (await button.count()) > 0 && (await button.isEnabled()),
    'the "Stop and roll back" button to be enabled',
    60_000,
  );
  await shot('stop-ecs-running');
  await button.click();
  await waitForMonitorStatus(page, ['Stopped'], 120_000);
  await waitForMonitorText(page, /roll/i, 'the monitor to mention the rollback', 60_000);
  await shot('stop-ecs-stopped');
}
