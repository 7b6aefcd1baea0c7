/** The script of an ECS blue/green deployment: green task set, test traffic, weight shift, blue termination. */
import type { Json, PlanInput, TargetRecord } from '../types';
import { Script, T, hookDiagnostics, newTarget, shouldFail, trafficSteps, type FailureSwitch } from './common';

type EcsPlan = Extract<PlanInput, { platform: 'ECS' }>;

/** The task set that serves production before a deployment: its id and target group, when known. */
export interface EcsOriginal {
  identifer?: string;
  targetGroup?: string;
}

/** An ECS rollback: the task sets the rolled-back deployment left behind, as it left them. */
export interface EcsRollback {
  /** The original task set (Blue in the rolled-back deployment): it gets all traffic back. */
  original: Json;
  /** The replacement task set it created, if it got that far: drained and removed. */
  replacement?: Json;
}

export const ECS_EVENTS = [
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'AllowTestTraffic',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AllowTraffic',
  'AfterAllowTraffic',
];

const HOOKABLE = new Set([
  'BeforeInstall',
  'AfterInstall',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AfterAllowTraffic',
]);

export function ecsScript(
  plan: EcsPlan,
  group: Json,
  config: Json,
  sw: FailureSwitch,
  start: number,
  region: string,
  now: number,
  seq: number,
  original?: EcsOriginal,
  rollback?: EcsRollback,
): { ops: Script; targets: TargetRecord[] } {
  const service = ((group.ecsServices as Json[] | undefined) ?? [])[0] ?? {
    clusterName: 'default',
    serviceName: 'service',
  };
  const id = `${service.clusterName}:${service.serviceName}`;
  const arn = `arn:aws:ecs:${region}:111122223333:service/${service.clusterName}/${service.serviceName}`;
  const target = newTarget('ECSTarget', id, arn, ECS_EVENTS, now);
  const pair = (((group.loadBalancerInfo as Json | undefined)?.targetGroupPairInfoList as Json[] | undefined) ?? [])[0];
  // The original task set serves production on one target group of the pair; the replacement gets the other.
  // After a successful deployment the roles swap, so the group's last primary target group serves first.
  const pairNames = ((pair?.targetGroups as { name: string }[] | undefined) ?? []).map((g) => g.name);
  const tgs = original?.targetGroup === pairNames[1] ? [pairNames[1], pairNames[0]] : pairNames;
  const desired = 3;
  const taskSet = (label: 'Blue' | 'Green', n: number): Json => ({
    identifer: `ecs-svc/${String(4_000_000_000_000_000 + n * 7919 + seq).padStart(19, '0')}`,
    desiredCount: desired,
    pendingCount: 0,
    runningCount: desired,
    status: label === 'Blue' ? 'PRIMARY' : 'ACTIVE',
    trafficWeight: label === 'Blue' ? 100 : 0,
    ...((label === 'Blue' ? tgs[0] : tgs[1]) ? { targetGroup: { name: label === 'Blue' ? tgs[0] : tgs[1] } } : {}),
    taskSetLabel: label,
  });
  const blue = { ...taskSet('Blue', 1), ...(original?.identifer ? { identifer: original.identifer } : {}) };
  const green = taskSet('Green', 2);
  target.taskSetsInfo = [blue];

  const s = new Script();
  s.t = start;
  s.target(id, 'InProgress');
  const sets = (b: Json | undefined, g: Json | undefined) =>
    s.now({ k: 'taskSets', target: id, sets: [b, g].filter(Boolean) as Json[] });
  if (rollback) return { ops: rerouteBack(s, target, rollback, sets), targets: [target] };
  const failed = (event: string): boolean => {
    if (!shouldFail(sw, event)) return false;
    s.event(id, event, 'Failed', s.t, hookDiagnostics(event, id, 'service'));
    s.target(id, 'Failed');
    s.now({
      k: 'fail',
      code: 'ECS_UPDATE_ERROR',
      message: `The deployment failed because the ${event} lifecycle event failed on ${id}.`,
    });
    return true;
  };
  /** A hook function waits for its execution to be reported (the simulator decides); other events run their body. */
  const step = (event: string, body?: () => void): boolean => {
    const hook = HOOKABLE.has(event) ? plan.hooks[event] : undefined;
    s.event(id, event, 'InProgress');
    if (hook) {
      s.now({ k: 'hook', target: id, event, functionName: hook, autoFail: shouldFail(sw, event, [hook]) });
      return true;
    }
    if (body) body();
    else s.advance(T.emptyHook);
    if (failed(event)) return false;
    s.event(id, event, 'Succeeded');
    return true;
  };

  if (!step('BeforeInstall')) return { ops: s, targets: [target] };
  const installed = step('Install', () => {
    sets(blue, { ...green, pendingCount: desired, runningCount: 0 });
    s.advance(T.taskSetStart);
    sets(blue, green);
  });
  if (!installed || !step('AfterInstall')) return { ops: s, targets: [target] };
  if (!step('AllowTestTraffic', () => s.advance(T.traffic)) || !step('AfterAllowTestTraffic'))
    return { ops: s, targets: [target] };

  const bg = (group.blueGreenDeploymentConfiguration ?? {}) as Json;
  const ready = (bg.deploymentReadyOption ?? {}) as { actionOnTimeout?: string; waitTimeInMinutes?: number };
  if (ready.actionOnTimeout === 'STOP_DEPLOYMENT') {
    s.target(id, 'Ready');
    s.wait('READY_WAIT', 'stop', (ready.waitTimeInMinutes ?? 60) * 60_000);
    s.target(id, 'InProgress');
  }
  if (!step('BeforeAllowTraffic')) return { ops: s, targets: [target] };
  const shifted = step('AllowTraffic', () => {
    s.advance(T.traffic);
    for (const st of trafficSteps(config)) {
      s.advance(st.delay);
      const done = st.weight >= 100;
      sets(
        { ...blue, trafficWeight: 100 - st.weight, status: done ? 'ACTIVE' : 'PRIMARY' },
        { ...green, trafficWeight: st.weight, status: done ? 'PRIMARY' : 'ACTIVE' },
      );
    }
  });
  if (!shifted || !step('AfterAllowTraffic')) return { ops: s, targets: [target] };
  s.target(id, 'Succeeded');

  const term = (bg.terminateBlueInstancesOnDeploymentSuccess ?? {}) as {
    action?: string;
    terminationWaitTimeInMinutes?: number;
  };
  const drained = { ...blue, trafficWeight: 0, status: 'DRAINING', desiredCount: 0 };
  const primary = { ...green, trafficWeight: 100, status: 'PRIMARY' };
  if (term.action !== 'KEEP_ALIVE') {
    s.now({ k: 'terminationStarted' });
    if ((term.terminationWaitTimeInMinutes ?? 0) > 0)
      s.wait('TERMINATION_WAIT', 'continue', term.terminationWaitTimeInMinutes! * 60_000);
    sets(drained, primary);
    s.advance(T.traffic);
    sets(undefined, primary);
  }
  s.now({ k: 'succeed' });
  return { ops: s, targets: [target] };
}

