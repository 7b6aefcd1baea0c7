#!/usr/bin/env node
// `npm run test:e2e`: screen-level scenarios, tried the way a new user would, with Playwright on the VS Code workbench
// (code-server + Debian chromium). The extension is installed from dist/appspec-codedeploy.vsix (packaged first when
// missing or older than the bundles). Screenshots go to artifacts/screenshots/. Ends with `N passed, N failed`.
// Usage: node test/e2e/run-scenarios.mjs [--dev] [name-filter…]
//   --dev           load the extension from the repository as a development extension instead of the VSIX
//   name-filter     only scenarios whose file name contains one of these strings (e.g. "deploy" "tree")
// Env: APPSPEC_E2E_KEEP=1 keeps the run directory; APPSPEC_SCENARIO_TIMEOUT=seconds per scenario (default 300).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumAvailable } from './lib/browser.mjs';
import { ensureInstalled } from './lib/install.mjs';
import { E2E_DIR, ROOT, VSIX } from './lib/paths.mjs';
import { killOnSignals } from './lib/processes.mjs';
import { openSession } from './lib/session.mjs';
import { notifications, runCommand, waitForWorkbench } from './lib/workbench.mjs';

const args = process.argv.slice(2);
const dev = args.includes('--dev');
const filters = args.filter((a) => !a.startsWith('--'));
const SCENARIO_TIMEOUT = Number(process.env.APPSPEC_SCENARIO_TIMEOUT || 300) * 1000;

function finish(passed, failed) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

function run(cmd, argv) {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', () => resolve(127));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function vsixIsFresh() {
  if (!existsSync(VSIX)) return false;
  const t = statSync(VSIX).mtimeMs;
  const inputs = ['package.json', 'dist/client.js', 'dist/server.js'].map((f) => path.join(ROOT, f)).filter(existsSync);
  return inputs.every((f) => statSync(f).mtimeMs <= t);
}

killOnSignals();
const scenarioDir = path.join(E2E_DIR, 'scenarios');
const scenarios = readdirSync(scenarioDir)
  .filter((f) => /^\d+-.*\.mjs$/.test(f))
  .sort()
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
if (!scenarios.length) {
  console.error(`no scenario matches ${filters.join(', ')}`);
  finish(0, 1);
}

if (!(await ensureInstalled())) finish(0, 1);
if (!chromiumAvailable()) {
  console.error('chromium is missing. Install it with:\n  apt-get update && apt-get install -y chromium');
  finish(0, 1);
}
if (dev) {
  if (!existsSync(path.join(ROOT, 'dist', 'client.js'))) {
    console.error('dist/client.js is missing: run `npm run build` first.');
    finish(0, 1);
  }
} else if (!vsixIsFresh()) {
  console.log('scenarios: packaging the extension (npm run package)…');
  if ((await run('npm', ['run', '--silent', 'package'])) !== 0 || !existsSync(VSIX)) {
    console.error('`npm run package` failed: cannot install the extension into code-server.');
    finish(0, 1);
  }
}

const results = [];
const t0 = Date.now();
let session;
try {
  console.log(
    `scenarios: starting code-server + chromium with the extension ${dev ? 'as a development extension' : 'installed from the VSIX'}…`,
  );
  session = await openSession({
    name: 'scenarios',
    sources: [path.join(E2E_DIR, 'workspace')],
    workspaceName: 'scenarios',
    workspaceSettings: { 'codedeploy.connection': 'local', 'codedeploy.local.timeScale': 30 },
    extension: dev ? { devPath: ROOT } : { vsix: VSIX },
  });
  const { page } = session;
  await waitForWorkbench(page);
  console.log(`scenarios: workbench ready after ${((Date.now() - t0) / 1000).toFixed(1)}s\n`);

  for (const file of scenarios) {
    const name = file.replace(/\.mjs$/, '');
    const mod = await import(pathToFileURL(path.join(scenarioDir, file)).href);
    const started = Date.now();
    const log = (line) => console.log(line);
    const shot = async (label) => {
      const p = await session.screenshot(`${name}--${label}`);
      if (p) console.log(`    screenshot ${path.relative(ROOT, p)}`);
    };
    console.log(`- ${name}: ${mod.title}`);
    // A clean stage: no open prompt, no editors, no panel from the previous scenario.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    await runCommand(page, 'View: Close All Editor Groups').catch(() => {});
    let timer;
    try {
      await Promise.race([
        mod.run({ page, session, shot, log }),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`scenario timed out after ${SCENARIO_TIMEOUT / 1000}s`)),
            SCENARIO_TIMEOUT,
          );
        }),
      ]);
      results.push({ name, ok: true });
      console.log(`  PASS (${((Date.now() - started) / 1000).toFixed(1)}s)\n`);
    } catch (e) {
      results.push({ name, ok: false, error: e.message });
      console.log(`  FAIL (${((Date.now() - started) / 1000).toFixed(1)}s): ${e.message.split('\n').join('\n    ')}`);
      const toasts = (await notifications(page).catch(() => [])).filter(Boolean);
      if (toasts.length)
        console.log(`    notifications on screen:\n      ${toasts.map((t) => t.replace(/\n/g, ' ')).join('\n      ')}`);
      await shot('failure');
      console.log('');
    } finally {
      clearTimeout(timer);
    }
  }
} catch (e) {
  console.error(`scenarios could not run: ${e.message}`);
  if (session?.page) await session.screenshot('scenarios-setup-failure');
  if (session?.server) console.error(`--- code-server log (tail) ---\n${session.server.log().slice(-3000)}`);
  for (const file of scenarios)
    if (!results.some((r) => r.name === file.replace(/\.mjs$/, '')))
      results.push({ name: file, ok: false, error: 'not run' });
} finally {
  await session?.close();
}

console.log('Scenarios:');
for (const r of results)
  console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name}${r.ok ? '' : `  — ${r.error.split('\n')[0]}`}`);
console.log(`(${((Date.now() - t0) / 1000).toFixed(0)}s in all; screenshots in artifacts/screenshots/)`);
finish(results.filter((r) => r.ok).length, results.filter((r) => !r.ok).length);
