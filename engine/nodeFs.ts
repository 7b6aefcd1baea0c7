/**
 * The real `WorkspaceFs` for Node (CLI, language server, local endpoint). Read-only, synchronous,
 * never throws. `gitMode` asks git for the recorded file mode (`git ls-files -s -z`, argument
 * array, no shell), cached per repository root.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import type { WorkspaceFs } from './types';

export interface NodeFsOptions {
  /** Set false to never run git (gitMode then returns undefined). */
  git?: boolean;
  /** Milliseconds git may take per call. */
  gitTimeoutMs?: number;
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

  return {
    stat(absPath) {
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
    readHead(absPath, maxBytes) {
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
    list(absDir) {
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
      if (!useGit) return undefined;
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
