/**
 * Deploy-flow logic that needs no editor: validation refusal, platform matching, configuration
 * choices, S3 keys, and the CreateDeployment inputs for each revision type. Pure.
 */
import { createHash } from 'node:crypto';
import type { ApplicationInfo, CreateDeploymentInput, DeploymentGroupInfo, UploadResult } from '../aws/api';

export type ComputePlatformName = 'Server' | 'Lambda' | 'ECS';

/** A lint finding in a shape both the language server (LSP) and the engine can produce. */
export interface LintProblem {
  line: number;
  character: number;
  message: string;
  code?: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
}

/** Engine platform names → CodeDeploy compute platforms. */
export function computePlatformOf(platform: string | undefined): ComputePlatformName | undefined {
  switch (platform) {
    case 'ec2':
      return 'Server';
    case 'lambda':
      return 'Lambda';
    case 'ecs':
      return 'ECS';
    default:
      return undefined;
  }
}

/** Normalises LSP diagnostics (numeric severity) or engine diagnoses (string severity). */
export function normalizeProblems(raw: unknown): LintProblem[] {
  const list = Array.isArray(raw)
    ? raw
    : raw && typeof raw === 'object' && Array.isArray((raw as { diagnostics?: unknown }).diagnostics)
      ? (raw as { diagnostics: unknown[] }).diagnostics
      : [];
  const out: LintProblem[] = [];
  for (const d of list) {
    if (!d || typeof d !== 'object') continue;
    const x = d as {
      range?: { start?: { line?: number; character?: number } };
      message?: unknown;
      code?: unknown;
      ruleId?: unknown;
      severity?: unknown;
    };
    const sev = x.severity;
    const severity: LintProblem['severity'] =
      sev === 1 || sev === 'error'
        ? 'error'
        : sev === 2 || sev === 'warning'
          ? 'warning'
          : sev === 3 || sev === 'info'
            ? 'info'
            : sev === 4 || sev === 'hint'
              ? 'hint'
              : 'error';
    const code =
      typeof x.code === 'string' || typeof x.code === 'number'
        ? String(x.code)
        : typeof x.ruleId === 'string'
          ? x.ruleId
          : undefined;
    out.push({
      line: x.range?.start?.line ?? 0,
      character: x.range?.start?.character ?? 0,
      message: typeof x.message === 'string' ? x.message : String(x.message ?? ''),
      code,
      severity,
    });
  }
  return out.sort((a, b) => a.line - b.line || a.character - b.character);
}

export interface Refusal {
  errors: LintProblem[];
  /** One line for a modal's title. */
  title: string;
  /** The list, one error a line (`3:5 E4001 message`), at most `max` lines. */
  detail: string;
}

/** Undefined when the AppSpec may be deployed; otherwise why not. Warnings never block. */
export function refusalFor(problems: LintProblem[], max = 10): Refusal | undefined {
  const errors = problems.filter((p) => p.severity === 'error');
  if (!errors.length) return undefined;
  const lines = errors
    .slice(0, max)
    .map((e) => `${e.line + 1}:${e.character + 1} ${e.code ? e.code + ' ' : ''}${e.message}`);
  if (errors.length > max) lines.push(`…and ${errors.length - max} more`);
  return {
    errors,
    title: `This AppSpec has ${errors.length} error${errors.length === 1 ? '' : 's'} and would fail to deploy. Fix ${errors.length === 1 ? 'it' : 'them'} first.`,
    detail: lines.join('\n'),
  };
}

export function applicationsFor(apps: ApplicationInfo[], platform: ComputePlatformName | undefined): ApplicationInfo[] {
  const matching = platform ? apps.filter((a) => a.computePlatform === platform) : apps;
  return [...matching].sort((a, b) => (a.applicationName ?? '').localeCompare(b.applicationName ?? ''));
}

export function groupsFor(
  groups: DeploymentGroupInfo[],
  platform: ComputePlatformName | undefined,
): DeploymentGroupInfo[] {
  const matching = platform ? groups.filter((g) => !g.computePlatform || g.computePlatform === platform) : groups;
  return [...matching].sort((a, b) => (a.deploymentGroupName ?? '').localeCompare(b.deploymentGroupName ?? ''));
}

/**
 * Deployment configurations that apply to the platform: predefined ones by name, custom ones by the compute
 * platform CodeDeploy reports for them (`customPlatforms`; a custom one whose platform is unknown is kept).
 */
