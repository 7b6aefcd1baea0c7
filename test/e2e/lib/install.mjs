// Installs the e2e toolchain (code-server + playwright-core) into test/e2e/node_modules, once.
// Applies the machine's install fixes (see README "Tests"): ripgrep download cache seeded from Debian's rg,
// npm_config_unsafe_perm (code-server refuses root otherwise), npm_config_yes (node-pty's npx node-gyp).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TMP = path.join(E2E_DIR, '.tmp');
const MARKER = path.join(E2E_DIR, 'node_modules', '.appspec-e2e-installed');
// npm's output of the install (code-server's native builds, its own npm warnings) goes here, not to the terminal.
const INSTALL_LOG = path.join(TMP, 'install.log');
// @vscode/ripgrep's version as pinned by code-server 4.100.3's lib/vscode/npm-shrinkwrap.json, and its internal VERSION.
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

export const APT_HINT = 'apt-get update && apt-get install -y chromium ripgrep libkrb5-dev';

function lockHash() {
  const lock = path.join(E2E_DIR, 'package-lock.json');
  const pkg = path.join(E2E_DIR, 'package.json');
  const h = createHash('sha256');
  h.update(readFileSync(pkg));
  if (existsSync(lock)) h.update(readFileSync(lock));
  return h.digest('hex');
}

/** True when node_modules matches package.json + package-lock.json. */
export function isInstalled() {
  try {
    const want = JSON.parse(readFileSync(path.join(E2E_DIR, 'package.json'), 'utf8')).dependencies;
    for (const [name, version] of Object.entries(want)) {
      const got = JSON.parse(readFileSync(path.join(E2E_DIR, 'node_modules', name, 'package.json'), 'utf8')).version;
      if (got !== version) return false;
    }
    return readFileSync(MARKER, 'utf8').trim() === lockHash();
  } catch {
    return false;
  }
}

function run(cmd, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

/** Like run(), with stdout and stderr written to `logFile` instead of the terminal. */
function runLogged(cmd, args, options, logFile) {
  const log = createWriteStream(logFile);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    const done = (code) => log.end(() => resolve(code));
    child.on('error', () => done(127));
    child.on('exit', (code, signal) => done(signal ? 1 : (code ?? 1)));
  });
}

/** Missing system prerequisites for the install, as human-readable strings. */
export function missingPrerequisites() {
  const missing = [];
  if (!existsSync('/usr/bin/rg'))
    missing.push('ripgrep (/usr/bin/rg seeds @vscode/ripgrep, which would download from GitHub)');
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev (headers for the kerberos native module)');
  return missing;
}

function seedRipgrepCache() {
  const dir = path.join(TMP, RIPGREP_CACHE);
  const file = path.join(dir, RIPGREP_ASSET);
  if (existsSync(file)) return Promise.resolve(0);
  mkdirSync(dir, { recursive: true });
  return run('tar', ['czf', file, '-C', '/usr/bin', 'rg']);
}

/**
 * Installs Debian packages with apt-get when this process may (root, apt-get present, and
 * APPSPEC_NO_APT unset), so the README's commands work on a fresh machine. Resolves to true when
 * it ran apt-get successfully; false when it could not or did not (the caller prints the hint).
 */
export async function aptInstall(packages, log = console.log) {
  const canApt =
    !process.env.APPSPEC_NO_APT &&
    typeof process.getuid === 'function' &&
    process.getuid() === 0 &&
    existsSync('/usr/bin/apt-get');
  if (!canApt) return false;
  log(`Installing system packages with apt-get: ${packages.join(' ')} (set APPSPEC_NO_APT=1 to skip)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if ((await run('apt-get', ['update', '-q'], { env })) !== 0) return false;
  return (await run('apt-get', ['install', '-y', '-q', ...packages], { env })) === 0;
}

/**
 * Installs the e2e package unless it is already installed. Resolves to true on success.
 * With `force`, reinstalls. Output is streamed.
 */
export async function ensureInstalled({ force = false, log = console.log } = {}) {
  if (!force && isInstalled()) return true;
  if (missingPrerequisites().length) await aptInstall(['ripgrep', 'libkrb5-dev'], log);
  const missing = missingPrerequisites();
  if (missing.length) {
    log(`e2e install: missing system packages:\n  - ${missing.join('\n  - ')}\nInstall them with:\n  ${APT_HINT}`);
    return false;
  }
  mkdirSync(TMP, { recursive: true });
  if ((await seedRipgrepCache()) !== 0) {
    log('e2e install: could not seed the ripgrep cache from /usr/bin/rg');
    return false;
  }
  const hasLock = existsSync(path.join(E2E_DIR, 'package-lock.json'));
  const args = hasLock ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund', '--save-exact'];
  const where = path.relative(process.cwd(), E2E_DIR) || '.';
  log(
    `e2e install: npm ${args.join(' ')} in ${where} (a few minutes: native modules compile; npm's output goes to ${path.relative(process.cwd(), INSTALL_LOG)})`,
  );
  const started = Date.now();
  // code-server's postinstall refuses root without npm_config_unsafe_perm, which npm 11 reports as an unknown
  // config: that warning, and the native builds' output, stay in the log.
  const env = {
    ...process.env,
    TMPDIR: TMP,
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
    npm_config_update_notifier: 'false',
  };
  const code = await runLogged('npm', args, { cwd: E2E_DIR, env }, INSTALL_LOG);
  if (code !== 0) {
    const tail = readFileSync(INSTALL_LOG, 'utf8').trimEnd().split('\n').slice(-60).join('\n');
    log(`${tail}\ne2e install: npm exited with ${code} (full output: ${INSTALL_LOG}).`);
    log(`If it mentions gssapi.h or ripgrep, run:\n  ${APT_HINT}`);
    return false;
  }
  log(`e2e install: done in ${Math.round((Date.now() - started) / 1000)}s`);
  writeFileSync(MARKER, lockHash() + '\n');
  return true;
}
