// A deployment fails in a hook; from the monitor's failed event, open the AppSpec at that hook's line.
import { answerPrompts } from '../lib/prompts.mjs';
import { monitorFrame, waitForMonitorStatus } from '../lib/monitor.mjs';
import { cursorPosition, openFile, runCommand, waitUntil } from '../lib/workbench.mjs';

export const title = 'open a failed lifecycle event and land on the hook line in the AppSpec';

export async function run({ page, shot, log }) {
  await openFile(page, 'lambda-fail/appspec.yml');
  await runCommand(page, 'CodeDeploy: Deploy This AppSpec');
  await answerPrompts(page, {
    until: async () => (await monitorFrame(page).locator('header [role="status"]').count()) > 0,
    what: 'the deployment monitor to open',
    log,
  });
  await waitForMonitorStatus(page, ['Failed'], 180_000);
  const open = monitorFrame(page).locator('button', { hasText: 'Open AfterAllowTraffic in the AppSpec' });
  await waitUntil(
    async () => (await open.count()) > 0,
    'the failed AfterAllowTraffic event with an "Open … in the AppSpec" button',
    30_000,
  );
  await shot('failed-event-monitor');
  await open.click();
  // lambda-fail/appspec.yml: line 13 is `  - AfterAllowTraffic: …`; the key starts at column 5.
  await waitUntil(
    async () =>
      (
        await page
          .locator('.editor-group-container.active .tabs-container .tab.active')
          .first()
          .getAttribute('aria-label')
      )?.includes('appspec.yml'),
    'the AppSpec editor to become active',
    30_000,
  );
  const pos = await waitUntil(
    async () => {
      const p = await cursorPosition(page);
      return p && p.line === 13 ? p : undefined;
    },
    'the cursor on line 13 (the AfterAllowTraffic hook)',
    30_000,
  );
  // The hook name is selected (cursor at its start or end, depending on the selection direction).
  const expected = [5, 5 + 'AfterAllowTraffic'.length];
  if (!expected.includes(pos.column))
    throw new Error(`cursor at column ${pos.column}, expected the AfterAllowTraffic key (column 5–22)`);
  await shot('failed-event-hook-line');
}
