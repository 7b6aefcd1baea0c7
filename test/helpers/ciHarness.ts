/**
 * Shared by the GitHub Action and pre-commit tests: the appspec-lint package packed as a release packs it, served by
 * a one-package npm registry on 127.0.0.1, throwaway repositories of AppSpec bundles, and processes run the way the
 * runner or pre-commit runs them. Call `setUpCi()` in a `before` and `tearDownCi()` in an `after`.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanBundle } from '../unit/cli/cliHarness';
import { npmEnv, packCli, type PackedCli } from './cliPackage';
import { startRegistry, type LocalRegistry } from './npmRegistry';

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Async on purpose: the registry answers from this process's event loop, which spawnSync would block. */
export function spawnAsync(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => resolve({ status: null, stdout, stderr: stderr + e.message }));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export const show = (r: Ran): string => `exit ${r.status}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`;

export interface Ci {
  work: string;
  packed: PackedCli;
  registry: LocalRegistry;
}

let ci: Ci | undefined;
let counter = 0;

export async function setUpCi(): Promise<Ci> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'appspec-ci-'));
  const packed = packCli(work);
  ci = { work, packed, registry: await startRegistry(packed) };
  return ci;
}

export async function tearDownCi(): Promise<void> {
  await ci?.registry.close();
  if (ci) fs.rmSync(ci.work, { recursive: true, force: true });
  ci = undefined;
}

function current(): Ci {
  if (!ci) throw new Error('setUpCi() has not run');
  return ci;
}

/** A new folder in the test's work folder. */
export const fresh = (name: string): string => fs.mkdtempSync(path.join(current().work, `${name}-${++counter}-`));

export const tarballRequests = (): number => current().registry.requests.filter((r) => r.endsWith('.tgz')).length;

/** A folder holding the given AppSpec bundles (folder → appspec.yml text; each gets the clean bundle's files). */
export function repository(bundles: Record<string, string>, extra: Record<string, string> = {}): string {
  const dir = fresh('repo');
  const put = (rel: string, content: string) => {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
    if (rel.endsWith('.sh')) fs.chmodSync(abs, 0o755);
  };
  for (const [folder, appspec] of Object.entries(bundles)) {
    for (const [rel, content] of Object.entries(cleanBundle())) put(path.join(folder, rel), content);
    put(path.join(folder, 'appspec.yml'), appspec);
  }
  for (const [rel, content] of Object.entries(extra)) put(rel, content);
  return dir;
}

/** npm pointed at the local registry, with an empty user configuration and a private cache. */
export function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { work, registry } = current();
  const userconfig = path.join(work, 'empty-npmrc');
  if (!fs.existsSync(userconfig)) fs.writeFileSync(userconfig, '');
  return npmEnv(work, { npm_config_registry: registry.url, npm_config_userconfig: userconfig, ...extra });
}
