/** CreateDeploymentConfig input: the checks the service makes before storing anything, with its exception names. */
import { fail } from './errors';
import { isObj } from './input';
import type { ComputePlatform, Json } from './types';

/** The DeploymentConfigInfo members a request can set. */
export const CONFIG_INPUT_MEMBERS = [
  'deploymentConfigName',
  'computePlatform',
  'minimumHealthyHosts',
  'trafficRoutingConfig',
  'zonalConfig',
] as const;

/** CreateDeploymentConfig: minimum healthy hosts for Server, a traffic routing config for Lambda/ECS. */
export function checkConfigShape(i: Json, platform: ComputePlatform): void {
  const int = (v: unknown, min: number, max: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
  if (i.zonalConfig !== undefined && i.zonalConfig !== null && (platform !== 'Server' || !isObj(i.zonalConfig)))
    fail(
      'InvalidMinimumHealthyHostValueException',
      'A zonal configuration applies to EC2/On-Premises configurations only.',
    );
  if (platform === 'Server') {
    if (i.trafficRoutingConfig !== undefined && i.trafficRoutingConfig !== null)
      fail(
        'InvalidTrafficRoutingConfigurationException',
        'A traffic routing configuration applies to Lambda and ECS configurations only.',
      );
    const m = i.minimumHealthyHosts;
    const ok =
      isObj(m) &&
      ((m.type === 'HOST_COUNT' && int(m.value, 0, 1_000_000)) || (m.type === 'FLEET_PERCENT' && int(m.value, 0, 99)));
    if (!ok)
      fail(
        'InvalidMinimumHealthyHostValueException',
        'The minimum healthy instance value was specified in an invalid format.',
      );
    return;
  }
  if (i.minimumHealthyHosts !== undefined && i.minimumHealthyHosts !== null)
    fail(
      'InvalidMinimumHealthyHostValueException',
      'Minimum healthy hosts apply to EC2/On-Premises configurations only; Lambda and ECS use trafficRoutingConfig.',
    );
  const r = i.trafficRoutingConfig;
  const c = isObj(r) ? (r.timeBasedCanary as Json | undefined) : undefined;
  const l = isObj(r) ? (r.timeBasedLinear as Json | undefined) : undefined;
  const ok =
    isObj(r) &&
    (r.type === 'AllAtOnce' ||
      (r.type === 'TimeBasedCanary' && isObj(c) && int(c.canaryPercentage, 1, 99) && int(c.canaryInterval, 1, 2880)) ||
      (r.type === 'TimeBasedLinear' && isObj(l) && int(l.linearPercentage, 1, 99) && int(l.linearInterval, 1, 2880)));
  if (!ok)
    fail(
      'InvalidTrafficRoutingConfigurationException',
      'The configuration that specifies how traffic is routed during a deployment is invalid.',
    );
}
