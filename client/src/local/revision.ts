/**
 * Reads a deployment's revision the way CodeDeploy does: AppSpecContent / String for Lambda and
 * ECS, an S3 bundle (zip, tar, tgz with appspec.yml at its root) for EC2/On-Premises. The AppSpec
 * is checked with the same engine as the editor (`lintText`), and what the simulator needs
 * (function and versions, task definition, hooks) is pulled out of it.
 */
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { lintText } from '../../../engine/index';
import { readBundleFiles } from './archive';
import { fail } from './errors';
import type { ComputePlatform, Json, PlanInput } from './types';

export type RevisionResult =
  | { ok: true; plan: PlanInput; content?: string }
  | { ok: false; code: string; message: string };

/** Object access that ignores key case, as AWS tooling does for ECS/Lambda AppSpecs. */
function get(obj: unknown, key: string): unknown {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
  const k = Object.keys(obj).find((x) => x.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : (obj as Json)[k];
}

/** Checks the request's revision shape; throws the service's exception where CreateDeployment rejects it. */
export function checkRevisionShape(revision: Json | undefined, platform: ComputePlatform): void {
  if (!revision || typeof revision !== 'object')
    fail('RevisionRequiredException', 'The revision ID was not specified.');
  const type = revision.revisionType;
  const allowed: Record<ComputePlatform, string[]> = {
    Server: ['S3', 'GitHub'],
    Lambda: ['S3', 'String', 'AppSpecContent'],
    ECS: ['S3', 'AppSpecContent'],
  };
  if (typeof type !== 'string' || !['S3', 'GitHub', 'String', 'AppSpecContent'].includes(type)) {
    fail('InvalidRevisionException', 'The revision type is missing or not one of S3, GitHub, String, AppSpecContent.');
  }
  if (!allowed[platform].includes(type)) {
    fail('InvalidRevisionException', `Revision type ${type} is not supported for the ${platform} compute platform.`);
  }
  if (type === 'S3') {
    const s3 = revision.s3Location as Json | undefined;
    if (!s3?.bucket || !s3?.key) fail('InvalidRevisionException', 'The S3 location must specify a bucket and a key.');
    const bundle = s3.bundleType as string | undefined;
    const kinds = platform === 'Server' ? ['zip', 'tar', 'tgz'] : ['YAML', 'JSON'];
    if (bundle !== undefined && !kinds.includes(bundle)) {
      fail('InvalidRevisionException', `Bundle type ${bundle} is not supported for the ${platform} compute platform.`);
    }
  }
  if (type === 'GitHub') {
    const gh = revision.gitHubLocation as Json | undefined;
    if (!gh?.repository || !gh?.commitId)
      fail('InvalidRevisionException', 'The GitHub location must specify a repository and a commit ID.');
  }
  if (type === 'String' || type === 'AppSpecContent') {
    const body = (type === 'String' ? revision.string : revision.appSpecContent) as Json | undefined;
    const content = body?.content;
    if (typeof content !== 'string' || content.trim() === '')
      fail('InvalidRevisionException', 'The AppSpec content is empty.');
    const sha = body?.sha256;
    if (
      typeof sha === 'string' &&
      sha !== '' &&
      sha.toLowerCase() !== createHash('sha256').update(content).digest('hex')
    ) {
      fail('InvalidRevisionException', 'The SHA-256 hash of the AppSpec content does not match the content.');
    }
  }
}

function lintFailure(text: string, fileName: string): string | undefined {
  const errors = lintText(text, { fileName }).filter((d) => d.severity === 'error');
  if (errors.length === 0) return undefined;
  const parts = errors.slice(0, 3).map((d) => `${d.message} (line ${d.range.start.line + 1}, ${d.ruleId})`);
  const more = errors.length > 3 ? ` and ${errors.length - 3} more` : '';
  return `The AppSpec file is not valid: ${parts.join('; ')}${more}.`;
}

const APPSPEC_NAMES = ['appspec.yml', 'appspec.yaml'];

function invalid(message: string): RevisionResult {
  return { ok: false, code: 'INVALID_REVISION', message };
}

/** Reads a Lambda/ECS AppSpec (YAML or JSON text). */
export function readContentAppSpec(text: string, platform: 'Lambda' | 'ECS'): RevisionResult {
  const fileName = text.trimStart().startsWith('{') ? 'appspec.json' : 'appspec.yaml';
  const problem = lintFailure(text, fileName);
  if (problem) return invalid(problem);
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    return invalid(`The AppSpec file cannot be parsed: ${(err as Error).message.split('\n')[0]}`);
  }
  const resources = get(doc, 'Resources');
  const first = Array.isArray(resources) ? resources[0] : undefined;
  const named = first && typeof first === 'object' ? Object.values(first as Json)[0] : undefined;
  const type = get(named, 'Type');
  const props = get(named, 'Properties');
  const hooks: Record<string, string> = {};
  const rawHooks = get(doc, 'Hooks');
  for (const h of Array.isArray(rawHooks) ? rawHooks : rawHooks && typeof rawHooks === 'object' ? [rawHooks] : []) {
    if (h && typeof h === 'object')
      for (const [k, v] of Object.entries(h as Json)) if (typeof v === 'string') hooks[k] = v;
  }
  if (platform === 'Lambda') {
    if (String(type) !== 'AWS::Lambda::Function')
      return invalid(
        'The AppSpec file must describe one resource of type AWS::Lambda::Function for a Lambda deployment.',
      );
    const s = (k: string) => (get(props, k) === undefined ? '' : String(get(props, k)));
    return {
      ok: true,
      content: text,
      plan: {
        platform,
        functionName: s('Name'),
        alias: s('Alias'),
        currentVersion: s('CurrentVersion'),
        targetVersion: s('TargetVersion'),
        hooks,
      },
    };
  }
  if (String(type) !== 'AWS::ECS::Service')
    return invalid('The AppSpec file must describe one resource of type AWS::ECS::Service for an ECS deployment.');
  const lb = get(props, 'LoadBalancerInfo');
  return {
    ok: true,
    content: text,
    plan: {
      platform,
      taskDefinition: String(get(props, 'TaskDefinition') ?? ''),
      containerName: String(get(lb, 'ContainerName') ?? ''),
      containerPort: Number(get(lb, 'ContainerPort') ?? 0),
      hooks,
    },
  };
}

