// The first EC2 deploy of a workspace: the S3 bucket and key are asked (and remembered). A hook fails on the first
// half of the fleet, the rest is skipped: the counts add up, each instance's bar takes its status colour, and the
// failed hook (a hook of this AppSpec) can be opened in the AppSpec.
import { answerPrompts } from '../lib/prompts.mjs';
import { monitorFrame, monitorText, waitForMonitorStatus, waitForMonitorText } from '../lib/monitor.mjs';
import { ExpectationError, openFile, runCommand } from '../lib/workbench.mjs';

export const title = 'EC2 deploy to an in-place fleet that fails: bucket asked once, counts and bar colours';

export async function run({ page, shot, log }) {
  await openFile(page, 'ec2-fail/appspec.yml');
  await runCommand(page, 'CodeDeploy: Deploy This AppSpec');
  const asked = await answerPrompts(page, {
    until: async () => (await monitorFrame(page).locator('header [role="status"]').count()) > 0,
    what: 'the deployment monitor to open',
    log,
    choose: (title) => (title.startsWith('Deploy: deployment group') ? 'checkout-web-prod' : undefined),
  });
  for (const want of ['S3 bucket for revision bundles', 'S3 key for the revision bundle'])
    if (!asked.some((t) => t.startsWith(want)))
      throw new ExpectationError(`the first EC2 deploy should ask "${want}…"; asked: ${asked.join(' → ')}`);
  await waitForMonitorStatus(page, ['Failed'], 180_000);
  await waitForMonitorText(page, '2 failed · 2 skipped (4 instances)', 'instance counts that add up', 30_000);
  const frame = monitorFrame(page);
  const colours = await frame
    .locator('.progress .bar')
    .evaluateAll((bars) =>
      bars.map((b) => ({ status: b.className.replace('bar ', ''), colour: getComputedStyle(b).backgroundColor })),
    );
  const colourOf = (status) => [...new Set(colours.filter((c) => c.status === status).map((c) => c.colour))];
  const failed = colourOf('Failed');
  const skipped = colourOf('Skipped');
  const expected = await frame
    .locator('body')
    .evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--vscode-testing-iconFailed').trim());
  log(`    bars: failed ${failed.join()} (theme's failed colour ${expected}), skipped ${skipped.join()}`);
  if (failed.length !== 1 || skipped.length !== 1 || failed[0] === skipped[0])
    throw new ExpectationError(
      `failed and skipped bars should each have one distinct colour: ${JSON.stringify(colours)}`,
    );
  const open = frame.locator('button', { hasText: 'Open ValidateService in the AppSpec' });
  if ((await open.count()) === 0) throw new ExpectationError(`no jump to the failed hook:\n${await monitorText(page)}`);
  await shot('ec2-failed-fleet');
}
