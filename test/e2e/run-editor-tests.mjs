#!/usr/bin/env node
// `npm run test:editor`: runs the mocha suite of test/editor (compiled to out/test/editor/) inside the real VS Code
// extension host of code-server, with the extension loaded as a development extension through the workbench's
// `payload` URL parameter. Exits 0 only when the extension host reports codeAutomationExit(0).
// Prints each test as it finishes, then the results, a `SKIP <test>` line per pending (skipped) test and a closing
// `N passed, N failed, N skipped` line (the format scripts/test-all.mjs reads).
// Env: APPSPEC_EDITOR_GREP=regex (subset), APPSPEC_EDITOR_TIMEOUT=seconds (default 600), APPSPEC_E2E_KEEP=1.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ensureInstalled } from './lib/install.mjs';
import { chromiumAvailable, screenshot } from './lib/browser.mjs';
import { ROOT } from './lib/paths.mjs';
import { killOnSignals } from './lib/processes.mjs';
import { openSession } from './lib/session.mjs';

const TESTS = path.join(ROOT, 'out', 'test', 'editor', 'index.js');
const WORKSPACE = path.join(ROOT, 'test', 'editor', 'workspace');
const TIMEOUT_S = Number(process.env.APPSPEC_EDITOR_TIMEOUT || 600);

/** The extension's own log files (CodeDeploy, AppSpec Language Server) under the run's user-data logs. */
function extensionLogFiles(dataDir) {
  const found = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.includes('appspec-tools.appspec-codedeploy') && e.name.endsWith('.log')) found.push(p);
    }
  };
  try {
    walk(path.join(dataDir, 'logs'));
  } catch {
    return [];
  }
  return found;
}

function printExtensionLogs(dataDir) {
  for (const f of extensionLogFiles(dataDir)) {
    const text = readFileSync(f, 'utf8').trim();
    if (text) console.log(`--- ${path.basename(f)} (tail) ---\n${text.split('\n').slice(-40).join('\n')}`);
  }
}

/**
 * The local endpoint the extension talks to: `node dist/local.js` behind the service-model validator
 * (out/test/model/judge.js), so every request and answer of the in-editor suite is checked against the
 * CodeDeploy model (docs/fidelity.md). The workspace points `codedeploy.endpoint` at the validator.
 */
