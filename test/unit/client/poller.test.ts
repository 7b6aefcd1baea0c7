import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Poller, nextDelay, isThrottling, type Clock, type PollOutcome } from '../../../client/src/monitor/poller';

/** A clock whose timers fire only when the test advances it. */
class FakeClock implements Clock {
  t = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private seq = 0;
  now() {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number) {
    const id = ++this.seq;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  }
  clearTimeout(h: unknown) {
    this.timers = this.timers.filter((x) => x.id !== h);
  }
  get pending() {
    return this.timers.map((x) => x.at - this.t);
  }
  /** Moves time forward, firing due timers in order. */
  async advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = next.at;
      next.fn();
      await flush();
    }
    this.t = end;
  }
}

const flush = () => new Promise<void>((r) => setImmediate(r));

test('nextDelay: fast while shifting, normal otherwise, exponential back-off on errors, more on throttling', () => {
  const iv = { fast: 1000, normal: 5000, max: 60000 };
  assert.equal(nextDelay({ ok: true, outcome: { final: false, shifting: true } }, 0, iv), 1000);
  assert.equal(nextDelay({ ok: true, outcome: { final: false, shifting: false } }, 0, iv), 5000);
  assert.equal(nextDelay({ ok: false, error: new Error('socket hang up') }, 1, iv), 10000);
  assert.equal(nextDelay({ ok: false, error: new Error('socket hang up') }, 2, iv), 20000);
  const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
  assert.equal(isThrottling(throttled), true);
  assert.equal(nextDelay({ ok: false, error: throttled }, 1, iv), 20000);
  assert.equal(nextDelay({ ok: false, error: throttled }, 9, iv), 60000);
});

test('the poller adapts its interval, never overlaps and stops at a final status', async () => {
  const clock = new FakeClock();
  const script: PollOutcome[] = [
    { final: false, shifting: false },
    { final: false, shifting: true },
    { final: false, shifting: true },
    { final: true, shifting: false },
  ];
  const startedAt: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let release: (() => void) | undefined;
  const stops: string[] = [];
  const poller = new Poller({
    clock,
    intervals: { fast: 1000, normal: 5000, max: 60000 },
    jitter: 0,
    poll: async () => {
      startedAt.push(clock.now());
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      // The second poll is slow: it resolves only when the test releases it.
      if (startedAt.length === 2) await new Promise<void>((r) => (release = r));
      inFlight--;
      return script[startedAt.length - 1];
    },
    onStop: (why) => stops.push(why),
  });
  poller.start();
  await flush();
  assert.deepEqual(clock.pending, [5000]);
  await clock.advance(5000); // second poll starts and hangs
  assert.equal(startedAt.length, 2);
  poller.pollNow(); // asked while one is in flight: queued, not overlapping
  await clock.advance(20000);
  assert.equal(startedAt.length, 2);
  release?.();
  await flush();
  await flush();
  // The queued poll ran right after the slow one.
  assert.equal(startedAt.length, 3);
  assert.deepEqual(clock.pending, [1000]);
  await clock.advance(1000);
  assert.equal(startedAt.length, 4);
  assert.deepEqual(stops, ['final']);
  assert.equal(poller.running, false);
  assert.deepEqual(clock.pending, []);
  assert.equal(maxInFlight, 1);
});

test('errors back off, then the interval recovers after a success', async () => {
  const clock = new FakeClock();
  let n = 0;
  const errors: number[] = [];
  const poller = new Poller({
    clock,
    intervals: { fast: 1000, normal: 5000, max: 60000 },
    jitter: 0,
    poll: async () => {
      n++;
      if (n <= 3) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
      return { final: false, shifting: false };
    },
    onError: (_e, failures) => errors.push(failures),
  });
  poller.start();
  await flush();
  assert.deepEqual(clock.pending, [20000]);
  await clock.advance(20000);
  assert.deepEqual(clock.pending, [40000]);
  await clock.advance(40000);
  assert.deepEqual(clock.pending, [60000]);
  await clock.advance(60000);
  assert.deepEqual(clock.pending, [5000]);
  assert.deepEqual(errors, [1, 2, 3]);
  poller.stop();
  assert.deepEqual(clock.pending, []);
  await clock.advance(100000);
  assert.equal(n, 4);
});
