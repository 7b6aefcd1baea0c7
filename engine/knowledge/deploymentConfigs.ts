/** The predefined CodeDeploy deployment configurations per platform (appspec.md §7). */

import type { AppSpecPlatform } from './types';

/** A predefined deployment configuration (appspec.md §7). */
export interface DeploymentConfig {
  name: string;
  platform: AppSpecPlatform;
  kind: 'minimum-healthy-hosts' | 'canary' | 'linear' | 'all-at-once';
  /** Canary: the first increment; linear: every increment. */
  percent?: number;
  /** Minutes between increments (canary: before the rest shifts). */
  intervalMinutes?: number;
  /** EC2 only. */
  minimumHealthyHosts?: { type: 'HOST_COUNT' | 'FLEET_PERCENT' | 'MOST_CONCURRENCY'; value: number };
  description: string;
}

function shift(
  platform: 'ecs' | 'lambda',
  name: string,
  kind: 'canary' | 'linear' | 'all-at-once',
  percent?: number,
  minutes?: number,
): DeploymentConfig {
  const description =
    kind === 'canary'
      ? `Shifts ${percent}% of traffic first, the remaining ${100 - (percent ?? 0)}% ${minutes} minutes later.`
      : kind === 'linear'
        ? `Shifts ${percent}% of traffic every ${minutes} minute${minutes === 1 ? '' : 's'} until all traffic has shifted.`
        : 'Shifts all traffic at once.';
  return {
    name: `CodeDeployDefault.${name}`,
    platform,
    kind,
    ...(percent !== undefined ? { percent } : {}),
    ...(minutes !== undefined ? { intervalMinutes: minutes } : {}),
    description,
  };
}

export const DEPLOYMENT_CONFIGS: readonly DeploymentConfig[] = [
  {
    name: 'CodeDeployDefault.AllAtOnce',
    platform: 'ec2',
    kind: 'all-at-once',
    minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 0 },
    description: 'Deploys to as many instances as possible at once. Succeeds if at least one instance succeeds.',
  },
  {
    name: 'CodeDeployDefault.HalfAtATime',
    platform: 'ec2',
    kind: 'minimum-healthy-hosts',
    minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 50 },
    description:
      'Deploys to up to half of the instances at a time (rounded down). Succeeds if at least half succeed (rounded up).',
  },
  {
    name: 'CodeDeployDefault.OneAtATime',
    platform: 'ec2',
    kind: 'minimum-healthy-hosts',
    minimumHealthyHosts: { type: 'MOST_CONCURRENCY', value: 1 },
    description:
      'Deploys to one instance at a time (the default). With several instances, the deployment can still succeed if the last instance fails.',
  },
  shift('ecs', 'ECSLinear10PercentEvery1Minutes', 'linear', 10, 1),
  shift('ecs', 'ECSLinear10PercentEvery3Minutes', 'linear', 10, 3),
  shift('ecs', 'ECSCanary10Percent5Minutes', 'canary', 10, 5),
  shift('ecs', 'ECSCanary10Percent15Minutes', 'canary', 10, 15),
  shift('ecs', 'ECSAllAtOnce', 'all-at-once'),
  shift('lambda', 'LambdaCanary10Percent5Minutes', 'canary', 10, 5),
  shift('lambda', 'LambdaCanary10Percent10Minutes', 'canary', 10, 10),
  shift('lambda', 'LambdaCanary10Percent15Minutes', 'canary', 10, 15),
  shift('lambda', 'LambdaCanary10Percent30Minutes', 'canary', 10, 30),
  shift('lambda', 'LambdaLinear10PercentEvery1Minute', 'linear', 10, 1),
  shift('lambda', 'LambdaLinear10PercentEvery2Minutes', 'linear', 10, 2),
  shift('lambda', 'LambdaLinear10PercentEvery3Minutes', 'linear', 10, 3),
  shift('lambda', 'LambdaLinear10PercentEvery10Minutes', 'linear', 10, 10),
  shift('lambda', 'LambdaAllAtOnce', 'all-at-once'),
];

export function deploymentConfigsFor(platform: AppSpecPlatform): DeploymentConfig[] {
  return DEPLOYMENT_CONFIGS.filter((c) => c.platform === platform);
}
