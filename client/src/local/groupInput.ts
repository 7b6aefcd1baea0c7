/**
 * CreateDeploymentGroup / UpdateDeploymentGroup input: each member is checked with the
 * exception the model names for it, then the whole group is checked against its compute
 * platform. Only DeploymentGroupInfo members are ever stored.
 */
import { ACCOUNT_ID, type Account } from './account';
import {
  AUTO_ROLLBACK_EVENTS,
  DEPLOYMENT_OPTIONS,
  DEPLOYMENT_READY_ACTIONS,
  DEPLOYMENT_TYPES,
  EC2_TAG_FILTER_TYPES,
  GREEN_FLEET_ACTIONS,
  INSTANCE_ACTIONS,
  OUTDATED_INSTANCES_STRATEGIES,
  TAG_FILTER_TYPES,
  TRIGGER_EVENT_TYPES,
} from './enums';
import { fail } from './errors';
import { isObj, optBool, optEnum, optInt, optList, optObj, optObjList, optStr, optStrList } from './input';
import { LIMITS } from './limits';
import type { ComputePlatform, Json } from './types';

/** The DeploymentGroupInfo members a request can set. */
export const GROUP_INPUT_MEMBERS = [
  'deploymentConfigName',
  'ec2TagFilters',
  'onPremisesInstanceTagFilters',
  'serviceRoleArn',
  'triggerConfigurations',
  'alarmConfiguration',
  'autoRollbackConfiguration',
  'outdatedInstancesStrategy',
  'deploymentStyle',
  'blueGreenDeploymentConfiguration',
  'loadBalancerInfo',
  'ec2TagSet',
  'onPremisesTagSet',
  'ecsServices',
  'terminationHookEnabled',
] as const;

export const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

function tagFilters(v: unknown, types: readonly string[], err: string, what: string): Json[] | undefined {
  const msg = `The ${what} were specified in an invalid format.`;
  const list = optObjList(v, err, msg);
  for (const f of list ?? []) {
    const key = optStr(f.Key, err, msg, 128);
    const value = optStr(f.Value, err, msg, 256);
    const type = optEnum(f.Type, types, err, `${msg} Type must be one of ${types.join(', ')}.`);
    const ok =
      type === 'KEY_ONLY'
        ? !!key
        : type === 'VALUE_ONLY'
          ? !!value
          : type === 'KEY_AND_VALUE'
            ? !!key && !!value
            : !!key || !!value;
    if (!ok) fail(err, `${msg} A ${type ?? 'tag'} filter needs ${type === 'VALUE_ONLY' ? 'a Value' : 'a Key'}.`);
  }
  return list;
}

function tagSet(v: unknown, member: string, types: readonly string[], err: string, what: string): Json | undefined {
  const set = optObj(v, err, `The ${what} set was specified in an invalid format.`);
  if (!set) return undefined;
  const groups = optList(set[member], err, `The ${what} set was specified in an invalid format.`) ?? [];
  if (groups.length > LIMITS.tagSetGroups)
    fail('TagSetListLimitExceededException', `A tag set can have at most ${LIMITS.tagSetGroups} tag groups.`);
  for (const g of groups) tagFilters(g, types, err, `${what} set filters`);
  return set;
}

function blueGreen(v: unknown): Json | undefined {
  const err = 'InvalidBlueGreenDeploymentConfigurationException';
  const msg = 'The configuration for the blue/green deployment group was provided in an invalid format.';
  const bg = optObj(v, err, msg);
  if (!bg) return undefined;
  const term = optObj(bg.terminateBlueInstancesOnDeploymentSuccess, err, msg);
  optEnum(term?.action, INSTANCE_ACTIONS, err, `${msg} The termination action must be TERMINATE or KEEP_ALIVE.`);
  optInt(
    term?.terminationWaitTimeInMinutes,
    0,
    LIMITS.waitMinutes,
    err,
    `${msg} The termination wait is 0 to 2880 minutes.`,
  );
  const ready = optObj(bg.deploymentReadyOption, err, msg);
  optEnum(ready?.actionOnTimeout, DEPLOYMENT_READY_ACTIONS, err, `${msg} Invalid actionOnTimeout.`);
  optInt(ready?.waitTimeInMinutes, 0, LIMITS.waitMinutes, err, `${msg} The ready wait is 0 to 2880 minutes.`);
  const green = optObj(bg.greenFleetProvisioningOption, err, msg);
  const action = optEnum(green?.action, GREEN_FLEET_ACTIONS, err, `${msg} Invalid green fleet provisioning action.`);
  if (action === 'COPY_AUTO_SCALING_GROUP')
    fail(err, 'COPY_AUTO_SCALING_GROUP needs an Auto Scaling group, and the local endpoint simulates none.');
  return bg;
}

