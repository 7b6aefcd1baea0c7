/**
 * The shape of an AppSpec per platform, wired from the engine's knowledge tables: which keys a
 * mapping takes, what kind of value each key holds, and which values an enum allows. Completion
 * and hover walk it with a path; the facts (names, descriptions) all live in engine/knowledge/.
 */
import * as K from '../../../engine/index';
import {
  findPair,
  isMap,
  isSeq,
  keyText,
  scalarString,
  type AppSpecDocument,
  type Pair,
  type Platform,
} from '../../../engine/index';
import type { PathStep } from './nodeAt';

export interface ValueDoc {
  value: string;
  description: string;
}

export type Shape =
  | {
      t: 'scalar';
      values?: readonly ValueDoc[];
      files?: 'script' | 'source';
      example?: string;
      kind?: 'string' | 'number' | 'boolean';
    }
  | { t: 'map'; fields: readonly Field[]; caseInsensitive?: boolean }
  | { t: 'events'; platform: K.AppSpecPlatform; value: Shape }
  | { t: 'named'; suggest: readonly ValueDoc[]; value: Shape }
  | { t: 'list'; item: Shape };

export interface Field {
  info: K.KeyInfo;
  shape: Shape;
}

const str = (example?: string): Shape => ({ t: 'scalar', kind: 'string', example });
const num = (example?: string): Shape => ({ t: 'scalar', kind: 'number', example });
const enumOf = (values: readonly ValueDoc[]): Shape => ({ t: 'scalar', values });
const BOOL: readonly ValueDoc[] = [
  { value: 'true', description: 'Yes.' },
  { value: 'false', description: 'No.' },
];

function mapFields(shape: Shape): readonly Field[] {
  return shape.t === 'map' ? shape.fields : [];
}

function fields(infos: readonly K.KeyInfo[], shapes: Record<string, Shape>): Field[] {
  return infos.map((info) => ({ info, shape: shapes[info.key] ?? str() }));
}

const VERSION_VALUES: readonly ValueDoc[] = [{ value: '0.0', description: 'The only AppSpec version.' }];

const EC2_SCRIPT = fields(K.SCRIPT_KEYS, {
  location: { t: 'scalar', kind: 'string', files: 'script', example: 'scripts/start.sh' },
  timeout: num('300'),
  runas: str('root'),
  sudo: enumOf(BOOL),
});

export const EC2_SHAPE: Shape = {
  t: 'map',
  fields: fields(K.EC2_TOP_LEVEL_KEYS, {
    version: enumOf(VERSION_VALUES),
    os: enumOf(K.OS_VALUES),
    files: {
      t: 'list',
      item: {
        t: 'map',
        fields: fields(K.FILE_ENTRY_KEYS, {
          source: { t: 'scalar', kind: 'string', files: 'source', example: '/' },
          destination: str('/var/www/html'),
        }),
      },
    },
    file_exists_behavior: enumOf(K.FILE_EXISTS_BEHAVIOR_VALUES),
    permissions: {
      t: 'list',
      item: {
        t: 'map',
        fields: fields(K.PERMISSION_KEYS, {
          object: str('/var/www/html'),
          pattern: str('"**"'),
          except: { t: 'list', item: str() },
          mode: str('644'),
          acls: { t: 'list', item: str('u:bob:rw') },
          context: { t: 'map', fields: fields(K.CONTEXT_KEYS, {}) },
          type: { t: 'list', item: enumOf(K.PERMISSION_TYPE_VALUES) },
        }),
      },
    },
    hooks: { t: 'events', platform: 'ec2', value: { t: 'list', item: { t: 'map', fields: EC2_SCRIPT } } },
  }),
};

function resourceTypes(platform: 'ecs' | 'lambda' | undefined): ValueDoc[] {
  return K.RESOURCE_TYPES.filter((r) => !platform || r.platform === platform);
}

