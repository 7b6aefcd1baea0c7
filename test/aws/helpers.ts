/**
 * Shared set-up for the AWS tests: the real local endpoint on 127.0.0.1 in a temporary data
 * folder, a manual clock (simulated time moves only when a test says so; nothing sleeps), and the
 * product's CodeDeployApi plus a raw SDK client pointed at it with explicit dummy credentials.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { createCodeDeployApi } from '../../client/src/aws/sdkApi';
import type { CodeDeployApi, ConnectionSettings, DeploymentInfo } from '../../client/src/aws/api';
import {
  startLocalEndpoint,
  type LocalEndpoint,
  type ScaleOptions,
  type ThrottleRates,
} from '../../client/src/local/index';
import { authHeader } from '../helpers/endpointProcess';
import { startJudge, type Judge } from '../model/judge';
import { watchAwsLog } from '../helpers/awsLogWatch';

process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/**
 * The credentials for an endpoint: its own per-start access key id (contract C1) and any secret (signatures are not
 * verified). The only way tests get credentials for the local endpoint.
 */
export function credentialsFor(endpoint: { accessKeyId: string }): { accessKeyId: string; secretAccessKey: string } {
  return { accessKeyId: endpoint.accessKeyId, secretAccessKey: TEST_SECRET };
}
const TEST_SECRET = 'local-test-secret';

/** Every line the AWS layer logs while a suite runs is checked for secrets when the file ends. */
export const awsLog = watchAwsLog([TEST_SECRET]);

export class ManualClock {
  constructor(public t = Date.UTC(2026, 10, 26, 9, 0, 0)) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface Harness {
  /** The endpoint as clients see it: `url` is the model validator in front of the real endpoint. */
  endpoint: LocalEndpoint;
  /** Checks every request and response against the CodeDeploy service model (test/model/judge.ts). */
  judge: Judge;
  clock: ManualClock;
  dataDir: string;
  api: CodeDeployApi;
  raw: CodeDeployClient;
  settings: ConnectionSettings;
  /** Stops everything, then fails when the service model found any mismatch. */
  close(opts?: { keepData?: boolean }): Promise<void>;
}

export function tempDir(prefix = 'cd-local-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startHarness(
  opts: {
    dataDir?: string;
    clock?: ManualClock;
    seed?: boolean;
    deniedActions?: string[];
    /** A large account (`--fleet/--history/--apps`). */
    scale?: ScaleOptions;
    /** Per-operation request rates (`--throttle`). */
    throttle?: ThrottleRates;
  } = {},
): Promise<Harness> {
  const dataDir = opts.dataDir ?? tempDir();
  const clock = opts.clock ?? new ManualClock();
  // timeScale 1 with a manual clock: advancing the clock by N ms moves simulated time by N ms.
  const real = await startLocalEndpoint({
    port: 0,
    dataDir,
    timeScale: 1,
    clock,
    seed: opts.seed,
    tickMs: 60_000,
    deniedActions: opts.deniedActions,
    scale: opts.scale,
    throttle: opts.throttle,
  });
  const judge = await startJudge(real.url);
  const endpoint: LocalEndpoint = { ...real, url: judge.url, s3Url: `${judge.url}/s3` };
  const credentials = credentialsFor(real);
  const settings: ConnectionSettings = {
    kind: 'local',
    region: 'us-east-1',
    endpoint: endpoint.url,
    s3Endpoint: endpoint.s3Url,
    credentials,
  };
  const api = createCodeDeployApi(settings);
  const raw = new CodeDeployClient({
    endpoint: endpoint.url,
    region: 'us-east-1',
    credentials,
    maxAttempts: 1,
  });
  return {
    endpoint,
    judge,
    clock,
    dataDir,
    api,
    raw,
    settings,
    async close(o = {}) {
      api.dispose();
      raw.destroy();
      await judge.close();
      await real.stop();
      if (!o.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
      judge.assertClean();
    },
  };
}

/** Headers for a raw `fetch` to the harness's endpoint: a SigV4-shaped Authorization with its access key id. */
export function signedHeaders(h: Pick<Harness, 'settings'>, service = 'codedeploy'): Record<string, string> {
  return authHeader(h.settings.credentials?.accessKeyId ?? '', service);
}

/**
 * Moves simulated time forward in `stepMs` steps, reading the deployment after each step, until
 * it completes (or `maxSteps` is reached). Returns every DeploymentInfo seen, in order.
 */
export async function runToEnd(
  h: Harness,
  id: string,
  stepMs: number,
  maxSteps = 400,
  each?: (d: DeploymentInfo) => Promise<void> | void,
): Promise<DeploymentInfo> {
  for (let i = 0; i < maxSteps; i++) {
    const d = await h.api.getDeployment(id);
    if (each) await each(d);
    if (d.status === 'Succeeded' || d.status === 'Failed' || d.status === 'Stopped') return d;
    h.clock.advance(stepMs);
  }
  throw new Error(`deployment ${id} did not complete within ${maxSteps} steps of ${stepMs} ms`);
}

/** Advances until the deployment reaches `status` (or fails the test). */
export async function runUntil(
  h: Harness,
  id: string,
  status: string,
  stepMs: number,
  maxSteps = 400,
): Promise<DeploymentInfo> {
  for (let i = 0; i < maxSteps; i++) {
    const d = await h.api.getDeployment(id);
    if (d.status === status) return d;
    if (d.status === 'Succeeded' || d.status === 'Failed' || d.status === 'Stopped') {
      throw new Error(
        `deployment ${id} ended ${d.status} before reaching ${status}: ${d.errorInformation?.message ?? ''}`,
      );
    }
    h.clock.advance(stepMs);
  }
  throw new Error(`deployment ${id} did not reach ${status}`);
}

export function lambdaSpec(
  opts: { current?: string; target?: string; hooks?: Record<string, string>; name?: string } = {},
): string {
  const lines = [
    'version: 0.0',
    'Resources:',
    '  - myFunction:',
    '      Type: AWS::Lambda::Function',
    '      Properties:',
    `        Name: ${opts.name ?? 'orders-api'}`,
    '        Alias: live',
    `        CurrentVersion: "${opts.current ?? '8'}"`,
    `        TargetVersion: "${opts.target ?? '9'}"`,
  ];
  const hooks = Object.entries(opts.hooks ?? {});
  if (hooks.length) {
    lines.push('Hooks:');
    for (const [k, v] of hooks) lines.push(`  - ${k}: ${v}`);
  }
  return lines.join('\n') + '\n';
}

export function ecsSpec(hooks: Record<string, string> = {}): string {
  const lines = [
    'version: 0.0',
    'Resources:',
    '  - TargetService:',
    '      Type: AWS::ECS::Service',
    '      Properties:',
    '        TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/storefront:42"',
    '        LoadBalancerInfo:',
    '          ContainerName: "storefront"',
    '          ContainerPort: 8080',
  ];
  const list = Object.entries(hooks);
  if (list.length) {
    lines.push('Hooks:');
    for (const [k, v] of list) lines.push(`  - ${k}: "${v}"`);
  }
  return lines.join('\n') + '\n';
}

export function contentRevision(content: string) {
  return { revisionType: 'AppSpecContent' as const, appSpecContent: { content } };
}
