// The CodeDeploy view: applications from the local endpoint, expand one down to its deployments.
import { showActivity, waitUntil } from '../lib/workbench.mjs';

export const title = 'open the CodeDeploy view and walk the tree: application → deployment group → deployments';

function row(page, text) {
  return page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();
}

async function expand(page, text) {
  const r = row(page, text);
  await waitUntil(() => r.isVisible(), `"${text}" in the CodeDeploy tree`, 60_000);
  if ((await r.getAttribute('aria-expanded')) !== 'true') await r.click();
  await waitUntil(async () => (await r.getAttribute('aria-expanded')) === 'true', `"${text}" to expand`, 20_000);
}

export async function run({ page, shot }) {
  await showActivity(page, 'CodeDeploy');
  for (const app of ['checkout-web', 'orders-api-lambda', 'storefront-ecs']) {
    await waitUntil(() => row(page, app).isVisible(), `application ${app} in the CodeDeploy view`, 90_000);
  }
  await shot('tree-applications');
  await expand(page, 'orders-api-lambda');
  await expand(page, 'orders-api-live');
  const deployments = page.locator('.part.sidebar .monaco-list-row[aria-level="3"]');
  await waitUntil(
    async () => (await deployments.count()) >= 2,
    'the deployments of orders-api-live (level 3 rows)',
    60_000,
  );
  const labels = await deployments.allInnerTexts();
  if (!labels.some((l) => /d-[A-Z0-9]+/.test(l)))
    throw new Error(`deployment rows show deployment ids; got:\n${labels.join('\n')}`);
  await shot('tree-deployments');
}
