/**
 * The script of an EC2/On-Premises deployment: in-place batches sized by the minimum healthy
 * hosts of the configuration, or blue/green (replacement instances, then traffic, then termination).
 */
import type { FleetMember, Json, PlanInput, TargetRecord } from '../types';
import { Script, T, hookDiagnostics, newTarget, shouldFail, type FailureSwitch } from './common';

type ServerPlan = Extract<PlanInput, { platform: 'Server' }>;

/**
 * The rollback of a blue/green deployment: traffic goes back to the original instances (`restore`,
 * which never left the group) and away from the failed deployment's replacement instances (`retire`).
 */
export interface BlueGreenRollback {
  restore: FleetMember[];
  retire: FleetMember[];
}

const INSTALL_EVENTS = [
  'ApplicationStop',
  'DownloadBundle',
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'ApplicationStart',
  'ValidateService',
];
const BLOCK_EVENTS = ['BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic'];
const ALLOW_EVENTS = ['BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic'];
/** Events the agent runs itself; the others run the AppSpec's hook scripts. */
const SERVICE_EVENTS = new Set(['DownloadBundle', 'Install', 'BlockTraffic', 'AllowTraffic']);

export const HEALTH_MESSAGE =
  'The overall deployment failed because too many individual instances failed deployment, too few healthy instances are available for deployment, or some instances in your deployment group are experiencing problems.';

/** Instances per batch and the number that must stay healthy, from the configuration's minimum healthy hosts. */
export function batching(config: Json, n: number): { batch: number; minHealthy: number } | undefined {
  const mhh = (config.minimumHealthyHosts ?? { type: 'MOST_CONCURRENCY', value: 1 }) as { type: string; value: number };
  let minHealthy: number;
  if (mhh.type === 'MOST_CONCURRENCY') minHealthy = Math.max(0, n - 1);
  else if (mhh.type === 'HOST_COUNT') minHealthy = mhh.value;
  else minHealthy = Math.ceil((n * mhh.value) / 100);
  if (n > 1 && minHealthy >= n) return undefined;
  return { batch: Math.max(1, n - minHealthy), minHealthy };
}

