/**
 * Runs fuzz cases in-process on worker threads (one per slice) with a watchdog: a case that
 * does not finish within `hangMs` is reported by seed and index, and its worker is stopped.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerFailure, WorkerInput, WorkerMessage } from './fuzzWorker';

export interface FuzzRunOptions {
  seed: number;
  cases: number;
  /** First case index (to replay one case: start = N, cases = 1). */
  start?: number;
  workers?: number;
  featuresEvery?: number;
  caseLimitMs?: number;
  hangMs?: number;
}

export interface FuzzRunResult {
  checked: number;
  failures: WorkerFailure[];
  hangs: number[];
  slowestMs: number;
  slowestCase: number;
}

export async function runFuzz(o: FuzzRunOptions): Promise<FuzzRunResult> {
  const start = o.start ?? 0;
  const nWorkers = Math.max(1, Math.min(o.workers ?? 2, o.cases));
  const bundleRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'appspec-fuzz-'));
  // A little bundle so workspace checks find some files and miss others.
  fs.mkdirSync(path.join(bundleRoot, 'scripts'));
  fs.writeFileSync(path.join(bundleRoot, 'scripts', 'start.sh'), '#!/bin/sh\n', { mode: 0o755 });
  fs.writeFileSync(path.join(bundleRoot, 'scripts', 'stop.sh'), '#!/bin/sh\n', { mode: 0o644 });
  const result: FuzzRunResult = { checked: 0, failures: [], hangs: [], slowestMs: 0, slowestCase: -1 };
  const per = Math.ceil(o.cases / nWorkers);
  const slices: Promise<void>[] = [];
  for (let w = 0; w < nWorkers; w++) {
    const from = start + w * per;
    const to = Math.min(start + o.cases, from + per);
    if (from >= to) continue;
    slices.push(
      runSlice(
        {
          seed: o.seed,
          from,
          to,
          bundleRoot,
          featuresEvery: o.featuresEvery ?? 4,
          caseLimitMs: o.caseLimitMs ?? 3000,
          progress: new SharedArrayBuffer(4),
        },
        o.hangMs ?? 15000,
        result,
      ),
    );
  }
  try {
    await Promise.all(slices);
  } finally {
    fs.rmSync(bundleRoot, { recursive: true, force: true });
  }
  result.failures.sort((a, b) => a.index - b.index);
  return result;
}

function runSlice(input: WorkerInput, hangMs: number, result: FuzzRunResult): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(path.join(__dirname, 'fuzzWorker.js'), { workerData: { fuzz: input } });
    const progress = new Int32Array(input.progress);
    let last = -1;
    let since = Date.now();
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      clearInterval(watch);
      resolve();
    };
    const watch = setInterval(() => {
      const now = Atomics.load(progress, 0);
      if (now !== last) {
        last = now;
        since = Date.now();
      } else if (Date.now() - since > hangMs) {
        result.hangs.push(now);
        result.failures.push({
          index: now,
          steps: [],
          problems: [`no answer within ${hangMs} ms (hang); the rest of cases up to ${input.to - 1} were not run`],
        });
        void worker.terminate();
        finish();
      }
    }, 250);
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'failure') result.failures.push(m.failure);
      else {
        result.checked += m.checked;
        if (m.slowestMs > result.slowestMs) {
          result.slowestMs = m.slowestMs;
          result.slowestCase = m.slowestCase;
        }
        finish();
      }
    });
    worker.on('error', (e) => {
      result.failures.push({
        index: Atomics.load(progress, 0),
        steps: [],
        problems: [`worker crashed: ${e.stack ?? e.message}`],
      });
      finish();
    });
    worker.on('exit', () => finish());
  });
}

/** A readable report of failures, each with the command that replays it. */
export function describeFailures(seed: number, failures: WorkerFailure[], max = 10): string {
  return failures
    .slice(0, max)
    .map(
      (f) =>
        `case ${f.index} (replay: npm run fuzz -- --seed ${seed} --case ${f.index}) [${f.steps.join(', ')}]\n  ${f.problems.slice(0, 5).join('\n  ')}`,
    )
    .join('\n');
}
