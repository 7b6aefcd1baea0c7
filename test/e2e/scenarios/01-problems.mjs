// A new user opens a broken EC2 AppSpec: squiggles in the editor, rule IDs in the Problems panel.
import { openFile, waitForProblems, waitUntil } from '../lib/workbench.mjs';

export const title = 'open a broken AppSpec: Problems panel lists rule IDs, the editor shows squiggles';

export async function run({ page, shot }) {
  await openFile(page, 'ec2-app/appspec.yml');
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await waitUntil(
    async () =>
      (await editor.locator('.squiggly-error').count()) > 0 && (await editor.locator('.squiggly-warning').count()) > 0,
    'an error squiggle (os: Linux) and a warning squiggle (AfterInstal) in the editor',
    90_000,
  );
  await shot('problems-squiggles');
  const text = await waitForProblems(page, ['E2001', 'W4002']);
  if (!/Did you mean `?linux`?/.test(text))
    throw new Error(`the E2001 entry explains the fix; Problems panel:\n${text}`);
  await shot('problems-panel');
}
