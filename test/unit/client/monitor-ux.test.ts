/**
 * What the monitor says in the cases a newcomer tripped over: a stopped deployment's traffic, the
 * rollback line and versions, hooks waiting for their function, buttons that are not available,
 * EC2 counts that add up, the jump to the AppSpec only for its hooks.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { DeploymentInfo, DeploymentTarget, PendingHookExecution } from '../../../client/src/aws/api';
import { countsLine, ec2Summary } from '../../../client/src/monitor/ec2';
import { appSpecHooks } from '../../../client/src/monitor/hooks';
import { parseWebviewMessage } from '../../../client/src/monitor/html';
import { buildViewState, EMPTY_HISTORY, finalOutcome, type MonitorViewState } from '../../../client/src/monitor/model';
import { ecsTaskDefinition, shortTaskDefinition } from '../../../client/src/monitor/versions';

const T0 = Date.parse('2026-03-02T10:00:00Z');

type EventSpec = [name: string, status: string, startMs?: number];

function ecsTarget(events: EventSpec[], greenWeight: number, status = 'InProgress'): DeploymentTarget {
  return {
    deploymentTargetType: 'ECSTarget',
    ecsTarget: {
      targetId: 'shop:web',
      status: status as 'InProgress',
      lifecycleEvents: events.map(([n, st, at]) => ({
        lifecycleEventName: n,
        status: st as 'Pending',
        startTime: at !== undefined ? new Date(at) : undefined,
      })),
      taskSetsInfo: [
        { identifer: 'ts-blue', taskSetLabel: 'Blue', trafficWeight: 100 - greenWeight },
        { identifer: 'ts-green', taskSetLabel: 'Green', trafficWeight: greenWeight },
      ],
    },
  };
}

function lambdaTarget(current: string, target: string, weight: number, events: EventSpec[]): DeploymentTarget {
  return {
    deploymentTargetType: 'LambdaTarget',
    lambdaTarget: {
      targetId: 'orders:live',
      status: 'InProgress',
      lambdaFunctionInfo: {
        functionName: 'orders',
        functionAlias: 'live',
        currentVersion: current,
        targetVersion: target,
        targetVersionWeight: weight,
      },
      lifecycleEvents: events.map(([n, st, at]) => ({
        lifecycleEventName: n,
        status: st as 'Pending',
        startTime: at !== undefined ? new Date(at) : undefined,
      })),
    },
  };
}

const ECS_EVENTS: EventSpec[] = [
  ['BeforeInstall', 'Succeeded'],
  ['Install', 'Succeeded'],
  ['AfterInstall', 'Succeeded'],
  ['AllowTestTraffic', 'Succeeded'],
  ['AfterAllowTestTraffic', 'Succeeded'],
  ['BeforeAllowTraffic', 'Succeeded'],
  ['AllowTraffic', 'Failed'],
  ['AfterAllowTraffic', 'Skipped'],
];

const ecsDeployment: DeploymentInfo = {
  deploymentId: 'd-STOPPED01',
  applicationName: 'shop',
  deploymentGroupName: 'web',
  computePlatform: 'ECS',
  deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
  status: 'InProgress',
  createTime: new Date(T0 - 60_000),
};

function view(
  d: DeploymentInfo,
  targets: DeploymentTarget[],
  extra: Partial<Parameters<typeof buildViewState>[0]> = {},
) {
  return buildViewState({ deployment: d, targets, history: EMPTY_HISTORY, now: T0, ...extra });
}

/** The rollback line as the webview renders it (links as their IDs). */
function lineText(s: MonitorViewState): string {
  return (s.rollback?.parts ?? []).map((p) => ('text' in p ? p.text : p.deploymentId)).join('');
}

