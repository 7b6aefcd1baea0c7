#!/usr/bin/env node
// Smoke check of the e2e toolchain: code-server starts with the packaged extension, the workbench loads in chromium,
// and the CodeDeploy activity-bar entry is there. Saves artifacts/screenshots/smoke-*.png.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openSession } from './lib/session.mjs';
import { EXAMPLES, VSIX } from './lib/paths.mjs';
import { activityItem, waitForWorkbench, waitUntil } from './lib/workbench.mjs';
import { killOnSignals } from './lib/processes.mjs';

killOnSignals();
if (!existsSync(VSIX)) {
  console.error(`missing ${path.relative(process.cwd(), VSIX)}: run \`npm run package\` first`);
  process.exit(1);
}
const t0 = Date.now();
const session = await openSession({
  name: 'smoke',
  sources: existsSync(EXAMPLES) ? [EXAMPLES] : [],
  workspaceSettings: { 'codedeploy.connection': 'local' },
  extension: { vsix: VSIX },
});
let ok = false;
try {
  await waitForWorkbench(session.page);
  console.log(`workbench ready after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  await session.screenshot('smoke-workbench');
  await waitUntil(
    () => activityItem(session.page, 'CodeDeploy').isVisible(),
    'the CodeDeploy activity-bar entry did not appear',
    60_000,
  );
  await session.screenshot('smoke-activitybar');
  console.log('CodeDeploy entry visible in the activity bar');
  ok = true;
} catch (e) {
  console.error(`smoke failed: ${e.message}`);
  await session.screenshot('smoke-failure');
  console.error(session.server?.log().slice(-3000));
} finally {
  await session.close();
}
console.log(`${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);
