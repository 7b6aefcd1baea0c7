/** The lifecycle-event timeline: bars per target on one shared axis, running events open-ended, big fleets capped. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { DeploymentTarget } from '../../../client/src/aws/api';
import { MAX_TIMELINE_ROWS, timelineView } from '../../../client/src/monitor/timeline';

const T0 = Date.parse('2026-03-02T10:00:00Z');
type Ev = [name: string, status: string, startS?: number, endS?: number];

function instance(id: string, status: string, events: Ev[]): DeploymentTarget {
  return {
    deploymentTargetType: 'InstanceTarget',
    instanceTarget: {
      targetId: id,
      status: status as 'InProgress',
      lifecycleEvents: events.map(([n, st, a, b]) => ({
        lifecycleEventName: n,
        status: st as 'Pending',
        ...(a !== undefined ? { startTime: new Date(T0 + a * 1000) } : {}),
        ...(b !== undefined ? { endTime: new Date(T0 + b * 1000) } : {}),
      })),
    },
  };
}

test('bars start at the earliest event of any target; running events have no end; pending ones no bar', () => {
  const view = timelineView(
    [
      instance('i-b', 'InProgress', [
        ['ApplicationStop', 'Succeeded', 10, 12.5],
        ['Install', 'InProgress', 13],
        ['AfterInstall', 'Pending'],
      ]),
      instance('i-a', 'Failed', [
        ['ApplicationStop', 'Succeeded', 5, 9],
        ['Install', 'Failed', 9, 20],
      ]),
    ],
    T0 + 30_000,
  );
  assert.ok(view);
  assert.equal(view.startedAt, T0 + 5000);
  assert.equal(view.span, 25, 'to now, as something still runs');
  assert.deepEqual(
    view.rows.map((r) => [r.id, r.status]),
    [
      ['i-a', 'Failed'],
      ['i-b', 'InProgress'],
    ],
  );
  assert.deepEqual(view.rows[1].bars, [
    { name: 'ApplicationStop', status: 'Succeeded', from: 5, to: 7.5 },
    { name: 'Install', status: 'InProgress', from: 8 },
  ]);
  assert.equal(view.total, 2);
});

test('a finished deployment spans to its last end, not to now', () => {
  const view = timelineView([instance('i-a', 'Succeeded', [['Install', 'Succeeded', 0, 40]])], T0 + 3_600_000);
  assert.equal(view?.span, 40);
});

test('no started event: no timeline', () => {
  assert.equal(timelineView([instance('i-a', 'Pending', [['Install', 'Pending']])], T0), undefined);
  assert.equal(timelineView([], T0), undefined);
});

test('a large fleet keeps failed and running targets within the cap, shown in ID order', () => {
  const targets: DeploymentTarget[] = [];
  for (let i = 0; i < 200; i++) {
    const id = `i-${String(i).padStart(4, '0')}`;
    const status = i === 150 ? 'Failed' : i === 199 ? 'InProgress' : 'Succeeded';
    targets.push(instance(id, status, [['Install', status, i, status === 'InProgress' ? undefined : i + 5]]));
  }
  const view = timelineView(targets, T0 + 300_000);
  assert.ok(view);
  assert.equal(view.total, 200);
  assert.equal(view.rows.length, MAX_TIMELINE_ROWS);
  const ids = view.rows.map((r) => r.id);
  assert.ok(ids.includes('i-0150') && ids.includes('i-0199'), 'failed and running kept');
  assert.deepEqual(ids, [...ids].sort());
});
