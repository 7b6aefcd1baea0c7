/**
 * Persists the endpoint's state as one JSON file in the data folder. Every save writes a
 * temporary file and renames it over the old one, so a kill at any moment leaves either the
 * previous or the new state, never a torn file. S3 objects live next to it under `s3/`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { State } from './types';

const STATE_FILE = 'state.json';

export class Store {
  private seq = 0;

  constructor(readonly dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
  }

  get statePath(): string {
    return path.join(this.dataDir, STATE_FILE);
  }

  /** The saved state, or undefined on first start. A corrupt file is kept aside, not overwritten. */
  load(): State | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.statePath, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const state = JSON.parse(text) as State;
      if (state && state.version === 1 && Array.isArray(state.deployments)) return state;
    } catch {
      // fall through: keep the unreadable file for inspection and start fresh
    }
    fs.renameSync(this.statePath, `${this.statePath}.corrupt-${Date.now()}`);
    return undefined;
  }

  save(state: State): void {
    writeAtomic(this.statePath, JSON.stringify(state), `${process.pid}-${this.seq++}`);
  }
}

export function writeAtomic(file: string, data: string | Uint8Array, tag: string): void {
  const tmp = `${file}.tmp-${tag}`;
  const fd = fs.openSync(tmp, 'w');
  try {
    // No fsync: the rename is what protects against a killed process; power loss is out of scope.
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
