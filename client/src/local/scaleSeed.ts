/**
 * Large accounts for scale tests and benchmarks (`--fleet N`, `--history N`, `--apps N`):
 * - `fleet`: N simulated EC2 instances (tag `Environment=fleet`) behind the group `fleet-web/fleet-web-prod`,
 *   with a revision bundle in the local S3 store and a 10%-at-a-time configuration (one at a time
 *   under 10 instances), ready to deploy;
 * - `history`: the group `history-web/history-web-prod` (one instance) with N completed deployments,
 *   newest one hour ago and then one every 30 minutes back;
 * - `apps`: N more applications `scale-app-0001…`, each with one deployment group.
 * Each part is added once: a data folder that already has it is left alone. One deployment of the
 * history is played by the real engine; the rest are copies of it with their own ids and times, so
 * 10,000 deployments take well under a second to make.
 */
import type { Account } from './account';
import type { DeploymentEngine } from './deployments';
import { checkoutBundle } from './seed';
import type { DeploymentRecord, Json } from './types';

export interface ScaleOptions {
  /** Instances in the `fleet-web-prod` group. */
  fleet?: number;
  /** Completed deployments in the `history-web-prod` group. */
  history?: number;
  /** Extra applications, one deployment group each. */
  apps?: number;
}

/** Upper bounds of the flags (AWS's quota for applications per account and region is 1,000). */
export const SCALE_LIMITS = { fleet: 20_000, history: 100_000, apps: 1_000 } as const;

export const FLEET_APP = 'fleet-web';
export const FLEET_GROUP = 'fleet-web-prod';
export const FLEET_CONFIG = 'fleet-10-percent-at-a-time';
export const FLEET_BUCKET = 'fleet-web-revisions';
export const FLEET_KEY = 'fleet-web/fleet-web-1.0.0.zip';
export const HISTORY_APP = 'history-web';
export const HISTORY_GROUP = 'history-web-prod';
export const SCALE_APP_PREFIX = 'scale-app-';

const ROLE = 'arn:aws:iam::111122223333:role/CodeDeployServiceRole';
const MINUTE = 60_000;

/** Checks the numbers: whole, at least 0, at most the limit. Throws with the flag's name otherwise. */
export function checkScaleOptions(opts: ScaleOptions): void {
  for (const key of Object.keys(SCALE_LIMITS) as (keyof ScaleOptions)[]) {
    const n = opts[key];
    if (n === undefined) continue;
    if (!Number.isInteger(n) || n < 0 || n > SCALE_LIMITS[key])
      throw new Error(`${key} must be a whole number from 0 to ${SCALE_LIMITS[key]}, got ${String(n)}`);
  }
}

function instances(account: Account, prefix: string, env: string, n: number): void {
  for (let i = 0; i < n; i++) {
    account.state.instances.push({
      instanceId: `i-${prefix}${i.toString(16).padStart(17 - prefix.length, '0')}`,
      tags: [
        { Key: 'Environment', Value: env },
        { Key: 'Name', Value: `${env}-${i + 1}` },
        { Key: 'Zone', Value: i % 2 ? 'us-east-1b' : 'us-east-1a' },
      ],
    });
  }
}

function serverGroup(account: Account, app: string, group: string, env: string, config: string) {
  const rec = account.findApp(app) ?? account.addApplication(app, 'Server', Math.floor(account.nowSec()) - 86_400);
  return account.addGroup(
    rec,
    {
      deploymentGroupName: group,
      serviceRoleArn: ROLE,
      deploymentConfigName: config,
      ec2TagFilters: [{ Key: 'Environment', Value: env, Type: 'KEY_AND_VALUE' }],
      deploymentStyle: { deploymentType: 'IN_PLACE', deploymentOption: 'WITHOUT_TRAFFIC_CONTROL' },
    },
    [],
  );
}