test('a stopped ECS deployment: no live split, where it stopped, one rollback line with both IDs as links', () => {
  const stopped: DeploymentInfo = {
    ...ecsDeployment,
    status: 'Stopped',
    errorInformation: { code: 'MANUAL_STOP', message: 'The deployment was stopped by the user.' },
    rollbackInfo: { rollbackDeploymentId: 'd-ROLLBACK1', rollbackMessage: 'rolled back by deployment d-ROLLBACK1' },
    deploymentStatusMessages: ['Deployment stopped', 'Automatic rollback started: d-ROLLBACK1'],
  };
  const s = view(stopped, [ecsTarget(ECS_EVENTS, 10, 'Failed')], {
    context: { ecs: { original: 'shop:41', replacement: 'shop:42' } },
  });
  assert.equal(s.traffic?.ended, true, 'the split is history');
  assert.match(s.traffic!.stepLabel, /^Stopped at step 1 of 10, with 10% of traffic on the replacement/);
  assert.match(s.traffic!.stepLabel, /rollback moves all traffic back to the original/);
  assert.doesNotMatch(s.traffic!.stepLabel, /Waiting for the first shift/);
  assert.equal(s.rollback?.role, 'rolledBack');
  assert.deepEqual(
    s.rollback?.parts.filter((p) => 'deploymentId' in p),
    [{ deploymentId: 'd-STOPPED01' }, { deploymentId: 'd-ROLLBACK1' }],
  );
  assert.equal(
    lineText(s),
    'd-STOPPED01 was stopped. Rollback d-ROLLBACK1 moves shop:web back to task definition shop:41.',
  );
  // The status messages no longer repeat the rollback.
  assert.deepEqual(s.messages, ['Deployment stopped']);
  assert.deepEqual(s.versions, { subject: 'shop:web', from: 'task definition shop:41', to: 'task definition shop:42' });
  // Stopped before AllowTraffic moved anything: no "Waiting for the first shift".
  const early = view({ ...stopped, rollbackInfo: undefined }, [ecsTarget(ECS_EVENTS.slice(0, 3), 0, 'Failed')]);
  assert.equal(early.traffic?.stepLabel, 'Stopped before any traffic shifted to the replacement.');
  // The notification's button opens the rollback.
  assert.deepEqual(
    { kind: finalOutcome(stopped)?.kind, rollbackId: finalOutcome(stopped)?.rollbackId },
    { kind: 'rolledBack', rollbackId: 'd-ROLLBACK1' },
  );
});

test("a Lambda rollback's monitor: versions from → to and what it restores, sides named for a rollback", () => {
  const rb: DeploymentInfo = {
    deploymentId: 'd-ROLLBACK2',
    applicationName: 'orders',
    deploymentGroupName: 'live',
    computePlatform: 'Lambda',
    deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce',
    status: 'Succeeded',
    creator: 'codeDeployRollback',
    rollbackInfo: { rollbackTriggeringDeploymentId: 'd-TRIGGER01' },
  };
  const s = view(rb, [lambdaTarget('10', '9', 100, [['AllowTraffic', 'Succeeded']])]);
  assert.deepEqual(s.versions, { subject: 'orders (alias live)', from: 'version 10', to: 'version 9' });
  assert.equal(
    lineText(s),
    'Rollback of d-TRIGGER01: restores version 9 of orders (alias live), replacing version 10.',
  );
  assert.equal(s.rollback?.otherId, 'd-TRIGGER01');
  assert.equal(s.traffic?.greenLabel, 'Restored version (green)');
  assert.equal(s.traffic?.blueLabel, 'Rolled-back version (blue)');
  assert.equal(s.creator, 'automatic rollback');
  // An ordinary deployment keeps the usual names and shows its versions too.
  const normal = view({ ...rb, rollbackInfo: undefined, status: 'InProgress' }, [lambdaTarget('9', '10', 10, [])]);
  assert.equal(normal.traffic?.greenLabel, 'Replacement (green)');
  assert.deepEqual(normal.versions, { subject: 'orders (alias live)', from: 'version 9', to: 'version 10' });
  assert.equal(normal.rollback, undefined);
});

test('a rollback that could not start says why, once', () => {
  const msg = 'Automatic rollback was not started: no earlier successful deployment of this deployment group.';
  const s = view({ ...ecsDeployment, status: 'Failed', rollbackInfo: { rollbackMessage: msg } }, [
    ecsTarget(ECS_EVENTS, 0, 'Failed'),
  ]);
  assert.equal(s.rollback, undefined);
  assert.deepEqual(s.messages, [msg]);
});

