#!/usr/bin/env node
// `npm run test:vscode`: runs the in-editor suite (out/test/editor) in desktop VS Code through @vscode/test-electron,
// for machines that can download VS Code from update.code.visualstudio.com. Where that host is unreachable (this
// project's CI), it fails fast with a clear message; `npm run test:editor` runs the same suite in code-server instead.
// Env: VSCODE_TEST_VERSION (default 1.100.3), APPSPEC_EDITOR_GREP.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const E2E = path.join(ROOT, 'test', 'e2e');
const TESTS = path.join(ROOT, 'out', 'test', 'editor', 'index.js');
const WORKSPACE = path.join(ROOT, 'test', 'editor', 'workspace');

function done(passed, failed, code) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code);
}

if (!existsSync(TESTS)) {
  console.error('out/test/editor/index.js is missing: run `npm run build` first.');
  done(0, 1, 1);
}

let runTests;
try {
  ({ runTests } = createRequire(path.join(E2E, 'package.json'))('@vscode/test-electron'));
} catch {
  console.error('@vscode/test-electron is not installed: run `node test/e2e/install.mjs` first.');
  done(0, 1, 1);
}

// A throw-away copy of the test workspace, user data and extensions dirs, like the code-server runner.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'appspec-electron-'));
const ws = path.join(tmp, 'editor-tests');
cpSync(WORKSPACE, ws, { recursive: true });
mkdirSync(path.join(ws, '.vscode'), { recursive: true });
writeFileSync(
  path.join(ws, '.vscode', 'settings.json'),
  JSON.stringify({ 'codedeploy.connection': 'local', 'codedeploy.local.timeScale': 300 }, null, 2),
);
const resultsFile = path.join(tmp, 'results.json');
process.env.APPSPEC_EDITOR_RESULTS = resultsFile;
process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

let code = 1;
try {
  code = await runTests({
    version: process.env.VSCODE_TEST_VERSION || '1.100.3',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: TESTS,
    launchArgs: [
      ws,
      '--disable-extensions',
      '--user-data-dir',
      path.join(tmp, 'data'),
      '--extensions-dir',
      path.join(tmp, 'ext'),
    ],
    extensionTestsEnv: { APPSPEC_EDITOR_RESULTS: resultsFile, AWS_EC2_METADATA_DISABLED: 'true' },
  });
} catch (e) {
  const msg = String(e?.message ?? e);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|network/i.test(msg)) {
    console.error(
      `@vscode/test-electron could not download VS Code (${msg.split('\n')[0]}).\n` +
        'This machine cannot reach update.code.visualstudio.com. Run the same suite in code-server instead:\n' +
        '  npm run test:editor',
    );
  } else {
    console.error(`@vscode/test-electron failed: ${msg}`);
  }
  rmSync(tmp, { recursive: true, force: true });
  done(0, 1, 1);
}

let passed = 0;
let failed = code === 0 ? 0 : 1;
try {
  const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed = r.passed;
  failed = r.failed + (code !== 0 && r.failed === 0 ? 1 : 0);
  for (const t of r.tests.filter((x) => x.state === 'failed')) console.log(`FAIL ${t.title}\n  ${t.error}`);
} catch {
  /* no results: counted as one failure above */
}
rmSync(tmp, { recursive: true, force: true });
done(passed, failed, code === 0 && failed === 0 ? 0 : 1);
