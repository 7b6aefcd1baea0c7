/**
 * Turns the CLI's PATH arguments into a list of files: explicit files are taken as they are
 * (whatever their name), folders are searched recursively for appspec.yml/.yaml/.json (any case), and
 * glob patterns are matched against files below their literal base folder. node_modules and
 * .git are never entered. Symlinked folders are skipped unless `followSymlinks`; even then, and
 * for symlinked files, nothing whose real path leaves the real path of the folder given is read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isAppSpecFileName } from '../../../engine/index';
import { isInside } from '../fileSafety';
import { globMatcher, isGlob, splitGlobBase } from './glob';
const SKIP_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git']);

export interface Discovery {
  /** Absolute paths, deduplicated, in a stable order. */
  files: string[];
  /** One readable message per argument that could not be used. */
  errors: string[];
  /** Real paths of the folders given (a file's folder for a file; a pattern's fixed base): what workspace checks may read. */
  roots: string[];
}

export interface DiscoverOptions {
  /** Enter symlinked folders (never outside the real path of the folder given). Default false. */
  followSymlinks?: boolean;
}

interface WalkState {
  /** Real path of the folder the walk started from: nothing outside it is read. */
  root: string;
  follow: boolean;
  accept: (rel: string, name: string) => boolean;
  out: string[];
  /** Real paths of the folders entered (symlink loops end here). */
  seen: Set<string>;
}

function realOf(p: string): string | undefined {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/**
 * Every file under `dir` (recursively) whose relative path passes `accept`. Symlinked folders are
 * entered only with `follow`, and then only when their real path stays inside the root; a symlinked
 * file is taken only when its real path is inside the root.
 */
function walk(state: WalkState, dir: string, rel = ''): void {
  const real = realOf(dir);
  if (!real || state.seen.has(real) || !isInside(state.root, real)) return;
  state.seen.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    const relPath = rel ? `${rel}/${e.name}` : e.name;
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const target = realOf(abs);
      if (!target || !isInside(state.root, target)) continue;
      try {
        const st = fs.statSync(target);
        isDir = st.isDirectory() && state.follow;
        isFile = st.isFile();
      } catch {
        continue;
      }
    }
    if (isDir) {
      if (!SKIP_DIRS.has(e.name)) walk(state, abs, relPath);
    } else if (isFile && state.accept(relPath, e.name)) state.out.push(abs);
  }
}

function walkFrom(dir: string, accept: WalkState['accept'], options: DiscoverOptions): string[] {
  const root = realOf(dir);
  if (!root) return [];
  const state: WalkState = { root, follow: options.followSymlinks === true, accept, out: [], seen: new Set() };
  walk(state, dir);
  return state.out;
}

export function discoverFiles(args: readonly string[], cwd: string, options: DiscoverOptions = {}): Discovery {
  const files: string[] = [];
  const errors: string[] = [];
  const roots = new Set<string>();
  const addRoot = (dir: string): void => {
    const real = realOf(dir);
    if (real) roots.add(real);
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isFile()) {
      files.push(abs);
      addRoot(path.dirname(abs));
    } else if (st?.isDirectory()) {
      addRoot(abs);
      const found = walkFrom(abs, (_rel, name) => isAppSpecFileName(name), options);
      if (found.length === 0) errors.push(`${arg}: no appspec.yml, appspec.yaml or appspec.json found in this folder`);
      files.push(...found);
    } else if (st) {
      errors.push(`${arg}: not a regular file or folder`);
    } else if (isGlob(arg)) {
      const { base, rest } = splitGlobBase(arg);
      const baseAbs = path.resolve(cwd, base);
      const match = globMatcher(rest);
      addRoot(baseAbs);
      const found = walkFrom(baseAbs, (rel) => match(rel), options);
      if (found.length === 0) errors.push(`${arg}: no files match this pattern`);
      files.push(...found);
    } else {
      errors.push(`${arg}: no such file or folder`);
    }
  }
  const seen = new Set<string>();
  return { files: files.filter((f) => !seen.has(f) && seen.add(f) !== undefined), errors, roots: [...roots] };
}