function loadBalancer(v: unknown): Json | undefined {
  const err = 'InvalidLoadBalancerInfoException';
  const msg = 'An invalid load balancer name, or no load balancer name, was specified.';
  const lb = optObj(v, err, msg);
  if (!lb) return undefined;
  for (const k of ['elbInfoList', 'targetGroupInfoList']) {
    for (const x of optObjList(lb[k], err, `${msg} (${k})`) ?? []) optStr(x.name, err, `${msg} (${k})`);
  }
  const pairErr = 'InvalidTargetGroupPairException';
  const pairMsg = 'A target group pair associated with this deployment is not valid.';
  for (const p of optObjList(lb.targetGroupPairInfoList, pairErr, pairMsg) ?? []) {
    const groups = optObjList(p.targetGroups, pairErr, pairMsg) ?? [];
    if (groups.length !== 2 || groups.some((g) => typeof g.name !== 'string' || g.name === ''))
      fail(pairErr, `${pairMsg} A target group pair needs exactly two named target groups.`);
    for (const route of ['prodTrafficRoute', 'testTrafficRoute']) {
      const r = optObj(p[route], pairErr, pairMsg);
      const arns = optStrList(r?.listenerArns, pairErr, pairMsg) ?? [];
      if (arns.length > 1) fail(pairErr, `${pairMsg} A ${route} has at most one listener.`);
    }
    if (!isObj(p.prodTrafficRoute) || !(p.prodTrafficRoute.listenerArns as unknown[] | undefined)?.length)
      fail(pairErr, `${pairMsg} The production listener (prodTrafficRoute) is required.`);
  }
  return lb;
}

/** An alarm configuration (group, or a deployment's overrideAlarmConfiguration). */
export function readAlarmConfig(v: unknown): Json | undefined {
  const alarmErr = 'InvalidAlarmConfigException';
  const alarm = optObj(v, alarmErr, 'The alarm configuration was specified in an invalid format.');
  if (alarm) {
    optBool(alarm.enabled, alarmErr, 'alarmConfiguration.enabled must be true or false.');
    optBool(alarm.ignorePollAlarmFailure, alarmErr, 'alarmConfiguration.ignorePollAlarmFailure must be true or false.');
    const alarms = optObjList(alarm.alarms, alarmErr, 'The alarm list is invalid.') ?? [];
    if (alarms.length > LIMITS.alarms)
      fail('AlarmsLimitExceededException', `At most ${LIMITS.alarms} alarms are allowed.`);
    const names = alarms.map(
      (a) => optStr(a.name, alarmErr, 'An alarm name is invalid.', LIMITS.alarmNameLength) ?? '',
    );
    if (names.some((n) => n === '') || new Set(names).size !== names.length)
      fail(alarmErr, 'Every alarm needs a name of at most 255 characters, used once.');
    if (alarm.enabled === true && alarms.length === 0)
      fail(alarmErr, 'The alarm configuration is enabled, but the alarm list is empty.');
  }
  return alarm;
}

/** An automatic rollback configuration (group or deployment). */
export function readAutoRollback(v: unknown): Json | undefined {
  const rbErr = 'InvalidAutoRollbackConfigException';
  const rb = optObj(v, rbErr, 'The automatic rollback configuration was specified in an invalid format.');
  if (rb) {
    optBool(rb.enabled, rbErr, 'autoRollbackConfiguration.enabled must be true or false.');
    const events =
      optList(rb.events, rbErr, 'The automatic rollback events were specified in an invalid format.') ?? [];
    for (const e of events)
      optEnum(
        e,
        AUTO_ROLLBACK_EVENTS,
        rbErr,
        `The automatic rollback event ${String(e)} is invalid. Valid events: ${AUTO_ROLLBACK_EVENTS.join(', ')}.`,
      );
    if (rb.enabled === true && events.length === 0)
      fail(rbErr, 'Automatic rollback is enabled, but no event types were listed.');
  }
  return rb;
}

