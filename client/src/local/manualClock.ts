/**
 * The standalone endpoint's clock for scripted runs (`node dist/local.js … --manual-clock`): time
 * stands still except when a line `advance <ms>` arrives on standard input. Each line is answered
 * on standard output with `clock <epoch ms>` once the clock has moved (or `clock error: …`), so a
 * script knows when its next request sees the new time. Starts at the real time of start-up.
 * Tests drive the endpoint this way instead of racing real time.
 */
import * as readline from 'node:readline';
import type { Clock } from './simulator';

/** The longest single step: a year. */
const MAX_STEP_MS = 366 * 24 * 3600 * 1000;

export interface SteppedClock extends Clock {
  /** Moves the clock on by `ms`; answers the reply line (`clock <epoch ms>` or `clock error: …`). */
  command(line: string): string;
}

export function steppedClock(start = Date.now()): SteppedClock {
  let now = start;
  return {
    now: () => now,
    command(line) {
      const m = /^\s*advance\s+(\d+)\s*$/.exec(line);
      if (!m) return `clock error: expected "advance <milliseconds>", got "${line.slice(0, 80)}"`;
      const ms = Number(m[1]);
      if (!Number.isSafeInteger(ms) || ms > MAX_STEP_MS) return `clock error: at most ${MAX_STEP_MS} ms per step`;
      now += ms;
      return `clock ${now}`;
    },
  };
}

/** Reads commands from `input` line by line; writes each reply with `write`. */
export function driveClock(clock: SteppedClock, input: NodeJS.ReadableStream, write: (line: string) => void): void {
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (line.trim()) write(`${clock.command(line)}\n`);
  });
}
