/** Structural request checks the service makes before storing anything, with its exception names. */
import { fail } from './errors';
import type { ComputePlatform, Json } from './types';

const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const isObjList = (v: unknown): boolean => Array.isArray(v) && v.every(isObj);

/** The structural checks CreateDeploymentGroup makes before anything is stored. */
export function checkGroupShapes(i: Json): void {
  for (const k of ['ec2TagFilters', 'onPremisesInstanceTagFilters']) {
    if (i[k] !== undefined && !isObjList(i[k]))
      fail('InvalidTagFilterException', `The ${k} were specified in an invalid format.`);
  }
  if (i.tags !== undefined && !isObjList(i.tags))
    fail('InvalidTagsToAddException', 'The specified tags are not valid.');
  const style = i.deploymentStyle;
  if (
    style !== undefined &&
    (!isObj(style) ||
      (style.deploymentType !== undefined && !['IN_PLACE', 'BLUE_GREEN'].includes(String(style.deploymentType))) ||
      (style.deploymentOption !== undefined &&
        !['WITH_TRAFFIC_CONTROL', 'WITHOUT_TRAFFIC_CONTROL'].includes(String(style.deploymentOption))))
  ) {
    fail(
      'InvalidDeploymentStyleException',
      'An invalid deployment style was specified. Valid deployment types are "IN_PLACE" and "BLUE_GREEN." Valid deployment options are "WITH_TRAFFIC_CONTROL" and "WITHOUT_TRAFFIC_CONTROL."',
    );
  }
  const rollback = i.autoRollbackConfiguration;
  if (
    rollback !== undefined &&
    (!isObj(rollback) || (rollback.events !== undefined && !Array.isArray(rollback.events)))
  ) {
    fail(
      'InvalidAutoRollbackConfigException',
      'The automatic rollback configuration was specified in an invalid format.',
    );
  }
  const bg = i.blueGreenDeploymentConfiguration;
  if (bg !== undefined && (!isObj(bg) || Object.values(bg).some((v) => v !== undefined && !isObj(v)))) {
    fail(
      'InvalidBlueGreenDeploymentConfigurationException',
      'The configuration for the blue/green deployment group was provided in an invalid format.',
    );
  }
  if (i.loadBalancerInfo !== undefined && !isObj(i.loadBalancerInfo))
    fail('InvalidLoadBalancerInfoException', 'An invalid load balancer name, or no load balancer name, was specified.');
  const lb = i.loadBalancerInfo as Json | undefined;
  for (const k of ['targetGroupInfoList', 'elbInfoList', 'targetGroupPairInfos']) {
    if (lb?.[k] !== undefined && !isObjList(lb[k]))
      fail('InvalidLoadBalancerInfoException', `The load balancer ${k} was specified in an invalid format.`);
  }
  if (i.ecsServices !== undefined && !isObjList(i.ecsServices))
    fail('InvalidECSServiceException', 'The Amazon ECS service identifier is not valid.');
}

/** CreateDeploymentConfig: minimum healthy hosts for Server, a traffic routing config for Lambda/ECS. */
export function checkConfigShape(i: Json, platform: ComputePlatform): void {
  const int = (v: unknown, min: number, max: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
  if (platform === 'Server') {
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
