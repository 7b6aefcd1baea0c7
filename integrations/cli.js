// @ts-check
/**
 * Shared by the GitHub Action and the pre-commit hook: gets the `appspec-lint` npm package of the same release as
 * this checkout (packages/appspec-lint/package.json) into a cache folder with npm, once, and runs its bundle with
 * the Node.js that runs this script. Plain CommonJS and Node builtins only: these scripts run straight from a clone.
 * Child processes always get argument arrays, never a shell string.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const PACKAGE = 'appspec-lint';
const REPO_ROOT = path.resolve(__dirname, '..');

/** The version released together with this checkout. */
function releasedVersion() {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'packages', PACKAGE, 'package.json'), 'utf8'));
  return String(pkg.version);
}

/** A version npm can install exactly: digits and dots with an optional pre-release tag; nothing a shell or npm could read as more. */
function checkVersion(version) {
  if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version))
    throw new Error(`"${version}" is not a version of ${PACKAGE} (expected for example 0.1.0)`);
  return version;
}

/** The per-user cache folder of the platform (pre-commit installs the CLI here, once per version). */
function userCacheRoot() {
  const home = os.homedir();
  if (process.platform === 'win32') return process.env.LOCALAPPDATA || path.join(home, 'AppData', 'Local');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches');
  return process.env.XDG_CACHE_HOME || path.join(home, '.cache');
}

/**
 * npm's own entry script next to this Node.js (Linux/macOS: ../lib/node_modules/npm, Windows: node_modules/npm), so
 * npm runs as `node npm-cli.js …` on every platform; `npm` from PATH when there is none.
 */
function npmCommand() {
  const dir = path.dirname(process.execPath);
  for (const candidate of [
    path.join(dir, '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
    path.join(dir, 'node_modules', 'npm', 'bin', 'npm-cli.js'),
  ]) {
    if (fs.existsSync(candidate)) return { command: process.execPath, prefix: [candidate] };
  }
  return { command: 'npm', prefix: [] };
}

function installedCli(dir, version) {
  const pkgDir = path.join(dir, 'node_modules', PACKAGE);
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
    const bin = path.join(pkgDir, typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin?.[PACKAGE] ?? ''));
    if (pkg.name === PACKAGE && pkg.version === version && fs.statSync(bin).isFile()) return bin;
  } catch {
    // not installed (or not completely): install it
  }
  return undefined;
}

/**
 * The path of appspec-lint's bundle at `version`, installed into `cacheDir/<version>` unless it is there already.
 * Installs into a private folder first and renames it into place, so two hooks running at once never see half an
 * install. Throws an Error with npm's message when the install fails.
 * @param {{ version: string, cacheDir: string, log?: (line: string) => void }} o
 */
function ensureCli(o) {
  const version = checkVersion(o.version);
  const dir = path.join(o.cacheDir, version);
  const ready = installedCli(dir, version);
  if (ready) return ready;
  fs.mkdirSync(o.cacheDir, { recursive: true });
  const partial = fs.mkdtempSync(path.join(o.cacheDir, `.${version}-`));
  try {
    o.log?.(`Installing ${PACKAGE}@${version} with npm…`);
    const npm = npmCommand();
    const r = spawnSync(
      npm.command,
      [
        ...npm.prefix,
        'install',
        `${PACKAGE}@${version}`,
        '--prefix',
        partial,
        '--no-save',
        '--no-package-lock',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 },
    );
    if (r.status !== 0 || !installedCli(partial, version)) {
      const detail = (r.error?.message ?? `${r.stderr}${r.stdout}`).trim().split('\n').slice(-6).join('\n');
      throw new Error(`npm could not install ${PACKAGE}@${version}${detail ? `:\n${detail}` : ''}`);
    }
    try {
      fs.renameSync(partial, dir);
    } catch (e) {
      // Someone else finished first: theirs is as good as ours.
      if (!installedCli(dir, version)) throw e;
    }
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
  const cli = installedCli(dir, version);
  if (!cli) throw new Error(`${PACKAGE}@${version} was installed but its command is missing in ${dir}`);
  return cli;
}

/**
 * Runs the CLI bundle with this Node.js; resolves to its exit code and output.
 * @param {string} cli
 * @param {string[]} args
 * @param {{ cwd: string, stdio?: 'pipe' | 'inherit' }} o
 */
function runCli(cli, args, o) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: o.cwd,
    encoding: 'utf8',
    stdio: o.stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw new Error(`${PACKAGE} could not be started: ${r.error.message}`);
  return { code: r.status ?? 2, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

module.exports = { PACKAGE, REPO_ROOT, releasedVersion, checkVersion, userCacheRoot, ensureCli, runCli };
