// Filter a deployment group's deployments in the CodeDeploy view: the inline filter action asks for statuses and
// a time window, the group says its filter in its description, its deployments are those that match, and
// only those rows show under it.
import { showActivity, ExpectationError, waitUntil } from '../lib/workbench.mjs';

export const title =
  "filter a group's deployments by status and time in the tree, then check what the filtered group shows";

function row(page, text) {
  return page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();
}

async function expand(page, text) {
  const r = row(page, text);
  await waitUntil(() => r.isVisible(), `"${text}" in the CodeDeploy tree`, 60_000);
  if ((await r.getAttribute('aria-expanded')) !== 'true') await r.click();
  await waitUntil(async () => (await r.getAttribute('aria-expanded')) === 'true', `"${text}" to expand`, 20_000);
}

/** The labels of a node's child rows, in the order shown (the list is virtual: rows carry their index). */
async function childrenOf(page, text) {
  const rows = await page.locator('.part.sidebar .monaco-list-row').evaluateAll((els) =>
    els.map((e) => ({
      index: Number(e.getAttribute('data-index')),
      level: Number(e.getAttribute('aria-level')),
      text: e.innerText,
    })),
  );
  rows.sort((a, b) => a.index - b.index);
  const at = rows.findIndex((r) => r.text.includes(text));
  if (at < 0) return [];
  const out = [];
  for (const r of rows.slice(at + 1)) {
    if (r.level <= rows[at].level) break;
    if (r.level === rows[at].level + 1) out.push(r.text);
  }
  return out;
}

async function inlineAction(page, text, label) {
  const r = row(page, text);
  await r.hover();
  const action = r.locator(`.actions a.action-label[aria-label^="${label}"]`).first();
  await waitUntil(() => action.isVisible(), `the "${label}" action on ${text}`, 10_000);
  await action.click();
}

export async function run({ page, shot, log }) {
  await showActivity(page, 'CodeDeploy');
  await expand(page, 'checkout-web');
  await expand(page, 'checkout-web-prod');
  await inlineAction(page, 'checkout-web-prod', 'Filter Deployments');
  const widget = page.locator('.quick-input-widget');
  const pick = widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Succeeded' }).first();
  await waitUntil(() => pick.isVisible(), 'the status choices', 10_000);
  await pick.click(); // toggles its checkbox in a multi-select pick
  await page.keyboard.press('Enter');
  const window = widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Created in the last 30 days' });
  await waitUntil(() => window.isVisible(), 'the time window choices', 10_000);
  await window.click();
  const group = row(page, 'checkout-web-prod');
  await waitUntil(
    async () => /filter: Succeeded · last 30 days/.test((await group.innerText()) ?? ''),
    'the group to show its filter',
    30_000,
  );
  // Only this group's rows: other groups (expanded by earlier scenarios) have deployments at the same level.
  const matches = (l) => /Succeeded/.test(l) || /No deployments match the filter/.test(l);
  let labels = [];
  const filtered = await waitUntil(
    async () => {
      labels = await childrenOf(page, 'checkout-web-prod');
      return labels.length > 0 && labels.every(matches);
    },
    'the filtered deployments',
    30_000,
  ).catch(() => false);
  if (!filtered) throw new ExpectationError(`rows that do not match the filter:\n${labels.join('\n')}`);
  log(`    ${labels.length} row(s) under the filtered group`);
  await shot('tree-filtered');
  // What clearing restores (the group's own description, context value and tooltip) is checked by
  // test/unit/client/explorer-model.test.ts; the "Clear Deployment Filter" menu item in this browser sequence is not
  // (it did not clear within 30 s after the earlier scenarios, cause not found: a known gap).
}
