/**
 * Tells EC2/On-Premises, ECS and Lambda AppSpecs apart (appspec.md §1.1) and says why.
 * EC2 keys are matched exactly (the agents are case-sensitive); ECS/Lambda keys in any case
 * (AWS tooling accepts camelCase and lowercase).
 */
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { PlatformInfo } from './types';
import { findPair, getValue, keyText, pairsOf, scalarString } from './ast';
import { scriptableEventNames } from './knowledge';

const EC2_KEYS = ['os', 'files', 'permissions', 'file_exists_behavior'];
const ECS_PROPERTY_HINTS = [
  'taskdefinition',
  'loadbalancerinfo',
  'networkconfiguration',
  'capacityproviderstrategy',
  'platformversion',
];
const LAMBDA_PROPERTY_HINTS = ['name', 'alias', 'currentversion', 'targetversion'];
const ci = { caseInsensitive: true };

export interface ResourceSignal {
  platform: 'ecs' | 'lambda' | undefined;
  /** The resource's `Type` text when present. */
  type?: string;
  why: string;
}

/** What one `Resources` item says about the platform. */
export function classifyResource(item: unknown): ResourceSignal {
  if (!isMap(item)) return { platform: undefined, why: 'the resource is not a mapping' };
  const first = pairsOf(item)[0];
  const name = first ? keyText(first) : undefined;
  const body = first?.value;
  const type = scalarString(getValue(body, 'Type', ci));
  if (type === 'AWS::ECS::Service') return { platform: 'ecs', type, why: 'its resource has `Type: AWS::ECS::Service`' };
  if (type === 'AWS::Lambda::Function')
    return { platform: 'lambda', type, why: 'its resource has `Type: AWS::Lambda::Function`' };
  if (type !== undefined) {
    const lower = type.toLowerCase();
    if (lower === 'aws::ecs::service') return { platform: 'ecs', type, why: `its resource has \`Type: ${type}\`` };
    if (lower === 'aws::lambda::function')
      return { platform: 'lambda', type, why: `its resource has \`Type: ${type}\`` };
    return {
      platform: undefined,
      type,
      why: `its resource has \`Type: ${type}\`, which is neither \`AWS::ECS::Service\` nor \`AWS::Lambda::Function\``,
    };
  }
  const props = getValue(body, 'Properties', ci);
  const keys = pairsOf(props).map((p) => (keyText(p) ?? '').toLowerCase());
  if (keys.some((k) => ECS_PROPERTY_HINTS.includes(k)))
    return { platform: 'ecs', why: 'its resource has ECS service properties (TaskDefinition, LoadBalancerInfo, …)' };
  if (keys.some((k) => LAMBDA_PROPERTY_HINTS.includes(k)))
    return { platform: 'lambda', why: 'its resource has Lambda function properties (Name, Alias, …)' };
  if (name?.toLowerCase() === 'targetservice') return { platform: 'ecs', why: 'its resource is named `TargetService`' };
  return { platform: undefined, why: 'its resource has no `Type`' };
}

/** Event names written in a `Hooks` section (list-of-maps or map form). */
function hookEventNames(hooks: unknown): string[] {
  if (isMap(hooks)) return pairsOf(hooks).map((p) => keyText(p) ?? '');
  if (isSeq(hooks)) return hooks.items.flatMap((item) => pairsOf(item).map((p) => keyText(p) ?? ''));
  return [];
}

/** True when a `hooks` mapping has EC2-shaped values: lists of `{location: …}` maps. */
function looksLikeEc2Hooks(hooks: unknown): boolean {
  if (!isMap(hooks)) return false;
  return pairsOf(hooks).some(
    (p) => isSeq(p.value) && p.value.items.some((s) => isMap(s) && !!findPair(s, 'location', ci)),
  );
}

/**
 * Detects the platform of a parsed AppSpec. `contents` is the document's top node when it is
 * not a mapping (so the reason can say what it is instead).
 */
