/**
 * Pure data about AppSpec files that rules, completion and hover share (appspec.md §3–§7).
 * No logic beyond small lookups; nothing here parses text.
 */

export type AppSpecPlatform = 'ec2' | 'ecs' | 'lambda';

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

/** A key with its documentation. */
export interface KeyInfo {
  key: string;
  required: boolean;
  description: string;
}

/** EC2/On-Premises top-level keys (appspec.md §3.1), in conventional order. */
export const EC2_TOP_LEVEL_KEYS: readonly KeyInfo[] = [
  {
    key: 'version',
    required: true,
    description:
      'AppSpec version. The only allowed value is `0.0`, written as an **unquoted number** for EC2/On-Premises.',
  },
  {
    key: 'os',
    required: true,
    description: 'Operating system of the instances: `linux` or `windows` (exact lowercase).',
  },
  {
    key: 'files',
    required: false,
    description:
      'List of `source`/`destination` mappings: revision files the agent copies to the instance during `Install`.',
  },
  {
    key: 'file_exists_behavior',
    required: false,
    description:
      'What to do when a file already exists at a destination and was not installed by the previous deployment: `DISALLOW` (default, fail), `OVERWRITE` or `RETAIN`. Overrides the deployment option.',
  },
  {
    key: 'permissions',
    required: false,
    description:
      'Linux only: owner, group, mode, ACLs and SELinux context applied to files and directories installed by `files`.',
  },
  {
    key: 'hooks',
    required: false,
    description:
      'Map of lifecycle event name → list of scripts (`location`, `timeout`, `runas`) the agent runs on the instance.',
  },
];

/** Top-level keys of ECS and Lambda AppSpecs (canonical PascalCase; the tooling accepts any case). */
export const ECS_LAMBDA_TOP_LEVEL_KEYS: readonly KeyInfo[] = [
  { key: 'version', required: true, description: 'AppSpec version. The only allowed value is `0.0`.' },
  {
    key: 'Resources',
    required: true,
    description: 'List with exactly one resource: the ECS service or Lambda function being deployed.',
  },
  {
    key: 'Hooks',
    required: false,
    description:
      'List of single-key maps: lifecycle event name → the Lambda function (name or ARN) that validates the deployment at that point.',
  },
];

export const OS_VALUES: readonly { value: string; description: string }[] = [
  { value: 'linux', description: 'Amazon Linux, Ubuntu Server, RHEL and other Linux instances.' },
  { value: 'windows', description: 'Windows Server instances. `permissions` and `runas` are not supported.' },
];

export const FILE_EXISTS_BEHAVIOR_VALUES: readonly { value: string; description: string }[] = [
  { value: 'DISALLOW', description: 'The deployment fails when a file already exists at a destination (default).' },
  { value: 'OVERWRITE', description: "The revision's file replaces the file on the instance." },
  { value: 'RETAIN', description: "The file already on the instance is kept; the revision's copy is not installed." },
];

/** Keys of a `files` entry. */
export const FILE_ENTRY_KEYS: readonly KeyInfo[] = [
  {
    key: 'source',
    required: true,
    description:
      'File or folder in the revision, relative to the bundle root. `/` means the whole revision. No wildcards.',
  },
  {
    key: 'destination',
    required: true,
    description:
      'Fully qualified folder on the instance (e.g. `/var/www/html` or `C:\\inetpub\\wwwroot`). A file keeps its name inside this folder.',
  },
];

/** Keys of a `permissions` entry, appspec.md §3.5. */
export const PERMISSION_KEYS: readonly KeyInfo[] = [
  {
    key: 'object',
    required: true,
    description: 'Absolute path on the instance (a file or folder installed by `files`) the permissions apply to.',
  },
  {
    key: 'pattern',
    required: false,
    description:
      'Name pattern for objects directly under `object`; default `"**"` matches everything at any depth. Quote it: an unquoted leading `*` is a YAML alias.',
  },
  {
    key: 'except',
    required: false,
    description:
      'List of name patterns to exclude, e.g. `[tmp, "*.log"]`. Only names directly under `object` are tested.',
  },
  { key: 'owner', required: false, description: 'User that owns the matched objects. Unchanged when omitted.' },
  { key: 'group', required: false, description: 'Group of the matched objects. Unchanged when omitted.' },
  {
    key: 'mode',
    required: false,
    description: 'Octal chmod mode such as `644` or `"0755"`. Quote values with a leading zero or drop the zero.',
  },
  {
    key: 'acls',
    required: false,
    description: 'List of ACL entries applied with `setfacl --set`, e.g. `u:bob:rw`, `d:g:web:rx`.',
  },
  {
    key: 'context',
    required: false,
    description: 'SELinux context: `name` (user), `type` (required by the agents) and `range`.',
  },
  {
    key: 'type',
    required: false,
    description: 'List of object kinds the entry applies to: `file`, `directory` (default both). Must be a list.',
  },
];

