import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  accumulate,
  buildViewState,
  buttonStates,
  EMPTY_HISTORY,
  finalOutcome,
  minimumHealthy,
  type MonitorHistory,
} from '../../../client/src/monitor/model';
import { plannedSteps, routingOf, currentStepIndex } from '../../../client/src/monitor/traffic';
import { findHookLine } from '../../../client/src/monitor/hookLocator';
import type { DeploymentInfo, DeploymentTarget } from '../../../client/src/aws/api';

const T0 = Date.parse('2026-01-10T12:00:00Z');
const min = 60_000;

test('canary plan: the percent at once, the rest after one interval', () => {
  const r = routingOf(undefined, 'CodeDeployDefault.LambdaCanary10Percent5Minutes');
  assert.deepEqual(r, { kind: 'canary', percent: 10, intervalMinutes: 5 });
  assert.deepEqual(plannedSteps(r), [
    { atSeconds: 0, green: 10 },
    { atSeconds: 300, green: 100 },
  ]);
  // The local endpoint's time scale compresses the plan.
  assert.deepEqual(plannedSteps(r, 10), [
    { atSeconds: 0, green: 10 },
    { atSeconds: 30, green: 100 },
  ]);
});

test('linear plan: +percent every interval up to 100, from the config object or the name', () => {
  const fromConfig = routingOf(
    {
      deploymentConfigName: 'custom',
      trafficRoutingConfig: { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: 30, linearInterval: 2 } },
    },
    'custom',
  );
  assert.deepEqual(
    plannedSteps(fromConfig).map((s) => [s.atSeconds, s.green]),
    [
      [0, 30],
      [120, 60],
      [240, 90],
      [360, 100],
    ],
  );
  const ecs = plannedSteps(routingOf(undefined, 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes'));
  assert.equal(ecs.length, 10);
  assert.deepEqual(ecs[9], { atSeconds: 540, green: 100 });
  assert.deepEqual(plannedSteps(routingOf(undefined, 'CodeDeployDefault.ECSAllAtOnce')), [
    { atSeconds: 0, green: 100 },
  ]);
  assert.deepEqual(plannedSteps(routingOf(undefined, 'my-own')), []);
});

test('current step follows the green share', () => {
  const steps = plannedSteps({ kind: 'linear', percent: 25, intervalMinutes: 1 });
  assert.equal(currentStepIndex(steps, undefined), -1);
  assert.equal(currentStepIndex(steps, 0), -1);
  assert.equal(currentStepIndex(steps, 25), 0);
  assert.equal(currentStepIndex(steps, 50), 1);
  assert.equal(currentStepIndex(steps, 100), 3);
});

function lambdaTarget(weight: number, allowTrafficStart?: number): DeploymentTarget {
  return {
    deploymentTargetType: 'LambdaTarget',
    lambdaTarget: {
      targetId: 'fn:live',
      status: 'InProgress',
      lambdaFunctionInfo: {
        functionName: 'fn',
        functionAlias: 'live',
        currentVersion: '1',
        targetVersion: '2',
        targetVersionWeight: weight,
      },
      lifecycleEvents: [
        {
          lifecycleEventName: 'BeforeAllowTraffic',
          status: 'Succeeded',
          startTime: new Date(T0 - 20_000),
          endTime: new Date(T0 - 10_000),
        },
        {
          lifecycleEventName: 'AllowTraffic',
          status: 'InProgress',
          startTime: allowTrafficStart !== undefined ? new Date(allowTrafficStart) : undefined,
        },
        { lifecycleEventName: 'AfterAllowTraffic', status: 'Pending' },
      ],
    },
  };
}

const lambdaDeployment: DeploymentInfo = {
  deploymentId: 'd-LAMBDA',
  applicationName: 'orders',
  deploymentGroupName: 'live',
  computePlatform: 'Lambda',
  status: 'InProgress',
  deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
  createTime: new Date(T0 - 30_000),
  creator: 'user',
};

test('canary: actual series accumulates across polls beside the plan, with the bake countdown', () => {
  let h: MonitorHistory = EMPTY_HISTORY;
  h = accumulate(h, lambdaDeployment, [lambdaTarget(0, T0)], T0 - 1000);
  h = accumulate(h, lambdaDeployment, [lambdaTarget(10, T0)], T0 + 2000);
  h = accumulate(h, lambdaDeployment, [lambdaTarget(10, T0)], T0 + 60_000);
  // A second poll at the same instant adds nothing.
  h = accumulate(h, lambdaDeployment, [lambdaTarget(10, T0)], T0 + 60_000);
  assert.equal(h.samples.length, 3);

  const state = buildViewState({
    deployment: lambdaDeployment,
    targets: [lambdaTarget(10, T0)],
    history: h,
    now: T0 + 60_000,
  });
  assert.ok(state.traffic);
  assert.equal(state.traffic.kind, 'canary');
  assert.deepEqual(state.traffic.actual, [
    { t: -1, green: 0 },
    { t: 2, green: 10 },
    { t: 60, green: 10 },
  ]);
  assert.deepEqual(
    state.traffic.planned.map((s) => s.green),
    [10, 100],
  );
  assert.equal(state.traffic.stepIndex, 0);
  assert.equal(state.traffic.stepCount, 2);
  assert.equal(state.traffic.green, 10);
  const bake = state.countdowns.find((c) => c.id === 'nextShift');
  assert.ok(bake);
  assert.match(bake.label, /Bake time/);
  assert.equal(bake.endsAt, T0 + 5 * min);
  assert.equal(bake.remainingSeconds, 240);
  assert.equal(state.buttons.stop, true);
  assert.equal(state.buttons.continue.enabled, false);
  assert.equal(state.ec2, undefined);
});

test('linear on ECS: green weight comes from the Green task set; countdown to the next increment', () => {
  const d: DeploymentInfo = {
    ...lambdaDeployment,
    deploymentId: 'd-ECS',
    computePlatform: 'ECS',
    deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
  };
  const target: DeploymentTarget = {
    deploymentTargetType: 'ECSTarget',
    ecsTarget: {
      targetId: 'c:s',
      status: 'InProgress',
      taskSetsInfo: [
        { identifer: 'ts-1', taskSetLabel: 'Blue', trafficWeight: 70 },
        { identifer: 'ts-2', taskSetLabel: 'Green', trafficWeight: 30 },
      ],
      lifecycleEvents: [{ lifecycleEventName: 'AllowTraffic', status: 'InProgress', startTime: new Date(T0) }],
    },
  };
  const now = T0 + 2 * min + 15_000;
  const h = accumulate(EMPTY_HISTORY, d, [target], now);
  const s = buildViewState({ deployment: d, targets: [target], history: h, now });
  assert.equal(s.traffic?.green, 30);
  assert.equal(s.traffic?.stepIndex, 2);
  assert.match(s.traffic?.stepLabel ?? '', /Step 3 of 10/);
  const next = s.countdowns.find((c) => c.id === 'nextShift');
  assert.equal(next?.endsAt, T0 + 3 * min);
  assert.equal(next?.remainingSeconds, 45);
  assert.match(next?.label ?? '', /Next traffic shift/);
});

test('READY_WAIT: Continue reroutes, countdown from when the wait was first seen', () => {
  const d: DeploymentInfo = {
    deploymentId: 'd-BG',
    computePlatform: 'Server',
    status: 'Ready',
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    blueGreenDeploymentConfiguration: {
      deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 30 },
    },
  };
  let h = accumulate(EMPTY_HISTORY, { ...d, status: 'InProgress' }, [], T0 - 5000);
  assert.equal(h.readySince, undefined);
  h = accumulate(h, d, [], T0);
  h = accumulate(h, d, [], T0 + 60_000);
  assert.equal(h.readySince, T0);
  const s = buildViewState({ deployment: d, targets: [], history: h, now: T0 + 60_000 });
  assert.deepEqual(s.buttons.continue, { enabled: true, waitType: 'READY_WAIT', label: 'Continue: reroute traffic' });
  const c = s.countdowns.find((x) => x.id === 'readyWait');
  assert.equal(c?.remainingSeconds, 29 * 60);
  assert.match(c?.label ?? '', /Stops unless continued/);
  assert.equal(s.statusClass, 'waiting');
  // Time scale 10 (local endpoint): the 30-minute wait lasts 3 minutes.
  const fast = buildViewState({ deployment: d, targets: [], history: h, now: T0 + 60_000, timeScale: 10 });
  assert.equal(fast.countdowns.find((x) => x.id === 'readyWait')?.remainingSeconds, 120);
});

