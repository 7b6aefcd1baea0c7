/** The predefined `CodeDeployDefault.*` deployment configurations of all three compute platforms. */
import type { Json } from './types';

function server(name: string, type: string, value: number): Json {
  return { deploymentConfigName: name, computePlatform: 'Server', minimumHealthyHosts: { type, value } };
}

function canary(name: string, platform: 'Lambda' | 'ECS', percent: number, minutes: number): Json {
  return {
    deploymentConfigName: name,
    computePlatform: platform,
    trafficRoutingConfig: {
      type: 'TimeBasedCanary',
      timeBasedCanary: { canaryPercentage: percent, canaryInterval: minutes },
    },
  };
}

function linear(name: string, platform: 'Lambda' | 'ECS', percent: number, minutes: number): Json {
  return {
    deploymentConfigName: name,
    computePlatform: platform,
    trafficRoutingConfig: {
      type: 'TimeBasedLinear',
      timeBasedLinear: { linearPercentage: percent, linearInterval: minutes },
    },
  };
}

function allAtOnce(name: string, platform: 'Lambda' | 'ECS'): Json {
  return { deploymentConfigName: name, computePlatform: platform, trafficRoutingConfig: { type: 'AllAtOnce' } };
}

export function predefinedConfigs(): Json[] {
  const d = 'CodeDeployDefault.';
  return [
    server(`${d}AllAtOnce`, 'HOST_COUNT', 0),
    server(`${d}HalfAtATime`, 'FLEET_PERCENT', 50),
    server(`${d}OneAtATime`, 'MOST_CONCURRENCY', 1),
    allAtOnce(`${d}LambdaAllAtOnce`, 'Lambda'),
    canary(`${d}LambdaCanary10Percent5Minutes`, 'Lambda', 10, 5),
    canary(`${d}LambdaCanary10Percent10Minutes`, 'Lambda', 10, 10),
    canary(`${d}LambdaCanary10Percent15Minutes`, 'Lambda', 10, 15),
    canary(`${d}LambdaCanary10Percent30Minutes`, 'Lambda', 10, 30),
    linear(`${d}LambdaLinear10PercentEvery1Minute`, 'Lambda', 10, 1),
    linear(`${d}LambdaLinear10PercentEvery2Minutes`, 'Lambda', 10, 2),
    linear(`${d}LambdaLinear10PercentEvery3Minutes`, 'Lambda', 10, 3),
    linear(`${d}LambdaLinear10PercentEvery10Minutes`, 'Lambda', 10, 10),
    allAtOnce(`${d}ECSAllAtOnce`, 'ECS'),
    canary(`${d}ECSCanary10Percent5Minutes`, 'ECS', 10, 5),
    canary(`${d}ECSCanary10Percent15Minutes`, 'ECS', 10, 15),
    linear(`${d}ECSLinear10PercentEvery1Minutes`, 'ECS', 10, 1),
    linear(`${d}ECSLinear10PercentEvery3Minutes`, 'ECS', 10, 3),
  ];
}

/** Custom configurations seeded next to the predefined ones so the tree shows both kinds. */
export function customConfigs(): Json[] {
  return [
    canary('orders-canary-25pct-2min', 'Lambda', 25, 2),
    linear('orders-linear-20pct-every-1min', 'Lambda', 20, 1),
    allAtOnce('storefront-all-at-once', 'ECS'),
    server('checkout-keep-3-healthy', 'HOST_COUNT', 3),
    server('checkout-75pct-healthy', 'FLEET_PERCENT', 75),
  ];
}

export const DEFAULT_CONFIG: Record<string, string> = {
  Server: 'CodeDeployDefault.OneAtATime',
  Lambda: 'CodeDeployDefault.LambdaAllAtOnce',
  ECS: 'CodeDeployDefault.ECSAllAtOnce',
};
