// A second EC2 deploy in the same workspace: the bucket and key are not asked again. A blue/green deployment waits in
// Ready: the counts add up per fleet and Continue is the one primary button; after it, the buttons say why they are
// unavailable.
import { answerPrompts } from '../lib/prompts.mjs';
import { monitorFrame, waitForMonitorStatus, waitForMonitorText } from '../lib/monitor.mjs';
import { ExpectationError, openFile, runCommand, waitUntil } from '../lib/workbench.mjs';

export const title =
  'EC2 blue/green: location remembered, Ready summary adds up, Continue, then disabled buttons say why';

export async function run({ page, shot, log }) {
  await openFile(page, 'ec2-site/appspec.yml');
  await runCommand(page, 'CodeDeploy: Deploy This AppSpec');
  const asked = await answerPrompts(page, {
    until: async () => (await monitorFrame(page).locator('header [role="status"]').count()) > 0,
    what: 'the deployment monitor to open',
    log,
    choose: (title) => (title.startsWith('Deploy: deployment group') ? 'checkout-web-bluegreen' : undefined),
  });
  if (asked.some((t) => /^S3 (bucket|key)/.test(t)))
    throw new ExpectationError(`the bucket and key were asked again: ${asked.join(' → ')}`);
  await waitForMonitorStatus(page, ['Ready'], 180_000);
  await waitForMonitorText(
    page,
    'Replacement (green): 2 ready — Original (blue): 2 pending (4 instances)',
    'per-fleet counts that add up',
    30_000,
  );
  const frame = monitorFrame(page);
  const cont = frame.locator('button[data-action="continue"]');
  if ((await cont.getAttribute('class')) !== 'primary' || (await cont.getAttribute('aria-disabled')) === 'true')
    throw new ExpectationError(
      `Continue should be the available primary button (class ${await cont.getAttribute('class')})`,
    );
  await shot('ec2-bluegreen-ready');
  await cont.click();
  await waitForMonitorStatus(page, ['Succeeded'], 180_000);
  await waitUntil(
    async () => (await frame.locator('button[data-action="stop"]').getAttribute('aria-disabled')) === 'true',
    'Stop to become unavailable',
    30_000,
  );
  for (const action of ['continue', 'stop', 'stopAndRollback']) {
    const b = frame.locator(`button[data-action="${action}"]`);
    const why = await b.getAttribute('title');
    const described = await b.getAttribute('aria-describedby');
    const cls = await b.getAttribute('class');
    if (!why || !described || !/unavailable/.test(cls ?? ''))
      throw new ExpectationError(`${action}: title=${why} aria-describedby=${described} class=${cls}`);
    const said = await frame.locator(`#${described}`).innerText();
    if (said !== why) throw new ExpectationError(`${action}: description "${said}" differs from tooltip "${why}"`);
  }
  // Hovering shows the tooltip (the native one is not in screenshots; the reason is in the accessible description).
  await frame.locator('button[data-action="continue"]').hover();
  await shot('ec2-bluegreen-succeeded');
}