export const PERMISSION_TYPE_VALUES: readonly { value: string; description: string }[] = [
  { value: 'file', description: 'Installed files under `object` (and `object` itself when it is a copied file).' },
  { value: 'directory', description: 'Directories created by the deployment under `object` (never `object` itself).' },
];

/** Keys of a permission's `context` (the agents read `name`; the docs say `user`). */
export const CONTEXT_KEYS: readonly KeyInfo[] = [
  { key: 'name', required: false, description: 'SELinux user (the key the agents actually read).' },
  { key: 'type', required: true, description: 'SELinux type, e.g. `httpd_sys_content_t`. Required by both agents.' },
  { key: 'range', required: false, description: 'MLS/MCS range such as `s0` or `s0-s0:c0.c1023`.' },
  { key: 'user', required: false, description: 'Documented, but the agents read `name`: this key is ignored.' },
];

/** Keys of an EC2 hook script entry, appspec.md §3.6.2. */
export const SCRIPT_KEYS: readonly KeyInfo[] = [
  {
    key: 'location',
    required: true,
    description: 'Script path relative to the revision root. The whole string is the file name: no arguments.',
  },
  {
    key: 'timeout',
    required: false,
    description:
      'Seconds the script may run before it fails (integer ≥ 1, default 3600). All scripts of one event together may take at most 3600 s.',
  },
  {
    key: 'runas',
    required: false,
    description: 'Linux only: user to run the script as (no password prompt possible).',
  },
  {
    key: 'sudo',
    required: false,
    description: 'Linux only, undocumented: run the script with `sudo` (`true`/`false`).',
  },
];

export const RESOURCE_TYPES: readonly { value: string; platform: 'ecs' | 'lambda'; description: string }[] = [
  {
    value: 'AWS::ECS::Service',
    platform: 'ecs',
    description: 'An Amazon ECS service deployed blue/green with a replacement task set.',
  },
  {
    value: 'AWS::Lambda::Function',
    platform: 'lambda',
    description: 'An AWS Lambda function whose alias shifts traffic between two versions.',
  },
];

/** `Resources[0].TargetService` keys. */
export const ECS_RESOURCE_KEYS: readonly KeyInfo[] = [
  { key: 'Type', required: true, description: 'Must be `AWS::ECS::Service`.' },
  {
    key: 'Properties',
    required: true,
    description: 'The task definition, load balancer container and optional network/capacity settings.',
  },
];

export const ECS_PROPERTY_KEYS: readonly KeyInfo[] = [
  {
    key: 'TaskDefinition',
    required: true,
    description:
      'ARN of the task definition to deploy (`arn:aws:ecs:region:account:task-definition/family:revision`). CodePipeline may fill in `<TASK_DEFINITION>`.',
  },
  {
    key: 'LoadBalancerInfo',
    required: true,
    description: 'The container and port that receive load balancer traffic.',
  },
  {
    key: 'PlatformVersion',
    required: false,
    description: 'Fargate platform version of the replacement tasks, e.g. `LATEST` or `1.4.0`.',
  },
  {
    key: 'NetworkConfiguration',
    required: false,
    description: 'awsvpc network settings. All or none of `Subnets`, `SecurityGroups`, `AssignPublicIp`.',
  },
  {
    key: 'CapacityProviderStrategy',
    required: false,
    description: 'List of capacity providers (`CapacityProvider`, `Base`, `Weight`) for the replacement task set.',
  },
];

