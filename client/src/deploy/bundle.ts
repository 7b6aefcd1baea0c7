/**
 * Zips an EC2/On-Premises revision folder (the AppSpec's folder) with fflate. The AppSpec ends
 * up at the bundle root as `appspec.yml` when it has another name; POSIX modes are kept so
 * executable hook scripts stay executable; VCS and Finder litter is left out.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { zipSync, type Zippable } from 'fflate';

/** Names never put in a bundle (any depth). */
export const EXCLUDED_NAMES = new Set(['.git', '.hg', '.svn', '__MACOSX', '.DS_Store', 'Thumbs.db']);

export interface BundleFile {
  /** Path inside the bundle, with `/`. */
  path: string;
  absPath: string;
  mode: number;
  size: number;
}

export interface BundlePlan {
  files: BundleFile[];
  totalBytes: number;
  /** Symlinks and unreadable entries left out, with why. */
  skipped: { path: string; reason: string }[];
}

/** Lists what goes into the bundle. `appSpecPath` is absolute; its folder is the bundle root. */
export function planBundle(appSpecPath: string, opts: { maxFiles?: number } = {}): BundlePlan {
  const root = path.dirname(appSpecPath);
  const maxFiles = opts.maxFiles ?? 20_000;
  const files: BundleFile[] = [];
  const skipped: BundlePlan['skipped'] = [];
  const walk = (dir: string, rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      skipped.push({ path: rel || '.', reason: (err as Error).message });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (EXCLUDED_NAMES.has(e.name)) continue;
      const abs = path.join(dir, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isSymbolicLink()) {
        skipped.push({ path: r, reason: 'symbolic link' });
        continue;
      }
      if (e.isDirectory()) {
        walk(abs, r);
        continue;
      }
      if (!e.isFile()) continue;
      if (files.length >= maxFiles)
        throw new Error(`The revision folder has more than ${maxFiles} files; is ${root} the right folder?`);
      const st = fs.statSync(abs);
      files.push({ path: r, absPath: abs, mode: st.mode & 0o7777, size: st.size });
    }
  };
  walk(root, '');
  const appSpecRel = path.basename(appSpecPath);
  if (!/^appspec\.ya?ml$/i.test(appSpecRel) || appSpecRel !== appSpecRel.toLowerCase()) {
    // The agent looks for appspec.yml at the root; a differently named AppSpec is added under that name.
    const existing = files.findIndex((f) => f.path === 'appspec.yml');
    const st = fs.statSync(appSpecPath);
    const entry = { path: 'appspec.yml', absPath: appSpecPath, mode: st.mode & 0o7777, size: st.size };
    if (existing >= 0) files[existing] = entry;
    else files.unshift(entry);
  }
  return { files, totalBytes: files.reduce((n, f) => n + f.size, 0), skipped };
}

/** Builds the zip; `overrides` replaces file contents by absolute path (unsaved editor text). */
export function zipBundle(plan: BundlePlan, overrides: Map<string, Uint8Array> = new Map()): Uint8Array {
  const tree: Zippable = {};
  for (const f of plan.files) {
    const data = overrides.get(f.absPath) ?? new Uint8Array(fs.readFileSync(f.absPath));
    // os 3 = Unix: the high 16 bits of the external attributes hold the file mode (regular file).
    tree[f.path] = [
      data,
      { os: 3, attrs: ((0o100000 | (f.mode || 0o644)) << 16) >>> 0, level: 6, mtime: new Date('2000-01-01T00:00:00Z') },
    ];
  }
  return zipSync(tree);
}
