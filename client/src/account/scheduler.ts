/**
 * When the account checks run: `changed(key)` waits until the document has been quiet for the
 * debounce time, so typing faster than that never reaches the account; `now(key)` runs at once (a
 * document opened, the refresh command). One run per document at a time: a request while it runs
 * is remembered and runs after it. Timers are injected (tests drive them by hand).
 */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** Quiet time after the last edit before the account is asked. */
export const DEFAULT_DEBOUNCE_MS = 1500;

export class CheckScheduler {
  private readonly timers = new Map<string, unknown>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private disposed = false;

  constructor(
    private readonly run: (key: string) => Promise<void>,
    private readonly opts: { debounceMs?: number; timers?: Timers; onError?: (key: string, err: unknown) => void } = {},
  ) {}

  private get t(): Timers {
    return this.opts.timers ?? systemTimers;
  }

  /** The document changed: check it once nothing changed for the debounce time. */
  changed(key: string): void {
    if (this.disposed) return;
    this.cancelTimer(key);
    this.timers.set(
      key,
      this.t.setTimeout(() => {
        this.timers.delete(key);
        void this.fire(key);
      }, this.opts.debounceMs ?? DEFAULT_DEBOUNCE_MS),
    );
  }

  /** Check now (a pending debounce is dropped); resolves when that check ended. */
  now(key: string): Promise<void> {
    if (this.disposed) return Promise.resolve();
    this.cancelTimer(key);
    return this.fire(key);
  }

  /** Drops a pending check (the document closed). */
  cancel(key: string): void {
    this.cancelTimer(key);
    this.again.delete(key);
  }

  /** True while a check waits for its debounce (for tests and the status text). */
  pending(key: string): boolean {
    return this.timers.has(key);
  }

  private cancelTimer(key: string): void {
    const h = this.timers.get(key);
    if (h !== undefined) this.t.clearTimeout(h);
    this.timers.delete(key);
  }

  private fire(key: string): Promise<void> {
    const busy = this.running.get(key);
    if (busy) {
      // The running check loops once more, so it ends after the requested one.
      this.again.add(key);
      return busy;
    }
    const p = (async () => {
      try {
        do {
          this.again.delete(key);
          try {
            await this.run(key);
          } catch (err) {
            this.opts.onError?.(key, err);
          }
        } while (this.again.has(key) && !this.disposed);
      } finally {
        this.running.delete(key);
      }
    })();
    this.running.set(key, p);
    return p;
  }

  dispose(): void {
    this.disposed = true;
    for (const key of [...this.timers.keys()]) this.cancelTimer(key);
    this.again.clear();
  }
}
