/**
 * The shape a loaded state.json must have before the endpoint uses it: every record the operations and the
 * simulator dereference is checked, member by member, so a hand-edited or damaged file is refused as a whole
 * (store.ts moves it aside) instead of making requests fail later. Missing top-level lists are filled in
 * (an empty or partial state works), and so are the predefined deployment configurations.
 */
import { randomUUID } from 'node:crypto';
import { predefinedConfigs } from './configs';
import type { Json, State } from './types';

/** Deeper than anything the endpoint writes (requests are capped at 100 levels); keeps saving from recursing without end. */
export const MAX_STATE_DEPTH = 200;

type Check = (v: unknown, at: string) => string | undefined;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const str: Check = (v, at) => (typeof v === 'string' ? undefined : `${at} is not a string`);
const num: Check = (v, at) => (typeof v === 'number' && Number.isFinite(v) ? undefined : `${at} is not a number`);
const bool: Check = (v, at) => (typeof v === 'boolean' ? undefined : `${at} is not true or false`);
const oneOf =
  (...values: string[]): Check =>
  (v, at) =>
    typeof v === 'string' && values.includes(v) ? undefined : `${at} is not one of ${values.join(', ')}`;
const anyObject: Check = (v, at) => (isObject(v) ? undefined : `${at} is not an object`);
const optional =
  (check: Check): Check =>
  (v, at) =>
    v === undefined ? undefined : check(v, at);
const list =
  (item: Check): Check =>
  (v, at) => {
    if (!Array.isArray(v)) return `${at} is not a list`;
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
const shape =
  (members: Record<string, Check>): Check =>
  (v, at) => {
    if (!isObject(v)) return `${at} is not an object`;
    for (const [key, check] of Object.entries(members)) {
      const problem = check(v[key], `${at}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  };
const record =
  (value: Check): Check =>
  (v, at) => {
    if (!isObject(v)) return `${at} is not an object`;
    for (const [key, item] of Object.entries(v)) {
      const problem = value(item, `${at}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  };

const platform = oneOf('Server', 'Lambda', 'ECS');
const tag = shape({ Key: str, Value: optional(str) });
const tags = list(tag);

const application = shape({
  applicationId: str,
  applicationName: str,
  createTime: num,
  linkedToGitHub: optional(bool),
  computePlatform: platform,
  tags: optional(tags),
});
const group = shape({
  info: shape({ applicationName: str, deploymentGroupName: str, deploymentGroupId: str, computePlatform: platform }),
  tags: optional(tags),
});
const config = shape({ deploymentConfigName: str });
const lifecycleEvent = shape({ lifecycleEventName: str, status: str });
const target = shape({
  deploymentTargetType: oneOf('InstanceTarget', 'LambdaTarget', 'ECSTarget'),
  targetId: str,
  status: str,
  lifecycleEvents: list(lifecycleEvent),
});
const plan: Check = (v, at) => {
  const base = shape({ platform, hooks: anyObject })(v, at);
  if (base) return base;
  const p = v as Json;
  const hookValue = p.platform === 'Server' ? list(str) : str;
  return record(hookValue)(p.hooks, `${at}.hooks`);
};
const op = shape({ at: num, k: str });
const deployment = shape({
  info: shape({
    deploymentId: str,
    applicationName: str,
    deploymentGroupName: str,
    status: oneOf('Created', 'Queued', 'InProgress', 'Baking', 'Succeeded', 'Failed', 'Stopped', 'Ready'),
    computePlatform: platform,
    createTime: num,
  }),
  targets: list(target),
  statusMessages: list(str),
  plan,
  sim: shape({ ops: list(op), cursor: num, elapsed: num, offset: num, lastReal: num }),
  groupId: optional(str),
  hookMode: optional(oneOf('auto', 'manual')),
  hookExecutions: optional(
    list(shape({ lifecycleEventHookExecutionId: str, targetId: str, lifecycleEventName: str, status: str })),
  ),
});
const revision = shape({
  applicationName: str,
  revisionLocation: anyObject,
  registerTime: num,
  deploymentGroups: optional(list(str)),
});
const instance = shape({ instanceId: str, tags: list(shape({ Key: str, Value: str })) });
const onPremises = shape({ instanceName: str, instanceArn: str, registerTime: num, tags: optional(tags) });
const lambdaAlias = shape({ functionName: str, alias: str, version: str });
const compute = shape({
  lambdaFunctions: list(anyObject),
  taskDefinitions: list(anyObject),
  clusters: list(anyObject),
  services: list(anyObject),
  targetGroups: list(anyObject),
});

const LISTS: Record<string, Check> = {
  applications: list(application),
  groups: list(group),
  configs: list(config),
  deployments: list(deployment),
  revisions: list(revision),
  instances: list(instance),
  onPremisesInstances: list(onPremises),
};

/** How deeply a parsed JSON value nests, without recursion; stops once past `limit`. */
export function valueDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) max = depth;
    if (max > limit) return max;
    for (const child of Object.values(v))
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return max;
}

/**
 * Checks a parsed state file; returns what is wrong with it, or undefined when it can be used (then its
 * missing lists and predefined configurations have been filled in).
 */
export function checkState(value: unknown, nowMs: number): string | undefined {
  if (!isObject(value)) return 'does not hold a JSON object';
  if (valueDepth(value, MAX_STATE_DEPTH) > MAX_STATE_DEPTH) return `nests more than ${MAX_STATE_DEPTH} levels deep`;
  if (value.version !== undefined && value.version !== 1) return `has version ${JSON.stringify(value.version)}, not 1`;
  for (const [key, check] of Object.entries(LISTS)) {
    if (value[key] === undefined) continue;
    const problem = check(value[key], key);
    if (problem) return `is not a valid state: ${problem}`;
  }
  for (const [key, check] of Object.entries({
    lambdaAliases: optional(list(lambdaAlias)),
    compute: optional(compute),
    counter: optional(num),
  })) {
    const problem = check(value[key], key);
    if (problem) return `is not a valid state: ${problem}`;
  }
  fillIn(value, nowMs);
  return undefined;
}

function fillIn(value: Json, nowMs: number): void {
  const state = value as Partial<State> & Json;
  state.version = 1;
  for (const key of Object.keys(LISTS)) if (value[key] === undefined) value[key] = [];
  state.counter ??= 0;
  const names = new Set((state.configs as Json[]).map((c) => c.deploymentConfigName));
  const yearAgo = Math.floor(nowMs / 1000) - 86400 * 365;
  for (const c of predefinedConfigs()) {
    if (!names.has(c.deploymentConfigName))
      (state.configs as Json[]).push({ ...c, deploymentConfigId: randomUUID(), createTime: yearAgo });
  }
}
