/**
 * Names the ECS/Lambda rules check against: lifecycle events, property keys (canonical
 * PascalCase) and "did you mean". The facts come from engine/knowledge/; this file only shapes them.
 */
import {
  EC2_TOP_LEVEL_KEYS,
  ECS_AWSVPC_KEYS,
  ECS_CAPACITY_PROVIDER_KEYS,
  ECS_LAMBDA_TOP_LEVEL_KEYS,
  ECS_LOAD_BALANCER_KEYS,
  ECS_PROPERTY_KEYS,
  ECS_RESOURCE_KEYS,
  LAMBDA_PROPERTY_KEYS,
  RESOURCE_TYPES as KNOWN_TYPES,
  reservedEventNames,
  scriptableEventNames,
  type KeyInfo,
} from '../../knowledge';
import { didYouMean } from '../../suggest';

export const ECS_HOOK_EVENTS: readonly string[] = scriptableEventNames('ecs');
export const LAMBDA_HOOK_EVENTS: readonly string[] = scriptableEventNames('lambda');

/** Events CodeDeploy runs itself; no hook can be attached to them. */
export const ECS_RESERVED_EVENTS: readonly string[] = reservedEventNames('ecs');
export const LAMBDA_RESERVED_EVENTS: readonly string[] = reservedEventNames('lambda');

/** EC2/On-Premises lifecycle events that have no ECS/Lambda hook, with the closest ECS/Lambda event. */
export const EC2_EVENT_EQUIVALENT: Record<string, { ecs?: string; lambda?: string }> = {
  ApplicationStop: { ecs: 'BeforeInstall', lambda: 'BeforeAllowTraffic' },
  DownloadBundle: {},
  BeforeInstall: { lambda: 'BeforeAllowTraffic' },
  Install: {},
  AfterInstall: { lambda: 'BeforeAllowTraffic' },
  ApplicationStart: { ecs: 'AfterInstall', lambda: 'BeforeAllowTraffic' },
  ValidateService: { ecs: 'AfterAllowTraffic', lambda: 'AfterAllowTraffic' },
  BeforeBlockTraffic: {},
  BlockTraffic: {},
  AfterBlockTraffic: {},
  AfterAllowTestTraffic: { lambda: 'BeforeAllowTraffic' },
};

const typeOf = (p: 'ecs' | 'lambda') => KNOWN_TYPES.find((t) => t.platform === p)!.value;
export const RESOURCE_TYPES = { ecs: typeOf('ecs'), lambda: typeOf('lambda') } as const;

/** A mapping whose keys are known: canonical spelling, and for each key what its value holds. */
export interface KeyTable {
  keys: Record<string, KeyTable | 'leaf'>;
  /** When set, the value is a list whose items are maps described by this table. */
  listOf?: KeyTable;
}

const leaf = 'leaf' as const;
const leaves = (keys: readonly KeyInfo[]) => Object.fromEntries(keys.map((k) => [k.key, leaf]));

export const ECS_PROPERTIES: KeyTable = {
  keys: {
    ...leaves(ECS_PROPERTY_KEYS),
    LoadBalancerInfo: { keys: leaves(ECS_LOAD_BALANCER_KEYS) },
    NetworkConfiguration: { keys: { AwsvpcConfiguration: { keys: leaves(ECS_AWSVPC_KEYS) } } },
    CapacityProviderStrategy: { keys: {}, listOf: { keys: leaves(ECS_CAPACITY_PROVIDER_KEYS) } },
  },
};

export const LAMBDA_PROPERTIES: KeyTable = { keys: leaves(LAMBDA_PROPERTY_KEYS) };

export const RESOURCE_BODY_KEYS = ECS_RESOURCE_KEYS.map((k) => k.key);
export const TOP_LEVEL_KEYS = ECS_LAMBDA_TOP_LEVEL_KEYS.map((k) => k.key);
/** Top-level keys that only mean something in an EC2/On-Premises AppSpec. */
export const EC2_ONLY_KEYS = EC2_TOP_LEVEL_KEYS.map((k) => k.key).filter((k) => k !== 'version' && k !== 'hooks');

/** Where a known key belongs, for "this key belongs under X" messages. */
export function homeOfKey(key: string): string | undefined {
  const lower = key.toLowerCase();
  const search = (table: KeyTable, path: string): string | undefined => {
    for (const [name, sub] of Object.entries(table.keys)) {
      if (name.toLowerCase() === lower) return path;
      if (sub !== 'leaf') {
        const inner =
          search(sub, `${path}.${name}`) ?? (sub.listOf ? search(sub.listOf, `${path}.${name}[]`) : undefined);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  return search(ECS_PROPERTIES, 'Properties') ?? search(LAMBDA_PROPERTIES, 'Properties');
}

/** The candidate `word` most likely meant (case mistakes and typos), or undefined. */
export function closestName(word: string, candidates: readonly string[]): string | undefined {
  return didYouMean(word, candidates);
}
