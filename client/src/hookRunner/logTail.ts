/**
 * The log of one lifecycle event, kept as the agent reports it: lines prefixed `[stdout]` or
 * `[stderr]`, only the last `max` characters retained (the service shows the tail of ~4 KB).
 */

export const LOG_TAIL_MAX = 4096;

export class LogTail {
  private text = '';
  private partial: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };

  constructor(private readonly max = LOG_TAIL_MAX) {}

  /** Adds a chunk of a stream; complete lines are prefixed and kept, a partial line waits. */
  add(stream: 'stdout' | 'stderr', chunk: string): void {
    const lines = (this.partial[stream] + chunk).split(/\r?\n/);
    this.partial[stream] = lines.pop() ?? '';
    for (const l of lines) this.push(`[${stream}]${l}\n`);
    // A runaway line without newlines must not grow without bound either.
    if (this.partial[stream].length > this.max) this.partial[stream] = this.partial[stream].slice(-this.max);
  }

  /** A line of our own (script start, notes), unprefixed. */
  note(line: string): void {
    this.push(`${line}\n`);
  }

  /** Ends partial lines (a script finished without a final newline). */
  flush(): void {
    for (const s of ['stdout', 'stderr'] as const) {
      if (this.partial[s]) this.push(`[${s}]${this.partial[s]}\n`);
      this.partial[s] = '';
    }
  }

  /** The retained tail; cut at a line start when the cut falls mid-line. */
  value(): string {
    return this.text;
  }

  private push(s: string): void {
    this.text += s;
    if (this.text.length > this.max) {
      let cut = this.text.slice(-this.max);
      const nl = cut.indexOf('\n');
      if (nl >= 0 && nl < cut.length - 1 && nl < 200) cut = cut.slice(nl + 1);
      this.text = cut;
    }
  }
}