/** Checks every member present in `i`; returns the DeploymentGroupInfo fields to store. */
export function readGroupMembers(i: Json): Json {
  const out: Json = {};
  const set = (k: string, v: unknown) => {
    if (v !== undefined) out[k] = v;
  };
  set('deploymentConfigName', i.deploymentConfigName ?? undefined);
  set('ec2TagFilters', tagFilters(i.ec2TagFilters, EC2_TAG_FILTER_TYPES, 'InvalidEC2TagException', 'EC2 tag filters'));
  set(
    'onPremisesInstanceTagFilters',
    tagFilters(i.onPremisesInstanceTagFilters, TAG_FILTER_TYPES, 'InvalidTagException', 'on-premises tag filters'),
  );
  set('ec2TagSet', tagSet(i.ec2TagSet, 'ec2TagSetList', EC2_TAG_FILTER_TYPES, 'InvalidEC2TagException', 'EC2 tag'));
  set(
    'onPremisesTagSet',
    tagSet(i.onPremisesTagSet, 'onPremisesTagSetList', TAG_FILTER_TYPES, 'InvalidTagException', 'on-premises tag'),
  );
  const role = optStr(
    i.serviceRoleArn,
    'InvalidRoleException',
    'The service role ARN was specified in an invalid format.',
  );
  if (role !== undefined && !ROLE_ARN.test(role))
    fail(
      'InvalidRoleException',
      `The service role ARN ${role.slice(0, 200)} is not an IAM role ARN (arn:aws:iam::<account>:role/<name>).`,
    );
  // Passing a role of another account is refused before CodeDeploy looks at it, as AWS services answer it.
  if (role !== undefined && role.split(':')[4] !== ACCOUNT_ID)
    fail('AccessDeniedException', 'Cross-account pass role is not allowed.');
  set('serviceRoleArn', role);

  const trigErr = 'InvalidTriggerConfigException';
  const triggers = optObjList(i.triggerConfigurations, trigErr, 'The trigger was specified in an invalid format.');
  if (triggers && triggers.length > LIMITS.triggers)
    fail('TriggerTargetsLimitExceededException', `At most ${LIMITS.triggers} triggers are allowed.`);
  for (const t of triggers ?? []) {
    const name = optStr(t.triggerName, trigErr, 'The trigger name is invalid.');
    const arn = optStr(t.triggerTargetArn, trigErr, 'The trigger target ARN is invalid.');
    if (!name || !arn || !/^arn:aws[a-z-]*:sns:/.test(arn))
      fail(trigErr, 'A trigger needs a name and an Amazon SNS topic ARN.');
    for (const e of optList(t.triggerEvents, trigErr, 'The trigger events are invalid.') ?? [])
      optEnum(e, TRIGGER_EVENT_TYPES, trigErr, `The trigger event ${String(e)} is invalid.`);
  }
  set('triggerConfigurations', triggers);

  set('alarmConfiguration', readAlarmConfig(i.alarmConfiguration));

  set('autoRollbackConfiguration', readAutoRollback(i.autoRollbackConfiguration));

  set(
    'outdatedInstancesStrategy',
    optEnum(
      i.outdatedInstancesStrategy,
      OUTDATED_INSTANCES_STRATEGIES,
      'InvalidInputException',
      'outdatedInstancesStrategy must be UPDATE or IGNORE.',
    ),
  );
  const styleErr = 'InvalidDeploymentStyleException';
  const styleMsg =
    'An invalid deployment style was specified. Valid deployment types are "IN_PLACE" and "BLUE_GREEN". Valid deployment options are "WITH_TRAFFIC_CONTROL" and "WITHOUT_TRAFFIC_CONTROL".';
  const style = optObj(i.deploymentStyle, styleErr, styleMsg);
  optEnum(style?.deploymentType, DEPLOYMENT_TYPES, styleErr, styleMsg);
  optEnum(style?.deploymentOption, DEPLOYMENT_OPTIONS, styleErr, styleMsg);
  set('deploymentStyle', style);
  set('blueGreenDeploymentConfiguration', blueGreen(i.blueGreenDeploymentConfiguration));
  set('loadBalancerInfo', loadBalancer(i.loadBalancerInfo));

  const ecsErr = 'InvalidECSServiceException';
  const services = optObjList(i.ecsServices, ecsErr, 'The Amazon ECS service identifier is not valid.');
  for (const s of services ?? []) {
    if (typeof s.serviceName !== 'string' || !s.serviceName || typeof s.clusterName !== 'string' || !s.clusterName)
      fail(ecsErr, 'An Amazon ECS service needs a serviceName and a clusterName.');
  }
  set('ecsServices', services);
  set(
    'terminationHookEnabled',
    optBool(i.terminationHookEnabled, 'InvalidInputException', 'terminationHookEnabled must be true or false.'),
  );

  const asgs = optStrList(
    i.autoScalingGroups,
    'InvalidAutoScalingGroupException',
    'The Auto Scaling groups were specified in an invalid format.',
  );
  if (asgs?.length)
    fail(
      'InvalidAutoScalingGroupException',
      `The Auto Scaling group ${asgs[0].slice(0, 200)} does not exist (the local endpoint simulates none).`,
    );
  return out;
}