test('TERMINATION_WAIT: Continue finishes early, countdown until the original is terminated', () => {
  const d: DeploymentInfo = {
    ...lambdaDeployment,
    computePlatform: 'ECS',
    deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
    instanceTerminationWaitTimeStarted: true,
    blueGreenDeploymentConfiguration: {
      terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 5 },
    },
  };
  const h = accumulate(EMPTY_HISTORY, d, [], T0);
  const s = buildViewState({ deployment: d, targets: [], history: h, now: T0 + 30_000 });
  assert.equal(s.buttons.continue.waitType, 'TERMINATION_WAIT');
  assert.equal(s.buttons.continue.enabled, true);
  assert.equal(s.countdowns.find((c) => c.id === 'terminationWait')?.remainingSeconds, 270);
});

test('final deployments: no buttons, no countdowns, an outcome sentence', () => {
  const done: DeploymentInfo = { ...lambdaDeployment, status: 'Succeeded', completeTime: new Date(T0 + 10 * min) };
  const s = buildViewState({
    deployment: done,
    targets: [lambdaTarget(100, T0)],
    history: EMPTY_HISTORY,
    now: T0 + 11 * min,
  });
  assert.deepEqual(s.buttons, {
    stop: false,
    stopAndRollback: false,
    continue: {
      enabled: false,
      waitType: undefined,
      label: 'Continue',
      reason: 'The deployment has ended (Succeeded).',
    },
    stopReason: 'The deployment has ended (Succeeded).',
  });
  assert.deepEqual(s.countdowns, []);
  assert.equal(s.final, true);
  assert.deepEqual(finalOutcome(done), { kind: 'succeeded', text: 'Deployment d-LAMBDA succeeded.' });
  const failed: DeploymentInfo = {
    ...lambdaDeployment,
    status: 'Failed',
    errorInformation: { code: 'HOOK_EXECUTION_FAILURE', message: 'hook failed' },
    rollbackInfo: { rollbackDeploymentId: 'd-RB' },
  };
  assert.equal(finalOutcome(failed)?.kind, 'rolledBack');
  assert.equal(finalOutcome({ ...failed, rollbackInfo: undefined })?.text, 'Deployment d-LAMBDA failed: hook failed');
  assert.equal(finalOutcome({ ...failed, status: 'Stopped', rollbackInfo: undefined })?.kind, 'stopped');
  assert.equal(finalOutcome(lambdaDeployment), undefined);
  assert.equal(buttonStates({ status: 'Queued' }).stop, true);
});

