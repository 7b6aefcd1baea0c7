// A quick fix from the light bulb menu (Ctrl+.) renames a misspelled hook and its warning goes away.
import { activeEditorText, goToLine, openFile, waitUntil } from '../lib/workbench.mjs';

export const title = 'apply a quick fix (Ctrl+.): misspelled ValidateServise becomes ValidateService';

export async function run({ page, shot }) {
  await openFile(page, 'quickfix/appspec.yml');
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await waitUntil(
    async () => (await editor.locator('.squiggly-warning').count()) > 0,
    'the W4002 squiggle on ValidateServise',
    90_000,
  );
  await goToLine(page, 4, 6);
  await page.keyboard.press('Control+.');
  const item = page.locator('.action-widget .monaco-list-row', { hasText: 'ValidateService' }).first();
  await waitUntil(() => item.isVisible(), 'the quick fix menu to offer "Rename to ValidateService"', 45_000);
  await shot('quickfix-menu');
  // Choose it with the keyboard, as the menu is meant to be used: move the focus to the item, then Enter.
  const focused = page.locator('.action-widget .monaco-list-row.focused');
  for (let i = 0; i < 10 && !/ValidateService/.test((await focused.innerText().catch(() => '')) ?? ''); i++) {
    await page.keyboard.press('ArrowDown');
  }
  if (!/ValidateService/.test(await focused.innerText()))
    throw new Error('could not focus the "Rename to ValidateService" item');
  await page.keyboard.press('Enter');
  await waitUntil(
    async () => /^\s*ValidateService:/m.test(await activeEditorText(page)),
    'the hook renamed in the editor',
    20_000,
  );
  await waitUntil(
    async () => (await editor.locator('.squiggly-warning').count()) === 0,
    'the warning squiggle to disappear after the fix',
    45_000,
  );
  await shot('quickfix-applied');
}
