/** The script of a Lambda deployment: hooks around a canary/linear/all-at-once alias weight shift. */
import type { Json, PlanInput, TargetRecord } from '../types';
import { Script, T, hookDiagnostics, newTarget, shouldFail, trafficSteps, type FailureSwitch } from './common';

type LambdaPlan = Extract<PlanInput, { platform: 'Lambda' }>;

export const LAMBDA_EVENTS = ['BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic'];

export function lambdaScript(
  plan: LambdaPlan,
  config: Json,
  sw: FailureSwitch,
  start: number,
  region: string,
  now: number,
): { ops: Script; targets: TargetRecord[] } {
  const id = plan.functionName;
  const arn = `arn:aws:lambda:${region}:111122223333:function:${plan.functionName}:${plan.alias}`;
  const target = newTarget('LambdaTarget', id, arn, LAMBDA_EVENTS, now);
  target.lambdaFunctionInfo = {
    functionName: plan.functionName,
    functionAlias: plan.alias,
    currentVersion: plan.currentVersion,
    targetVersion: plan.targetVersion,
    targetVersionWeight: 0,
  };
  const s = new Script();
  s.t = start;
  s.target(id, 'InProgress');

  /** A hook function waits for its execution to be reported (the simulator decides); an empty event just passes. */
  const hook = (event: string): boolean => {
    const fn = plan.hooks[event];
    s.event(id, event, 'InProgress');
    if (fn) {
      s.now({ k: 'hook', target: id, event, functionName: fn, autoFail: shouldFail(sw, event, [fn]) });
      return true;
    }
    s.advance(T.emptyHook);
    if (shouldFail(sw, event)) {
      s.event(id, event, 'Failed', s.t, hookDiagnostics(event, undefined, 'service'));
      s.target(id, 'Failed');
      s.now({
        k: 'fail',
        code: 'HOOK_EXECUTION_FAILURE',
        message: `The deployment failed because the ${event} lifecycle event failed.`,
      });
      return false;
    }
    s.event(id, event, 'Succeeded');
    return true;
  };

  if (!hook('BeforeAllowTraffic')) return { ops: s, targets: [target] };

  s.event(id, 'AllowTraffic', 'InProgress');
  s.advance(T.traffic);
  for (const step of trafficSteps(config)) {
    s.advance(step.delay);
    s.now({ k: 'lambdaWeight', target: id, weight: step.weight });
    if (step.weight < 100 && shouldFail(sw, 'AllowTraffic')) {
      s.advance(T.traffic);
      s.event(id, 'AllowTraffic', 'Failed', s.t, hookDiagnostics('AllowTraffic', undefined, 'service'));
      s.target(id, 'Failed');
      s.now({
        k: 'fail',
        code: 'INVALID_LAMBDA_CONFIGURATION',
        message: 'The deployment failed while shifting traffic to the new version (simulated).',
      });
      return { ops: s, targets: [target] };
    }
  }
  s.event(id, 'AllowTraffic', 'Succeeded');

  if (!hook('AfterAllowTraffic')) return { ops: s, targets: [target] };
  s.target(id, 'Succeeded');
  s.now({ k: 'succeed' });
  return { ops: s, targets: [target] };
}