function bundleRevision(account: Account): Json {
  const meta = account.s3?.put(FLEET_BUCKET, FLEET_KEY, checkoutBundle('1.0.0'), 'application/zip');
  return {
    revisionType: 'S3',
    s3Location: {
      bucket: FLEET_BUCKET,
      key: FLEET_KEY,
      bundleType: 'zip',
      ...(meta ? { eTag: meta.eTag.replace(/"/g, '') } : {}),
    },
  };
}

const SERVER_PLAN = {
  platform: 'Server' as const,
  hooks: {
    ApplicationStop: ['scripts/stop.sh'],
    BeforeInstall: ['scripts/install-deps.sh'],
    ApplicationStart: ['scripts/start.sh'],
    ValidateService: ['scripts/health-check.sh'],
  },
};

/** Ids of copies: `d-` and nine characters, unique in the account. */
function copyIds(account: Account, n: number): string[] {
  const taken = new Set(account.state.deployments.map((d) => d.info.deploymentId));
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const id = `d-H${i.toString(36).toUpperCase().padStart(8, '0')}`;
    if (!taken.has(id)) out.push(id);
  }
  return out;
}

/**
 * A copy of a completed deployment with its own id and every time moved by `deltaSec`. Parts that
 * nothing changes once a deployment is over (revision, style, plan, diagnostics) are shared with the
 * template: fewer objects, so 10,000 copies are quick to make.
 */
function copyDeployment(t: DeploymentRecord, id: string, description: string, deltaSec: number): DeploymentRecord {
  const at = (v: number | undefined) => (v === undefined ? undefined : v + deltaSec);
  const info = { ...t.info, deploymentId: id, description, createTime: t.info.createTime + deltaSec } as Json;
  for (const k of ['startTime', 'completeTime'])
    if (typeof info[k] === 'number') info[k] = (info[k] as number) + deltaSec;
  return {
    ...t,
    info: info as DeploymentRecord['info'],
    targets: t.targets.map((target) => ({
      ...target,
      lastUpdatedAt: target.lastUpdatedAt + deltaSec,
      lifecycleEvents: target.lifecycleEvents.map((e) => ({
        ...e,
        startTime: at(e.startTime),
        endTime: at(e.endTime),
      })),
    })),
    statusMessages: [...t.statusMessages],
    sim: { ...t.sim, ops: [], lastReal: t.sim.lastReal + deltaSec * 1000 },
  };
}

function seedHistory(account: Account, engine: DeploymentEngine, nowMs: number, n: number): void {
  if (n === 0 || account.findGroup(HISTORY_APP, HISTORY_GROUP)) return;
  instances(account, '0a15c0', 'history', 1);
  serverGroup(account, HISTORY_APP, HISTORY_GROUP, 'history', 'CodeDeployDefault.AllAtOnce');
  const revision = bundleRevision(account);
  // The newest deployment is played by the engine; it finishes long before now.
  const newestMs = nowMs - 60 * MINUTE;
  const { deploymentId } = engine.create(
    { applicationName: HISTORY_APP, deploymentGroupName: HISTORY_GROUP, revision, description: `Release ${n}` },
    { createdAtMs: newestMs, timeScale: 1, plan: SERVER_PLAN, hookMode: 'auto' },
  );
  engine.advanceAll(nowMs);
  const newest = account.findDeployment(deploymentId)!;
  newest.sim.ops = []; // completed: the script is no longer needed
  newest.sim.cursor = 0;
  const ids = copyIds(account, n - 1);
  const copies: DeploymentRecord[] = [];
  for (let i = 0; i < ids.length; i++)
    copies.push(copyDeployment(newest, ids[i], `Release ${n - i - 1}`, -(i + 1) * 30 * 60));
  // Oldest first, like deployments created one after another.
  account.state.deployments.push(...copies.reverse());
  account.markDirty();
}

function seedFleet(account: Account, n: number): void {
  if (n === 0 || account.findGroup(FLEET_APP, FLEET_GROUP)) return;
  instances(account, '0f1ee7', 'fleet', n);
  if (!account.findConfig(FLEET_CONFIG))
    account.addConfig({
      deploymentConfigName: FLEET_CONFIG,
      computePlatform: 'Server',
      minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 90 },
    });
  // 90% healthy leaves no instance to deploy to in a fleet under 10: one at a time there.
  serverGroup(account, FLEET_APP, FLEET_GROUP, 'fleet', n >= 10 ? FLEET_CONFIG : 'CodeDeployDefault.OneAtATime');
  bundleRevision(account);
}

function seedApps(account: Account, n: number): void {
  if (n === 0 || account.findApp(`${SCALE_APP_PREFIX}0001`)) return;
  for (let i = 1; i <= n; i++) {
    const name = `${SCALE_APP_PREFIX}${String(i).padStart(4, '0')}`;
    serverGroup(account, name, `${name}-prod`, `scale-apps-${i}`, 'CodeDeployDefault.OneAtATime');
  }
}

/** Adds the parts of a large account that `opts` asks for and the account does not have yet. */
export function seedScale(account: Account, engine: DeploymentEngine, nowMs: number, opts: ScaleOptions): void {
  checkScaleOptions(opts);
  seedFleet(account, opts.fleet ?? 0);
  seedHistory(account, engine, nowMs, opts.history ?? 0);
  seedApps(account, opts.apps ?? 0);
}
