/**
 * Polls one deployment: fast while traffic shifts, slower otherwise, stops at a final status,
 * never overlaps two polls, backs off on throttling. The clock is injected so tests run
 * without sleeping.
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
}

export interface PollerIntervals {
  fast: number;
  normal: number;
  /** Ceiling for back-off after errors and throttling. */
  max: number;
}

export const DEFAULT_INTERVALS: PollerIntervals = { fast: 2_000, normal: 5_000, max: 60_000 };

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
  if (result.ok) return result.outcome.shifting ? intervals.fast : intervals.normal;
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
}

export class Poller {
  private readonly clock: Clock;
  private readonly intervals: PollerIntervals;
  private timer: unknown;
  private inFlight = false;
  private again = false;
  private stopped = false;
  private failures = 0;
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
    const delay = nextDelay(result, this.failures, this.intervals);
    this.lastDelay = delay;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      if (!this.stopped && !this.inFlight) void this.run();
    }, delay);
  }
}