test('a Lambda hook in progress waits for its function: name from the endpoint, timeout, and the execution to report', () => {
  const d: DeploymentInfo = { ...ecsDeployment, computePlatform: 'Lambda', deploymentId: 'd-HOOKWAIT1' };
  const started = T0 - 90_000;
  const targets = [
    lambdaTarget('7', '9', 0, [
      ['BeforeAllowTraffic', 'InProgress', started],
      ['AllowTraffic', 'Pending'],
    ]),
  ];
  const pending: PendingHookExecution[] = [
    {
      deploymentId: 'd-HOOKWAIT1',
      targetId: 'orders:live',
      lifecycleEventName: 'BeforeAllowTraffic',
      functionName: 'orders-pre-traffic',
      lifecycleEventHookExecutionId: 'exec-1',
      startTime: new Date(started),
      timeoutTime: new Date(started + 3_600_000),
    },
  ];
  const local = view(d, targets, { context: { pending } });
  assert.deepEqual(local.waitingHooks, [
    {
      targetId: 'orders:live',
      event: 'BeforeAllowTraffic',
      functionName: 'orders-pre-traffic',
      timesOutAt: started + 3_600_000,
      remainingSeconds: 3_600 - 90,
      executionId: 'exec-1',
    },
  ]);
  // On AWS: the function from the AppSpec, one hour after the event started, no execution id (no buttons).
  const hooks = appSpecHooks(
    'version: 0.0\nResources: []\nHooks:\n  - BeforeAllowTraffic: pre-check\n  - AfterAllowTraffic: post\n',
  );
  const aws = view(d, targets, { context: { appSpecHooks: hooks } });
  assert.deepEqual(aws.waitingHooks, [
    {
      targetId: 'orders:live',
      event: 'BeforeAllowTraffic',
      functionName: 'pre-check',
      timesOutAt: started + 3_600_000,
      remainingSeconds: 3_510,
    },
  ]);
  // The local endpoint's scaled clock: the hour passes `timeScale` times faster.
  const scaled = view(d, targets, { context: { appSpecHooks: hooks }, timeScale: 10 });
  assert.equal(scaled.waitingHooks[0].timesOutAt, started + 360_000);
  // A reserved event in progress (AllowTraffic) has no function to wait for; an AppSpec without the hook neither.
  const shifting = lambdaTarget('7', '9', 10, [
    ['BeforeAllowTraffic', 'Succeeded'],
    ['AllowTraffic', 'InProgress', T0],
  ]);
  assert.deepEqual(view(d, [shifting], { context: { appSpecHooks: hooks } }).waitingHooks, []);
  assert.deepEqual(view(d, targets, { context: { appSpecHooks: {} } }).waitingHooks, []);
  // Ended deployments wait for nothing.
  assert.deepEqual(view({ ...d, status: 'Stopped' }, targets, { context: { pending } }).waitingHooks, []);
});

test('unavailable buttons say why; available ones do not', () => {
  const running = view(ecsDeployment, [ecsTarget(ECS_EVENTS.slice(0, 2), 0)]);
  assert.equal(running.buttons.continue.enabled, false);
  assert.match(running.buttons.continue.reason ?? '', /waits: to reroute traffic \(status Ready\)/);
  assert.equal(running.buttons.stop, true);
  assert.equal(running.buttons.stopReason, undefined);
  const lambda = view({ ...ecsDeployment, computePlatform: 'Lambda' }, []);
  assert.match(lambda.buttons.continue.reason ?? '', /Lambda deployments shift traffic on their own/);
  const ready = view({ ...ecsDeployment, status: 'Ready' }, []);
  assert.deepEqual([ready.buttons.continue.enabled, ready.buttons.continue.reason], [true, undefined]);
  const done = view({ ...ecsDeployment, status: 'Succeeded' }, []);
  assert.equal(done.buttons.stopReason, 'The deployment has ended (Succeeded).');
  assert.equal(done.buttons.continue.reason, 'The deployment has ended (Succeeded).');
});

test('EC2 blue/green in Ready: the counts add up, per fleet', () => {
  const inst = (id: string, label: 'Blue' | 'Green', status: string) => ({ status, label, events: [{ name: id }] });
  const targets = [
    inst('g1', 'Green', 'Ready'),
    inst('g2', 'Green', 'Ready'),
    inst('b1', 'Blue', 'Pending'),
    inst('b2', 'Blue', 'Pending'),
  ];
  assert.equal(ec2Summary(targets, 2, []), 'Replacement (green): 2 ready — Original (blue): 2 pending (4 instances)');
  assert.equal(
    countsLine(['Succeeded', 'Failed', 'Skipped', 'Succeeded', 'Weird']),
    '2 succeeded · 1 failed · 1 skipped · 1 other',
  );
  assert.equal(ec2Summary([], 3, ['Ready', 'Ready', 'Pending']), '2 ready · 1 pending (3 instances)');
  assert.equal(ec2Summary([], 0, []), 'No instances yet.');
  // Through the model: in-place instances, every status counted.
  const d: DeploymentInfo = { deploymentId: 'd-EC2SUM01', computePlatform: 'Server', status: 'InProgress' };
  const instance = (id: string, status: string): DeploymentTarget => ({
    instanceTarget: { targetId: id, status: status as 'Pending', lifecycleEvents: [] },
  });
  const s = view(d, [
    instance('i-1', 'Succeeded'),
    instance('i-2', 'Skipped'),
    instance('i-3', 'Failed'),
    instance('i-4', 'Ready'),
  ]);
  assert.equal(s.ec2?.summary, '1 succeeded · 1 ready · 1 failed · 1 skipped (4 instances)');
});

