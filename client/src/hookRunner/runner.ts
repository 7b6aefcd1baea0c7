/**
 * Runs a planned local in-place deployment in a sandbox folder:
 *
 *   <sandbox>/state.json                   deployment group id, last successful run, files it installed
 *   <sandbox>/deployments/<id>/archive/    the revision copy (scripts run here, as in the agent's archive)
 *   <sandbox>/root/                        `files` destinations, re-rooted (`/var/www` → root/var/www)
 *
 * Scripts run as the current user (`runas`/`sudo` are not honoured) with a minimal environment
 * (env.ts: PATH, HOME, the agent's variables and the allow-list); the run stops at the first failing
 * script, like the agent's ScriptFailed.
 */
import { spawn as nodeSpawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { APPSPEC_FILE_NAMES, parseAppSpec } from '../../../engine/index';
import { hookEnvironment } from './env';
import { copyRevision, installFiles, InstallError } from './install';
import { LogTail } from './logTail';
import { inside, revisionRelative } from './paths';
import { plan, type PlanOptions } from './plan';
import { runScript, systemClock, type Clock, type SpawnFn } from './runScript';
import type { EventResult, HookPlan, RunEvent, RunResult, ScriptSpec } from './types';

interface SandboxState {
  deploymentGroupId: string;
  lastSuccessful?: { deploymentId: string; appSpec: string };
  /** Files (relative to root/) the last Install wrote: deleted before the next Install. */
  installed: string[];
}

function randomId(prefix: string, n: number): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return prefix + Array.from(crypto.randomBytes(n), (b) => abc[b % abc.length]).join('');
}

export function readState(sandbox: string): SandboxState {
  try {
    const s = JSON.parse(fs.readFileSync(path.join(sandbox, 'state.json'), 'utf8')) as Partial<SandboxState>;
    if (typeof s.deploymentGroupId === 'string')
      return {
        deploymentGroupId: s.deploymentGroupId,
        installed: Array.isArray(s.installed) ? s.installed.filter((x) => typeof x === 'string') : [],
        ...(s.lastSuccessful ? { lastSuccessful: s.lastSuccessful } : {}),
      };
  } catch {
    // No state yet (or unreadable): a fresh instance.
  }
  return { deploymentGroupId: crypto.randomUUID(), installed: [] };
}

