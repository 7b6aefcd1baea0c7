/**
 * The webview gets diffs after the first full state: applying the diff of two states to the first gives
 * the second (with the extension's applyMonitorDiff and with the page's media/monitor/diff.js), and a
 * diff carries only what changed.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import type { DeploymentInfo, DeploymentTarget } from '../../../client/src/aws/api';
import {
  applyMonitorDiff,
  diffMonitorState,
  isEmptyDiff,
  packForWire,
  unpackFromWire,
} from '../../../client/src/monitor/diff';
import { accumulate, buildViewState, EMPTY_HISTORY, type MonitorViewState } from '../../../client/src/monitor/model';

const root = path.resolve(__dirname, '../../../..');
const pageDiff = createRequire(__filename)(path.join(root, 'media/monitor/diff.js')) as {
  applyMonitorDiff: (prev: unknown, diff: unknown) => MonitorViewState;
  unpackFromWire: (v: unknown) => unknown;
};

const T0 = Date.parse('2026-03-02T10:00:00Z');
const EVENTS = ['ApplicationStop', 'DownloadBundle', 'BeforeInstall', 'Install', 'AfterInstall', 'ApplicationStart'];

/** An in-place EC2 fleet where instance i starts at step i and runs one event per step. */
function fleet(n: number, step: number): DeploymentTarget[] {
  return Array.from({ length: n }, (_, i) => {
    const done = Math.max(0, Math.min(EVENTS.length, step - i));
    const status = done === EVENTS.length ? 'Succeeded' : step >= i ? 'InProgress' : 'Pending';
    return {
      deploymentTargetType: 'InstanceTarget',
      instanceTarget: {
        targetId: `i-${String(i).padStart(5, '0')}`,
        status,
        lifecycleEvents: EVENTS.map((name, k) => ({
          lifecycleEventName: name,
          status: k < done ? 'Succeeded' : k === done && status === 'InProgress' ? 'InProgress' : 'Pending',
          ...(k <= done && step >= i ? { startTime: new Date(T0 + (i + k) * 10_000) } : {}),
          ...(k < done ? { endTime: new Date(T0 + (i + k + 1) * 10_000) } : {}),
        })),
      },
    } as DeploymentTarget;
  });
}

const deployment = (status: string): DeploymentInfo => ({
  deploymentId: 'd-DIFF00001',
  applicationName: 'web',
  deploymentGroupName: 'prod',
  computePlatform: 'Server',
  status: status as 'InProgress',
  deploymentConfigName: 'CodeDeployDefault.AllAtOnce',
  deploymentStyle: { deploymentType: 'IN_PLACE', deploymentOption: 'WITHOUT_TRAFFIC_CONTROL' },
  createTime: new Date(T0),
  startTime: new Date(T0),
});

function states(n: number, steps: number): MonitorViewState[] {
  let history = EMPTY_HISTORY;
  const out: MonitorViewState[] = [];
  for (let s = 0; s <= steps; s++) {
    const d = deployment(s === steps ? 'Succeeded' : 'InProgress');
    const targets = fleet(n, s);
    const now = T0 + s * 10_000;
    history = accumulate(history, d, targets, now);
    out.push(buildViewState({ deployment: d, targets, history, now }));
  }
  return out;
}

/** What postMessage carries (JSON: fields set to undefined are absent). */
const J = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const roundTrip = (_a: MonitorViewState, b: MonitorViewState) => J(b);

test('a diff applied to the previous state gives the new state, in the extension and in the page', () => {
  const seq = states(12, 20);
  for (let i = 1; i < seq.length; i++) {
    const diff = diffMonitorState(seq[i - 1], seq[i]);
    // What the webview receives went through JSON (postMessage), like the states themselves.
    const wire = JSON.parse(JSON.stringify(diff));
    const prev = JSON.parse(JSON.stringify(seq[i - 1]));
    assert.deepEqual(applyMonitorDiff(prev, wire), roundTrip(seq[i - 1], seq[i]), `step ${i} (extension)`);
    assert.deepEqual(pageDiff.applyMonitorDiff(prev, wire), roundTrip(seq[i - 1], seq[i]), `step ${i} (page)`);
  }
});

test('a diff carries only the targets that changed', () => {
  const seq = states(200, 40);
  const prev = seq[20];
  const next = seq[21];
  const diff = diffMonitorState(prev, next);
  const changedIds = next.targets
    .filter((t) => JSON.stringify(t) !== JSON.stringify(prev.targets.find((p) => p.id === t.id)))
    .map((t) => t.id);
  assert.ok(changedIds.length > 0 && changedIds.length < 20, `${changedIds.length} changed`);
  assert.deepEqual(
    [...(diff.targets?.added ?? []), ...(diff.targets?.patched ?? [])].map((t) => t.id).sort(),
    [...changedIds].sort(),
  );
  assert.equal(diff.targets?.order, undefined, 'same order: no order sent');
  assert.ok(!('targets' in diff.set));
  assert.ok(JSON.stringify(diff).length < JSON.stringify(next).length / 5, 'much smaller than the state');
});

test('no change, no diff; removed and reordered targets; a timeline that goes away', () => {
  const [a, b] = states(3, 2).slice(1);
  assert.ok(isEmptyDiff(diffMonitorState(b, JSON.parse(JSON.stringify(b)))));
  const fewer: MonitorViewState = { ...b, targets: [b.targets[2], b.targets[0]], timeline: undefined };
  delete fewer.timeline;
  const d = diffMonitorState(a, fewer);
  assert.deepEqual(d.targets?.removed, [a.targets[1].id]);
  assert.deepEqual(d.targets?.order, [b.targets[2].id, b.targets[0].id]);
  assert.equal(d.timeline, null);
  assert.deepEqual(J(applyMonitorDiff(a, d)), J(fewer));
  assert.deepEqual(pageDiff.applyMonitorDiff(J(a), J(d)), J(fewer));
  // A field that disappears (a poll error that cleared) is unset.
  const failing = { ...b, pollError: 'timeout' };
  const cleared = diffMonitorState(failing, b);
  assert.deepEqual(cleared.unset, ['pollError']);
  assert.deepEqual(J(applyMonitorDiff(failing, cleared)), J(b));
});

test('on the wire, arrays of objects travel as tables and come back equal, in the extension and in the page', () => {
  const seq = states(300, 12);
  for (let i = 1; i < seq.length; i++) {
    const diff = diffMonitorState(seq[i - 1], seq[i]);
    for (const message of [seq[i], diff]) {
      const wire = JSON.parse(JSON.stringify(packForWire(message)));
      assert.deepEqual(unpackFromWire(wire), J(message), `step ${i} (extension)`);
      assert.deepEqual(pageDiff.unpackFromWire(wire), J(message), `step ${i} (page)`);
    }
  }
  const full = JSON.stringify(seq[6]);
  assert.ok(
    JSON.stringify(packForWire(seq[6])).length < full.length * 0.75,
    'a fleet state packs to under 3/4 of its size',
  );
  // Arrays holding null, and objects that merely look like rows, survive unchanged.
  const odd = { a: [{ x: null }, { x: 1 }], b: [{ y: 1 }], c: [[{ z: 1 }, { z: 2 }]] };
  assert.deepEqual(unpackFromWire(JSON.parse(JSON.stringify(packForWire(odd)))), odd);
});
