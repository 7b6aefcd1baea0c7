/**
 * Runs one hook script like the agent does: the file itself is executed (an argument array, never
 * a shell string), in its own process group, with a time limit. On timeout or cancellation the
 * whole group gets SIGTERM, then SIGKILL after a grace period.
 */
import type { ChildProcess, SpawnOptions } from 'node:child_process';

export type SpawnFn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

/** Timers, injectable so tests of the timeout path do not wait. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface ScriptRun {
  path: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutSeconds: number;
  spawn: SpawnFn;
  clock: Clock;
  signal?: AbortSignal;
  onOutput(stream: 'stdout' | 'stderr', text: string): void;
  /** Between SIGTERM and SIGKILL (default 5000 ms, like agent v2). */
  killGraceMs?: number;
  /** How long stdout/stderr may stay open after the script exited (default 2000 ms). */
  closeGraceMs?: number;
}

/** The longest delay a Node timer takes (2^31-1 ms, about 24.8 days); longer ones fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `fn` after `ms` on `clock`, however long: delays beyond MAX_TIMER_MS are chained. Each timer
 * handle goes to `timers` (so all can be cleared); an infinite delay never fires.
 */
export function setLongTimeout(clock: Clock, fn: () => void, ms: number, timers: unknown[]): void {
  if (!(ms < Infinity)) return; // Infinity or NaN: no limit
  if (ms > MAX_TIMER_MS) {
    timers.push(clock.setTimeout(() => setLongTimeout(clock, fn, ms - MAX_TIMER_MS, timers), MAX_TIMER_MS));
  } else {
    timers.push(clock.setTimeout(fn, Math.max(0, ms)));
  }
}

export type ScriptOutcome =
  | { kind: 'exit'; code: number | null; signal: NodeJS.Signals | null }
  | { kind: 'timeout' }
  | { kind: 'cancelled' }
  | { kind: 'stdio-open'; code: number | null }
  | { kind: 'error'; message: string };

/** Signals the script's process group (or the process alone where groups do not exist). */
export function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid && process.platform !== 'win32') {
    try {
      process.kill(-child.pid, signal);
      return;
    } catch {
      // The group is gone already, or the child never became a group leader: fall through.
    }
  }
  try {
    child.kill(signal);
  } catch {
    // Already exited.
  }
}

export function runScript(r: ScriptRun): Promise<ScriptOutcome> {
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      child = r.spawn(r.path, [], {
        cwd: r.cwd,
        env: r.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: process.platform !== 'win32',
        windowsHide: true,
      });
    } catch (err) {
      resolve({ kind: 'error', message: (err as Error).message });
      return;
    }
    const timers: unknown[] = [];
    let settled = false;
    let reason: 'timeout' | 'cancelled' | undefined;
    let exitCode: number | null = null;
    let exitSignal: NodeJS.Signals | null = null;
    let stdioOpen = false;
    const finish = (o: ScriptOutcome) => {
      if (settled) return;
      settled = true;
      for (const t of timers) r.clock.clearTimeout(t);
      r.signal?.removeEventListener('abort', onAbort);
      resolve(o);
    };
    const stop = (why: 'timeout' | 'cancelled') => {
      if (reason) return;
      reason = why;
      killTree(child, 'SIGTERM');
      timers.push(
        r.clock.setTimeout(() => {
          killTree(child, 'SIGKILL');
          // Something outside the group may still hold the pipes: do not wait for it forever.
          timers.push(
            r.clock.setTimeout(() => {
              child.stdout?.destroy();
              child.stderr?.destroy();
              finish({ kind: why });
            }, 1000),
          );
        }, r.killGraceMs ?? 5000),
      );
    };
    const onAbort = () => stop('cancelled');
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', (d: string) => r.onOutput('stdout', d));
    child.stderr?.on('data', (d: string) => r.onOutput('stderr', d));
    child.on('error', (err) => finish({ kind: 'error', message: err.message }));
    child.on('exit', (code, signal) => {
      exitCode = code;
      exitSignal = signal;
      if (reason) return;
      // A background process that keeps the script's stdout open fails the event, as on the agent.
      timers.push(
        r.clock.setTimeout(() => {
          stdioOpen = true;
          killTree(child, 'SIGKILL');
          // 'close' follows once the group is gone; if something outside it holds the pipes, stop waiting.
          timers.push(
            r.clock.setTimeout(() => {
              child.stdout?.destroy();
              child.stderr?.destroy();
              finish({ kind: 'stdio-open', code });
            }, 1000),
          );
        }, r.closeGraceMs ?? 2000),
      );
    });
    child.on('close', (code, signal) => {
      if (reason) finish({ kind: reason });
      else if (stdioOpen) finish({ kind: 'stdio-open', code: exitCode });
      else finish({ kind: 'exit', code: exitCode ?? code, signal: exitSignal ?? signal });
    });
    if (r.signal?.aborted) stop('cancelled');
    else r.signal?.addEventListener('abort', onAbort);
    setLongTimeout(r.clock, () => stop('timeout'), r.timeoutSeconds * 1000, timers);
  });
}
