/**
 * When the account checks run: never while the user types faster than the debounce, once after a
 * quiet pause, at once on request, one run per document at a time. Timers are driven by hand.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CheckScheduler, type Timers } from '../../../client/src/account/scheduler';

/** Timers on a manual clock: `advance(ms)` fires what is due, in order. */
class ManualTimers implements Timers {
  now = 0;
  private seq = 0;
  private readonly due = new Map<number, { at: number; fn: () => void }>();
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.due.set(id, { at: this.now + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const next = [...this.due.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      this.due.delete(next[0]);
      this.now = next[1].at;
      next[1].fn();
    }
    this.now = end;
  }
}

const tick = () => new Promise((r) => setImmediate(r));

test('typing faster than the debounce never runs a check; a pause runs exactly one', async () => {
  const timers = new ManualTimers();
  const runs: string[] = [];
  const s = new CheckScheduler(async (k) => void runs.push(k), { debounceMs: 1000, timers });
  for (let i = 0; i < 50; i++) {
    s.changed('a');
    timers.advance(300); // a keystroke every 300 ms for 15 s
  }
  await tick();
  assert.deepEqual(runs, [], 'no check while typing');
  assert.ok(s.pending('a'));
  timers.advance(699); // 999 ms since the last keystroke
  await tick();
  assert.deepEqual(runs, []);
  timers.advance(1);
  await tick();
  assert.deepEqual(runs, ['a'], 'one check after one quiet second');
  assert.ok(!s.pending('a'));
});

test('documents are debounced separately; now() runs at once and drops the pending debounce', async () => {
  const timers = new ManualTimers();
  const runs: string[] = [];
  const s = new CheckScheduler(async (k) => void runs.push(k), { debounceMs: 1000, timers });
  s.changed('a');
  s.changed('b');
  await s.now('a');
  assert.deepEqual(runs, ['a']);
  timers.advance(1000);
  await tick();
  assert.deepEqual(runs, ['a', 'b'], 'a ran once (now), b after its debounce');
});

test('a request while a check runs makes one more run after it, never two at once', async () => {
  const runs: number[] = [];
  let active = 0;
  let release!: () => void;
  let gate = new Promise<void>((r) => (release = r));
  const s = new CheckScheduler(async () => {
    active++;
    assert.equal(active, 1, 'one check at a time per document');
    runs.push(runs.length);
    await gate;
    active--;
  });
  const first = s.now('a');
  await tick();
  const second = s.now('a');
  const third = s.now('a');
  release();
  gate = new Promise<void>((r) => (release = r));
  await tick();
  release();
  await Promise.all([first, second, third]);
  assert.equal(runs.length, 2, 'the two requests during the run collapse into one more run');
});

test('cancel() and dispose() drop pending checks; a failing check is reported, not thrown', async () => {
  const timers = new ManualTimers();
  const runs: string[] = [];
  const errors: string[] = [];
  const s = new CheckScheduler(
    async (k) => {
      if (k === 'bad') throw new Error('boom');
      runs.push(k);
    },
    { debounceMs: 500, timers, onError: (k, e) => errors.push(`${k}: ${(e as Error).message}`) },
  );
  s.changed('a');
  s.cancel('a');
  await s.now('bad');
  assert.deepEqual(errors, ['bad: boom']);
  s.changed('b');
  s.dispose();
  timers.advance(10_000);
  await tick();
  assert.deepEqual(runs, []);
});
