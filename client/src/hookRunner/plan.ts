/**
 * Plans a local in-place deployment of an EC2/On-Premises revision: the lifecycle events in the
 * agent's order (no load balancer), with the scripts of each and the `files` mappings of Install.
 * Pure over the parsed AppSpec; the file system is only consulted to note missing scripts.
 */
import * as fs from 'node:fs';
import { DEFAULT_SCRIPT_TIMEOUT, EC2_EVENTS, type AppSpecDocument } from '../../../engine/index';
import { inside, reRootDestination, revisionRelative } from './paths';
import type { FileExistsBehavior, FileMapping, HookPlan, HookStep, ScriptSpec } from './types';

/** In-place events without a load balancer, in run order (Start/End carry nothing). */
export const LOCAL_EVENT_ORDER: readonly string[] = EC2_EVENTS.filter(
  (e) => e.inPlace && !e.needsLoadBalancer && e.name !== 'Start' && e.name !== 'End',
).map((e) => e.name);

const LB_EVENTS = new Set(EC2_EVENTS.filter((e) => e.needsLoadBalancer && e.scriptable).map((e) => e.name));
const BEHAVIORS: readonly FileExistsBehavior[] = ['DISALLOW', 'OVERWRITE', 'RETAIN'];

export interface PlanOptions {
  /** The last successful local run: its ApplicationStop scripts run first (none on a first run). */
  previous?: { appspec: unknown; bundleRoot: string };
  /** Used when the AppSpec has no `file_exists_behavior` (the deployment's option; default DISALLOW). */
  fileExistsBehavior?: FileExistsBehavior;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** The AppSpec as plain data: an engine model (its parsed YAML) or an already parsed object. */
export function appSpecData(input: unknown): unknown {
  const doc = input as Partial<AppSpecDocument> | undefined;
  if (doc && typeof doc === 'object' && 'platform' in doc && 'text' in doc) {
    if (!doc.yaml || doc.syntaxErrors?.some((e) => e.severity === 'error')) return undefined;
    return doc.yaml.toJS({ maxAliasCount: 100 });
  }
  return input;
}

function scriptsOf(event: string, raw: unknown, problems: string[]): ScriptSpec[] {
  if (raw === null || raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push(`hooks.${event} must be a list of scripts.`);
    return [];
  }
  const out: ScriptSpec[] = [];
  raw.forEach((s, i) => {
    const where = `hooks.${event}[${i}]`;
    if (!isObj(s) || typeof s.location !== 'string' || !s.location.trim()) {
      problems.push(`${where} has no location.`);
      return;
    }
    const location = s.location.trim();
    if (revisionRelative(location) === undefined || revisionRelative(location) === '') {
      problems.push(`${where}: the location ${location} resolves outside the revision.`);
      return;
    }
    let timeoutSeconds = DEFAULT_SCRIPT_TIMEOUT;
    if (s.timeout !== undefined && s.timeout !== null) {
      const n = typeof s.timeout === 'string' && /^\s*\d+\s*$/.test(s.timeout) ? Number(s.timeout) : s.timeout;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
        problems.push(`${where}: invalid timeout value (${String(s.timeout)}).`);
        return;
      }
      timeoutSeconds = n;
    }
    out.push({
      location,
      timeoutSeconds,
      ...(typeof s.runas === 'string' && s.runas.trim() ? { runas: s.runas.trim() } : {}),
      ...(s.sudo === true ? { sudo: true } : {}),
    });
  });
  return out;
}

function filesOf(raw: unknown, problems: string[]): FileMapping[] {
  if (raw === null || raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push('files must be a list of source/destination entries.');
    return [];
  }
  const out: FileMapping[] = [];
  raw.forEach((f, i) => {
    const where = `files[${i}]`;
    const source = isObj(f) && typeof f.source === 'string' ? f.source.trim() : '';
    const destination = isObj(f) && typeof f.destination === 'string' ? f.destination.trim() : '';
    if (!source || !destination) {
      problems.push(`${where} needs both a source and a destination.`);
      return;
    }
    const sourceRel = revisionRelative(source);
    const destinationRel = reRootDestination(destination);
    if (sourceRel === undefined) problems.push(`${where}: the source ${source} resolves outside the revision.`);
    if (destinationRel === undefined)
      problems.push(`${where}: the destination ${destination} climbs out of the sandbox with "..".`);
    if (sourceRel !== undefined && destinationRel !== undefined)
      out.push({ source, destination, sourceRel, destinationRel });
  });
  return out;
}