export function detectPlatform(root: YAMLMap | undefined, contents?: unknown): PlatformInfo {
  if (!root) {
    if (
      contents === undefined ||
      contents === null ||
      (isScalar(contents) && (contents.value === null || contents.value === ''))
    )
      return { platform: 'unknown', reason: 'The file is empty, so its platform cannot be told.' };
    const what = isSeq(contents) ? 'a list' : 'a single value';
    return {
      platform: 'unknown',
      reason: `The file holds ${what}, not a mapping of AppSpec keys, so its platform cannot be told.`,
    };
  }

  const ec2Keys = EC2_KEYS.filter((k) => findPair(root, k));
  const resources = getValue(root, 'Resources', ci);
  const hasResources = resources !== undefined;

  if (hasResources) {
    const items = isSeq(resources) ? resources.items : isMap(resources) ? [resources] : [];
    const signals = items.map(classifyResource);
    const found = signals.find((s) => s.platform);
    if (found?.platform) {
      const also = ec2Keys.length
        ? ` (it also has the EC2/On-Premises key${ec2Keys.length > 1 ? 's' : ''} ${ec2Keys.map((k) => `\`${k}\``).join(', ')})`
        : '';
      const label = found.platform === 'ecs' ? 'Amazon ECS' : 'AWS Lambda';
      return { platform: found.platform, reason: `${label} AppSpec: ${found.why}${also}.` };
    }
    if (ec2Keys.length) {
      return {
        platform: 'ec2',
        reason: `EC2/On-Premises AppSpec: it has ${ec2Keys.map((k) => `\`${k}\``).join(', ')} (its \`Resources\` section is not used on EC2).`,
      };
    }
    const why = signals[0]?.why ?? (items.length === 0 ? '`Resources` is empty' : 'its resources have no `Type`');
    return {
      platform: 'unknown',
      reason: `The platform could not be told: ${why}. Set \`Type\` to \`AWS::ECS::Service\` (ECS) or \`AWS::Lambda::Function\` (Lambda).`,
    };
  }

  if (ec2Keys.length) {
    return { platform: 'ec2', reason: `EC2/On-Premises AppSpec: it has ${ec2Keys.map((k) => `\`${k}\``).join(', ')}.` };
  }

  const lowerHooks = findPair(root, 'hooks');
  if (lowerHooks && looksLikeEc2Hooks(lowerHooks.value)) {
    return {
      platform: 'ec2',
      reason: 'EC2/On-Premises AppSpec: `hooks` maps lifecycle events to lists of scripts with `location`.',
    };
  }
  const hooks = getValue(root, 'Hooks', ci);
  if (hooks !== undefined) {
    const names = hookEventNames(hooks);
    const ec2Only = scriptableEventNames('ec2').filter(
      (n) => !scriptableEventNames('ecs').includes(n) && !scriptableEventNames('lambda').includes(n),
    );
    if (lowerHooks && isMap(lowerHooks.value) && names.some((n) => ec2Only.includes(n)))
      return { platform: 'ec2', reason: 'EC2/On-Premises AppSpec: `hooks` names EC2 lifecycle events.' };
    const ecsOnly = scriptableEventNames('ecs').filter((n) => !scriptableEventNames('lambda').includes(n));
    if (isSeq(hooks) && names.some((n) => ecsOnly.includes(n)))
      return {
        platform: 'ecs',
        reason: 'Amazon ECS AppSpec: `Hooks` names ECS lifecycle events (there is no `Resources` section).',
      };
  }

  const miscased = EC2_KEYS.filter((k) => findPair(root, k, ci));
  if (miscased.length) {
    return {
      platform: 'ec2',
      reason: `EC2/On-Premises AppSpec: it has ${miscased.map((k) => `\`${k}\``).join(', ')} (spelled in a different case).`,
    };
  }

  const keys = pairsOf(root)
    .map((p) => keyText(p))
    .filter((k): k is string => !!k);
  const list = keys.length
    ? `it only has ${keys
        .slice(0, 4)
        .map((k) => `\`${k}\``)
        .join(', ')}${keys.length > 4 ? ', …' : ''}`
    : 'it has no keys';
  return {
    platform: 'unknown',
    reason: `The platform could not be told: ${list}. EC2/On-Premises AppSpecs have \`os\`; ECS and Lambda AppSpecs have \`Resources\` with a \`Type\`.`,
  };
}
