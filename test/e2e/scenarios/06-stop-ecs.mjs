// Start an ECS blue/green deployment, stop it with rollback from the monitor, and follow the rollback: the stopped
// deployment keeps no live traffic split, one line links both deployments, the notification's Show Rollback opens
// the rollback, whose monitor says which task definition it restores.
import { answerPrompts } from '../lib/prompts.mjs';
import { monitorFrame, monitorText, waitForMonitorStatus, waitForMonitorText } from '../lib/monitor.mjs';
import { ExpectationError, openFile, runCommand, waitUntil } from '../lib/workbench.mjs';

export const title = 'stop an ECS deployment with rollback; the monitor follows the rollback';

export async function run({ page, shot, log }) {
  await openFile(page, 'ecs/appspec.yaml');
  await runCommand(page, 'CodeDeploy: Deploy This AppSpec');
  await answerPrompts(page, {
    until: async () => (await monitorFrame(page).locator('header [role="status"]').count()) > 0,
    what: 'the deployment monitor to open',
    log,
  });
  const frame = monitorFrame(page);
  const id = ((await frame.locator('header h1').innerText()).match(/d-[A-Z0-9]+/) ?? [])[0];
  await waitForMonitorText(page, /storefront:\d+ → task definition storefront:43/, 'the versions (from → to)', 30_000);
  const button = frame.locator('button[data-action="stopAndRollback"]');
  await waitUntil(
    async () => (await button.count()) > 0 && (await button.getAttribute('aria-disabled')) !== 'true',
    'the "Stop and roll back" button to be available',
    60_000,
  );
  await shot('stop-ecs-running');
  await button.click();
  await waitForMonitorStatus(page, ['Stopped'], 120_000);
  const rollbackLine = frame.locator('p.rollback');
  await waitUntil(async () => (await rollbackLine.count()) > 0, 'the rollback line', 60_000);
  const text = await monitorText(page);
  if (/Original \(blue\) \d+%/.test(text))
    throw new ExpectationError(`the stopped deployment still shows a live split:\n${text}`);
  // Where it stopped depends on how far the (fast, simulated) shift got when the click landed.
  if (!/Stopped (at step \d+ of 10, with \d+% of traffic on the replacement|before any traffic shifted)/.test(text))
    throw new ExpectationError(`the monitor does not say where the deployment stopped:\n${text}`);
  const line = await rollbackLine.innerText();
  const rollbackId = await rollbackLine.locator('button.link').first().innerText();
  if (
    !new RegExp(
      `^${id} was stopped\\. Rollback ${rollbackId} moves .* back to task definition storefront:\\d+\\.$`,
    ).test(line)
  )
    throw new ExpectationError(`rollback line: "${line}"`);
  if ((text.match(new RegExp(rollbackId, 'g')) ?? []).length !== 1)
    throw new ExpectationError(`the rollback ID appears more than once (repeated status message?):\n${text}`);
  // Buttons that no longer apply look disabled and say why.
  const cont = frame.locator('button[data-action="continue"]');
  const why = await cont.getAttribute('title');
  if ((await cont.getAttribute('aria-disabled')) !== 'true' || why !== 'The deployment has ended (Stopped).')
    throw new ExpectationError(`Continue: aria-disabled=${await cont.getAttribute('aria-disabled')} title=${why}`);
  log(`    ${line}`);
  await shot('stop-ecs-stopped');

  // The notification's button opens the rollback, not the stopped deployment.
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: `rolled back by ${rollbackId}` });
  await waitUntil(async () => (await toast.count()) > 0, 'the "rolled back" notification', 60_000);
  await toast.getByRole('button', { name: 'Show Rollback' }).click();
  await waitUntil(
    async () =>
      (
        (await monitorFrame(page)
          .locator('header h1')
          .innerText()
          .catch(() => '')) ?? ''
      ).includes(rollbackId),
    `the monitor of ${rollbackId}`,
    30_000,
  );
  await waitForMonitorText(
    page,
    new RegExp(
      `Rollback of ${id}: restores task definition storefront:\\d+ of storefront-cluster:storefront, replacing task definition storefront:43\\.`,
    ),
    'the rollback line of the rollback',
    60_000,
  );
  await waitForMonitorText(page, 'Restored version (green)', 'the restored side named', 60_000);
  await shot('stop-ecs-rollback-monitor');
}