function instance(id: string, statuses: string[], failDiag = false): DeploymentTarget {
  const names = [
    'ApplicationStop',
    'DownloadBundle',
    'BeforeInstall',
    'Install',
    'AfterInstall',
    'ApplicationStart',
    'ValidateService',
  ];
  const status = statuses.includes('Failed')
    ? 'Failed'
    : statuses.length && statuses.every((s) => s === 'Succeeded')
      ? 'Succeeded'
      : statuses.some((s) => s !== 'Pending')
        ? 'InProgress'
        : 'Pending';
  return {
    deploymentTargetType: 'InstanceTarget',
    instanceTarget: {
      targetId: id,
      status: status as 'Failed',
      lifecycleEvents: names.map((n, i) => ({
        lifecycleEventName: n,
        status: (statuses[i] ?? 'Pending') as 'Pending',
        diagnostics:
          failDiag && statuses[i] === 'Failed'
            ? { errorCode: 'ScriptFailed', message: 'exit 1', logTail: 'boom', scriptName: 'scripts/start.sh' }
            : undefined,
      })),
    },
  };
}

test('EC2: per-instance progress, counts and minimum healthy hosts', () => {
  const d: DeploymentInfo = {
    deploymentId: 'd-EC2',
    computePlatform: 'Server',
    status: 'InProgress',
    deploymentConfigName: 'CodeDeployDefault.HalfAtATime',
  };
  const S = 'Succeeded';
  const targets = [
    instance('i-a', [S, S, S, S, S, S, S]),
    instance('i-b', [S, S, S, S, S, 'Failed'], true),
    instance('i-c', [S, S, 'InProgress']),
    instance('i-d', []),
  ];
  const s = buildViewState({
    deployment: d,
    targets,
    config: {
      deploymentConfigName: 'CodeDeployDefault.HalfAtATime',
      minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 50 },
    },
    history: EMPTY_HISTORY,
    now: T0,
  });
  assert.ok(s.ec2);
  assert.deepEqual(
    {
      total: s.ec2.total,
      succeeded: s.ec2.succeeded,
      failed: s.ec2.failed,
      inProgress: s.ec2.inProgress,
      pending: s.ec2.pending,
    },
    { total: 4, succeeded: 1, failed: 1, inProgress: 1, pending: 1 },
  );
  assert.equal(s.ec2.minimumHealthy?.required, 2);
  assert.equal(s.ec2.atRisk, false);
  assert.equal(s.ec2.eventNames.length, 7);
  assert.deepEqual(
    s.targets.map((t) => [t.id, Math.round(t.progress * 7)]),
    [
      ['i-a', 7],
      ['i-b', 5],
      ['i-c', 2],
      ['i-d', 0],
    ],
  );
  const failedEvent = s.targets[1].events.find((e) => e.status === 'Failed');
  assert.deepEqual(
    [failedEvent?.errorCode, failedEvent?.logTail, failedEvent?.scriptName],
    ['ScriptFailed', 'boom', 'scripts/start.sh'],
  );
  assert.equal(s.traffic, undefined);
});