const ECS_PROPERTIES: Shape = {
  t: 'map',
  caseInsensitive: true,
  fields: fields(K.ECS_PROPERTY_KEYS, {
    TaskDefinition: str('<TASK_DEFINITION>'),
    LoadBalancerInfo: {
      t: 'map',
      caseInsensitive: true,
      fields: fields(K.ECS_LOAD_BALANCER_KEYS, { ContainerPort: num('80') }),
    },
    PlatformVersion: enumOf([{ value: 'LATEST', description: 'The latest Fargate platform version.' }]),
    NetworkConfiguration: {
      t: 'map',
      caseInsensitive: true,
      fields: fields(K.ECS_NETWORK_KEYS, {
        AwsvpcConfiguration: {
          t: 'map',
          caseInsensitive: true,
          fields: fields(K.ECS_AWSVPC_KEYS, {
            Subnets: { t: 'list', item: str('subnet-0123456789abcdef0') },
            SecurityGroups: { t: 'list', item: str('sg-0123456789abcdef0') },
            AssignPublicIp: enumOf(K.ASSIGN_PUBLIC_IP_VALUES),
          }),
        },
      }),
    },
    CapacityProviderStrategy: {
      t: 'list',
      item: {
        t: 'map',
        caseInsensitive: true,
        fields: fields(K.ECS_CAPACITY_PROVIDER_KEYS, {
          CapacityProvider: enumOf([
            { value: 'FARGATE', description: 'Fargate on-demand capacity.' },
            { value: 'FARGATE_SPOT', description: 'Fargate Spot capacity.' },
          ]),
          Base: num('0'),
          Weight: num('1'),
        }),
      },
    },
  }),
};

const LAMBDA_PROPERTIES: Shape = {
  t: 'map',
  caseInsensitive: true,
  fields: fields(K.LAMBDA_PROPERTY_KEYS, { CurrentVersion: str('"1"'), TargetVersion: str('"2"') }),
};

function resourceShape(platform: 'ecs' | 'lambda' | undefined): Shape {
  const keys = platform === 'lambda' ? K.LAMBDA_RESOURCE_KEYS : K.ECS_RESOURCE_KEYS;
  const properties: Shape =
    platform === 'lambda'
      ? LAMBDA_PROPERTIES
      : platform === 'ecs'
        ? ECS_PROPERTIES
        : { t: 'map', caseInsensitive: true, fields: [...mapFields(ECS_PROPERTIES), ...mapFields(LAMBDA_PROPERTIES)] };
  return {
    t: 'map',
    caseInsensitive: true,
    fields: fields(keys, { Type: enumOf(resourceTypes(platform)), Properties: properties }).map((f) =>
      f.info.key === 'Type' && !platform
        ? {
            ...f,
            info: { ...f.info, description: 'The resource type: `AWS::ECS::Service` or `AWS::Lambda::Function`.' },
          }
        : f,
    ),
  };
}

function serverlessShape(platform: 'ecs' | 'lambda' | undefined): Shape {
  const names: ValueDoc[] =
    platform === 'lambda'
      ? [{ value: 'myLambdaFunction', description: 'Any name for the function being deployed.' }]
      : [
          {
            value: 'TargetService',
            description: 'The ECS service being deployed (the name AWS uses in every example).',
          },
        ];
  return {
    t: 'map',
    caseInsensitive: true,
    fields: fields(K.ECS_LAMBDA_TOP_LEVEL_KEYS, {
      version: enumOf(VERSION_VALUES),
      Resources: { t: 'list', item: { t: 'named', suggest: names, value: resourceShape(platform) } },
      Hooks: { t: 'list', item: { t: 'events', platform: platform ?? 'ecs', value: str('CodeDeployHook_validate') } },
    }),
  };
}

export const ECS_SHAPE = serverlessShape('ecs');
export const LAMBDA_SHAPE = serverlessShape('lambda');
const SERVERLESS_UNKNOWN = serverlessShape(undefined);

/** The top level of a document whose platform is not known yet: every key of every platform. */
const UNKNOWN_SHAPE: Shape = {
  t: 'map',
  fields: [...mapFields(EC2_SHAPE), ...mapFields(SERVERLESS_UNKNOWN).filter((f) => f.info.key !== 'version')],
};

/** The platform to complete for: the engine's detection, else a guess from what is written so far. */
export function effectivePlatform(doc: AppSpecDocument): Platform {
  const detected = doc.platform.platform;
  if (detected !== 'unknown') return detected;
  if (/AWS::Lambda::Function/.test(doc.text)) return 'lambda';
  if (/AWS::ECS::Service/.test(doc.text)) return 'ecs';
  const root = doc.root;
  if (findPair(root, 'os') || findPair(root, 'files') || findPair(root, 'permissions')) return 'ec2';
  const hooks = findPair(root, 'hooks');
  if (hooks && isMap(hooks.value)) return 'ec2';
  return 'unknown';
}

