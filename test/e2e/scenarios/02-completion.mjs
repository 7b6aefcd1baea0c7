// Completion of a hook name: type the start of a lifecycle event under `hooks:` and pick it from the suggestions.
import { activeEditorText, goToLine, openFile, waitUntil } from '../lib/workbench.mjs';

export const title = 'complete a hook name under hooks: (EC2)';

export async function run({ page, shot }) {
  await openFile(page, 'complete/appspec.yml');
  await goToLine(page, 4, 3);
  await page.keyboard.type('Valid');
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.suggest-widget.visible');
  const row = suggest.locator('.monaco-list-row', { hasText: 'ValidateService' }).first();
  await waitUntil(() => row.isVisible(), 'the suggestion list to offer ValidateService', 45_000);
  const others = await suggest.locator('.monaco-list-row').allInnerTexts();
  if (others.some((t) => /AfterAllowTestTraffic/.test(t)))
    throw new Error(`ECS-only events offered in an EC2 AppSpec: ${others.join(' | ')}`);
  await shot('completion-suggestions');
  await row.click();
  await waitUntil(
    async () => /^\s*ValidateService:/m.test(await activeEditorText(page)),
    'ValidateService: inserted in the editor',
    20_000,
  );
  await page.keyboard.press('Escape');
  await shot('completion-inserted');
}