export const ECS_LOAD_BALANCER_KEYS: readonly KeyInfo[] = [
  {
    key: 'ContainerName',
    required: true,
    description: 'Name of a container in the task definition that receives traffic.',
  },
  { key: 'ContainerPort', required: true, description: 'Container port (a number, 1–65535) that receives traffic.' },
];

export const ECS_NETWORK_KEYS: readonly KeyInfo[] = [
  {
    key: 'AwsvpcConfiguration',
    required: true,
    description: 'Subnets, security groups and public IP assignment of the replacement tasks.',
  },
];

export const ECS_AWSVPC_KEYS: readonly KeyInfo[] = [
  { key: 'Subnets', required: true, description: 'List of 1–16 subnet IDs in the same VPC.' },
  { key: 'SecurityGroups', required: true, description: 'List of 1–5 security group IDs in the same VPC.' },
  { key: 'AssignPublicIp', required: true, description: 'Whether the tasks get a public IP: `ENABLED` or `DISABLED`.' },
];

export const ECS_CAPACITY_PROVIDER_KEYS: readonly KeyInfo[] = [
  {
    key: 'CapacityProvider',
    required: false,
    description: 'Capacity provider short name, e.g. `FARGATE` or `FARGATE_SPOT`.',
  },
  {
    key: 'Base',
    required: false,
    description: 'Minimum number of tasks on this provider (0–100000); only one item may set it.',
  },
  { key: 'Weight', required: false, description: 'Relative share of tasks on this provider (0–1000).' },
];

export const ASSIGN_PUBLIC_IP_VALUES: readonly { value: string; description: string }[] = [
  { value: 'ENABLED', description: 'The replacement tasks get a public IP address.' },
  { value: 'DISABLED', description: 'The replacement tasks get no public IP address.' },
];

export const LAMBDA_RESOURCE_KEYS: readonly KeyInfo[] = [
  { key: 'Type', required: true, description: 'Must be `AWS::Lambda::Function`.' },
  {
    key: 'Properties',
    required: true,
    description: 'The function, its alias and the versions traffic shifts between.',
  },
];

export const LAMBDA_PROPERTY_KEYS: readonly KeyInfo[] = [
  { key: 'Name', required: true, description: 'Name (or ARN) of the Lambda function to deploy.' },
  { key: 'Alias', required: true, description: 'Alias whose traffic shifts from `CurrentVersion` to `TargetVersion`.' },
  {
    key: 'CurrentVersion',
    required: true,
    description: 'Version the alias points to now: a positive integer, written as a string (`"1"`).',
  },
  {
    key: 'TargetVersion',
    required: true,
    description:
      'Version traffic shifts to: a positive integer, written as a string (`"2"`). `$LATEST` is not allowed.',
  },
];

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

/** Environment variables the agent sets for EC2 hook scripts (appspec.md §3.6.3). */
export const HOOK_ENV_VARS: readonly { name: string; description: string }[] = [
  { name: 'LIFECYCLE_EVENT', description: 'Name of the lifecycle event running the script.' },
  { name: 'DEPLOYMENT_ID', description: 'ID of the current deployment.' },
  { name: 'APPLICATION_NAME', description: 'Name of the CodeDeploy application.' },
  { name: 'DEPLOYMENT_GROUP_NAME', description: 'Name of the deployment group.' },
  { name: 'DEPLOYMENT_GROUP_ID', description: 'ID of the deployment group.' },
  { name: 'BUNDLE_BUCKET', description: 'S3 bucket of the revision (S3 revisions only).' },
  { name: 'BUNDLE_KEY', description: 'S3 key of the revision (S3 revisions only).' },
  { name: 'BUNDLE_VERSION', description: 'S3 object version of the revision (versioned buckets only).' },
  { name: 'BUNDLE_ETAG', description: 'S3 ETag of the revision (S3 revisions only).' },
  { name: 'BUNDLE_COMMIT', description: 'Commit of the revision (GitHub revisions only).' },
];

/** The maximum total script time per lifecycle event and the default script timeout, in seconds. */
export const MAX_EVENT_SECONDS = 3600;
export const DEFAULT_SCRIPT_TIMEOUT = 3600;
