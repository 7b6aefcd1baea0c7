import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  applicationNodes,
  deploymentContextValue,
  deploymentNodes,
  eventNodes,
  groupFilterDecoration,
  groupNodes,
  loadChildren,
  targetNodes,
  type ExplorerApi,
} from '../../../client/src/explorer/model';
import type { DeploymentInfo, DeploymentStatus, DeploymentTarget } from '../../../client/src/aws/api';
import { GroupDeploymentList, type DeploymentFilter } from '../../../client/src/explorer/deploymentList';

const NOW = Date.parse('2026-01-10T12:00:00Z');
const opts = { now: NOW, consoleRegion: 'eu-west-1' };

/** An API stand-in whose unconfigured calls throw, so a test notices calls it did not expect. */
function fakeApi(over: Partial<ExplorerApi>): ExplorerApi {
  return new Proxy(over as ExplorerApi, {
    get(target, prop) {
      const v = (target as unknown as Record<string | symbol, unknown>)[prop];
      if (v) return v;
      return () => {
        throw new Error(`fake API: ${String(prop)} was called but not configured`);
      };
    },
  });
}

test('applications are sorted, iconed by compute platform and link to the console', () => {
  const nodes = applicationNodes(
    [
      { applicationName: 'web', computePlatform: 'Server' },
      { applicationName: 'api', computePlatform: 'Lambda' },
      { applicationName: 'shop', computePlatform: 'ECS' },
    ],
    opts,
  );
  assert.deepEqual(
    nodes.map((n) => n.label),
    ['api', 'shop', 'web'],
  );
  assert.deepEqual(
    nodes.map((n) => n.iconId),
    ['symbol-function', 'layers', 'server'],
  );
  assert.equal(nodes[0].contextValue, 'application');
  assert.deepEqual(nodes[0].children, { kind: 'groups', application: 'api', platform: 'Lambda' });
  assert.equal(
    nodes[0].data.consoleUrl,
    'https://eu-west-1.console.aws.amazon.com/codesuite/codedeploy/applications/api?region=eu-west-1',
  );
});

test('local mode has no console links', () => {
  const [n] = applicationNodes([{ applicationName: 'web', computePlatform: 'Server' }], { now: NOW });
  assert.equal(n.data.consoleUrl, undefined);
});

test('deployment groups show their config and a target summary', () => {
  const nodes = groupNodes(
    'web',
    [
      {
        deploymentGroupName: 'prod',
        deploymentConfigName: 'CodeDeployDefault.HalfAtATime',
        computePlatform: 'Server',
        ec2TagFilters: [{ Key: 'env', Value: 'prod', Type: 'KEY_AND_VALUE' }],
        autoScalingGroups: [{ name: 'asg-1' }],
        lastSuccessfulDeployment: { deploymentId: 'd-1' },
      },
      {
        deploymentGroupName: 'ecs',
        deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
        computePlatform: 'ECS',
        ecsServices: [{ clusterName: 'c', serviceName: 's' }],
      },
    ],
    opts,
  );
  assert.deepEqual(
    nodes.map((n) => n.label),
    ['ecs', 'prod'],
  );
  assert.equal(nodes[1].description, 'HalfAtATime · 1 EC2 tag filter · 1 Auto Scaling group');
  assert.equal(nodes[0].description, 'ECSAllAtOnce · c/s');
  assert.equal(nodes[1].contextValue, 'deploymentGroup.lastSuccessful');
  assert.equal(nodes[0].contextValue, 'deploymentGroup');
});

const dep = (
  id: string,
  status: DeploymentInfo['status'],
  minutesAgo: number,
  extra: Partial<DeploymentInfo> = {},
): DeploymentInfo => ({
  deploymentId: id,
  applicationName: 'web',
  deploymentGroupName: 'prod',
  status,
  createTime: new Date(NOW - minutesAgo * 60_000),
  creator: 'user',
  computePlatform: 'Server',
  revision: { revisionType: 'S3' },
  ...extra,
});

test('deployments are newest first with status icon, age, initiator and "Load more…"', () => {
  const nodes = deploymentNodes(
    'web',
    'prod',
    [dep('d-old', 'Succeeded', 90), dep('d-new', 'InProgress', 3), dep('d-mid', 'Failed', 30)],
    'tok',
    opts,
  );
  assert.deepEqual(
    nodes.map((n) => n.label),
    ['d-new', 'd-mid', 'd-old', 'Load more…'],
  );
  assert.equal(nodes[0].description, 'InProgress · 3m ago · by user');
  assert.equal(nodes[0].iconId, 'sync~spin');
  assert.equal(nodes[0].live, true);
  assert.equal(nodes[1].iconId, 'error');
  assert.equal(nodes[2].live, false);
  assert.equal(nodes[3].contextValue, 'loadMore');
  assert.equal(nodes[3].command?.command, 'codedeploy.loadMore');
  assert.equal(deploymentNodes('web', 'prod', [dep('d', 'Succeeded', 1)], undefined, opts).length, 1);
});

