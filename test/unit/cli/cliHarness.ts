/** Runs the bundled CLI (dist/cli.js) as a user would, and builds throwaway folders for it. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  opts: { cwd?: string; input?: string | Buffer; timeoutMs?: number } = {},
): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', APPSPEC_LINT_DEBUG: '' },
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/**
 * Runs the CLI as a user without privileges: root reads any file, so as root the bundle is copied
 * into `cwd` (readable by anyone) and run as `nobody` with setpriv (util-linux). Other users run it
 * as themselves. `cwd` is opened to everyone for that.
 */
export function runCliUnprivileged(args: string[], cwd: string): CliRun {
  if (process.getuid?.() !== 0) return runCli(args, { cwd });
  const cli = path.join(cwd, '.appspec-lint-cli.js');
  fs.copyFileSync(CLI, cli);
  fs.chmodSync(cli, 0o644);
  fs.chmodSync(cwd, 0o755);
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => fs.existsSync(p));
  if (!setpriv) throw new Error('running as root: setpriv (util-linux) is needed to run the CLI as nobody');
  const r = spawnSync(
    setpriv,
    ['--reuid=65534', '--regid=65534', '--clear-groups', '--', process.execPath, cli, ...args],
    {
      cwd,
      input: '',
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, NO_COLOR: '1', APPSPEC_LINT_DEBUG: '' },
    },
  );
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** A temp folder with the given files (path → content); parents are created. */
export function makeTree(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appspec-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
    if (abs.endsWith('.sh')) fs.chmodSync(abs, 0o755);
  }
  return dir;
}

export function removeTree(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A stack trace would show frames like "    at fn (file.js:1:2)". */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+:\d+:\d+\)?$/m.test(text);
}

export const CLEAN_EC2 = `version: 0.0
os: linux
files:
  - source: app
    destination: /opt/app
hooks:
  AfterInstall:
    - location: scripts/after.sh
      timeout: 60
`;

/** A bundle folder whose AppSpec is clean, including the hook script it names. */
export function cleanBundle(): Record<string, string> {
  return { 'appspec.yml': CLEAN_EC2, 'app/index.html': '<p>hi</p>\n', 'scripts/after.sh': '#!/bin/sh\nexit 0\n' };
}

/** `os: solaris` is an EC2 error (os must be linux or windows). */
export const ERROR_EC2 = CLEAN_EC2.replace('os: linux', 'os: solaris');
/** An unknown top-level key is an EC2 warning. */
export const WARNING_EC2 = CLEAN_EC2 + 'notes: deployed by CI\n';