export function serverScript(
  plan: ServerPlan,
  group: Json,
  config: Json,
  sw: FailureSwitch,
  instances: FleetMember[],
  start: number,
  region: string,
  now: number,
  seq: number,
  extra: { rollback?: BlueGreenRollback; upToDate?: FleetMember[] } = {},
): { ops: Script; targets: TargetRecord[] } {
  const { rollback, upToDate = [] } = extra;
  const s = new Script();
  s.t = start;
  const style = (group.deploymentStyle ?? {}) as { deploymentType?: string; deploymentOption?: string };
  const blueGreen = style.deploymentType === 'BLUE_GREEN';
  const traffic = style.deploymentOption === 'WITH_TRAFFIC_CONTROL';
  const ec2Arn = (id: string) => `arn:aws:ec2:${region}:111122223333:instance/${id}`;
  const arnOf = new Map(instances.map((x) => [x.id, x.arn]));
  const arn = (id: string) => arnOf.get(id) ?? ec2Arn(id);
  const targets: TargetRecord[] = [];
  // updateOutdatedInstancesOnly: instances that already run the target revision are skipped.
  const skipped = upToDate.map((x) => {
    const t = newTarget('InstanceTarget', x.id, x.arn, INSTALL_EVENTS, now);
    t.status = 'Skipped';
    for (const e of t.lifecycleEvents) e.status = 'Skipped';
    return t;
  });
  if (instances.length === 0 && skipped.length > 0) {
    s.now({ k: 'note', text: `All ${skipped.length} instances already run this revision` });
    s.now({ k: 'succeed' });
    return { ops: s, targets: skipped };
  }

  if (instances.length === 0) {
    s.now({
      k: 'fail',
      code: 'NO_INSTANCES',
      message:
        'The deployment failed because no instances were found for your deployment group. Check your deployment group settings to make sure the tags for your Amazon EC2 instances or Auto Scaling groups correctly identify the instances you want to deploy to, and then try again.',
    });
    return { ops: s, targets };
  }
  const sizing = rollback ? { batch: instances.length, minHealthy: 0 } : batching(config, instances.length);
  if (!sizing) {
    s.now({
      k: 'fail',
      code: 'HEALTH_CONSTRAINTS_INVALID',
      message: `The deployment failed because the minimum number of healthy instances specified in the deployment configuration is not valid for the ${instances.length} instances in the deployment group.`,
    });
    return { ops: s, targets };
  }

  /** Runs the events of one instance from time t; returns the end time and whether it failed. */
  const runInstance = (id: string, events: string[], t: number): { end: number; failed: boolean } => {
    s.target(id, 'InProgress', t);
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      const scripts = plan.hooks[event] ?? [];
      s.event(id, event, 'InProgress', t);
      t +=
        event === 'DownloadBundle'
          ? T.download
          : event === 'Install'
            ? T.install
            : scripts.length
              ? T.hook
              : T.emptyHook;
      if (shouldFail(sw, event, scripts)) {
        const script = scripts.find((x) => /fail/i.test(x)) ?? scripts[0];
        const diag =
          SERVICE_EVENTS.has(event) || !script
            ? hookDiagnostics(event, undefined, 'service')
            : hookDiagnostics(event, script, 'script');
        s.event(id, event, 'Failed', t, diag);
        for (const rest of events.slice(i + 1)) s.event(id, rest, 'Skipped', t);
        s.target(id, 'Failed', t);
        return { end: t, failed: true };
      }
      s.event(id, event, 'Succeeded', t);
    }
    s.target(id, 'Succeeded', t);
    return { end: t, failed: false };
  };

  if (rollback) return rerouteBack(s, rollback, now, runInstance);

  const installEvents = traffic && !blueGreen ? [...BLOCK_EVENTS, ...INSTALL_EVENTS, ...ALLOW_EVENTS] : INSTALL_EVENTS;
  const fleetIds = blueGreen
    ? instances.map((_, i) => `i-0${(0xa1b2c3d4e5f6 + seq * 977 + i * 131).toString(16).padStart(16, '0').slice(-16)}`)
    : instances.map((x) => x.id);
  const greenEvents = blueGreen ? [...INSTALL_EVENTS.slice(1), ...ALLOW_EVENTS] : installEvents;
  for (const id of fleetIds) {
    const t = newTarget('InstanceTarget', id, arn(id), blueGreen ? greenEvents : installEvents, now);
    if (blueGreen) t.instanceLabel = 'Green';
    targets.push(t);
  }
  targets.push(...skipped);
  if (blueGreen) {
    for (const inst of instances) {
      const t = newTarget('InstanceTarget', inst.id, inst.arn, BLOCK_EVENTS, now);
      t.instanceLabel = 'Blue';
      targets.push(t);
    }
  }

  // Install in batches; stop when too few instances can still end up healthy.
  const required = Math.max(1, sizing.minHealthy);
  const installList = blueGreen ? INSTALL_EVENTS.slice(1) : installEvents;
  let failedCount = 0;
  for (let i = 0; i < fleetIds.length; i += sizing.batch) {
    const batch = fleetIds.slice(i, i + sizing.batch);
    const results = batch.map((id) => runInstance(id, installList, s.t));
    s.t = Math.max(...results.map((r) => r.end));
    failedCount += results.filter((r) => r.failed).length;
    // Go on only while the next batch can be taken down and enough instances stay healthy; at the end,
    // enough instances must have succeeded.
    const nextBatch = Math.min(sizing.batch, fleetIds.length - i - sizing.batch);
    const healthyIfNext = fleetIds.length - failedCount - nextBatch;
    const unhealthy = nextBatch > 0 ? healthyIfNext < sizing.minHealthy : fleetIds.length - failedCount < required;
    if (unhealthy) {
      for (const id of fleetIds.slice(i + sizing.batch)) s.target(id, 'Skipped');
      s.now({ k: 'fail', code: 'HEALTH_CONSTRAINTS', message: HEALTH_MESSAGE });
      return { ops: s, targets };
    }
  }
  if (!blueGreen) {
    s.now({ k: 'succeed' });
    return { ops: s, targets };
  }

  // Blue/green: wait for the go-ahead, then move traffic from the original to the replacement instances.
  const bg = (group.blueGreenDeploymentConfiguration ?? {}) as Json;
  const ready = (bg.deploymentReadyOption ?? {}) as { actionOnTimeout?: string; waitTimeInMinutes?: number };
  if (ready.actionOnTimeout === 'STOP_DEPLOYMENT') {
    for (const id of fleetIds) s.target(id, 'Ready');
    s.wait('READY_WAIT', 'stop', (ready.waitTimeInMinutes ?? 60) * 60_000);
    for (const id of fleetIds) s.target(id, 'InProgress');
  }
  const start2 = s.t;
  const allow = fleetIds.map((id) => runInstance(id, ALLOW_EVENTS, start2));
  const block = instances.map((inst) => runInstance(inst.id, BLOCK_EVENTS, start2));
  s.t = Math.max(...allow.map((r) => r.end), ...block.map((r) => r.end));
  if ([...allow, ...block].some((r) => r.failed)) {
    s.now({ k: 'fail', code: 'HEALTH_CONSTRAINTS', message: HEALTH_MESSAGE });
    return { ops: s, targets };
  }
  const term = (bg.terminateBlueInstancesOnDeploymentSuccess ?? {}) as {
    action?: string;
    terminationWaitTimeInMinutes?: number;
  };
  if (term.action !== 'KEEP_ALIVE') {
    s.now({ k: 'terminationStarted' });
    if ((term.terminationWaitTimeInMinutes ?? 0) > 0)
      s.wait('TERMINATION_WAIT', 'continue', term.terminationWaitTimeInMinutes! * 60_000);
    s.now({ k: 'note', text: `Terminated ${instances.length} original instances` });
  }
  s.now({ k: 'succeed' });
  return { ops: s, targets };
}