test('minimum healthy hosts by type', () => {
  assert.equal(minimumHealthy({ minimumHealthyHosts: { type: 'HOST_COUNT', value: 3 } }, 9)?.required, 3);
  assert.equal(minimumHealthy({ minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 75 } }, 9)?.required, 7);
  assert.equal(
    minimumHealthy({ minimumHealthyHosts: { type: 'MOST_CONCURRENCY' as 'HOST_COUNT', value: 1 } }, 9)?.required,
    8,
  );
  assert.equal(minimumHealthy(undefined, 9), undefined);
});

test('the view state survives JSON (it is posted to the webview)', () => {
  const s = buildViewState({
    deployment: lambdaDeployment,
    targets: [lambdaTarget(10, T0)],
    history: EMPTY_HISTORY,
    now: T0,
  });
  const walk = (v: unknown, path: string): void => {
    if (v === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof v)) return;
    assert.ok(Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype, `${path} is not plain data`);
    for (const [k, x] of Object.entries(v as object)) walk(x, `${path}.${k}`);
  };
  walk(s, 'state');
});

test('hook locator finds the hook key in YAML and JSON AppSpecs', () => {
  const yaml = [
    'version: 0.0',
    'os: linux',
    'hooks:',
    '  BeforeInstall:',
    '    - location: scripts/a.sh',
    '  AfterInstall:',
    '    - location: scripts/b.sh',
  ].join('\n');
  assert.deepEqual(findHookLine(yaml, 'AfterInstall'), { line: 5, character: 2 });
  const lambda = ['version: 0.0', 'Resources: []', 'Hooks:', '  - BeforeAllowTraffic: "check"'].join('\n');
  assert.deepEqual(findHookLine(lambda, 'BeforeAllowTraffic'), { line: 3, character: 4 });
  const json = '{\n  "Hooks": [\n    { "AfterAllowTraffic": "fn" }\n  ]\n}';
  assert.deepEqual(findHookLine(json, 'AfterAllowTraffic'), { line: 2, character: 7 });
  assert.equal(findHookLine(yaml, 'ValidateService'), undefined);
});