test('"Open in the AppSpec" only for hooks of the AppSpec (or, without it, hook events of the platform)', () => {
  const failedAllow = ecsTarget(ECS_EVENTS, 10, 'Failed');
  const unknown = view({ ...ecsDeployment, status: 'Stopped' }, [failedAllow]);
  const byName = (s: MonitorViewState, n: string) => s.targets[0].events.find((e) => e.name === n);
  assert.equal(byName(unknown, 'AllowTraffic')?.canOpen, undefined, 'AllowTraffic is not a hook');
  assert.equal(byName(unknown, 'AfterAllowTestTraffic')?.canOpen, true);
  const hooks = appSpecHooks('version: 0.0\nResources: []\nHooks:\n  - AfterAllowTestTraffic: smoke\n')!;
  const known = view({ ...ecsDeployment, status: 'Stopped' }, [failedAllow], { context: { appSpecHooks: hooks } });
  assert.equal(byName(known, 'AfterAllowTestTraffic')?.canOpen, true);
  assert.equal(byName(known, 'BeforeInstall')?.canOpen, undefined, 'not a hook of this AppSpec');
});

test('Created and Queued deployments say what is happening', () => {
  assert.match(view({ ...ecsDeployment, status: 'Queued' }, []).placeholder ?? '', /^Queued: /);
  assert.match(view({ ...ecsDeployment, status: 'Created' }, []).placeholder ?? '', /^Created: /);
  assert.equal(view(ecsDeployment, [ecsTarget(ECS_EVENTS.slice(0, 1), 0)]).placeholder, undefined);
});

test('AppSpec hooks and ECS task definitions are read from YAML and JSON; bad text is no AppSpec', () => {
  assert.deepEqual(
    appSpecHooks(
      'version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: a.sh\n    - location: b.sh\n  AfterInstall:\n',
    ),
    { BeforeInstall: ['a.sh', 'b.sh'], AfterInstall: [] },
  );
  assert.deepEqual(appSpecHooks('{"version": 0.0, "Hooks": [{"AfterAllowTraffic": "fn"}]}'), {
    AfterAllowTraffic: ['fn'],
  });
  assert.equal(appSpecHooks('key: [unclosed'), undefined);
  assert.equal(appSpecHooks('- just a list'), undefined);
  const ecs =
    'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/shop:42"\n';
  assert.equal(ecsTaskDefinition(ecs), 'shop:42');
  assert.equal(ecsTaskDefinition('version: 0.0'), undefined);
  assert.equal(shortTaskDefinition('shop:7'), 'shop:7');
});

test('the webview may open another deployment and report a hook, nothing else', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'openDeployment', deploymentId: 'd-ABCDEF123' }), {
    type: 'openDeployment',
    deploymentId: 'd-ABCDEF123',
  });
  assert.equal(parseWebviewMessage({ type: 'openDeployment', deploymentId: '../etc' }), undefined);
  assert.deepEqual(parseWebviewMessage({ type: 'reportHook', executionId: 'x1', status: 'Failed' }), {
    type: 'reportHook',
    executionId: 'x1',
    status: 'Failed',
  });
  assert.equal(parseWebviewMessage({ type: 'reportHook', executionId: 'x1', status: 'Maybe' }), undefined);
  assert.equal(parseWebviewMessage({ type: 'reportHook', executionId: '', status: 'Succeeded' }), undefined);
});

test('EC2 rollbacks redeploy the last successful revision, and say so', () => {
  const d: DeploymentInfo = {
    deploymentId: 'd-EC2FAIL01',
    computePlatform: 'Server',
    status: 'Failed',
    rollbackInfo: { rollbackDeploymentId: 'd-EC2BACK01' },
  };
  assert.equal(
    lineText(view(d, [])),
    'd-EC2FAIL01 failed. Rollback d-EC2BACK01 redeploys the revision that last succeeded in this deployment group.',
  );
  const back = view(
    {
      deploymentId: 'd-EC2BACK01',
      computePlatform: 'Server',
      status: 'InProgress',
      rollbackInfo: { rollbackTriggeringDeploymentId: 'd-EC2FAIL01' },
    },
    [],
  );
  assert.equal(
    lineText(back),
    'Rollback of d-EC2FAIL01: redeploys the revision that last succeeded in this deployment group.',
  );
});
