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
  if (i.zonalConfig !== undefined && i.zonalConfig !== null) checkZonalConfig(i.zonalConfig, platform);
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

/**
 * ZonalConfig (EC2/On-Premises only): monitor durations are whole seconds, zero or more; the per-zone
 * minimum healthy hosts is a HOST_COUNT or FLEET_PERCENT with a whole, non-negative value (a percentage
 * at most 100). The service names InvalidZonalDeploymentConfigurationException for these.
 */
function checkZonalConfig(z: unknown, platform: ComputePlatform): void {
  const err = 'InvalidZonalDeploymentConfigurationException';
  if (platform !== 'Server') fail(err, 'A zonal configuration applies to EC2/On-Premises configurations only.');
  if (!isObj(z)) fail(err, 'The zonal configuration must be an object.');
  const seconds = (v: unknown) => v === undefined || v === null || (Number.isInteger(v) && (v as number) >= 0);
  for (const k of ['firstZoneMonitorDurationInSeconds', 'monitorDurationInSeconds'] as const)
    if (!seconds(z[k])) fail(err, `zonalConfig.${k} must be a whole number of seconds, 0 or more.`);
  const m = z.minimumHealthyHostsPerZone;
  if (m === undefined || m === null) return;
  if (!isObj(m) || (m.type !== 'HOST_COUNT' && m.type !== 'FLEET_PERCENT'))
    fail(err, 'zonalConfig.minimumHealthyHostsPerZone.type must be HOST_COUNT or FLEET_PERCENT.');
  const max = m.type === 'FLEET_PERCENT' ? 100 : 1_000_000;
  if (!Number.isInteger(m.value) || (m.value as number) < 0 || (m.value as number) > max)
    fail(
      err,
      `zonalConfig.minimumHealthyHostsPerZone.value must be a whole number from 0 to ${max} for ${String(m.type)}.`,
    );
}