test('deployment context values drive the menus', () => {
  assert.equal(deploymentContextValue(dep('d', 'InProgress', 1)), 'deployment.active.revision');
  assert.equal(deploymentContextValue(dep('d', 'Ready', 1)), 'deployment.active.readyWait.revision');
  assert.equal(
    deploymentContextValue(dep('d', 'InProgress', 1, { instanceTerminationWaitTimeStarted: true })),
    'deployment.active.terminationWait.revision',
  );
  assert.equal(deploymentContextValue(dep('d', 'Succeeded', 1, { revision: undefined })), 'deployment');
});

const failedInstance: DeploymentTarget = {
  deploymentTargetType: 'InstanceTarget',
  instanceTarget: {
    targetId: 'i-1',
    status: 'Failed',
    lifecycleEvents: [
      {
        lifecycleEventName: 'BeforeInstall',
        status: 'Succeeded',
        startTime: new Date(NOW - 60_000),
        endTime: new Date(NOW - 48_000),
      },
      {
        lifecycleEventName: 'AfterInstall',
        status: 'Failed',
        startTime: new Date(NOW - 48_000),
        endTime: new Date(NOW - 40_000),
        diagnostics: {
          errorCode: 'ScriptFailed',
          scriptName: 'scripts/after.sh',
          message: 'exit code 1',
          logTail: 'npm ERR! ```boom```',
        },
      },
    ],
  },
};

test('targets: failed targets expand, lambda shows versions and weight', () => {
  const lambda: DeploymentTarget = {
    deploymentTargetType: 'LambdaTarget',
    lambdaTarget: {
      targetId: 'fn:live',
      status: 'InProgress',
      lambdaFunctionInfo: {
        functionName: 'fn',
        functionAlias: 'live',
        currentVersion: '1',
        targetVersion: '2',
        targetVersionWeight: 10,
      },
    },
  };
  const nodes = targetNodes('d-1', [lambda, failedInstance], opts);
  assert.deepEqual(
    nodes.map((n) => n.label),
    ['fn', 'i-1'],
  );
  assert.equal(nodes[0].description, 'InProgress · live 1 → 2 (10%)');
  assert.equal(nodes[0].live, true);
  assert.equal(nodes[1].collapsible, 'expanded');
  assert.match(nodes[1].tooltip ?? '', /Failed at \*\*AfterInstall\*\*/);
});

test('a failed lifecycle event shows its error code and log tail', () => {
  const nodes = eventNodes('d-1', failedInstance, opts);
  assert.equal(nodes.length, 2);
  assert.equal(nodes[0].description, 'Succeeded · 12s');
  assert.equal(nodes[1].description, 'Failed · 8s · ScriptFailed');
  assert.equal(nodes[1].contextValue, 'lifecycleEvent.failed');
  assert.match(nodes[1].tooltip ?? '', /ScriptFailed/);
  // The log tail's own backticks cannot close the fence.
  assert.match(nodes[1].tooltip ?? '', /````text\nnpm ERR! ```boom```\n````/);
});

test('loadChildren: empty lists give a placeholder, errors an error node with retry', async () => {
  const empty = await loadChildren(fakeApi({ listApplications: async () => [] }), { kind: 'applications' }, opts);
  assert.equal(empty.length, 1);
  assert.equal(empty[0].contextValue, 'placeholder');

  const failing = await loadChildren(
    fakeApi({
      listDeploymentGroups: async () => {
        throw new Error('AccessDenied: not allowed');
      },
    }),
    { kind: 'groups', application: 'web' },
    opts,
  );
  assert.equal(failing[0].contextValue, 'error');
  assert.match(failing[0].label, /AccessDenied/);
  assert.deepEqual(failing[0].data.retry, { kind: 'groups', application: 'web' });
});

