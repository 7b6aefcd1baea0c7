/**
 * Starts the local CodeDeploy endpoint in this process: the CodeDeploy JSON API at `url` and a
 * minimal S3 store at `s3Url`, both on 127.0.0.1 only, state kept in `dataDir`.
 */
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { ACCESS_KEY_ID_PATTERN, newAccessKeyId } from './auth';
import { createHttpServer, type EndpointLogger } from './http';
import { LocalS3 } from './s3';
import { CodeDeployService } from './service';
import { systemClock, type Clock } from './simulator';
import { Store } from './store';
import { checkScaleOptions, type ScaleOptions } from './scaleSeed';
import { Throttle, type ThrottleRates } from './throttle';

import type { HookMode } from './types';

export type { Clock } from './simulator';
export type { HookMode } from './types';
export type { ScaleOptions } from './scaleSeed';
export type { ThrottleRates } from './throttle';
export { FAIL_TAG } from './plan/common';

export interface LocalEndpointOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  dataDir: string;
  /** How much faster simulated time runs than real time (default 1). */
  timeScale?: number;
  /** Injected time source (tests); defaults to the system clock. */
  clock?: Clock;
  /** Seeds demo applications and history on first start (default true). */
  seed?: boolean;
  /** How often running deployments advance and persist without requests, in ms (default 250). */
  tickMs?: number;
  /** How Lambda/ECS hook functions are answered: `auto` (default) or `manual` (PutLifecycleEventHookExecutionStatus). */
  hookMode?: HookMode;
  /** Lambda/ECS/ELB actions to refuse with AccessDeniedException (a missing IAM permission), e.g. `lambda:GetAlias`. */
  deniedActions?: readonly string[];
  /** Seeds a large account (instances in a group, deployments in a group's history, applications). */
  scale?: ScaleOptions;
  /** Per-operation request rates; over them the endpoint answers ThrottlingException (default: no limit). */
  throttle?: ThrottleRates;
  /** The access key id requests must be signed with (contract C1); a random one for each start by default. */
  accessKeyId?: string;
  log?: EndpointLogger;
}

export interface LocalEndpoint {
  url: string;
  s3Url: string;
  /** The request rates in force (undefined when not throttling): `refused` counts ThrottlingExceptions. */
  throttle?: Throttle;
  /** The access key id clients sign with (any secret key works). */
  accessKeyId: string;
  /** Problems found at start that the user must hear about (a state file that was moved aside). */
  notices: string[];
  stop(): Promise<void>;
}

export async function startLocalEndpoint(opts: LocalEndpointOptions): Promise<LocalEndpoint> {
  const timeScale = opts.timeScale ?? 1;
  if (!(timeScale > 0) || !Number.isFinite(timeScale))
    throw new Error(`timeScale must be a positive number, got ${timeScale}`);
  const port = opts.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`port must be an integer from 0 to 65535, got ${port}`);
  if (opts.scale) checkScaleOptions(opts.scale);
  const throttle = opts.throttle ? new Throttle(opts.throttle) : undefined;
  const accessKeyId = opts.accessKeyId ?? newAccessKeyId();
  if (!ACCESS_KEY_ID_PATTERN.test(accessKeyId))
    throw new Error('the access key id must be 4 to 128 letters, digits or _+=.@- characters');
  const clock = opts.clock ?? systemClock;
  const store = new Store(opts.dataDir, () => clock.now());
  const s3 = new LocalS3(path.join(opts.dataDir, 's3'));
  if (opts.hookMode !== undefined && opts.hookMode !== 'auto' && opts.hookMode !== 'manual')
    throw new Error(`hookMode must be auto or manual, got ${String(opts.hookMode)}`);
  const service = new CodeDeployService({
    store,
    s3,
    clock,
    timeScale,
    seed: opts.seed,
    hookMode: opts.hookMode,
    deniedActions: opts.deniedActions,
    scale: opts.scale,
    throttle,
  });
  for (const notice of store.notices) opts.log?.(notice);
  const server = createHttpServer(service, s3, accessKeyId, opts.log);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const ticker = setInterval(() => {
    try {
      service.sync();
    } catch (err) {
      opts.log?.(`could not advance or save deployments: ${(err as Error).message}`);
    }
  }, opts.tickMs ?? 250);
  ticker.unref();
  const actual = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${actual}`;
  let stopped: Promise<void> | undefined;
  return {
    url,
    s3Url: `${url}/s3`,
    throttle,
    accessKeyId,
    notices: [...store.notices],
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        clearInterval(ticker);
        try {
          service.sync(true);
        } catch {
          // state was saved at the last successful sync
        }
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
