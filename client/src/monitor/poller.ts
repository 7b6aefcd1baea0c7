/**
 * Polls one deployment: fast while traffic shifts, slower otherwise, stops at a final status,
 * never overlaps two polls. Within a budget of API calls a minute: a poll that cost many calls is
 * followed by a longer pause. Backs off exponentially on errors and on throttling, with jitter so
 * that several pollers do not fire together. The clock is injected so tests run without sleeping.
 */

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** What one poll learned. */
export interface PollOutcome {
  /** The deployment reached Succeeded, Failed or Stopped: polling stops. */
  final: boolean;
  /** Traffic is moving (or a countdown is close): poll fast. */
  shifting: boolean;
  /** API calls the poll made (the budget spaces the next poll by it). */
  cost?: number;
  /** Part of the poll was throttled (it still produced a view): back off as for an error. */
  throttled?: boolean;
}

export interface PollerIntervals {
  fast: number;
  normal: number;
  /** Ceiling for back-off after errors and throttling. */
  max: number;
}

export const DEFAULT_INTERVALS: PollerIntervals = { fast: 2_000, normal: 5_000, max: 60_000 };

/** API calls a minute one poller may spend (AWS throttled a 41-a-minute GetDeployment poller: docs/local-endpoint.md). */
export const CALLS_PER_MINUTE = 45;
/** At most this many calls in one poll (a 2,000-instance deployment then refreshes about every 13 s). */
export const MAX_CALLS_PER_POLL = 10;

const THROTTLE = /throttl|toomanyrequests|rate ?exceeded|requestlimitexceeded|slowdown/i;

export function isThrottling(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  return (
    THROTTLE.test(e.name ?? '') ||
    THROTTLE.test(e.code ?? '') ||
    THROTTLE.test(e.message ?? '') ||
    e.$metadata?.httpStatusCode === 429
  );
}

/** The next delay after a poll: pure, so scheduling can be tested as data. */
export function nextDelay(
  result: { ok: true; outcome: PollOutcome } | { ok: false; error: unknown },
  failures: number,
  intervals: PollerIntervals = DEFAULT_INTERVALS,
): number {
  if (result.ok) {
    const phase = result.outcome.shifting ? intervals.fast : intervals.normal;
    const budget = ((result.outcome.cost ?? 0) * 60_000) / CALLS_PER_MINUTE;
    const wait = Math.max(phase, budget);
    return result.outcome.throttled
      ? Math.min(intervals.max, Math.max(wait, intervals.normal) * 2 ** Math.max(1, failures))
      : wait;
  }
  // Errors back off exponentially from the normal interval; throttling starts one step further.
  const steps = failures + (isThrottling(result.error) ? 1 : 0);
  return Math.min(intervals.max, intervals.normal * 2 ** Math.max(1, steps));
}

export interface PollerOptions {
  poll: () => Promise<PollOutcome>;
  clock?: Clock;
  intervals?: PollerIntervals;
  onError?: (err: unknown, failures: number) => void;
  onStop?: (reason: 'final' | 'stopped') => void;
  /** Spread of the delay: ±this fraction, at random (default 0.1; 0 for exact delays in tests). */
  jitter?: number;
  random?: () => number;
}

export class Poller {
  private readonly clock: Clock;
  private readonly intervals: PollerIntervals;
  private timer: unknown;
  private inFlight = false;
  private again = false;
  private stopped = false;
  private failures = 0;
  private throttledStreak = 0;
  /** Count of polls started (for tests and the state snapshot). */
  polls = 0;
  lastDelay: number | undefined;

  constructor(private readonly opts: PollerOptions) {
    this.clock = opts.clock ?? realClock;
    this.intervals = opts.intervals ?? DEFAULT_INTERVALS;
  }

  get running(): boolean {
    return !this.stopped;
  }

  get busy(): boolean {
    return this.inFlight;
  }

  /** Starts polling now. */
  start(): void {
    this.pollNow();
  }

  /** Polls as soon as possible (after the one in flight, if any). */
  pollNow(): void {
    if (this.stopped) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    if (this.timer !== undefined) {
      this.clock.clearTimeout(this.timer);
      this.timer = undefined;
    }
    void this.run();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.opts.onStop?.('stopped');
  }

  private async run(): Promise<void> {
    this.inFlight = true;
    this.polls++;
    let result: { ok: true; outcome: PollOutcome } | { ok: false; error: unknown };
    try {
      result = { ok: true, outcome: await this.opts.poll() };
      this.failures = 0;
    } catch (error) {
      this.failures++;
      result = { ok: false, error };
      try {
        this.opts.onError?.(error, this.failures);
      } catch {
        // A failing error handler must not stop polling.
      }
    }
    this.inFlight = false;
    if (this.stopped) return;
    if (result.ok && result.outcome.final) {
      this.stopped = true;
      this.opts.onStop?.('final');
      return;
    }
    if (this.again) {
      this.again = false;
      this.lastDelay = 0;
      void this.run();
      return;
    }
    // Throttled polls count as failures for the back-off, though they produced a view.
    const throttled = result.ok && result.outcome.throttled === true;
    this.throttledStreak = throttled ? this.throttledStreak + 1 : 0;
    const exact = nextDelay(result, result.ok ? this.throttledStreak : this.failures, this.intervals);
    const jitter = this.opts.jitter ?? 0.1;
    const delay = Math.round(exact * (1 + jitter * (2 * (this.opts.random ?? Math.random)() - 1)));
    this.lastDelay = delay;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      if (!this.stopped && !this.inFlight) void this.run();
    }, delay);
  }
}
