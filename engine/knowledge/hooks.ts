/**
 * Lifecycle events per platform (appspec.md §3.6, §4.3, §5.1) and small lookups over them.
 * Pure data; nothing here parses text.
 */

import type { AppSpecPlatform } from './types';

/** Which revision's AppSpec supplies the scripts of an event (appspec.md §3.2). */
export type ScriptRevision = 'current' | 'previous' | 'none';

export interface LifecycleEvent {
  name: string;
  platform: AppSpecPlatform;
  /** Position in the run order of the platform (0-based). */
  order: number;
  /** Runs in in-place deployments (EC2 traffic events only when a load balancer is configured). */
  inPlace: boolean;
  /** Runs in blue/green deployments (ECS and Lambda deployments are always blue/green/traffic-shifting). */
  blueGreen: boolean;
  /** In a blue/green EC2 deployment: which fleet runs it. */
  blueGreenFleet?: 'original' | 'replacement';
  /** In-place: runs only when the deployment group has a load balancer. */
  needsLoadBalancer?: boolean;
  /** Scripts (EC2) or a Lambda function (ECS/Lambda) can be attached. Reserved events cannot. */
  scriptable: boolean;
  /** Which revision's scripts run; `none` for reserved events. */
  revision: ScriptRevision;
  /** Other names the docs use for the same event. */
  aliases?: string[];
  /** Markdown, one short paragraph. */
  description: string;
}

function ev(
  platform: AppSpecPlatform,
  order: number,
  name: string,
  o: Partial<Omit<LifecycleEvent, 'platform' | 'order' | 'name' | 'description'>>,
  description: string,
): LifecycleEvent {
  const scriptable = o.scriptable ?? true;
  return {
    name,
    platform,
    order,
    inPlace: o.inPlace ?? true,
    blueGreen: o.blueGreen ?? true,
    scriptable,
    revision: o.revision ?? (scriptable ? 'current' : 'none'),
    ...(o.blueGreenFleet ? { blueGreenFleet: o.blueGreenFleet } : {}),
    ...(o.needsLoadBalancer ? { needsLoadBalancer: true } : {}),
    ...(o.aliases ? { aliases: o.aliases } : {}),
    description,
  };
}

const RESERVED_EC2 = 'Reserved for the CodeDeploy agent: scripts cannot be attached to this event.';
const LB_NOTE =
  'In an in-place deployment it runs only when the deployment group has a Classic, Application or Network Load Balancer.';
const PREVIOUS_NOTE =
  "Runs the scripts of the **previous successful revision's** AppSpec, not of the revision being deployed.";

/** EC2/On-Premises lifecycle events in in-place run order (with a load balancer), appspec.md §3.6.1. */
export const EC2_EVENTS: readonly LifecycleEvent[] = [
  ev('ec2', 0, 'Start', { scriptable: false }, `First event of every deployment. ${RESERVED_EC2}`),
  ev(
    'ec2',
    1,
    'BeforeBlockTraffic',
    { revision: 'previous', blueGreenFleet: 'original', needsLoadBalancer: true },
    `Tasks on the instance before it is deregistered from the load balancer. ${PREVIOUS_NOTE} ${LB_NOTE}`,
  ),
  ev(
    'ec2',
    2,
    'BlockTraffic',
    { scriptable: false, blueGreenFleet: 'original', needsLoadBalancer: true },
    `Internet traffic is blocked from reaching the instance. ${RESERVED_EC2}`,
  ),
  ev(
    'ec2',
    3,
    'AfterBlockTraffic',
    { revision: 'previous', blueGreenFleet: 'original', needsLoadBalancer: true },
    `Tasks on the instance after it is deregistered from the load balancer. ${PREVIOUS_NOTE} ${LB_NOTE}`,
  ),
  ev(
    'ec2',
    4,
    'ApplicationStop',
    { revision: 'previous', blueGreenFleet: 'replacement' },
    `Stop the application gracefully before the new revision is downloaded. Does not run on the first deployment to an instance. ${PREVIOUS_NOTE}`,
  ),
  ev(
    'ec2',
    5,
    'DownloadBundle',
    { scriptable: false, blueGreenFleet: 'replacement' },
    `The agent copies the revision to a temporary location on the instance. ${RESERVED_EC2}`,
  ),
  ev(
    'ec2',
    6,
    'BeforeInstall',
    { blueGreenFleet: 'replacement' },
    'Pre-install tasks such as decrypting files or backing up the current version.',
  ),
  ev(
    'ec2',
    7,
    'Install',
    { scriptable: false, blueGreenFleet: 'replacement' },
    `The agent copies the revision files to their \`files\` destinations. ${RESERVED_EC2}`,
  ),
  ev(
    'ec2',
    8,
    'AfterInstall',
    { blueGreenFleet: 'replacement' },
    'Tasks such as configuring the application or changing file permissions.',
  ),
  ev(
    'ec2',
    9,
    'ApplicationStart',
    { blueGreenFleet: 'replacement' },
    'Restart services that were stopped during `ApplicationStop`.',
  ),
  ev(
    'ec2',
    10,
    'ValidateService',
    { blueGreenFleet: 'replacement' },
    'Verify that the deployment completed successfully. The last event in which scripts of an in-place deployment without a load balancer run.',
  ),
  ev(
    'ec2',
    11,
    'BeforeAllowTraffic',
    { blueGreenFleet: 'replacement', needsLoadBalancer: true },
    `Tasks on the instance before it is registered with the load balancer. ${LB_NOTE}`,
  ),
  ev(
    'ec2',
    12,
    'AllowTraffic',
    { scriptable: false, blueGreenFleet: 'replacement', needsLoadBalancer: true },
    `Internet traffic is allowed to reach the instance. ${RESERVED_EC2}`,
  ),
  ev(
    'ec2',
    13,
    'AfterAllowTraffic',
    { blueGreenFleet: 'replacement', needsLoadBalancer: true },
    `Tasks on the instance after it is registered with the load balancer. ${LB_NOTE}`,
  ),
  ev('ec2', 14, 'End', { scriptable: false }, `Last event of every deployment. ${RESERVED_EC2}`),
];