/**
 * An ECS rollback moves production traffic back to the original task set, which keeps its identity
 * (in this deployment it is the one traffic moves to, so it carries the Green label), then removes
 * the rolled-back deployment's replacement task set. No task set is created and no hook runs.
 */
function rerouteBack(
  s: Script,
  target: TargetRecord,
  rollback: EcsRollback,
  sets: (b: Json | undefined, g: Json | undefined) => void,
): Script {
  const id = target.targetId;
  const restored: Json = { ...rollback.original, taskSetLabel: 'Green' };
  const retired: Json | undefined = rollback.replacement && { ...rollback.replacement, taskSetLabel: 'Blue' };
  target.taskSetsInfo = [retired, restored].filter(Boolean) as Json[];
  for (const event of ECS_EVENTS) {
    s.event(id, event, 'InProgress');
    s.advance(event === 'AllowTraffic' ? T.traffic : T.emptyHook);
    if (event === 'AllowTraffic')
      sets(retired && { ...retired, trafficWeight: 0, status: 'ACTIVE' }, {
        ...restored,
        trafficWeight: 100,
        status: 'PRIMARY',
      });
    s.event(id, event, 'Succeeded');
  }
  s.target(id, 'Succeeded');
  const primary = { ...restored, trafficWeight: 100, status: 'PRIMARY' };
  if (retired) {
    sets({ ...retired, trafficWeight: 0, status: 'DRAINING', desiredCount: 0 }, primary);
    s.advance(T.traffic);
    sets(undefined, primary);
  }
  s.now({ k: 'succeed' });
  return s;
}