export function configsFor(
  names: string[],
  platform: ComputePlatformName | undefined,
  customPlatforms: ReadonlyMap<string, string | undefined> = new Map(),
): string[] {
  const fits = (n: string): boolean => {
    if (!n.startsWith('CodeDeployDefault.')) {
      const p = customPlatforms.get(n);
      return !platform || !p || p === platform;
    }
    const rest = n.slice('CodeDeployDefault.'.length);
    if (platform === 'Lambda') return rest.startsWith('Lambda');
    if (platform === 'ECS') return rest.startsWith('ECS');
    if (platform === 'Server') return !rest.startsWith('Lambda') && !rest.startsWith('ECS');
    return true;
  };
  const predefined = names.filter((n) => n.startsWith('CodeDeployDefault.') && fits(n)).sort();
  const custom = names.filter((n) => !n.startsWith('CodeDeployDefault.') && fits(n)).sort();
  return [...predefined, ...custom];
}

/** Orders config choices: the remembered one first, then the group's, then the rest. */
export function orderConfigs(
  names: string[],
  remembered: string | undefined,
  groupDefault: string | undefined,
): string[] {
  const first = [remembered, groupDefault].filter((n): n is string => !!n && names.includes(n));
  return [...new Set([...first, ...names])];
}

const cleanKeyPart = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'revision';

/** A default S3 key: `<prefix>/<folder>-<yyyymmdd-hhmmss>.zip`; the prefix defaults to the application. */
export function defaultRevisionKey(
  application: string,
  folderName: string,
  now: Date,
  keyPrefix = '{application}',
): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  const prefix = keyPrefix
    .split('/')
    .filter(Boolean)
    .map((part) => (part === '{application}' ? cleanKeyPart(application) : part))
    .join('/');
  return `${prefix ? prefix + '/' : ''}${cleanKeyPart(folderName)}-${stamp}.zip`;
}

/** The prefix to remember from a key the user chose: its folder, with the application's name as `{application}`. */
export function keyPrefixOf(key: string, application: string): string {
  const parts = key.split('/').filter(Boolean);
  parts.pop();
  return parts.map((part) => (part === cleanKeyPart(application) ? '{application}' : part)).join('/');
}

/** The deployment a `DeploymentLimitExceededException` names ("…already has an active Deployment 'd-…'"). */
export function activeDeploymentIn(message: string): string | undefined {
  return /active deployment\W+(d-[A-Z0-9]{6,})/i.exec(message)?.[1];
}

/** S3 bucket names: 3–63 chars, lowercase letters, digits, dots, hyphens; start/end alphanumeric. */
export function validateBucketName(name: string): string | undefined {
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name)) {
    return 'A bucket name has 3–63 lowercase letters, digits, dots or hyphens, and starts and ends with a letter or digit.';
  }
  if (/\.\.|^\d+\.\d+\.\d+\.\d+$/.test(name)) return 'Not a valid bucket name.';
  return undefined;
}

export function validateObjectKey(key: string): string | undefined {
  if (!key.trim()) return 'The key must not be empty.';
  if (key.startsWith('/')) return 'The key must not start with "/".';
  if (Buffer.byteLength(key, 'utf8') > 1024) return 'The key is longer than 1024 bytes.';
  return undefined;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface Target {
  application: string;
  group: string;
  /** Undefined keeps the group's configuration. */
  config?: string;
  description?: string;
}

/** EC2/On-Premises: the uploaded bundle, pinned by ETag (and version when the bucket versions). */
export function s3DeploymentInput(target: Target, upload: UploadResult): CreateDeploymentInput {
  return {
    applicationName: target.application,
    deploymentGroupName: target.group,
    deploymentConfigName: target.config,
    description: target.description,
    revision: {
      revisionType: 'S3',
      s3Location: {
        bucket: upload.bucket,
        key: upload.key,
        bundleType: 'zip',
        eTag: upload.eTag.replace(/^"|"$/g, ''),
        version: upload.versionId,
      },
    },
  };
}

/** Lambda and ECS: the AppSpec text itself, with its sha256. */
export function appSpecContentInput(target: Target, content: string): CreateDeploymentInput {
  return {
    applicationName: target.application,
    deploymentGroupName: target.group,
    deploymentConfigName: target.config,
    description: target.description,
    revision: { revisionType: 'AppSpecContent', appSpecContent: { content, sha256: sha256Hex(content) } },
  };
}

/** A folder name typed for "New folder…": relative, no `..`, no absolute path. Pure. */
export function validateNewFolder(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Type a folder name, for example my-service.';
  if (/^[\\/]|^[A-Za-z]:/.test(v)) return 'Use a path relative to the workspace folder.';
  if (v.split(/[\\/]+/).some((part) => part === '..' || part === '.'))
    return 'The folder must be inside the workspace (no "." or "..").';
  if (/[<>:"|?*\u0000-\u001f]/.test(v)) return 'The name has a character folders cannot have.';
  return undefined;
}
