/**
 * Worker thread for the in-process fuzz run: checks cases [from, to) of a seed and reports
 * progress through shared memory, so the parent can name the case that hangs and stop it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { makeCase } from './fuzzCases';
import { checkCase } from './fuzzCheck';

export interface WorkerInput {
  seed: number;
  from: number;
  to: number;
  bundleRoot: string;
  /** Drive the language-service features on every n-th case (0 = never). */
  featuresEvery: number;
  caseLimitMs: number;
  /** [0] = index of the case being checked now. */
  progress: SharedArrayBuffer;
}

export interface WorkerFailure {
  index: number;
  steps: string[];
  problems: string[];
}

export type WorkerMessage =
  | { kind: 'failure'; failure: WorkerFailure }
  | { kind: 'done'; checked: number; slowestMs: number; slowestCase: number };

function run(input: WorkerInput, post: (m: WorkerMessage) => void): void {
  const progress = new Int32Array(input.progress);
  let slowestMs = 0;
  let slowestCase = -1;
  for (let i = input.from; i < input.to; i++) {
    Atomics.store(progress, 0, i);
    const c = makeCase(input.seed, i);
    const t = performance.now();
    const problems = checkCase(c, {
      bundleRoot: input.bundleRoot,
      features: input.featuresEvery > 0 && i % input.featuresEvery === 0,
    });
    const ms = performance.now() - t;
    if (ms > slowestMs) {
      slowestMs = ms;
      slowestCase = i;
    }
    if (ms > input.caseLimitMs) problems.push(`took ${ms.toFixed(0)} ms (limit ${input.caseLimitMs} ms)`);
    if (problems.length) post({ kind: 'failure', failure: { index: i, steps: c.steps, problems } });
  }
  post({ kind: 'done', checked: input.to - input.from, slowestMs, slowestCase });
}

// Test runners may load every compiled file under test/: only act inside a worker.
if (parentPort && workerData && (workerData as { fuzz?: WorkerInput }).fuzz) {
  const port = parentPort;
  run((workerData as { fuzz: WorkerInput }).fuzz, (m) => port.postMessage(m));
}
