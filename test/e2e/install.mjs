#!/usr/bin/env node
// Installs test/e2e's own packages (code-server, playwright-core) once, with the install fixes this machine needs.
// Usage: node test/e2e/install.mjs [--force]
import { ensureInstalled, isInstalled } from './lib/install.mjs';

const force = process.argv.includes('--force');
if (!force && isInstalled()) {
  console.log('e2e toolchain already installed (test/e2e/node_modules matches package-lock.json).');
  process.exit(0);
}
process.exit((await ensureInstalled({ force })) ? 0 : 1);
