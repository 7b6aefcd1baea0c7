/**
 * The monitor within limits, through the real SDK against the real endpoint: a large in-place
 * deployment is watched within the call budget, a throttling endpoint never shows the user an
 * error while the view keeps moving, and two views of one deployment share one poller.
 * The poller runs on a clock that fires every timer at once and moves simulated time by the delay
 * it asked for, so the test reads the schedule instead of sleeping through it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MonitorSession } from '../../client/src/monitor/session';
import type { MonitorViewState } from '../../client/src/monitor/model';
import type { Clock } from '../../client/src/monitor/poller';
import { FLEET_APP, FLEET_BUCKET, FLEET_GROUP, FLEET_KEY } from '../../client/src/local/scaleSeed';
import type { ThrottleRates } from '../../client/src/local/index';
import { startHarness, type Harness } from './helpers';

const unlimited = { perSecond: Infinity, burst: Infinity };

async function deployFleet(h: Harness): Promise<string> {
  return h.api.createDeployment({
    applicationName: FLEET_APP,
    deploymentGroupName: FLEET_GROUP,
    revision: { revisionType: 'S3', s3Location: { bucket: FLEET_BUCKET, key: FLEET_KEY, bundleType: 'zip' } },
  });
}

/** Runs a session with its poller until it stops; returns what it showed and the delays it asked for. */
function watch(h: Harness, id: string, extra: (s: MonitorSession) => void = () => undefined) {
  const delays: number[] = [];
  const states: MonitorViewState[] = [];
  const errors: unknown[] = [];
  return new Promise<{ states: MonitorViewState[]; delays: number[]; errors: unknown[]; session: MonitorSession }>(
    (resolve, reject) => {
      const clock: Clock = {
        now: () => h.clock.now(),
        setTimeout: (fn, ms) => {
          delays.push(ms);
          h.clock.advance(ms);
          return setImmediate(fn);
        },
        clearTimeout: (t) => clearImmediate(t as NodeJS.Immediate),
      };
      const session = new MonitorSession({
        api: h.api,
        deploymentId: id,
        clock,
        onState: (st) => states.push(st),
        onError: (err) => errors.push(err),
      });
      const guard = setTimeout(() => reject(new Error(`still polling after ${delays.length} polls`)), 240_000);
      const poll = setInterval(() => {
        if (!session.running && delays.length > 0 && states.at(-1)?.targets.length === states.at(-1)?.ec2?.total) {
          clearInterval(poll);
          clearTimeout(guard);
          session.stop();
          resolve({ states, delays, errors, session });
        }
      }, 20);
      extra(session);
      session.start();
    },
  );
}

describe('monitor within the API budget (real SDK, real endpoint)', () => {
  it('a 400-instance deployment: at most 60 calls a minute of schedule, exact counts, every target in the end', async () => {
    const h = await startHarness({
      seed: false,
      scale: { fleet: 400 },
      throttle: { default: unlimited, byOperation: {} },
    });
    try {
      const id = await deployFleet(h);
      const { states, delays, errors, session } = await watch(h, id);
      const minutes = delays.reduce((a, b) => a + b, 0) / 60_000;
      const served = [...h.endpoint.throttle!.seen.values()].reduce((a, b) => a + b, 0);
      assert.ok(served / minutes <= 60, `${served} calls in ${minutes.toFixed(1)} scheduled minutes`);
      assert.ok(session.calls <= served);
      assert.deepEqual(errors, []);
      const last = states.at(-1)!;
      assert.equal(last.status, 'Succeeded');
      assert.equal(last.targets.length, 400);
      assert.ok(last.targets.every((t) => t.status === 'Succeeded'));
      // While details were still arriving the counts came from the overview and added up.
      const partial = states.find((st) => st.targets.length > 0 && st.targets.length < 400);
      assert.ok(partial, 'details arrive over several polls');
      assert.equal(partial.ec2!.total, 400);
      assert.match(partial.ec2!.summary, /details of \d+ so far/);
      // Every view's counts add up to the fleet, however few details were in.
      assert.ok(states.filter((st) => st.ec2).every((st) => st.ec2!.total === 400));
    } finally {
      await h.close();
    }
  });

  it('throttled: no error reaches the view, the monitor keeps updating to the end', async () => {
    const slow = { perSecond: 3, burst: 3 };
    const throttle: ThrottleRates = {
      default: unlimited,
      byOperation: { GetDeployment: slow, ListDeploymentTargets: slow, BatchGetDeploymentTargets: slow },
    };
    const h = await startHarness({ seed: false, scale: { fleet: 60 }, throttle });
    try {
      const id = await deployFleet(h);
      const { states } = await watch(h, id);
      assert.ok(
        (h.endpoint.throttle!.refused.get('BatchGetDeploymentTargets') ?? 0) +
          (h.endpoint.throttle!.refused.get('GetDeployment') ?? 0) +
          (h.endpoint.throttle!.refused.get('ListDeploymentTargets') ?? 0) >
          0,
        'the endpoint throttled',
      );
      assert.deepEqual(
        states.filter((st) => st.pollError),
        [],
        'no poll error shown',
      );
      const succeeded = [...new Set(states.map((st) => st.ec2?.succeeded ?? 0))];
      assert.ok(succeeded.length >= 4, `the view moved: ${succeeded.join(', ')}`);
      assert.equal(states.at(-1)!.status, 'Succeeded');
      assert.equal(states.at(-1)!.ec2!.succeeded, 60);
    } finally {
      await h.close();
    }
  });

  it('two views of one deployment share one session and its calls', async () => {
    const h = await startHarness({
      seed: false,
      scale: { fleet: 30 },
      throttle: { default: unlimited, byOperation: {} },
    });
    try {
      const id = await deployFleet(h);
      const second: MonitorViewState[] = [];
      const { states, session } = await watch(h, id, (s) => s.subscribe((st) => second.push(st)));
      assert.equal(second.length, states.length);
      assert.deepEqual(second.at(-1), states.at(-1));
      const served = [...h.endpoint.throttle!.seen.values()].reduce((a, b) => a + b, 0);
      // The deployment was created through the harness; everything else was this one session.
      assert.equal(served - 1, session.calls);
    } finally {
      await h.close();
    }
  });
});
