// "Watch Deployment" from the palette offers the connection's active and recent deployments (not a raw ID box).
import { monitorFrame } from '../lib/monitor.mjs';
import { promptRows } from '../lib/prompts.mjs';
import { ExpectationError, runCommand, waitUntil } from '../lib/workbench.mjs';

export const title = 'Watch Deployment from the palette: a quick pick of recent deployments';

export async function run({ page, shot, log }) {
  await runCommand(page, 'CodeDeploy: Watch Deployment');
  const widget = page.locator('.quick-input-widget');
  const rows = await waitUntil(
    async () => {
      const r = await promptRows(widget);
      return r.some((x) => /^d-[A-Z0-9]+ /.test(x)) ? r : undefined;
    },
    'deployments listed in the quick pick',
    60_000,
  );
  log(`    ${rows.slice(0, 4).join('\n    ')}`);
  if (!rows.some((r) => /storefront-ecs \/ storefront-prod · (Stopped|Succeeded)/.test(r)))
    throw new ExpectationError(`the ECS deployments of the earlier scenarios are not offered: ${rows.join(' | ')}`);
  await shot('palette-watch-pick');
  const firstId = rows.find((r) => /^d-/.test(r)).split(' ')[0];
  await page.keyboard.press('Enter');
  await waitUntil(
    async () =>
      (
        (await monitorFrame(page)
          .locator('header h1')
          .innerText()
          .catch(() => '')) ?? ''
      ).includes(firstId),
    `the monitor of ${firstId}`,
    30_000,
  );
}
