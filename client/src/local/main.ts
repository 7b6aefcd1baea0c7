/**
 * Standalone local CodeDeploy endpoint:
 *   node dist/local.js --port N [--data DIR] [--time-scale X] [--hooks auto|manual] [--no-seed] [--manual-clock]
 *                      [--access-key-id K]
 * Prints `AWS_ACCESS_KEY_ID=<key>` (the key clients must sign with, also written to DIR/access-key-id with
 * mode 0600), then `CodeDeploy local endpoint listening on http://127.0.0.1:N (S3: …)` once it listens.
 * `--manual-clock`: time moves only on `advance <ms>` lines on stdin (manualClock.ts), for scripts and tests.
 * `--fleet N`, `--history N`, `--apps N`: a large account (scaleSeed.ts); `--throttle on|Op=rate[/burst],…`:
 * per-operation request rates answered with ThrottlingException (throttle.ts). See docs/local-endpoint.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ACCESS_KEY_ID_PATTERN, newAccessKeyId } from './auth';
import { ACCESS_KEY_FILE, ACCESS_KEY_ENV, defaultDataDir } from './defaults';
import { startLocalEndpoint } from './index';
import { driveClock, steppedClock } from './manualClock';
import { SCALE_LIMITS, type ScaleOptions } from './scaleSeed';
import { parseThrottleSpec, type ThrottleRates } from './throttle';

const USAGE =
  'usage: node dist/local.js --port <0-65535> [--data <dir>] [--time-scale <number>] [--hooks auto|manual] [--no-seed] [--manual-clock] [--access-key-id <key>]\n' +
  '       [--fleet <instances>] [--history <deployments>] [--apps <applications>] [--throttle on|<Op=rate[/burst],...>]';

function usage(message: string): never {
  process.stderr.write(`local endpoint: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): {
  port: number;
  dataDir: string;
  timeScale: number;
  seed: boolean;
  hookMode: 'auto' | 'manual';
  manualClock: boolean;
  scale?: ScaleOptions;
  throttle?: ThrottleRates;
  accessKeyId: string;
} {
  let port: number | undefined;
  let dataDir: string | undefined;
  let timeScale = 1;
  let seed = true;
  let hookMode: 'auto' | 'manual' = 'auto';
  let manualClock = false;
  let scale: ScaleOptions | undefined;
  let throttle: ThrottleRates | undefined;
  let accessKeyId = process.env[ACCESS_KEY_ENV] || undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') usage(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const v = value();
        port = Number(v);
        if (!/^\d+$/.test(v) || port > 65535) usage(`--port must be an integer from 0 to 65535, got "${v}"`);
        break;
      }
      case '--data':
        dataDir = value();
        break;
      case '--time-scale': {
        const v = value();
        timeScale = Number(v);
        if (!Number.isFinite(timeScale) || timeScale <= 0) usage(`--time-scale must be a positive number, got "${v}"`);
        break;
      }
      case '--hooks': {
        const v = value();
        if (v !== 'auto' && v !== 'manual') usage(`--hooks must be auto or manual, got "${v}"`);
        hookMode = v;
        break;
      }
      case '--no-seed':
        seed = false;
        break;
      case '--manual-clock':
        manualClock = true;
        break;
      case '--fleet':
      case '--history':
      case '--apps': {
        const key = flag.slice(2) as keyof ScaleOptions;
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n > SCALE_LIMITS[key])
          usage(`${flag} must be a whole number from 0 to ${SCALE_LIMITS[key]}, got "${v}"`);
        scale = { ...scale, [key]: n };
        break;
      }
      case '--throttle': {
        const v = value();
        try {
          throttle = parseThrottleSpec(v);
        } catch (err) {
          usage((err as Error).message);
        }
        break;
      }
      case '--access-key-id':
        accessKeyId = value();
        break;
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return process.exit(0);
      default:
        usage(`unknown argument "${arg}"`);
    }
  }
  if (port === undefined) usage('--port is required (0 picks a free port)');
  if (accessKeyId !== undefined && !ACCESS_KEY_ID_PATTERN.test(accessKeyId))
    usage('the access key id must be 4 to 128 letters, digits or _+=.@- characters');
  return {
    port,
    dataDir: dataDir ?? defaultDataDir(),
    timeScale,
    seed,
    hookMode,
    manualClock,
    scale,
    throttle,
    accessKeyId: accessKeyId ?? newAccessKeyId(),
  };
}

async function main(): Promise<void> {
  const { manualClock, ...args } = parseArgs(process.argv.slice(2));
  const clock = manualClock ? steppedClock() : undefined;
  let endpoint;
  try {
    endpoint = await startLocalEndpoint({
      ...args,
      clock,
      log: (line) => process.stderr.write(`local endpoint: ${line}\n`),
    });
  } catch (err) {
    process.stderr.write(`local endpoint: could not start: ${(err as Error).message}\n`);
    process.exit(1);
  }
  writeKeyFile(args.dataDir, endpoint.accessKeyId);
  // The key first: whoever waits for the URL line has the key by then.
  process.stdout.write(`AWS_ACCESS_KEY_ID=${endpoint.accessKeyId}\n`);
  process.stdout.write(
    `CodeDeploy local endpoint listening on ${endpoint.url} (S3: ${endpoint.s3Url}, data: ${args.dataDir}, time scale: ${args.timeScale}, hooks: ${args.hookMode}${args.throttle ? ', request rates limited' : ''})\n`,
  );
  if (clock) driveClock(clock, process.stdin, (line) => process.stdout.write(line));
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`local endpoint: ${signal}, stopping\n`);
    void endpoint.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/** `<data>/access-key-id`, readable by this user only, for the extension and scripts that did not see stdout. */
function writeKeyFile(dataDir: string, key: string): void {
  const file = path.join(dataDir, ACCESS_KEY_FILE);
  try {
    fs.rmSync(file, { force: true });
    fs.writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    process.stderr.write(`local endpoint: could not write ${file}: ${(err as Error).message}\n`);
  }
}

void main();
