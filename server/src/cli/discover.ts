/**
 * Turns the CLI's PATH arguments into a list of files: explicit files are taken as they are
 * (whatever their name), folders are searched recursively for appspec.yml/.yaml/.json (any case), and
 * glob patterns are matched against files below their literal base folder. node_modules and
 * .git are never entered.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isAppSpecFileName } from '../../../engine/index';
import { globMatcher, isGlob, splitGlobBase } from './glob';
const SKIP_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git']);

export interface Discovery {
  /** Absolute paths, deduplicated, in a stable order. */
  files: string[];
  /** One readable message per argument that could not be used. */
  errors: string[];
}

/** Every file under `dir` (recursively) whose relative path passes `accept`. */
function walk(
  dir: string,
  accept: (rel: string, name: string) => boolean,
  rel = '',
  out: string[] = [],
  seen = new Set<string>(),
): string[] {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    return out;
  }
  if (seen.has(real)) return out; // symlink loops
  seen.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    const relPath = rel ? `${rel}/${e.name}` : e.name;
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = fs.statSync(abs);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue;
      }
    }
    if (isDir) {
      if (!SKIP_DIRS.has(e.name)) walk(abs, accept, relPath, out, seen);
    } else if (isFile && accept(relPath, e.name)) out.push(abs);
  }
  return out;
}

export function discoverFiles(args: readonly string[], cwd: string): Discovery {
  const files: string[] = [];
  const errors: string[] = [];
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
    } else if (st?.isDirectory()) {
      const found = walk(abs, (_rel, name) => isAppSpecFileName(name));
      if (found.length === 0) errors.push(`${arg}: no appspec.yml, appspec.yaml or appspec.json found in this folder`);
      files.push(...found);
    } else if (st) {
      errors.push(`${arg}: not a regular file or folder`);
    } else if (isGlob(arg)) {
      const { base, rest } = splitGlobBase(arg);
      const baseAbs = path.resolve(cwd, base);
      const match = globMatcher(rest);
      const found = walk(baseAbs, (rel) => match(rel));
      if (found.length === 0) errors.push(`${arg}: no files match this pattern`);
      files.push(...found);
    } else {
      errors.push(`${arg}: no such file or folder`);
    }
  }
  const seen = new Set<string>();
  return { files: files.filter((f) => !seen.has(f) && seen.add(f) !== undefined), errors };
}
