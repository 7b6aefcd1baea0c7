/**
 * A cheap fingerprint of the workspace state one lint run looked at, so findings of workspace checks
 * can be carried to the next version only while the files they describe are unchanged.
 *
 * - A path that existed is fingerprinted by its own stat (type, mode, size, mtime, ctime): edits,
 *   `chmod` and replacement all change it.
 * - A path that did not exist is represented by its nearest existing ancestor folder: creating the
 *   file (or any missing folder above it) changes that folder's mtime. Thousands of missing sources
 *   in one folder cost one stat.
 * - Read file heads and listed folders are fingerprinted by their own stat.
 * Git's recorded modes are not covered here; the language server drops them on file events as before.
 */
import type { FsMemoState } from './memoFs';
import type { WorkspaceFs } from './types';

export type FsSnapshot = ReadonlyMap<string, string>;

function signature(st: ReturnType<WorkspaceFs['stat']>): string {
  if (!st) return '-';
  const kind = st.isFile ? 'f' : st.isDirectory ? 'd' : 'o';
  return `${kind}:${st.mode ?? ''}:${st.size}:${st.mtimeMs ?? ''}:${st.ctimeMs ?? ''}`;
}

export function parentOf(path: string): string | undefined {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (cut <= 0) return cut === 0 && path.length > 1 ? path.slice(0, 1) : undefined;
  const parent = path.slice(0, cut);
  const up = /^[A-Za-z]:$/.test(parent) ? parent + path[cut] : parent; // `C:\x` → `C:\`
  return up === path ? undefined : up;
}

/** Fingerprint of what a run asked `fs` (answers for existing paths come from the run's own memo). */
export function takeSnapshot(fs: WorkspaceFs, queries: FsMemoState): FsSnapshot {
  const snap = new Map<string, string>();
  const ancestorDone = new Set<string>();
  const statFresh = (p: string) => {
    const known = queries.stats.get(p);
    return known !== undefined || queries.stats.has(p) ? known : fs.stat(p);
  };
  for (const [path, st] of queries.stats) {
    if (st) {
      snap.set(path, signature(st));
      continue;
    }
    // Missing: the nearest existing ancestor stands for it.
    for (let dir = parentOf(path); dir !== undefined; dir = parentOf(dir)) {
      if (ancestorDone.has(dir)) break;
      ancestorDone.add(dir);
      const s = statFresh(dir);
      snap.set(dir, signature(s));
      if (s) break;
    }
  }
  for (const p of [...queries.headPaths, ...queries.lists.keys()])
    if (!snap.has(p)) snap.set(p, signature(statFresh(p)));
  return snap;
}

/** True while every fingerprinted path still looks the same. */
export function snapshotHolds(fs: WorkspaceFs, snap: FsSnapshot): boolean {
  for (const [path, sig] of snap) if (signature(fs.stat(path)) !== sig) return false;
  return true;
}