/**
 * A blue/green rollback reroutes traffic: the original instances are registered again (they are
 * this deployment's replacement environment, Green) and the failed replacements are deregistered
 * (its original environment, Blue). Nothing is installed: the originals still run the last good revision.
 */
function rerouteBack(
  s: Script,
  rollback: BlueGreenRollback,
  now: number,
  runInstance: (id: string, events: string[], t: number) => { end: number; failed: boolean },
): { ops: Script; targets: TargetRecord[] } {
  const targets: TargetRecord[] = [];
  for (const x of rollback.restore) {
    const t = newTarget('InstanceTarget', x.id, x.arn, ALLOW_EVENTS, now);
    t.instanceLabel = 'Green';
    targets.push(t);
  }
  for (const x of rollback.retire) {
    const t = newTarget('InstanceTarget', x.id, x.arn, BLOCK_EVENTS, now);
    t.instanceLabel = 'Blue';
    targets.push(t);
  }
  const start = s.t;
  const results = [
    ...rollback.restore.map((x) => runInstance(x.id, ALLOW_EVENTS, start)),
    ...rollback.retire.map((x) => runInstance(x.id, BLOCK_EVENTS, start)),
  ];
  s.t = Math.max(start, ...results.map((r) => r.end));
  if (results.some((r) => r.failed)) {
    s.now({ k: 'fail', code: 'HEALTH_CONSTRAINTS', message: HEALTH_MESSAGE });
    return { ops: s, targets };
  }
  s.now({
    k: 'note',
    text: `Traffic rerouted to the ${rollback.restore.length} original instances; ${rollback.retire.length} replacement instances removed`,
  });
  s.now({ k: 'succeed' });
  return { ops: s, targets };
}
