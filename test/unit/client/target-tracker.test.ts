import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TargetTracker, type TrackerApi } from '../../../client/src/monitor/targetTracker';
import type { DeploymentInfo, DeploymentTarget } from '../../../client/src/aws/api';

/** A fake deployment of `n` instances whose statuses the test sets; records every call. */
function fleet(n: number) {
  const status = new Map<string, string>();
  const ids = Array.from({ length: n }, (_, i) => `i-${String(i).padStart(4, '0')}`);
  for (const id of ids) status.set(id, 'Pending');
  const calls: string[] = [];
  const fetched: string[][] = [];
  const target = (id: string): DeploymentTarget => ({
    instanceTarget: { targetId: id, status: status.get(id) as never },
  });
  const api: TrackerApi = {
    listDeploymentTargets: async () => {
      calls.push('list-all');
      return ids;
    },
    listDeploymentTargetsPage: async (_d, opts = {}) => {
      calls.push(`list${opts.statuses ? `:${opts.statuses.join()}` : ''}`);
      const matching = ids.filter((id) => !opts.statuses || opts.statuses.includes(status.get(id)!));
      const from = Number(opts.nextToken ?? 0);
      const next = from + 10 < matching.length ? String(from + 10) : undefined;
      return { targetIds: matching.slice(from, from + 10), ...(next ? { nextToken: next } : {}) };
    },
    batchGetDeploymentTargets: async (_d, wanted) => {
      calls.push('batch');
      assert.ok(wanted.length <= 25, 'chunks of 25');
      fetched.push(wanted);
      return wanted.map(target);
    },
  };
  const deployment = (): DeploymentInfo => {
    const o = { Pending: 0, InProgress: 0, Succeeded: 0, Failed: 0, Skipped: 0, Ready: 0 };
    for (const s of status.values()) o[s as keyof typeof o]++;
    return { deploymentId: 'd-TEST00001', status: 'InProgress', deploymentOverview: o };
  };
  return { ids, status, calls, fetched, api, deployment };
}

test('a small deployment is fully known after one refresh', async () => {
  const f = fleet(4);
  const t = new TargetTracker(f.api, 'd-TEST00001');
  const calls = await t.refresh(f.deployment(), 9);
  assert.equal(calls, 2);
  assert.deepEqual(f.calls, ['list', 'batch']);
  assert.equal(t.targets.length, 4);
  assert.equal(t.settled, false);
  for (const id of f.ids) f.status.set(id, 'Succeeded');
  await t.refresh(f.deployment(), 9);
  assert.equal(t.settled, true);
});

test('the budget caps each refresh; failures are asked for first; finished targets are not fetched again', async () => {
  const f = fleet(300);
  const t = new TargetTracker(f.api, 'd-TEST00001');
  assert.equal(await t.refresh(f.deployment(), 9), 9);
  assert.ok(t.targets.length < 300, 'details arrive over several refreshes');
  // A target the tracker has not fetched yet fails: the next refresh asks for failures first and fetches it first.
  const late = f.ids[290];
  f.status.set(late, 'Failed');
  f.calls.length = 0;
  f.fetched.length = 0;
  assert.ok((await t.refresh(f.deployment(), 9)) <= 9);
  assert.equal(f.calls[0], 'list:Failed');
  assert.equal(f.fetched[0][0], late);
  assert.equal(t.targets.find((x) => x.instanceTarget?.targetId === late)?.instanceTarget?.status, 'Failed');
  // Everything finishes; once the tracker has seen a target finished it never asks for it again.
  for (const id of f.ids) if (id !== late) f.status.set(id, 'Succeeded');
  for (let i = 0; i < 60 && !t.settled; i++) await t.refresh(f.deployment(), 9);
  assert.equal(t.settled, true);
  assert.equal(t.targets.length, 300);
  f.fetched.length = 0;
  await t.refresh(f.deployment(), 9);
  assert.deepEqual(f.fetched, []);
});

test('pending targets are refreshed only when the overview shows some of them moved', async () => {
  const f = fleet(30);
  const t = new TargetTracker(f.api, 'd-TEST00001');
  for (let i = 0; i < 3; i++) await t.refresh(f.deployment(), 9);
  assert.equal(t.targets.length, 30);
  f.calls.length = 0;
  await t.refresh(f.deployment(), 9);
  assert.deepEqual(f.calls, [], 'nothing moved: no calls');
  f.status.set(f.ids[3], 'InProgress');
  await t.refresh(f.deployment(), 9);
  assert.deepEqual(f.calls.slice(0, 1), ['list:InProgress']);
  assert.equal(t.targets[3].instanceTarget?.status, 'InProgress');
});
