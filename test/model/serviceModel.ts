/**
 * The official CodeDeploy service model, read at test time (never copied into the project):
 * botocore's `codedeploy/2014-10-06/service-2.json` from Debian's python3-botocore, the same file the
 * AWS CLI and boto3 use. Members that AWS added after that botocore release are laid over it from the
 * installed v3 client's schema, but only those named in `exceptions.ts` (NEWER_THAN_BOTOCORE), so each
 * one is explicit. Why this source: docs/fidelity.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NEWER_THAN_BOTOCORE } from './exceptions';
import { newerShapesFromV3 } from './v3Schema';

export interface MemberRef {
  shape: string;
}

export interface Shape {
  type: string;
  members?: Record<string, MemberRef>;
  required?: string[];
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  enum?: string[];
  min?: number;
  max?: number;
  exception?: boolean;
}

export interface Operation {
  name: string;
  deprecated?: boolean;
  input?: MemberRef;
  output?: MemberRef;
  errors?: MemberRef[];
}

export interface ServiceModel {
  /** Where the model came from, for messages: file path and version. */
  source: string;
  targetPrefix: string;
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

const DEBIAN_BOTOCORE = '/usr/lib/python3/dist-packages/botocore';

/** botocore's package folder: CODEDEPLOY_BOTOCORE_DIR, else Debian's python3-botocore. */
export function botocoreDir(): string {
  return process.env.CODEDEPLOY_BOTOCORE_DIR || DEBIAN_BOTOCORE;
}

export function botocoreModelPath(): string {
  return path.join(botocoreDir(), 'data', 'codedeploy', '2014-10-06', 'service-2.json');
}

export function botocoreVersion(): string {
  try {
    const init = fs.readFileSync(path.join(botocoreDir(), '__init__.py'), 'utf8');
    return /__version__\s*=\s*['"]([^'"]+)['"]/.exec(init)?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const published = new Map<string, ServiceModel>();

/** botocore's model exactly as published (throws with an install hint when it is missing). Read once per file. */
export function loadBotocoreModel(file = botocoreModelPath()): ServiceModel {
  const known = published.get(file);
  if (known) return known;
  if (!fs.existsSync(file)) {
    throw new Error(
      `The CodeDeploy service model is missing: ${file}. Install Debian's botocore (apt-get install -y python3-botocore, ` +
        'pulled in by awscli) or point CODEDEPLOY_BOTOCORE_DIR at a botocore package folder.',
    );
  }
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    metadata: { targetPrefix: string };
    operations: Record<string, Operation>;
    shapes: Record<string, Shape>;
  };
  const model: ServiceModel = {
    source: `botocore ${botocoreVersion()} (${file})`,
    targetPrefix: raw.metadata.targetPrefix,
    operations: raw.operations,
    shapes: raw.shapes,
  };
  published.set(file, model);
  return model;
}

let cached: ServiceModel | undefined;

/** The judge: botocore's model plus the listed newer members from the v3 client. Loaded once. */
export function loadJudgeModel(): ServiceModel {
  if (cached) return cached;
  const base = loadBotocoreModel();
  cached = withNewerMembers(base);
  return cached;
}

/** Lays the members, enum values and required lists of NEWER_THAN_BOTOCORE over a copy of `base`. */
export function withNewerMembers(base: ServiceModel): ServiceModel {
  const shapes: Record<string, Shape> = structuredClone(base.shapes);
  const added = newerShapesFromV3(
    NEWER_THAN_BOTOCORE.members.map((m) => m.at),
    shapes,
  );
  for (const [name, shape] of Object.entries(added.shapes)) shapes[name] ??= shape;
  for (const { at, shape } of added.members) {
    const [owner, member] = at.split('.');
    const target = shapes[owner];
    if (!target?.members) throw new Error(`NEWER_THAN_BOTOCORE names ${at}, but ${owner} is not a structure`);
    target.members[member] = { shape };
  }
  for (const { shape, value } of NEWER_THAN_BOTOCORE.enumValues) {
    const target = shapes[shape];
    if (!target?.enum) throw new Error(`NEWER_THAN_BOTOCORE names enum ${shape}, which the model lacks`);
    if (!target.enum.includes(value)) target.enum = [...target.enum, value];
  }
  for (const { shape, members } of NEWER_THAN_BOTOCORE.required) {
    const target = shapes[shape];
    if (!target?.members) throw new Error(`NEWER_THAN_BOTOCORE names ${shape}, which is not a structure`);
    target.required = [...new Set([...(target.required ?? []), ...members])];
  }
  const operations = structuredClone(base.operations);
  for (const { operation, error } of NEWER_THAN_BOTOCORE.errors) {
    const op = operations[operation];
    if (!op) throw new Error(`NEWER_THAN_BOTOCORE names errors of ${operation}, which the model lacks`);
    shapes[error] ??= { type: 'structure', exception: true, members: { message: { shape: '__string' } } };
    shapes.__string ??= { type: 'string' };
    if (!(op.errors ?? []).some((e) => e.shape === error)) op.errors = [...(op.errors ?? []), { shape: error }];
  }
  return { ...base, source: `${base.source} + newer members from @aws-sdk/client-codedeploy`, operations, shapes };
}
