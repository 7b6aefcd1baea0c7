/**
 * The real `WorkspaceFs` for Node (CLI, language server, local endpoint). Read-only, synchronous,
 * never throws. `gitMode` asks git for the recorded file mode (`git ls-files -s -z`, argument
 * array, no shell), cached per repository root.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { WorkspaceFs } from './types';

export interface NodeFsOptions {
  /** Set false to never run git (gitMode then returns undefined). */
  git?: boolean;
  /** Milliseconds git may take per call. */
  gitTimeoutMs?: number;
  /**
   * Real paths of the folders reads must stay in (the CLI's roots). A path whose real path (symlinks
   * resolved in the part that exists) leaves all of them is refused: `stat` answers `{ outside: true }`
   * without following it, `readHead` undefined, `list` [], `gitMode` undefined. Unset: no containment.
   * A function gives the folders per path (undefined: that path is not contained).
   */
  within?: readonly string[] | ((absPath: string) => readonly string[] | undefined);
}

/** The real path of `abs`: symlinks resolved in the part that exists, the rest appended as written. */
function realPathOf(abs: string): string | undefined {
  const missing: string[] = [];
  let cur = resolve(abs);
  for (;;) {
    try {
      return join(realpathSync.native(cur), ...missing.reverse());
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return undefined;
      const parent = dirname(cur);
      if (parent === cur) return undefined;
      missing.push(basename(cur));
      cur = parent;
    }
  }
}

function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

export function createNodeFs(options: NodeFsOptions = {}): WorkspaceFs & { clearCache(): void } {
  const useGit = options.git !== false;
  const timeout = options.gitTimeoutMs ?? 5000;
  /** Folder → repository root ('' when the folder is not in a repository). */
  const rootOf = new Map<string, string>();
  /** Repository root → path relative to root (with '/') → mode. */
  const modesOf = new Map<string, Map<string, number>>();

  const git = (cwd: string, args: string[]): string | undefined => {
    try {
      return execFileSync('git', args, {
        cwd,
        encoding: 'utf8',
        timeout,
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'ignore'],
        windowsHide: true,
      });
    } catch {
      return undefined;
    }
  };

  const repoRoot = (dir: string): string => {
    const cached = rootOf.get(dir);
    if (cached !== undefined) return cached;
    const out = git(dir, ['rev-parse', '--show-toplevel']);
    const root = out ? out.trim() : '';
    rootOf.set(dir, root);
    return root;
  };

  const modes = (root: string): Map<string, number> => {
    let m = modesOf.get(root);
    if (m) return m;
    m = new Map();
    const out = git(root, ['ls-files', '-s', '-z']);
    if (out) {
      for (const entry of out.split('\0')) {
        // "<mode> <object> <stage>\t<path>"
        const tab = entry.indexOf('\t');
        if (tab < 0) continue;
        const mode = parseInt(entry.slice(0, entry.indexOf(' ')), 8);
        if (!Number.isNaN(mode)) m.set(entry.slice(tab + 1), mode);
      }
    }
    modesOf.set(root, m);
    return m;
  };

  let scratch = Buffer.allocUnsafe(4096);
  const within = options.within;
  /** The path to use (its real path) when it may be read, undefined when it lies outside `within`. */
  const allowed = (absPath: string): string | undefined => {
    const roots = typeof within === 'function' ? within(absPath) : within;
    if (!roots) return absPath;
    const real = realPathOf(absPath);
    return real !== undefined && roots.some((r) => inside(r, real)) ? real : undefined;
  };

  return {
    stat(requested) {
      const absPath = allowed(requested);
      if (absPath === undefined) return { isFile: false, isDirectory: false, size: 0, outside: true };
      try {
        // No exception for a missing path: most lookups in a large bundle miss, and a thrown error costs ~10x a stat.
        const s = statSync(absPath, { throwIfNoEntry: false });
        if (!s) return undefined;
        return {
          isFile: s.isFile(),
          isDirectory: s.isDirectory(),
          mode: s.mode,
          size: s.size,
          mtimeMs: s.mtimeMs,
          ctimeMs: s.ctimeMs,
        };
      } catch {
        return undefined;
      }
    },
    readHead(requested, maxBytes) {
      const absPath = allowed(requested);
      if (absPath === undefined) return undefined;
      let fd: number | undefined;
      try {
        fd = openSync(absPath, 'r');
        // One scratch buffer for every read; the caller gets a copy of just the bytes read (a fresh
        // full-size buffer per call piled up outside the JS heap until the next full GC).
        const want = Math.max(0, maxBytes);
        if (scratch.length < want) scratch = Buffer.allocUnsafe(want);
        const n = readSync(fd, scratch, 0, want, 0);
        return Uint8Array.prototype.slice.call(scratch, 0, n);
      } catch {
        return undefined;
      } finally {
        if (fd !== undefined) {
          try {
            closeSync(fd);
          } catch {
            /* already closed */
          }
        }
      }
    },
    list(requested) {
      const absDir = allowed(requested);
      if (absDir === undefined) return [];
      try {
        return readdirSync(absDir, { withFileTypes: true }).map((d) => ({
          name: d.name,
          isDirectory: d.isDirectory(),
        }));
      } catch {
        return [];
      }
    },
    gitMode(absPath) {
      if (!useGit || allowed(absPath) === undefined) return undefined;
      try {
        const root = repoRoot(dirname(absPath));
        if (!root) return undefined;
        let rel = relative(root, absPath);
        if (sep === '\\') rel = rel.split(sep).join('/');
        if (rel.startsWith('..')) return undefined;
        return modes(root).get(rel);
      } catch {
        return undefined;
      }
    },
    clearCache() {
      rootOf.clear();
      modesOf.clear();
    },
  };
}

/** A shared instance (git results cached for the process lifetime; call clearCache() after commits). */
export const nodeFs = createNodeFs();