const RESERVED_FN = 'Reserved for CodeDeploy: no Lambda function can be attached to this event.';
const HOOK_FN =
  'The hook is one Lambda function (name or ARN) that must report `Succeeded` or `Failed` with `PutLifecycleEventHookExecutionStatus` within one hour.';

/** Amazon ECS lifecycle events in run order, appspec.md §4.3. ECS deployments are always blue/green. */
export const ECS_EVENTS: readonly LifecycleEvent[] = [
  ev('ecs', 0, 'Start', { scriptable: false, inPlace: false }, `First event of the deployment. ${RESERVED_FN}`),
  ev(
    'ecs',
    1,
    'BeforeInstall',
    { inPlace: false },
    `Runs before the replacement task set is created. A rollback is not possible at this point. ${HOOK_FN}`,
  ),
  ev('ecs', 2, 'Install', { scriptable: false, inPlace: false }, `The replacement task set is created. ${RESERVED_FN}`),
  ev(
    'ecs',
    3,
    'AfterInstall',
    { inPlace: false },
    `Runs after the replacement task set is created and a target group is associated with it. ${HOOK_FN}`,
  ),
  ev(
    'ecs',
    4,
    'AllowTestTraffic',
    { scriptable: false, inPlace: false, aliases: ['TestTraffic'] },
    `The test listener routes traffic to the replacement task set. ${RESERVED_FN}`,
  ),
  ev(
    'ecs',
    5,
    'AfterAllowTestTraffic',
    { inPlace: false },
    `Runs after the test listener serves traffic to the replacement task set. Ignored when the deployment group has no test listener. ${HOOK_FN}`,
  ),
  ev(
    'ecs',
    6,
    'BeforeAllowTraffic',
    { inPlace: false },
    `Runs after the second target group is associated with the replacement task set, before production traffic shifts. ${HOOK_FN}`,
  ),
  ev(
    'ecs',
    7,
    'AllowTraffic',
    { scriptable: false, inPlace: false },
    `Production traffic shifts to the replacement task set. ${RESERVED_FN}`,
  ),
  ev(
    'ecs',
    8,
    'AfterAllowTraffic',
    { inPlace: false },
    `Runs after the second target group serves production traffic to the replacement task set. ${HOOK_FN}`,
  ),
  ev('ecs', 9, 'End', { scriptable: false, inPlace: false }, `Last event of the deployment. ${RESERVED_FN}`),
];

/** AWS Lambda lifecycle events in run order, appspec.md §5.1. */
export const LAMBDA_EVENTS: readonly LifecycleEvent[] = [
  ev('lambda', 0, 'Start', { scriptable: false, inPlace: false }, `First event of the deployment. ${RESERVED_FN}`),
  ev(
    'lambda',
    1,
    'BeforeAllowTraffic',
    { inPlace: false },
    `Runs before traffic shifts to the deployed Lambda function version. ${HOOK_FN}`,
  ),
  ev(
    'lambda',
    2,
    'AllowTraffic',
    { scriptable: false, inPlace: false },
    `Traffic shifts from the current version to the target version of the alias. ${RESERVED_FN}`,
  ),
  ev(
    'lambda',
    3,
    'AfterAllowTraffic',
    { inPlace: false },
    `Runs after all traffic has shifted to the deployed Lambda function version. ${HOOK_FN}`,
  ),
  ev('lambda', 4, 'End', { scriptable: false, inPlace: false }, `Last event of the deployment. ${RESERVED_FN}`),
];

export const LIFECYCLE_EVENTS: Readonly<Record<AppSpecPlatform, readonly LifecycleEvent[]>> = {
  ec2: EC2_EVENTS,
  ecs: ECS_EVENTS,
  lambda: LAMBDA_EVENTS,
};

/** The event with this exact name (or documented alias) on a platform. */
export function findEvent(platform: AppSpecPlatform, name: string): LifecycleEvent | undefined {
  return LIFECYCLE_EVENTS[platform].find((e) => e.name === name || e.aliases?.includes(name));
}

/** Names of events that accept scripts / hook functions, in run order. */
export function scriptableEventNames(platform: AppSpecPlatform): string[] {
  return LIFECYCLE_EVENTS[platform].filter((e) => e.scriptable).map((e) => e.name);
}

/** Names of reserved events (no scripts / functions), aliases included. */
export function reservedEventNames(platform: AppSpecPlatform): string[] {
  return LIFECYCLE_EVENTS[platform].filter((e) => !e.scriptable).flatMap((e) => [e.name, ...(e.aliases ?? [])]);
}