test('"Load more" fetches only the next page; a refresh only new and unfinished deployments', async () => {
  const pages: Record<string, { deploymentIds: string[]; nextToken?: string }> = {
    '': { deploymentIds: ['d-3', 'd-2'], nextToken: 'p2' },
    p2: { deploymentIds: ['d-1'], nextToken: 'p3' },
    p3: { deploymentIds: ['d-0'] },
  };
  const ages: Record<string, number> = { 'd-4': 0, 'd-3': 1, 'd-2': 2, 'd-1': 3, 'd-0': 4 };
  const statuses: Record<string, DeploymentStatus> = { 'd-2': 'InProgress' };
  const calls: string[] = [];
  const api = fakeApi({
    listDeployments: async (_a, _g, token) => {
      calls.push(`list ${token ?? 'first'}`);
      return pages[token ?? ''];
    },
    batchGetDeployments: async (ids) => {
      calls.push(`get ${ids.join(',')}`);
      return ids.map((id) => dep(id, statuses[id] ?? 'Succeeded', ages[id]));
    },
  });
  const key = { kind: 'deployments' as const, application: 'web', group: 'prod' };
  const list = new GroupDeploymentList('web', 'prod');
  const o = { ...opts, deploymentList: () => list };
  const labels = async () => (await loadChildren(api, key, o)).map((n) => n.label);
  assert.deepEqual(await labels(), ['d-3', 'd-2', 'Load more…']);
  list.requestMore();
  assert.deepEqual(await labels(), ['d-3', 'd-2', 'd-1', 'Load more…']);
  list.requestMore();
  assert.deepEqual(await labels(), ['d-3', 'd-2', 'd-1', 'd-0']);
  assert.deepEqual(calls, ['list first', 'get d-3,d-2', 'list p2', 'get d-1', 'list p3', 'get d-0']);
  // A live refresh: a new deployment on the first page, and the one still running, nothing else.
  calls.length = 0;
  pages[''] = { deploymentIds: ['d-4', 'd-3'], nextToken: 'p2' };
  statuses['d-2'] = 'Succeeded';
  assert.deepEqual(await labels(), ['d-4', 'd-3', 'd-2', 'd-1', 'd-0']);
  assert.deepEqual(calls, ['list first', 'get d-4,d-2']);
  // Without a kept list, each load is the first page.
  assert.deepEqual(
    (await loadChildren(api, key, opts)).map((n) => n.label),
    ['d-4', 'd-3', 'Load more…'],
  );
});

test('a group filter goes to ListDeployments, shows in the group description, and names itself when empty', async () => {
  const seen: unknown[] = [];
  const api = fakeApi({
    listDeployments: async (_a, _g, _t, filter) => {
      seen.push(filter);
      return { deploymentIds: [] };
    },
  });
  const filter: DeploymentFilter = { statuses: ['Failed', 'Stopped'], window: '7d' };
  const key = { kind: 'deployments' as const, application: 'web', group: 'prod' };
  const nodes = await loadChildren(api, key, { ...opts, filterOf: () => filter });
  assert.deepEqual(seen, [{ statuses: ['Failed', 'Stopped'], since: new Date(opts.now - 7 * 86_400_000) }]);
  assert.equal(nodes[0].label, 'No deployments match the filter (Failed, Stopped · last 7 days)');
  const [group] = groupNodes(
    'web',
    [{ deploymentGroupName: 'prod', deploymentConfigName: 'CodeDeployDefault.HalfAtATime' }],
    {
      ...opts,
      filterOf: () => filter,
    },
  );
  assert.equal(group.description, 'filter: Failed, Stopped · last 7 days');
  assert.match(group.contextValue, /^deploymentGroup.*\.filtered$/);
  assert.equal(group.iconId, 'filter');
  const cleared = { ...group, ...groupFilterDecoration(group, undefined) };
  assert.equal(cleared.description, 'HalfAtATime');
  assert.equal(cleared.contextValue, 'deploymentGroup');
  assert.doesNotMatch(cleared.tooltip ?? '', /Deployments shown/);
});

test('loadChildren asks for all targets at once (the AWS layer splits batches) and lists them all', async () => {
  const ids = Array.from({ length: 60 }, (_, i) => `i-${String(i).padStart(3, '0')}`);
  const sizes: number[] = [];
  const api = fakeApi({
    listDeploymentTargets: async () => ids,
    batchGetDeploymentTargets: async (_d, part) => {
      sizes.push(part.length);
      return part.map((id) => ({
        deploymentTargetType: 'InstanceTarget',
        instanceTarget: { targetId: id, status: 'Succeeded' },
      }));
    },
  });
  const nodes = await loadChildren(api, { kind: 'targets', deploymentId: 'd-1' }, opts);
  assert.equal(nodes.length, 60);
  assert.deepEqual(sizes, [60]);
});
