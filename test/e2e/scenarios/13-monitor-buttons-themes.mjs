// The monitor's buttons follow the deployment state, in the light and the dark theme: while an EC2 blue/green
// deployment runs, Stop is enabled and Continue is disabled with its reason; waiting in Ready, Continue is the
// one primary button; after Stop, every button is disabled (disabled + aria-disabled), with the reason in its
// tooltip and on the page. The timeline of lifecycle events shows per instance. Screenshots in both themes.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { answerPrompts } from '../lib/prompts.mjs';
import { monitorFrame, monitorStatus, waitForMonitorStatus, waitForMonitorText } from '../lib/monitor.mjs';
import { ExpectationError, openFile, runCommand, waitUntil } from '../lib/workbench.mjs';

export const title = 'monitor buttons follow the state (running, Ready, stopped) in the light and dark themes';

const THEMES = { light: ['Default Light Modern', 'vs'], dark: ['Default Dark Modern', 'vs-dark'] };

/** Sets workbench.colorTheme in the workspace settings and waits until the workbench wears it. */
async function useTheme(page, session, which) {
  const [theme, cls] = which ? THEMES[which] : [undefined, 'vs-dark'];
  const dir = path.join(session.dirs.workspace, '.vscode');
  const file = path.join(dir, 'settings.json');
  mkdirSync(dir, { recursive: true });
  const settings = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  if (theme) settings['workbench.colorTheme'] = theme;
  else delete settings['workbench.colorTheme'];
  writeFileSync(file, JSON.stringify(settings, null, 2));
  await waitUntil(
    async () => (await page.locator(`.monaco-workbench.${cls}`).count()) > 0,
    `the ${which ?? 'default'} theme (${theme ?? 'default'})`,
    30_000,
  );
  // The webview takes the theme's variables a moment after the workbench.
  await new Promise((r) => setTimeout(r, 1000));
}

/** The state of one monitor button as the page renders it. */
async function button(frame, action) {
  const b = frame.locator(`button[data-action="${action}"]`);
  return {
    disabled: (await b.getAttribute('disabled')) !== null,
    ariaDisabled: (await b.getAttribute('aria-disabled')) === 'true',
    title: (await b.getAttribute('title')) ?? '',
    name: (await b.getAttribute('aria-label')) ?? '',
    describedBy: (await b.getAttribute('aria-describedby')) ?? '',
  };
}

function expectEnabled(action, b) {
  if (b.disabled || b.ariaDisabled || b.title)
    throw new ExpectationError(`${action} should be enabled: ${JSON.stringify(b)}`);
  if (!b.name) throw new ExpectationError(`${action} has no accessible name`);
}

async function expectDisabled(frame, action, b, reason) {
  if (!b.disabled || !b.ariaDisabled) throw new ExpectationError(`${action} should be disabled: ${JSON.stringify(b)}`);
  if (!reason.test(b.title)) throw new ExpectationError(`${action}: tooltip "${b.title}" does not match ${reason}`);
  const said = b.describedBy ? await frame.locator(`#${b.describedBy}`).innerText() : '';
  if (!said.includes(b.title))
    throw new ExpectationError(`${action}: the visible reason "${said}" does not say "${b.title}"`);
}

export async function run({ page, session, shot, log }) {
  try {
    await useTheme(page, session, 'light');
    await openFile(page, 'ec2-site/appspec.yml');
    await runCommand(page, 'CodeDeploy: Deploy This AppSpec');
    await answerPrompts(page, {
      until: async () => (await monitorFrame(page).locator('header [role="status"]').count()) > 0,
      what: 'the deployment monitor to open',
      log,
      choose: (t) => (t.startsWith('Deploy: deployment group') ? 'checkout-web-bluegreen' : undefined),
    });
    const frame = monitorFrame(page);
    // While it runs (before the Ready wait): Stop is available, Continue is not (and says why).
    const early = await monitorStatus(page);
    if (['Created', 'Queued', 'InProgress'].includes(early)) {
      expectEnabled('stop', await button(frame, 'stop'));
      expectEnabled('stopAndRollback', await button(frame, 'stopAndRollback'));
      await expectDisabled(frame, 'continue', await button(frame, 'continue'), /not started yet|waits/);
      log(`    ${early}: Stop enabled, Continue disabled with its reason`);
    }
    await waitForMonitorStatus(page, ['Ready'], 180_000);
    await waitForMonitorText(page, 'Timeline', 'the lifecycle-event timeline', 30_000);
    const cont = await button(frame, 'continue');
    expectEnabled('continue', cont);
    if ((await frame.locator('button[data-action="continue"]').getAttribute('class')) !== 'primary')
      throw new ExpectationError('Continue should be the primary button in Ready');
    expectEnabled('stop', await button(frame, 'stop'));
    if ((await frame.locator('.timeline-chart rect.tl-bar').count()) === 0)
      throw new ExpectationError('the timeline has no bars');
    // Keyboard: Tab reaches the buttons, with a visible focus ring.
    await frame.locator('button[data-action="continue"]').focus();
    await shot('monitor-ready-light');
    await useTheme(page, session, 'dark');
    await frame.locator('button[data-action="continue"]').focus();
    await shot('monitor-ready-dark');

    await frame.locator('button[data-action="stop"]').click();
    await waitForMonitorStatus(page, ['Stopped'], 120_000);
    await waitUntil(
      async () => (await button(frame, 'stop')).disabled,
      'Stop to be disabled after the deployment stopped',
      30_000,
    );
    for (const action of ['continue', 'stop', 'stopAndRollback'])
      await expectDisabled(frame, action, await button(frame, action), /^The deployment has ended \(Stopped\)\.$/);
    await shot('monitor-stopped-dark');
    await useTheme(page, session, 'light');
    await shot('monitor-stopped-light');
  } finally {
    // Back to the default theme for the scenarios that follow.
    await useTheme(page, session, undefined).catch(() => {});
  }
}
