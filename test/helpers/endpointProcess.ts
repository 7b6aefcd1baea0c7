/**
 * The standalone local endpoint (`node dist/local.js`) in a child process, as a user starts it: its URL and
 * per-start access key (contract C1) read from what it prints, its memory read from /proc. Hostile tests use
 * this so that a hang or a memory blow-up happens in the endpoint, not in the test runner.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ConnectionSettings } from '../../client/src/aws/api';

export const LOCAL_JS = path.resolve(__dirname, '../../../dist/local.js');

export interface EndpointProcess {
  child: ChildProcessWithoutNullStreams;
  url: string;
  s3Url: string;
  /** The access key id the endpoint accepts (printed as `AWS_ACCESS_KEY_ID=…`). */
  accessKeyId: string;
  dataDir: string;
  /** Connection settings for createCodeDeployApi (local kind, the endpoint's key, a dummy secret). */
  settings: ConnectionSettings;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resident memory now and at its peak, in bytes (Linux /proc; 0 elsewhere). */
  memory(): { rss: number; peak: number };
  /** SIGTERM, then waits for the exit; resolves the exit code (null when killed by a signal). */
  stop(): Promise<number | null>;
}

export function tempDataDir(prefix = 'cd-endpoint-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Starts dist/local.js on a free port; `args` are extra flags (`--no-seed`, `--time-scale 100`, …). */
export function startEndpointProcess(opts: { dataDir?: string; args?: string[] } = {}): Promise<EndpointProcess> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const child = spawn(process.execPath, [LOCAL_JS, '--port', '0', '--data', dataDir, ...(opts.args ?? [])], {
    stdio: 'pipe',
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`dist/local.js printed no URL and key within 15 s: ${out}`));
    }, 15_000);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`dist/local.js exited with ${code}: ${out}`));
    });
    const onData = () => {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const key = /^AWS_ACCESS_KEY_ID=(\S+)$/m.exec(out)?.[1];
      if (!url || !key) return;
      child.stdout.off('data', onData);
      clearTimeout(timer);
      resolve({
        child,
        url,
        s3Url: `${url}/s3`,
        accessKeyId: key,
        dataDir,
        settings: {
          kind: 'local',
          region: 'us-east-1',
          endpoint: url,
          s3Endpoint: `${url}/s3`,
          credentials: { accessKeyId: key, secretAccessKey: 'local-endpoint-test' },
        },
        output: () => out,
        memory: () => readMemory(child.pid),
        stop: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
  });
}

function readMemory(pid: number | undefined): { rss: number; peak: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/** An Authorization header shaped like SigV4 with `accessKeyId` (the endpoint checks the key id, not the signature). */
export function authHeader(accessKeyId: string, service = 'codedeploy'): Record<string, string> {
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`,
  };
}
