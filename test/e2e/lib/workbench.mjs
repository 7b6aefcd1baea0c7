// Workbench (VS Code web UI) helpers for scenarios: palette, quick open, panels, views, editor.
// Every wait has a generous timeout and a message saying what was expected; nothing sleeps as an assertion.

export const LONG = 90_000;
export const MEDIUM = 45_000;

export class ExpectationError extends Error {}

/** Polls `fn` until it returns a truthy value; throws `message` (+ the last error/value) at the deadline. */
export async function waitUntil(fn, message, timeoutMs = MEDIUM, intervalMs = 250) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      const detail =
        last instanceof Error ? last.message.split('\n')[0] : last === undefined ? '' : JSON.stringify(last);
      throw new ExpectationError(
        `${message} (waited ${Math.round(timeoutMs / 1000)}s${detail ? `; last: ${detail}` : ''})`,
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function waitForWorkbench(page, timeoutMs = LONG) {
  await page
    .locator('.monaco-workbench .part.activitybar')
    .waitFor({ state: 'visible', timeout: timeoutMs })
    .catch(() => {
      throw new ExpectationError(`the VS Code workbench did not load within ${timeoutMs / 1000}s`);
    });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The activity-bar entry for a view container, by its (aria) label prefix, e.g. "CodeDeploy". */
export function activityItem(page, label) {
  return page.locator(`.part.activitybar [aria-label^="${label}"]`).first();
}

/**
 * Shows the side bar of an activity (view container). A click on its activity item hides the side bar when that
 * activity is already showing, so a hidden side bar after the click gets a second click.
 */
export async function showActivity(page, label) {
  const sidebar = page.locator('.part.sidebar');
  await activityItem(page, label).click();
  await page.waitForTimeout(300);
  if (!(await sidebar.isVisible())) await activityItem(page, label).click();
  await waitUntil(() => sidebar.isVisible(), `the ${label} side bar`);
}

async function quickInputVisible(page) {
  return page.locator('.quick-input-widget').isVisible();
}

async function closeQuickInput(page) {
  if (await quickInputVisible(page)) await page.keyboard.press('Escape');
}

/**
 * Runs a command from the palette by its full title ("CodeDeploy: Refresh"). Waits until a palette row with
 * exactly that label is present, then picks it.
 */
export async function runCommand(page, title, timeoutMs = MEDIUM) {
  await closeQuickInput(page);
  await focusWorkbench(page);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await waitUntil(
    async () =>
      (await row.isVisible()) && (await row.getAttribute('aria-label'))?.toLowerCase().includes(title.toLowerCase()),
    `command "${title}" did not appear in the command palette`,
    timeoutMs,
  );
  await row.click();
}

/**
 * Opens a workspace file via Quick Open (Ctrl+P), picking the row for exactly that path, and waits until the editor
 * shows it (breadcrumbs name its folder: several files share the name appspec.yml).
 */
export async function openFile(page, relPath, timeoutMs = MEDIUM) {
  await closeQuickInput(page);
  await focusWorkbench(page);
  const parts = relPath.split('/');
  const base = parts.pop();
  const dir = parts.join('/');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(relPath);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  // The list re-renders while quick open searches: a row found a moment ago may be replaced before the click lands,
  // so find it again and click until a click succeeds.
  await waitUntil(
    async () => {
      const n = await rows.count();
      for (let i = 0; i < n; i++) {
        const label = (await rows.nth(i).getAttribute('aria-label')) ?? '';
        if (label.includes(base) && (!dir || segmentMatch(label, dir))) {
          await rows.nth(i).click({ timeout: 3_000 });
          return true;
        }
      }
      return undefined;
    },
    `quick open did not list ${relPath}`,
    timeoutMs,
  );
  await waitUntil(
    async () => {
      const crumbs = await page
        .locator('.editor-group-container.active .breadcrumbs-control')
        .first()
        .innerText()
        .catch(() => '');
      const tab =
        (await page
          .locator('.editor-group-container.active .tabs-container .tab.active')
          .getAttribute('aria-label')
          .catch(() => '')) ?? '';
      return tab.includes(base) && (!dir || crumbs.split(/\s*\n\s*/).includes(parts[parts.length - 1]));
    },
    `the editor for ${relPath} did not become active`,
    timeoutMs,
  );
  await page
    .locator('.editor-group-container.active .monaco-editor .view-lines')
    .first()
    .waitFor({ timeout: timeoutMs });
}

/** `dir` appears in `text` as a whole path (not as the prefix of a longer folder name like lambda → lambda-fail). */
function segmentMatch(text, dir) {
  const escaped = dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s,/])${escaped}($|[\\s,/])`).test(text);
}

async function focusWorkbench(page) {
  // A click on the status bar gives the page keyboard focus without changing editor state.
  await page
    .locator('.monaco-workbench .part.statusbar')
    .click({ position: { x: 2, y: 2 } })
    .catch(() => {});
}

/** Focuses the Problems panel and returns its locator. */
export async function showProblems(page) {
  await runCommand(page, 'View: Focus Problems');
  const panel = page.locator('.markers-panel');
  await panel.first().waitFor({ state: 'visible', timeout: MEDIUM });
  return panel.first();
}

/** Waits until the Problems panel text contains every string in `needles`; returns the panel text. */
export async function waitForProblems(page, needles, timeoutMs = LONG) {
  const panel = await showProblems(page);
  let text = '';
  await waitUntil(
    async () => {
      text = (await panel.innerText()) ?? '';
      return needles.every((n) => text.includes(n));
    },
    `the Problems panel did not show ${needles.map((n) => `"${n}"`).join(', ')}`,
    timeoutMs,
  ).catch((e) => {
    throw new ExpectationError(`${e.message}\nProblems panel text:\n${text.slice(0, 1500)}`);
  });
  return text;
}

/** The lines of the active editor as rendered text (only what is on screen). */
export async function activeEditorText(page) {
  return page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
}

/** Moves the cursor in the active editor to a 1-based line/column via "Go to Line" (Ctrl+G). */
export async function goToLine(page, line, column = 1) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await waitUntil(async () => !(await quickInputVisible(page)), 'Go to Line did not close', 10_000);
}

/** Status bar "Ln X, Col Y" of the active editor. */
export async function cursorPosition(page) {
  const t = await page.locator('.statusbar-item[id="status.editor.selection"]').innerText();
  const m = /Ln (\d+), Col (\d+)/.exec(t);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

/** Rows of the tree in a view (by view id), as { label, level, expanded, ariaLabel, locator }. */
export async function treeRows(page, viewId) {
  const rows = page.locator(`[id="${viewId}"] .monaco-list-row, .pane-body[aria-label*="${viewId}"] .monaco-list-row`);
  const out = [];
  const n = await rows.count();
  for (let i = 0; i < n; i++) {
    const r = rows.nth(i);
    out.push({
      label: (
        await r
          .locator('.label-name, .monaco-highlighted-label')
          .first()
          .innerText()
          .catch(() => '')
      ).trim(),
      level: Number(await r.getAttribute('aria-level')),
      expanded: await r.getAttribute('aria-expanded'),
      ariaLabel: (await r.getAttribute('aria-label')) ?? '',
      locator: r,
    });
  }
  return out;
}

/** Visible notification toasts' text. */
export async function notifications(page) {
  const toasts = page.locator('.notifications-toasts .notification-toast');
  const n = await toasts.count();
  const out = [];
  for (let i = 0; i < n; i++)
    out.push(
      await toasts
        .nth(i)
        .innerText()
        .catch(() => ''),
    );
  return out;
}
