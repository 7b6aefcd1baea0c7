/**
 * Builds and packs the `appspec-lint` npm package the way a release does (scripts/build-cli-package.mjs, then
 * `npm pack`), into a folder of the caller's, so tests can install the tarball and run it as users would.
 * npm runs offline here: nothing is fetched, and a private cache keeps the user's npm cache untouched.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const PACKAGE_SOURCE = path.join(REPO_ROOT, 'packages', 'appspec-lint');

export interface PackedCli {
  /** Absolute path of the .tgz. */
  tarball: string;
  name: string;
  version: string;
  /** Paths inside the package, as `npm pack --json` lists them. */
  files: string[];
  /** The staged package folder the tarball was made from. */
  staged: string;
  integrity: string;
  shasum: string;
}

/** npm's environment for the tests: a private cache, no network-bound extras, no inherited lifecycle variables. */
export function npmEnv(workDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_(config|lifecycle|package)_/i.test(k) || k === 'INIT_CWD') continue;
    env[k] = v;
  }
  return {
    ...env,
    npm_config_cache: path.join(workDir, 'npm-cache'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_progress: 'false',
    NO_COLOR: '1',
    ...extra,
  };
}

export function run(
  command: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; input?: string; timeoutMs?: number },
): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd: opts.cwd,
    env: opts.env,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Describes a finished process for assertion messages. */
export function described(r: SpawnSyncReturns<string>): string {
  return `exit ${r.status}${r.error ? ` (${r.error.message})` : ''}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`;
}

/** Stages the package in `workDir/package` and packs it into `workDir`. Throws with npm's output on failure. */
export function packCli(workDir: string): PackedCli {
  const staged = path.join(workDir, 'package');
  const env = npmEnv(workDir);
  const build = run(
    process.execPath,
    [path.join(REPO_ROOT, 'scripts', 'build-cli-package.mjs'), '--out', staged, '--skip-gen'],
    {
      cwd: REPO_ROOT,
      env,
    },
  );
  if (build.status !== 0) throw new Error(`build-cli-package failed: ${described(build)}`);
  // The staged copy is already built; its prepack (which builds in place) must not run there.
  const pack = run('npm', ['pack', staged, '--pack-destination', workDir, '--ignore-scripts', '--json', '--offline'], {
    cwd: workDir,
    env,
  });
  if (pack.status !== 0) throw new Error(`npm pack failed: ${described(pack)}`);
  const [info] = JSON.parse(pack.stdout) as {
    name: string;
    version: string;
    filename: string;
    integrity: string;
    shasum: string;
    files: { path: string }[];
  }[];
  const tarball = path.join(workDir, info.filename);
  if (!fs.existsSync(tarball)) throw new Error(`npm pack reported ${info.filename} but it is not in ${workDir}`);
  return {
    tarball,
    name: info.name,
    version: info.version,
    files: info.files.map((f) => f.path).sort(),
    staged,
    integrity: info.integrity,
    shasum: info.shasum,
  };
}
