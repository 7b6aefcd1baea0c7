// Deploying while the group already has an active deployment: the error offers Watch and Stop for it. The
// configuration chosen for the refused deployment is not remembered as "last used", and the picker lists only ECS
// configurations (no Lambda custom configuration). storefront-staging waits (Ready) before it reroutes traffic, so
// the first deployment is still active when the second is tried.
import { answerPrompts, promptRows } from '../lib/prompts.mjs';
import { monitorFrame } from '../lib/monitor.mjs';
import { ExpectationError, openFile, runCommand, waitUntil } from '../lib/workbench.mjs';

export const title = 'deploy twice: Watch/Stop offered for the active deployment; a refused choice is not remembered';

const CONFIG = 'Deploy: deployment configuration';

/** Answers the deploy questions: this AppSpec, the staging group, then `config` (undefined: the suggestion). */
const answers = (config) => (title) =>
  title.startsWith('Deploy: which AppSpec')
    ? 'ecs/appspec.yaml'
    : title.startsWith('Deploy: deployment group')
      ? 'storefront-staging'
      : title.startsWith(CONFIG)
        ? config
        : undefined;

export async function run({ page, shot, log }) {
  await openFile(page, 'ecs/appspec.yaml');
  await runCommand(page, 'CodeDeploy: Deploy This AppSpec');
  let configRows = [];
  await answerPrompts(page, {
    until: async () => (await monitorFrame(page).locator('header [role="status"]').count()) > 0,
    what: 'the deployment monitor to open',
    log,
    choose: (title, rows) => {
      if (title.startsWith(CONFIG)) configRows = rows;
      return answers(undefined)(title);
    },
  });
  const first = ((await monitorFrame(page).locator('header h1').innerText()).match(/d-[A-Z0-9]+/) ?? [])[0];
  log(`    configurations offered: ${configRows.join(' | ')}`);
  if (!configRows.some((r) => r.includes('ECSAllAtOnce')) || configRows.some((r) => /Lambda|orders-canary/.test(r)))
    throw new ExpectationError(`the ECS picker should offer ECS configurations only: ${configRows.join(' | ')}`);

  // Again, choosing another configuration: CodeDeploy refuses (one active deployment per group). The monitor is the
  // active tab now: "Deploy…" asks which AppSpec.
  await runCommand(page, 'CodeDeploy: Deploy…');
  const toast = page.locator('.notifications-toasts .notification-toast', {
    hasText: 'already has an active deployment',
  });
  await answerPrompts(page, {
    until: async () => (await toast.count()) > 0,
    what: 'the "already has an active deployment" error',
    log,
    choose: answers('ECSAllAtOnce'),
  });
  for (const label of [`Watch ${first}`, `Stop ${first}`])
    if ((await toast.getByRole('button', { name: label }).count()) === 0)
      throw new ExpectationError(`the error offers no "${label}": ${await toast.innerText()}`);
  await shot('deploy-conflict-offers');

  // The refused choice is not offered as "last used".
  await runCommand(page, 'CodeDeploy: Deploy…');
  const widget = page.locator('.quick-input-widget');
  let answered = '';
  const rows = await waitUntil(
    async () => {
      const title =
        (await widget
          .locator('.quick-input-title')
          .innerText()
          .catch(() => '')) || '';
      if (!(await widget.isVisible().catch(() => false))) return undefined;
      if (title.startsWith(CONFIG)) {
        const shown = await promptRows(widget);
        return shown.length ? shown : undefined;
      }
      const typed = answers(undefined)(title);
      if (typed !== undefined && title !== answered) {
        answered = title;
        await widget.locator('input.input').fill(typed);
        await new Promise((r) => setTimeout(r, 400));
        await page.keyboard.press('Enter');
      }
      return undefined;
    },
    'the configuration picker',
    60_000,
  );
  log(`    offered again: ${rows.join(' | ')}`);
  if (rows.some((r) => r.includes('last used')))
    throw new ExpectationError(`a refused configuration is offered as "last used": ${rows.join(' | ')}`);
  await shot('deploy-conflict-config-not-remembered');
  await page.keyboard.press('Escape');

  await toast.getByRole('button', { name: `Stop ${first}` }).click();
  await waitUntil(
    async () => /Stopped/.test(await monitorFrame(page).locator('header [role="status"]').innerText()),
    `${first} to be stopped from the notification`,
    90_000,
  );
}