/** Reads an EC2/On-Premises bundle: finds appspec.yml at the root, lints it, collects hook scripts. */
export function readBundle(bytes: Uint8Array, bundleType: string | undefined): RevisionResult {
  const kind = bundleType === 'tar' || bundleType === 'tgz' ? bundleType : 'zip';
  let files: Map<string, Uint8Array>;
  try {
    files = readBundleFiles(bytes, kind, APPSPEC_NAMES);
  } catch (err) {
    return invalid(`The revision bundle could not be read as ${kind}: ${(err as Error).message}.`);
  }
  const name = APPSPEC_NAMES.find((n) => files.has(n));
  if (!name) {
    return invalid(
      'The AppSpec file is missing from the bundle: appspec.yml must be at the root of the revision archive.',
    );
  }
  const text = Buffer.from(files.get(name)!).toString('utf8');
  const problem = lintFailure(text, name);
  if (problem) return invalid(problem);
  const hooks: Record<string, string[]> = {};
  try {
    const raw = get(parseYaml(text), 'hooks');
    if (raw && typeof raw === 'object') {
      for (const [event, list] of Object.entries(raw as Json)) {
        hooks[event] = (Array.isArray(list) ? list : []).map((x) => String(get(x, 'location') ?? '')).filter(Boolean);
      }
    }
  } catch {
    // lint already passed; an unreadable hooks section just means no scripts
  }
  return { ok: true, plan: { platform: 'Server', hooks }, content: text };
}