const nonEmpty = (v: unknown): boolean => Array.isArray(v) && v.length > 0;

/** Whole-group rules, on the group as it will be stored (after an update is merged). */
export function checkGroupRules(info: Json, platform: ComputePlatform, account: Account, selfId?: string): void {
  if (nonEmpty(info.ec2TagFilters) && nonEmpty((info.ec2TagSet as Json | undefined)?.ec2TagSetList))
    fail('InvalidEC2TagCombinationException', 'Use either ec2TagFilters or ec2TagSet, not both.');
  if (
    nonEmpty(info.onPremisesInstanceTagFilters) &&
    nonEmpty((info.onPremisesTagSet as Json | undefined)?.onPremisesTagSetList)
  )
    fail(
      'InvalidOnPremisesTagCombinationException',
      'Use either onPremisesInstanceTagFilters or onPremisesTagSet, not both.',
    );

  const config = account.config(info.deploymentConfigName);
  if (config.computePlatform !== platform)
    fail(
      'InvalidDeploymentConfigNameException',
      `The deployment configuration ${String(info.deploymentConfigName)} is for the ${String(config.computePlatform)} compute platform, not ${platform}.`,
    );

  const style = (info.deploymentStyle ?? {}) as Json;
  const lb = (info.loadBalancerInfo ?? {}) as Json;
  const blueGreenWithTraffic =
    style.deploymentType === 'BLUE_GREEN' && style.deploymentOption === 'WITH_TRAFFIC_CONTROL';
  if (platform !== 'ECS' && nonEmpty(info.ecsServices))
    fail(
      'InvalidECSServiceException',
      'Amazon ECS services can only be set on a deployment group of the ECS compute platform.',
    );
  if (platform === 'Lambda' && !blueGreenWithTraffic)
    fail('InvalidDeploymentStyleException', 'A Lambda deployment group must use BLUE_GREEN with WITH_TRAFFIC_CONTROL.');
  if (
    platform === 'Server' &&
    style.deploymentOption === 'WITH_TRAFFIC_CONTROL' &&
    !nonEmpty(lb.elbInfoList) &&
    !nonEmpty(lb.targetGroupInfoList)
  )
    fail(
      'InvalidLoadBalancerInfoException',
      'WITH_TRAFFIC_CONTROL needs a load balancer: a Classic Load Balancer or a target group in loadBalancerInfo.',
    );
  if (platform !== 'ECS') return;

  if (!blueGreenWithTraffic)
    fail(
      'InvalidDeploymentStyleException',
      'An Amazon ECS deployment group must use BLUE_GREEN with WITH_TRAFFIC_CONTROL.',
    );
  const services = (info.ecsServices as Json[] | undefined) ?? [];
  if (services.length !== 1)
    fail(
      'InvalidECSServiceException',
      'An Amazon ECS deployment group needs exactly one Amazon ECS service (clusterName and serviceName).',
    );
  const pairs = (lb.targetGroupPairInfoList as Json[] | undefined) ?? [];
  if (pairs.length !== 1)
    fail(
      'InvalidLoadBalancerInfoException',
      'An Amazon ECS deployment group needs loadBalancerInfo.targetGroupPairInfoList with one target group pair.',
    );
  const [svc] = services;
  const taken = account.state.groups.find(
    (g) =>
      g.info.deploymentGroupId !== selfId &&
      ((g.info.ecsServices as Json[] | undefined) ?? []).some(
        (s) => s.clusterName === svc.clusterName && s.serviceName === svc.serviceName,
      ),
  );
  if (taken)
    fail(
      'ECSServiceMappingLimitExceededException',
      `The Amazon ECS service ${String(svc.clusterName)}:${String(svc.serviceName)} already belongs to deployment group ${taken.info.deploymentGroupName}.`,
    );
}

/** The deployment style a new group gets when the request has none. */
export function defaultStyle(platform: ComputePlatform): Json | undefined {
  if (platform === 'Server') return { deploymentType: 'IN_PLACE', deploymentOption: 'WITHOUT_TRAFFIC_CONTROL' };
  if (platform === 'Lambda') return { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' };
  return undefined;
}
