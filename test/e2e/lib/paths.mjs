// Well-known locations used by the e2e harness.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = path.resolve(E2E_DIR, '..', '..');
export const ARTIFACTS = path.join(ROOT, 'artifacts');
export const SCREENSHOTS = path.join(ARTIFACTS, 'screenshots');
export const VSIX = path.join(ROOT, 'dist', 'appspec-codedeploy.vsix');
export const CODE_SERVER_ENTRY = path.join(E2E_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const EXAMPLES = path.join(ROOT, 'examples');
