// Debian chromium driven by playwright-core, with a fresh profile and an isolated HOME per run.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { CHROMIUM, E2E_DIR, SCREENSHOTS } from './paths.mjs';

const require = createRequire(path.join(E2E_DIR, 'package.json'));

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumAvailable() {
  return existsSync(CHROMIUM);
}

/** Launches chromium with a persistent (fresh) profile; returns { context, page }. */
export async function launchBrowser(dirs, { viewport = { width: 1400, height: 900 } } = {}) {
  if (!chromiumAvailable()) {
    throw new Error(
      `chromium not found at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium`,
    );
  }
  const { chromium } = require('playwright-core');
  const context = await chromium.launchPersistentContext(dirs.browserProfile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    env: {
      ...process.env,
      HOME: dirs.home,
      XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
      XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
      XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
      TMPDIR: dirs.tmp,
    },
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** Saves a PNG into artifacts/screenshots/<name>.png and returns its path (never throws). */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  try {
    await page.screenshot({ path: file, timeout: 15_000 });
    return file;
  } catch (e) {
    console.log(`  (screenshot ${name} failed: ${e.message.split('\n')[0]})`);
    return undefined;
  }
}