function exists(root: string, rel: string): boolean {
  try {
    return fs.existsSync(inside(root, rel));
  } catch {
    return false;
  }
}

/** The ordered steps of a local in-place deployment of the revision at `bundleRoot`. */
export function plan(appspec: unknown, bundleRoot: string, opts: PlanOptions = {}): HookPlan {
  const problems: string[] = [];
  const notes: string[] = [];
  const data = appSpecData(appspec);
  if (!isObj(data)) {
    return { steps: [], problems: ['The AppSpec does not parse to a mapping; fix its syntax errors first.'], notes };
  }
  if ('Resources' in data || 'resources' in data)
    problems.push('This is an ECS or Lambda AppSpec; only EC2/On-Premises hook scripts can run locally.');
  const os = typeof data.os === 'string' ? data.os : undefined;
  if (os !== 'linux' && os !== 'windows') problems.push(`os must be linux or windows (found ${String(data.os)}).`);
  const feb = data.file_exists_behavior;
  let fileExistsBehavior: FileExistsBehavior = opts.fileExistsBehavior ?? 'DISALLOW';
  if (feb !== undefined && feb !== null) {
    if (BEHAVIORS.includes(feb as FileExistsBehavior)) fileExistsBehavior = feb as FileExistsBehavior;
    else problems.push(`invalid file_exists_behavior value (${String(feb)}).`);
  }
  const files = filesOf(data.files, problems);
  for (const f of files)
    if (!exists(bundleRoot, f.sourceRel)) notes.push(`files source ${f.source} is not in the revision.`);

  const hooks = isObj(data.hooks) ? data.hooks : {};
  if (data.hooks !== undefined && data.hooks !== null && !isObj(data.hooks))
    problems.push('hooks must be a map from lifecycle event to scripts.');
  for (const name of Object.keys(hooks)) {
    if (LB_EVENTS.has(name))
      notes.push(`${name} is skipped: it runs only with a load balancer, which a local run does not have.`);
    else if (!LOCAL_EVENT_ORDER.includes(name) || name === 'DownloadBundle' || name === 'Install')
      notes.push(`${name} is not a scriptable in-place event; its scripts are not run.`);
  }

  const steps: HookStep[] = [];
  for (const event of LOCAL_EVENT_ORDER) {
    if (event === 'DownloadBundle') steps.push({ kind: 'download', event });
    else if (event === 'Install') steps.push({ kind: 'install', event, files, fileExistsBehavior });
    else if (event === 'ApplicationStop') {
      // Like the agent: the previous successful revision's scripts; nothing on a fresh instance.
      const prev = opts.previous && appSpecData(opts.previous.appspec);
      if (!opts.previous || !isObj(prev)) {
        steps.push({ kind: 'skip', event, reason: 'first run in this sandbox: no previous revision to stop' });
        continue;
      }
      const prevProblems: string[] = [];
      const scripts = scriptsOf(event, isObj(prev.hooks) ? prev.hooks[event] : undefined, prevProblems);
      for (const p of prevProblems) notes.push(`previous revision: ${p} (ApplicationStop skipped)`);
      if (prevProblems.length || !scripts.length)
        steps.push({ kind: 'skip', event, reason: 'the previous revision has no ApplicationStop scripts' });
      else steps.push({ kind: 'scripts', event, scripts, revision: 'previous' });
    } else {
      const scripts = scriptsOf(event, hooks[event], problems);
      if (!scripts.length) steps.push({ kind: 'skip', event, reason: 'no scripts' });
      else {
        for (const s of scripts)
          if (!exists(bundleRoot, revisionRelative(s.location) ?? ''))
            notes.push(`${event}: script ${s.location} is not in the revision.`);
        steps.push({ kind: 'scripts', event, scripts, revision: 'current' });
      }
    }
  }
  return { steps, ...(os ? { os } : {}), problems, notes };
}

/** How many scripts a plan would run (for the confirmation). */
export function scriptCount(p: HookPlan): number {
  return p.steps.reduce((n, s) => n + (s.kind === 'scripts' ? s.scripts.length : 0), 0);
}
