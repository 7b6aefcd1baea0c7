/**
 * The local endpoint for benchmarks and scale runs (scripts/bench.mjs --client): started in this
 * process on 127.0.0.1, on a manual clock, with the connection settings the product's AWS layer
 * needs. Whatever a client must present to the endpoint (credentials) is decided here, in one place.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ConnectionSettings } from '../../client/src/aws/api';
import {
  startLocalEndpoint,
  type LocalEndpoint,
  type ScaleOptions,
  type ThrottleRates,
} from '../../client/src/local/index';

/** Simulated time that moves only when told (timeScale 1: N ms of clock are N ms of deployment). */
export class SteppedClock {
  constructor(public t = Date.UTC(2026, 10, 26, 9, 0, 0)) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface BenchEndpoint {
  endpoint: LocalEndpoint;
  clock: SteppedClock;
  settings: ConnectionSettings;
  dataDir: string;
  /** Milliseconds from the call to a listening endpoint (seeding included). */
  startMs: number;
  close(): Promise<void>;
}

export async function startBenchEndpoint(
  opts: { scale?: ScaleOptions; throttle?: ThrottleRates; seed?: boolean } = {},
): Promise<BenchEndpoint> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-bench-'));
  const clock = new SteppedClock();
  const started = performance.now();
  const endpoint = await startLocalEndpoint({
    port: 0,
    dataDir,
    timeScale: 1,
    clock,
    seed: opts.seed ?? false,
    tickMs: 60_000,
    scale: opts.scale,
    throttle: opts.throttle,
  });
  const startMs = performance.now() - started;
  const settings: ConnectionSettings = {
    kind: 'local',
    region: 'us-east-1',
    endpoint: endpoint.url,
    s3Endpoint: endpoint.s3Url,
    credentials: { accessKeyId: endpoint.accessKeyId, secretAccessKey: 'local-bench-secret' },
  };
  return {
    endpoint,
    clock,
    settings,
    dataDir,
    startMs,
    async close() {
      await endpoint.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
