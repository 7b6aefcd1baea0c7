/**
 * Where the language server may write: files a quick fix creates and files `appspec.makeExecutable`
 * changes must stay inside the workspace folder that holds the AppSpec (its real path; the AppSpec's
 * own folder when it is in no workspace folder). Paths are compared by real path and by segments,
 * so a symlinked `scripts` folder that points elsewhere, `..`, or a sibling folder whose name merely
 * starts with the root's name never passes. `chmod` is never applied through a symlink.
 */
import { closeSync, constants, fchmodSync, fstatSync, lstatSync, openSync, realpathSync } from 'node:fs';
import * as path from 'node:path';

/** The real path of `abs`: symlinks resolved in the part that exists, the rest appended as written. */
export function realPathOf(abs: string): string | undefined {
  const missing: string[] = [];
  let cur = path.resolve(abs);
  for (;;) {
    try {
      return path.join(realpathSync.native(cur), ...missing.reverse());
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return undefined;
      const parent = path.dirname(cur);
      if (parent === cur) return undefined;
      missing.push(path.basename(cur));
      cur = parent;
    }
  }
}

/** True when `target` is `root` itself or below it, by path segments (both absolute and real). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!path.isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${path.sep}`));
}

/** Real paths of folders, for containment checks (folders that do not exist are left out). */
export function realFolders(folders: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of folders) {
    try {
      out.push(realpathSync.native(f));
    } catch {
      /* gone: nothing can be inside it */
    }
  }
  return out;
}

/**
 * The folder writes for an AppSpec in `appspecFolder` must stay in: the (real) workspace folder that
 * holds it, else the AppSpec's own real folder.
 */
export function writeRootFor(appspecFolder: string, workspaceFolders: readonly string[]): string | undefined {
  const real = realPathOf(appspecFolder);
  if (!real) return undefined;
  return realFolders(workspaceFolders).find((w) => isInside(w, real)) ?? real;
}

/**
 * May a quick fix create `abs` (for an AppSpec in `appspecFolder`)? Its real path must be inside the root,
 * nothing may exist at `abs` (a symlink there, dangling or not, would be written through by the client),
 * and every existing component on the way must resolve (no dangling link, no loop) to the root, a folder
 * inside it or one of its ancestors.
 */
export function mayCreate(abs: string, appspecFolder: string, workspaceFolders: readonly string[]): boolean {
  const root = writeRootFor(appspecFolder, workspaceFolders);
  const real = realPathOf(abs);
  if (!root || !real || !isInside(root, real)) return false;
  let cur = path.resolve(abs);
  if (lstatSync(cur, { throwIfNoEntry: false })) return false;
  for (let parent = path.dirname(cur); parent !== cur; cur = parent, parent = path.dirname(cur)) {
    let st;
    try {
      st = lstatSync(parent, { throwIfNoEntry: false });
    } catch {
      return false;
    }
    if (!st) continue;
    let resolved: string;
    try {
      resolved = realpathSync.native(parent);
    } catch {
      return false; // a dangling link or a loop on the way
    }
    if (!isInside(root, resolved) && !isInside(resolved, root)) return false;
  }
  return true;
}

export type ChmodOutcome = 'changed' | 'outside' | 'symlink' | 'not-a-file';

/**
 * Adds the executable bits (where read bits are set) to `abs` when its real path is inside one of
 * `roots` (real folders) and the path itself is a regular file, not a symlink. The file is opened
 * with O_NOFOLLOW and changed through its descriptor, so a link swapped in meanwhile is not followed.
 */
export function makeExecutable(abs: string, roots: readonly string[]): ChmodOutcome {
  const real = realPathOf(abs);
  if (!real || !roots.some((r) => isInside(r, real))) return 'outside';
  let st;
  try {
    st = lstatSync(abs);
  } catch {
    return 'not-a-file';
  }
  if (st.isSymbolicLink()) return 'symlink';
  if (!st.isFile()) return 'not-a-file';
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ELOOP' ? 'symlink' : 'not-a-file';
  }
  try {
    const now = fstatSync(fd);
    if (!now.isFile()) return 'not-a-file';
    const mode = now.mode & 0o7777;
    fchmodSync(fd, mode | ((mode & 0o444) >> 2));
    return 'changed';
  } finally {
    closeSync(fd);
  }
}