export function rootShape(platform: Platform, path: PathStep[] = []): Shape {
  if (platform === 'ec2') return EC2_SHAPE;
  if (platform === 'ecs') return ECS_SHAPE;
  if (platform === 'lambda') return LAMBDA_SHAPE;
  const first = typeof path[0] === 'string' ? path[0].toLowerCase() : undefined;
  if (first === 'resources' || (first === 'hooks' && path[0] === 'Hooks')) return SERVERLESS_UNKNOWN;
  if (first && first !== 'version') return EC2_SHAPE;
  return UNKNOWN_SHAPE;
}

export function fieldOf(shape: Shape, key: string): Field | undefined {
  if (shape.t !== 'map') return undefined;
  return (
    shape.fields.find((f) => f.info.key === key) ??
    (shape.caseInsensitive ? shape.fields.find((f) => f.info.key.toLowerCase() === key.toLowerCase()) : undefined)
  );
}

/** Where a path leads: the shape there plus the last key's documentation when it was a known key. */
export interface Resolved {
  shape: Shape;
  field?: Field;
  /** Set when the last step was a lifecycle event name. */
  event?: K.LifecycleEvent;
  /** Set when the last step was a list item or free name (e.g. a resource name). */
  named?: boolean;
}

export function resolve(platform: Platform, path: PathStep[]): Resolved | undefined {
  let cur: Resolved = { shape: rootShape(platform, path) };
  for (const step of path) {
    const s = cur.shape;
    if (s.t === 'list') {
      if (typeof step !== 'number') return undefined;
      cur = { shape: s.item };
    } else if (s.t === 'map') {
      if (typeof step !== 'string') return undefined;
      const f = fieldOf(s, step);
      if (!f) return undefined;
      cur = { shape: f.shape, field: f };
    } else if (s.t === 'events') {
      if (typeof step !== 'string') return undefined;
      const e = K.findEvent(s.platform, step);
      if (!e) return undefined;
      cur = { shape: s.value, event: e };
    } else if (s.t === 'named') {
      if (typeof step !== 'string') return undefined;
      cur = { shape: s.value, named: true };
    } else {
      return undefined;
    }
  }
  return cur;
}

/** Lifecycle events that accept hooks on a platform, in run order. */
export function hookEvents(platform: K.AppSpecPlatform): K.LifecycleEvent[] {
  return K.LIFECYCLE_EVENTS[platform].filter((e) => e.scriptable);
}

/** Event names already used in an ECS/Lambda `Hooks` list (or map) of the document. */
export function usedServerlessEvents(doc: AppSpecDocument): string[] {
  const hooks = findPair(doc.root, 'Hooks', { caseInsensitive: true }) as Pair | undefined;
  const out: string[] = [];
  if (!hooks) return out;
  if (isSeq(hooks.value)) {
    for (const item of hooks.value.items) {
      if (isMap(item)) for (const p of item.items as Pair[]) out.push(keyText(p) ?? '');
      else if (scalarString(item)) out.push(scalarString(item) as string);
    }
  } else if (isMap(hooks.value)) {
    for (const p of hooks.value.items as Pair[]) out.push(keyText(p) ?? '');
  }
  return out;
}

export const AWS_DOCS = {
  structure: 'https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure.html',
  files: 'https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-files.html',
  permissions:
    'https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-permissions.html',
  hooks: 'https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html',
  resources: 'https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html',
  reference: 'https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file.html',
} as const;

/** The AWS AppSpec reference page that documents a path. */
export function docsPageFor(path: PathStep[]): string {
  const first = typeof path[0] === 'string' ? path[0].toLowerCase() : '';
  if (first === 'files' || first === 'file_exists_behavior') return AWS_DOCS.files;
  if (first === 'permissions') return AWS_DOCS.permissions;
  if (first === 'hooks') return AWS_DOCS.hooks;
  if (first === 'resources') return AWS_DOCS.resources;
  return AWS_DOCS.structure;
}
