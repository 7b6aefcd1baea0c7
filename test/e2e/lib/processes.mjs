// Tracks every child process the harness spawns so that `killAll()` (called in finally blocks and on
// SIGINT/SIGTERM) ends exactly those, by process group id. Nothing else is ever signalled.
import { spawn } from 'node:child_process';

const children = new Set();

/** Spawns `cmd args` in its own process group (so its own children are reachable) and tracks it. */
export function spawnTracked(cmd, args, options = {}) {
  const child = spawn(cmd, args, { ...options, detached: true });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Ends one tracked child (and its process group): SIGTERM, then SIGKILL after `graceMs`. */
export async function stopChild(child, graceMs = 3000) {
  if (!child || child.pid === undefined) return;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    signalGroup(child, 'SIGTERM');
    const timer = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([exited, timer]);
  }
  // The leader may be gone while its group (extension host, language server) lingers: make sure.
  signalGroup(child, 'SIGKILL');
  children.delete(child);
}

export async function killAll() {
  await Promise.all([...children].map((c) => stopChild(c, 2000)));
}

let hooked = false;
/** On Ctrl-C / SIGTERM, end every tracked child, run `extra`, and exit with 130/143. */
export function killOnSignals(extra) {
  if (hooked) return;
  hooked = true;
  for (const [sig, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ]) {
    process.once(sig, async () => {
      try {
        await killAll();
        if (extra) await extra();
      } finally {
        process.exit(code);
      }
    });
  }
}
