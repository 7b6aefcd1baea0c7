#!/usr/bin/env node
// The outside-clients stage: Debian's AWS CLI (/usr/bin/aws) and boto3 (/usr/bin/python3) drive
// `node dist/local.js --port 0 --data DIR --time-scale 100` through the scenarios of scenarios.py, with no
// code of the project in the client. Every raw request and response on the wire passes the service-model
// validator (out/test/model/judge.js) loaded with botocore's own service-2.json, the copy those clients use;
// botocore's parser drops members it does not know, so the raw bodies are what is checked.
// Prints each scenario, the wire check, the operations exercised, then `N passed, N failed`.
// Needs: npm run build (dist/local.js, out/test/model), apt-get install -y awscli python3-boto3.
// Args: scenario names to run only those.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { aptInstall } from '../e2e/lib/install.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const PYTHON = '/usr/bin/python3';
const AWS = '/usr/bin/aws';
const TIMEOUT_MS = 8 * 60_000;

function finish(passed, failed) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

function missingPackages() {
  const out = [];
  if (!existsSync(AWS)) out.push('awscli');
  if (!existsSync(PYTHON) || spawnSync(PYTHON, ['-c', 'import boto3'], { stdio: 'ignore' }).status !== 0) {
    out.push('python3-boto3');
  }
  return out;
}
let missing = missingPackages();
// Like the browser stages: as root on Debian/Ubuntu the packages are installed (APPSPEC_NO_APT=1 skips that).
if (missing.length && (await aptInstall(missing))) missing = missingPackages();
if (missing.length) {
  console.error(
    `outside: ${missing.join(' and ')} missing. Install with:\n  apt-get update && apt-get install -y ${missing.join(' ')}`,
  );
  finish(0, 1);
}
for (const f of ['dist/local.js', 'out/test/model/judge.js']) {
  if (!existsSync(path.join(ROOT, f))) {
    console.error(`outside: ${f} is missing. Run \`npm run build\` first.`);
    finish(0, 1);
  }
}

const { startJudge } = require(path.join(ROOT, 'out/test/model/judge.js'));
const { formatMismatch } = require(path.join(ROOT, 'out/test/model/validate.js'));
const { loadJudgeModel } = require(path.join(ROOT, 'out/test/model/serviceModel.js'));

const work = mkdtempSync(path.join(os.tmpdir(), 'codedeploy-outside-'));
const dataDir = path.join(work, 'data');

/** Starts the endpoint as a user would; resolves its URL and access key (contract C1, when it prints one). */
function startEndpoint() {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'dist/local.js'), '--port', '0', '--data', dataDir, '--time-scale', '100'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stderr.on('data', (d) => process.stderr.write(`  endpoint: ${d}`));
  const keyFile = path.join(dataDir, 'access-key-id');
  const keyNow = () =>
    /^AWS_ACCESS_KEY_ID=(\S+)$/m.exec(out)?.[1] ??
    (existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : undefined);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the endpoint printed no URL: ${out}`)), 15_000);
    let url;
    let waited = 0;
    // The key (contract C1) may be printed after the URL line; an endpoint without keys never prints one.
    const poll = () => {
      const key = keyNow();
      if (key || waited >= 2_000) {
        clearTimeout(timer);
        resolve({ child, url, key });
      } else {
        waited += 50;
        setTimeout(poll, 50);
      }
    };
    child.stdout.on('data', (d) => {
      out += d.toString('utf8');
      if (url) return;
      url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0];
      if (url) poll();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the endpoint exited with ${code}: ${out}`));
    });
  });
}

let passed = 0;
let failed = 0;
let endpoint;
let judge;
try {
  const model = loadJudgeModel();
  endpoint = await startEndpoint();
  judge = await startJudge(endpoint.url, { model, onMismatch: (m) => console.log(`  wire: ${formatMismatch(m)}`) });
  console.log(`outside: endpoint ${endpoint.url}, judged through ${judge.url} by ${model.source}`);
  const py = spawn(PYTHON, [path.join(ROOT, 'test/outside/scenarios.py'), ...process.argv.slice(2)], {
    env: {
      PATH: '/usr/bin:/bin',
      HOME: work,
      PYTHONPATH: path.join(ROOT, 'test/outside'),
      PYTHONDONTWRITEBYTECODE: '1',
      OUTSIDE_URL: judge.url,
      OUTSIDE_WORK: work,
      ...(endpoint.key ? { OUTSIDE_ACCESS_KEY_ID: endpoint.key } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  py.stdout.on('data', (d) => {
    process.stdout.write(d);
    output += d.toString('utf8');
  });
  const timer = setTimeout(() => py.kill('SIGKILL'), TIMEOUT_MS);
  const code = await new Promise((resolve) => py.on('exit', (c) => resolve(c ?? 1)));
  clearTimeout(timer);
  const counts = /^scenarios: (\d+) passed, (\d+) failed$/m.exec(output);
  if (counts) {
    passed += Number(counts[1]);
    failed += Number(counts[2]);
  } else failed += 1;
  if (!counts || (code !== 0 && Number(counts[2]) === 0)) console.log(`not ok - scenarios.py exited ${code}`);

  // The wire check: every raw body the CLI and boto3 exchanged, against botocore's model.
  if (judge.mismatches.length) {
    failed += 1;
    console.log(`not ok - every request and response matches the service model\n${judge.report()}`);
  } else {
    passed += 1;
    console.log('ok - every request and response matches the service model');
  }
  const used = Object.keys(judge.calls).filter((op) => op in model.operations);
  const unused = Object.keys(model.operations).filter((op) => !used.includes(op));
  console.log(
    `outside: ${used.length} of ${Object.keys(model.operations).length} operations exercised; not: ${unused.join(', ') || 'none'}`,
  );
} catch (err) {
  failed += 1;
  console.log(`not ok - outside stage: ${err.message}`);
} finally {
  await judge?.close();
  if (endpoint) {
    const done = new Promise((r) => endpoint.child.once('exit', r));
    endpoint.child.kill('SIGTERM');
    await done;
  }
  rmSync(work, { recursive: true, force: true });
}
finish(passed, failed);
