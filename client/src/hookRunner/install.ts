/**
 * DownloadBundle and Install inside the sandbox: the revision is copied to `<sandbox>/…/archive`
 * (symlinks and VCS folders left out; asynchronously, so the extension host stays responsive), then each `files` mapping is copied to
 * `<sandbox>/root/<destination>` with the agent's rules (a file keeps its name in the destination
 * folder, a folder's contents are copied recursively, `file_exists_behavior` decides about files
 * already there). Nothing is written outside the sandbox.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXCLUDED_NAMES } from '../deploy/bundle';
import { inside } from './paths';
import type { FileExistsBehavior, FileMapping } from './types';

/** How often copyRevision reports progress (files). */
export const COPY_PROGRESS_EVERY = 500;

/**
 * Copies the revision folder; resolves to the number of files copied. `skip` is never entered (the
 * sandbox itself). Asynchronous (fs.promises), one file at a time, so a revision of tens of thousands
 * of files never blocks the extension host; `onProgress` hears the count every COPY_PROGRESS_EVERY
 * files, and `signal` stops the copy between files.
 */
export async function copyRevision(
  from: string,
  to: string,
  skip?: string,
  onProgress?: (copied: number) => void,
  signal?: AbortSignal,
): Promise<number> {
  let n = 0;
  const skipAbs = skip && path.resolve(skip);
  const walk = async (src: string, dst: string): Promise<void> => {
    await fs.promises.mkdir(dst, { recursive: true });
    const entries = await fs.promises.readdir(src, { withFileTypes: true });
    for (const e of entries) {
      if (signal?.aborted) throw new Error('cancelled while copying the revision');
      if (EXCLUDED_NAMES.has(e.name)) continue;
      const s = path.join(src, e.name);
      if (skipAbs && path.resolve(s) === skipAbs) continue;
      const d = path.join(dst, e.name);
      if (e.isDirectory()) await walk(s, d);
      else if (e.isFile()) {
        await fs.promises.copyFile(s, d);
        await fs.promises.chmod(d, (await fs.promises.stat(s)).mode & 0o777);
        n++;
        if (n % COPY_PROGRESS_EVERY === 0) onProgress?.(n);
      }
    }
  };
  await walk(from, to);
  return n;
}

export class InstallError extends Error {}

/** Refuses a destination whose existing components are symlinks (a script could have planted one). */
function assertNoLinks(root: string, abs: string): void {
  const rel = path.relative(root, abs);
  let cur = root;
  for (const c of rel.split(path.sep).filter(Boolean)) {
    cur = path.join(cur, c);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(cur);
    } catch {
      return; // Does not exist yet: nothing below it exists either.
    }
    if (st.isSymbolicLink()) throw new InstallError(`${cur} is a symbolic link; the sandbox does not follow links.`);
  }
}

export interface InstallResult {
  /** Files written, relative to `root` with `/`. */
  installed: string[];
  /** Files left alone because of RETAIN. */
  retained: string[];
}

/**
 * Copies the mappings from `archive` into `root`. `previouslyInstalled` (relative to `root`) are
 * deleted first, as the agent's cleanup file does, so only other files count as "already there".
 */
export function installFiles(
  archive: string,
  root: string,
  files: readonly FileMapping[],
  behavior: FileExistsBehavior,
  previouslyInstalled: readonly string[] = [],
): InstallResult {
  fs.mkdirSync(root, { recursive: true });
  for (const rel of previouslyInstalled) {
    const abs = inside(root, rel);
    assertNoLinks(root, abs);
    fs.rmSync(abs, { force: true });
  }
  // Target (relative to root) → source (relative to the archive), collected before anything is copied.
  const targets = new Map<string, string>();
  for (const f of files) {
    const src = inside(archive, f.sourceRel);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(src);
    } catch {
      throw new InstallError(`No such file or directory in the revision: ${f.source}`);
    }
    const add = (srcRel: string, dstRel: string) => {
      const other = targets.get(dstRel);
      if (other !== undefined && other !== srcRel)
        throw new InstallError(
          `The AppSpec specifies two source files named ${other} and ${srcRel} for the same destination (${dstRel}).`,
        );
      targets.set(dstRel, srcRel);
    };
    const join = (a: string, b: string) => (a ? (b ? `${a}/${b}` : a) : b);
    if (st.isFile()) add(f.sourceRel, join(f.destinationRel, path.posix.basename(f.sourceRel)));
    else if (st.isDirectory()) {
      const walk = (relDir: string) => {
        for (const e of fs.readdirSync(inside(archive, relDir), { withFileTypes: true })) {
          const r = join(relDir, e.name);
          if (e.isDirectory()) walk(r);
          else if (e.isFile()) add(r, join(f.destinationRel, f.sourceRel ? r.slice(f.sourceRel.length + 1) : r));
        }
      };
      walk(f.sourceRel);
    }
  }
  const result: InstallResult = { installed: [], retained: [] };
  for (const [dstRel, srcRel] of targets) {
    const dst = inside(root, dstRel);
    assertNoLinks(root, dst);
    let existing: fs.Stats | undefined;
    try {
      existing = fs.lstatSync(dst);
    } catch {
      existing = undefined;
    }
    if (existing?.isDirectory())
      throw new InstallError(`Cannot install the file ${srcRel}: a folder with that name exists at ${dst}.`);
    if (existing) {
      if (behavior === 'DISALLOW')
        throw new InstallError(
          `The deployment failed because a specified file already exists at this location: ${dst}`,
        );
      if (behavior === 'RETAIN') {
        result.retained.push(dstRel);
        continue;
      }
    }
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    const src = inside(archive, srcRel);
    fs.copyFileSync(src, dst);
    fs.chmodSync(dst, fs.statSync(src).mode & 0o777);
    result.installed.push(dstRel);
  }
  return result;
}
