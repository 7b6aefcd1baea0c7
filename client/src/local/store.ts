/**
 * Persists the endpoint's state as one JSON file in the data folder. Every save writes a
 * temporary file and renames it over the old one, so a kill at any moment leaves either the
 * previous or the new state, never a torn file; temporary files left by a killed save are removed
 * at start. A state file that cannot be read, is not JSON or fails the checks of stateSchema.ts is
 * never overwritten: it is moved aside as `state.json.bad-<time>` and the problem is reported
 * (`notices`). S3 objects live next to it under `s3/`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkState } from './stateSchema';
import type { State } from './types';

const STATE_FILE = 'state.json';
const TEMP_MARK = '.tmp-';

export class Store {
  private seq = 0;
  /** Problems found while loading (a state file moved aside), for the log and the user. */
  readonly notices: string[] = [];

  constructor(
    readonly dataDir: string,
    private readonly now: () => number = Date.now,
  ) {
    fs.mkdirSync(dataDir, { recursive: true });
    removeTempFiles(dataDir);
  }

  get statePath(): string {
    return path.join(this.dataDir, STATE_FILE);
  }

  /** The saved state, or undefined on first start and after a bad file was moved aside. */
  load(): State | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.statePath, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined;
      this.moveAside(`could not be read (${code ?? (err as Error).message})`);
      return undefined;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      this.moveAside('is not valid JSON');
      return undefined;
    }
    const problem = checkState(parsed, this.now());
    if (problem) {
      this.moveAside(problem);
      return undefined;
    }
    return parsed as State;
  }

  /** Keeps a file the endpoint cannot use for inspection; refuses to start when even that is impossible. */
  private moveAside(why: string): void {
    const stamp = new Date(this.now()).toISOString().replace(/[:.]/g, '-');
    const aside = `${this.statePath}.bad-${stamp}`;
    try {
      fs.renameSync(this.statePath, aside);
    } catch (err) {
      throw new Error(
        `${this.statePath} ${why}, and it could not be moved aside (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}). Fix or remove it, then start the endpoint again.`,
      );
    }
    this.notices.push(`${this.statePath} ${why}. It was moved to ${aside} and the endpoint started with a new state.`);
  }

  save(state: State): void {
    writeAtomic(this.statePath, JSON.stringify(state), `${process.pid}-${this.seq++}`);
  }
}

/** Removes `*.tmp-*` files (saves cut short by a kill) from `dir` and, one level down, from the S3 buckets. */
function removeTempFiles(dir: string): void {
  const sweep = (d: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isFile() && e.name.includes(TEMP_MARK)) fs.rmSync(full, { force: true });
      else if (e.isDirectory() && depth > 0) sweep(full, depth - 1);
    }
  };
  sweep(dir, 0);
  sweep(path.join(dir, 's3'), 1);
}

export function writeAtomic(file: string, data: string | Uint8Array, tag: string): void {
  const tmp = `${file}${TEMP_MARK}${tag}`;
  const fd = fs.openSync(tmp, 'w');
  try {
    // No fsync: the rename is what protects against a killed process; power loss is out of scope.
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