function writeState(sandbox: string, s: SandboxState): void {
  fs.mkdirSync(sandbox, { recursive: true });
  // Written aside and renamed, so an interrupted run never leaves half a state file.
  const file = path.join(sandbox, 'state.json');
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(s, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

const archiveOf = (sandbox: string, id: string) => path.join(sandbox, 'deployments', id, 'archive');

/** The last successful local run's revision, when its copy is still there. */
export function previousRevision(sandbox: string): PlanOptions['previous'] {
  const last = readState(sandbox).lastSuccessful;
  if (!last || !/^d-[A-Z0-9]+$/.test(last.deploymentId) || !APPSPEC_FILE_NAMES.includes(last.appSpec)) return undefined;
  const archive = archiveOf(sandbox, last.deploymentId);
  try {
    const text = fs.readFileSync(path.join(archive, last.appSpec), 'utf8');
    return { appspec: parseAppSpec(last.appSpec, text), bundleRoot: archive };
  } catch {
    return undefined;
  }
}

/** Plans against the sandbox: ApplicationStop comes from the last successful run there. */
export function planInSandbox(appspec: unknown, bundleRoot: string, sandbox: string, opts: PlanOptions = {}): HookPlan {
  const previous = previousRevision(sandbox);
  return plan(appspec, bundleRoot, { ...opts, ...(previous ? { previous } : {}) });
}

export interface RunOptions {
  plan: HookPlan;
  bundleRoot: string;
  sandbox: string;
  /** The AppSpec's file name at the revision root (remembered for the next run's ApplicationStop). */
  appSpecName?: string;
  applicationName?: string;
  deploymentGroupName?: string;
  deploymentId?: string;
  spawn?: SpawnFn;
  clock?: Clock;
  /** The host environment scripts may take PATH, HOME and allow-listed names from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Extra variable names scripts get from the host (`codedeploy.hooks.environmentAllowList`). */
  envAllowList?: readonly unknown[];
  signal?: AbortSignal;
  onEvent?(e: RunEvent): void;
  /** Host platform (default process.platform): scripts for the other OS family are skipped. */
  platform?: NodeJS.Platform;
  /** Shown in the runas/sudo note (default the current user's name). */
  user?: string;
  killGraceMs?: number;
}

export async function runHooks(o: RunOptions): Promise<RunResult> {
  if (o.plan.problems.length) throw new Error(`Cannot run the hooks: ${o.plan.problems.join(' ')}`);
  const emit = (e: RunEvent) => o.onEvent?.(e);
  const clock = o.clock ?? systemClock;
  const spawn = o.spawn ?? (nodeSpawn as SpawnFn);
  const user = o.user ?? safeUser();
  const hostWindows = (o.platform ?? process.platform) === 'win32';
  const state = readState(o.sandbox);
  const deploymentId = o.deploymentId ?? randomId('d-LOCAL', 6);
  const archive = archiveOf(o.sandbox, deploymentId);
  const previousArchive = state.lastSuccessful && archiveOf(o.sandbox, state.lastSuccessful.deploymentId);
  // Older failed runs are not needed any more: keep only the last successful copy.
  pruneDeployments(o.sandbox, state.lastSuccessful?.deploymentId);
  const root = path.join(o.sandbox, 'root');
  // Scripts get a minimal environment, never the extension host's (AWS_* secrets and the like).
  const agentVariables = {
    DEPLOYMENT_ID: deploymentId,
    APPLICATION_NAME: o.applicationName ?? path.basename(path.resolve(o.bundleRoot)),
    DEPLOYMENT_GROUP_NAME: o.deploymentGroupName ?? 'local-sandbox',
    DEPLOYMENT_GROUP_ID: state.deploymentGroupId,
  };
  const hostEnv = o.env ?? process.env;
  const envFor = (event: string) =>
    hookEnvironment(hostEnv, { ...agentVariables, LIFECYCLE_EVENT: event }, o.envAllowList, o.platform);
  const events: EventResult[] = [];
  let stopped: EventResult | undefined;

  for (const step of o.plan.steps) {
    if (stopped) {
      events.push({ event: step.event, status: 'Skipped', logTail: '' });
      continue;
    }
    emit({ type: 'event-start', event: step.event });
    const log = new LogTail();
    log.note(`LifecycleEvent - ${step.event}`);
    const info = (text: string) => emit({ type: 'output', event: step.event, stream: 'info', text });
    let result: EventResult = { event: step.event, status: 'Succeeded', logTail: '' };
    try {
      if (step.kind === 'skip') {
        info(`Skipped: ${step.reason}.`);
        result.status = 'Skipped';
      } else if (step.kind === 'download') {
        await fs.promises.rm(archive, { recursive: true, force: true });
        const n = await copyRevision(
          o.bundleRoot,
          archive,
          o.sandbox,
          (copied) => info(`Copied ${copied} file(s) so far…`),
          o.signal,
        );
        info(`Copied ${n} file(s) of ${o.bundleRoot} to ${archive}.`);
      } else if (step.kind === 'install') {
        const r = installFiles(archive, root, step.files, step.fileExistsBehavior, state.installed);
        state.installed = r.installed;
        writeState(o.sandbox, state);
        info(
          `Installed ${r.installed.length} file(s) under ${root} (file_exists_behavior ${step.fileExistsBehavior}).`,
        );
        if (r.retained.length) info(`Kept ${r.retained.length} existing file(s) (RETAIN).`);
      } else {
        const cwd = step.revision === 'previous' && previousArchive ? previousArchive : archive;
        if ((o.plan.os === 'windows') !== hostWindows) {
          info(`Skipped: the AppSpec targets ${o.plan.os} instances; its scripts do not run on this machine.`);
          result.status = 'Skipped';
        } else {
          for (const s of step.scripts) {
            const failed = await runOne(step.event, s, cwd, envFor(step.event), log);
            if (failed) {
              result = failed;
              break;
            }
          }
        }
      }
    } catch (err) {
      const message = err instanceof InstallError ? err.message : `${step.event} failed: ${(err as Error).message}`;
      info(message);
      log.note(message);
      result = { ...result, status: 'Failed', errorCode: 'UnknownError', message };
    }
    log.flush();
    result.logTail = log.value();
    events.push(result);
    emit({ type: 'event-end', event: step.event, status: result.status, logTail: result.logTail });
    if (result.status === 'Failed' || result.status === 'Cancelled') stopped = result;
  }

  if (!stopped) {
    state.lastSuccessful = { deploymentId, appSpec: appSpecNameIn(archive, o.appSpecName) };
    writeState(o.sandbox, state);
    pruneDeployments(o.sandbox, deploymentId);
  }
  const status = !stopped ? 'Succeeded' : stopped.status === 'Cancelled' ? 'Cancelled' : 'Failed';
  return { deploymentId, status, events, ...(stopped ? { failed: stopped } : {}), sandbox: o.sandbox };

  /** Runs one script; returns the event's failure, or undefined when it succeeded. */
  async function runOne(
    event: string,
    s: ScriptSpec,
    cwd: string,
    env: NodeJS.ProcessEnv,
    log: LogTail,
  ): Promise<EventResult | undefined> {
    const info = (text: string) => emit({ type: 'output', event, stream: 'info', text });
    const fail = (errorCode: EventResult['errorCode'], message: string, extra: Partial<EventResult> = {}) => {
      info(message);
      log.note(message);
      return { event, status: 'Failed' as const, logTail: '', errorCode, message, ...extra };
    };
    const rel = revisionRelative(s.location) ?? '';
    const scriptPath = inside(cwd, rel);
    const script = { location: s.location, path: scriptPath };
    emit({ type: 'script-start', event, location: s.location, timeoutSeconds: s.timeoutSeconds });
    log.note(`Script - ${s.location}`);
    if (s.runas || s.sudo)
      info(
        `Note: ${s.runas ? `runas: ${s.runas}` : ''}${s.runas && s.sudo ? ', ' : ''}${s.sudo ? 'sudo: true' : ''} is not honoured locally; the script runs as ${user}.`,
      );
    let st: fs.Stats;
    try {
      st = fs.statSync(scriptPath);
    } catch {
      return fail('ScriptMissing', `Script does not exist at specified location: ${scriptPath}`, { script });
    }
    if (!st.isFile())
      return fail('ScriptMissing', `Script does not exist at specified location: ${scriptPath}`, { script });
    if (!hostWindows && (st.mode & 0o111) === 0) {
      // The agent makes the script executable first; here only the sandbox copy changes.
      try {
        fs.chmodSync(scriptPath, st.mode | 0o755);
      } catch (err) {
        return fail('ScriptNotExecutable', `Unable to set script at specified location: ${s.location} as executable`, {
          script,
          message: (err as Error).message,
        });
      }
    }
    const outcome = await runScript({
      path: scriptPath,
      cwd,
      env,
      timeoutSeconds: s.timeoutSeconds,
      spawn,
      clock,
      ...(o.signal ? { signal: o.signal } : {}),
      ...(o.killGraceMs !== undefined ? { killGraceMs: o.killGraceMs } : {}),
      onOutput: (stream, text) => {
        log.add(stream, text);
        emit({ type: 'output', event, stream, text });
      },
    });
    log.flush();
    const at = `Script at specified location: ${s.location}`;
    switch (outcome.kind) {
      case 'exit':
        if (outcome.code === 0) return undefined;
        return fail(
          'ScriptFailed',
          outcome.code === null
            ? `${at} was killed by ${outcome.signal ?? 'a signal'}`
            : `${at} failed with exit code ${outcome.code}`,
          { script, exitCode: outcome.code },
        );
      case 'timeout':
        return fail('ScriptTimedOut', `${at} failed to complete in ${s.timeoutSeconds} seconds`, {
          script,
          exitCode: null,
        });
      case 'cancelled':
        info(`Cancelled: ${s.location} was stopped.`);
        return { event, status: 'Cancelled', logTail: '', message: `Cancelled while running ${s.location}`, script };
      case 'stdio-open':
        return fail('ScriptFailed', `${at} failed to close STDOUT`, { script, exitCode: outcome.code });
      case 'error':
        return fail('UnknownError', `${at} failed with error ${outcome.message}`, { script });
    }
  }
}

function appSpecNameIn(archive: string, preferred?: string): string {
  if (preferred && APPSPEC_FILE_NAMES.includes(preferred) && fs.existsSync(path.join(archive, preferred)))
    return preferred;
  return APPSPEC_FILE_NAMES.find((n) => fs.existsSync(path.join(archive, n))) ?? 'appspec.yml';
}

function pruneDeployments(sandbox: string, keep: string | undefined): void {
  const dir = path.join(sandbox, 'deployments');
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) if (n !== keep) fs.rmSync(path.join(dir, n), { recursive: true, force: true });
}

function safeUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'the current user';
  }
}