async function startJudgedEndpoint(timeScale) {
  const require = createRequire(import.meta.url);
  const { startJudge } = require(path.join(ROOT, 'out', 'test', 'model', 'judge.js'));
  const { formatMismatch } = require(path.join(ROOT, 'out', 'test', 'model', 'validate.js'));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'appspec-editor-endpoint-'));
  const args = [path.join(ROOT, 'dist', 'local.js'), '--port', '0', '--data', dataDir, '--time-scale', String(timeScale)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  // The endpoint prints its access key id (contract C1) before the URL line.
  const { url, accessKeyId } = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`dist/local.js printed no URL: ${out}`)), 15_000);
    child.stdout.on('data', (d) => {
      out += d.toString('utf8');
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      const key = /^AWS_ACCESS_KEY_ID=(\S+)$/m.exec(out)?.[1];
      if (m && key) {
        clearTimeout(timer);
        resolve({ url: m[0], accessKeyId: key });
      }
    });
    child.once('exit', (code) => reject(new Error(`dist/local.js exited with ${code}: ${out}`)));
  });
  const judge = await startJudge(url, { onMismatch: (m) => console.log(`service model: ${formatMismatch(m)}`) });
  return {
    url: judge.url,
    accessKeyId,
    judge,
    async stop() {
      await judge.close();
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function finish(passed, failed, code, skipped = 0) {
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(code);
}

killOnSignals();
for (const [file, hint] of [
  [TESTS, 'the in-editor suite is not compiled'],
  [path.join(ROOT, 'dist', 'client.js'), 'the extension is not bundled'],
]) {
  if (!existsSync(file)) {
    console.error(`${hint}: ${path.relative(ROOT, file)} is missing. Run \`npm run build\` first.`);
    finish(0, 1, 1);
  }
}
if (!(await ensureInstalled())) finish(0, 1, 1);
if (!chromiumAvailable()) {
  console.error('chromium is missing. Install it with:\n  apt-get update && apt-get install -y chromium');
  finish(0, 1, 1);
}

let exitCode;
let resolveExit;
const exited = new Promise((r) => (resolveExit = r));
const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);

// The results/log files live outside the workspace so the tests cannot trip over them.
let session;
let resultsFile;
let logFile;
let printed = 0;
const printProgress = () => {
  if (!logFile || !existsSync(logFile)) return;
  const text = readFileSync(logFile, 'utf8');
  if (text.length > printed) {
    process.stdout.write(text.slice(printed));
    printed = text.length;
  }
};

console.log('in-editor tests: starting code-server with the extension as a development extension…');
let failedToRun;
let endpoint;
try {
  endpoint = await startJudgedEndpoint(300);
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'appspec-editor-results-'));
  resultsFile = path.join(outDir, 'results.json');
  logFile = path.join(outDir, 'progress.log');
  writeFileSync(logFile, '');
  session = await openSession({
    name: 'editor',
    sources: [WORKSPACE],
    workspaceName: 'editor-tests',
    workspaceSettings: {
      'codedeploy.connection': 'local',
      'codedeploy.local.timeScale': 300,
      'codedeploy.endpoint': endpoint.url,
    },
    extension: { devPath: ROOT, testsPath: TESTS },
    env: {
      // The extension signs with the external endpoint's key (codedeploy.endpoint, contract C1).
      CODEDEPLOY_LOCAL_ACCESS_KEY_ID: endpoint.accessKeyId,
      APPSPEC_EDITOR_RESULTS: resultsFile,
      APPSPEC_EDITOR_LOG: logFile,
      APPSPEC_EDITOR_GREP: process.env.APPSPEC_EDITOR_GREP ?? '',
    },
    beforeGoto: async (page) => {
      await page.exposeFunction('codeAutomationExit', (code) => {
        exitCode = code;
        resolveExit();
      });
    },
  });
  console.log(`in-editor tests: workbench opened after ${secs()}s; running…`);
  const ticker = setInterval(printProgress, 500);
  let timer;
  const timedOut = new Promise((r) => (timer = setTimeout(() => r('timeout'), TIMEOUT_S * 1000)));
  const serverDied = new Promise((r) => session.server.child.once('exit', () => r('server-exit')));
  const outcome = await Promise.race([exited.then(() => 'exit'), timedOut, serverDied]);
  clearTimeout(timer);
  clearInterval(ticker);
  printProgress();
  if (outcome === 'timeout') {
    failedToRun = `the extension host did not finish the suite within ${TIMEOUT_S}s`;
    await screenshot(session.page, 'editor-tests-timeout');
  } else if (outcome === 'server-exit') {
    failedToRun = 'code-server exited during the run';
  }
} catch (e) {
  failedToRun = e.message;
} finally {
  const failedTests = (() => {
    try {
      return JSON.parse(readFileSync(resultsFile, 'utf8')).failed > 0;
    } catch {
      return true;
    }
  })();
  if ((failedToRun || failedTests) && session) printExtensionLogs(session.dirs.data);
  // The extension logs how long its activation took (client/src/extension.ts); shown, never asserted.
  if (session) {
    const lines = extensionLogFiles(session.dirs.data).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => l.includes('activated in')),
    );
    for (const l of lines) console.log(`in-editor tests: extension ${l.slice(l.indexOf('activated in')).trim()}`);
  }
  if (failedToRun && session?.server) {
    console.error(`--- code-server log (tail) ---\n${session.server.log().slice(-4000)}`);
  }
  await session?.close();
  await endpoint?.stop();
}

let results;
try {
  results = JSON.parse(readFileSync(resultsFile, 'utf8'));
} catch {
  results = undefined;
}
if (resultsFile) rmSync(path.dirname(resultsFile), { recursive: true, force: true });
console.log(`\nin-editor tests finished after ${secs()}s (extension host exit code: ${exitCode ?? 'none'})`);
if (failedToRun) console.error(`in-editor tests could not complete: ${failedToRun}`);
if (!results) {
  console.error(
    'no results file was written: the suite did not load inside the extension host (is out/test/editor built?).',
  );
  finish(0, 1, 1);
}
const failures = results.tests.filter((t) => t.state === 'failed');
if (failures.length) {
  console.log('\nFailures:');
  for (const f of failures) console.log(`  - ${f.title}\n      ${String(f.error).split('\n').join('\n      ')}`);
}
// Mocha's pending tests (it.skip, this.skip()) carry no reason.
for (const t of results.tests.filter((x) => x.state === 'pending')) console.log(`SKIP ${t.title}`);
// The service-model check of everything the extension exchanged with the endpoint counts as one more test.
const modelClean = (endpoint?.judge.mismatches.length ?? 0) === 0;
if (endpoint) console.log(modelClean ? 'service model: no mismatches' : `\n${endpoint.judge.report()}`);
const ok = exitCode === 0 && results.failed === 0 && results.passed > 0 && !failedToRun && modelClean;
const failed = results.failed + (modelClean ? 0 : 1);
finish(results.passed + (modelClean ? 1 : 0), failed + (ok || failed > 0 ? 0 : 1), ok ? 0 : 1, results.pending ?? 0);
