/**
 * The enumerations of the CodeDeploy service model that the local service reads or writes.
 * `test/aws/local-enums.test.ts` checks each list against the published model (botocore's
 * service-2.json and the v3 SDK's enum objects), so a value here can never drift from AWS's.
 */
export const COMPUTE_PLATFORMS = ['Server', 'Lambda', 'ECS'] as const;
export const AUTO_ROLLBACK_EVENTS = [
  'DEPLOYMENT_FAILURE',
  'DEPLOYMENT_STOP_ON_ALARM',
  'DEPLOYMENT_STOP_ON_REQUEST',
] as const;
export const EC2_TAG_FILTER_TYPES = ['KEY_ONLY', 'VALUE_ONLY', 'KEY_AND_VALUE'] as const;
export const TAG_FILTER_TYPES = ['KEY_ONLY', 'VALUE_ONLY', 'KEY_AND_VALUE'] as const;
export const DEPLOYMENT_TYPES = ['IN_PLACE', 'BLUE_GREEN'] as const;
export const DEPLOYMENT_OPTIONS = ['WITH_TRAFFIC_CONTROL', 'WITHOUT_TRAFFIC_CONTROL'] as const;
export const INSTANCE_ACTIONS = ['TERMINATE', 'KEEP_ALIVE'] as const;
export const DEPLOYMENT_READY_ACTIONS = ['CONTINUE_DEPLOYMENT', 'STOP_DEPLOYMENT'] as const;
export const GREEN_FLEET_ACTIONS = ['DISCOVER_EXISTING', 'COPY_AUTO_SCALING_GROUP'] as const;
export const OUTDATED_INSTANCES_STRATEGIES = ['UPDATE', 'IGNORE'] as const;
export const TRIGGER_EVENT_TYPES = [
  'DeploymentStart',
  'DeploymentSuccess',
  'DeploymentFailure',
  'DeploymentStop',
  'DeploymentRollback',
  'DeploymentReady',
  'InstanceStart',
  'InstanceSuccess',
  'InstanceFailure',
  'InstanceReady',
] as const;
export const DEPLOYMENT_STATUSES = [
  'Created',
  'Queued',
  'InProgress',
  'Baking',
  'Succeeded',
  'Failed',
  'Stopped',
  'Ready',
] as const;
export const INSTANCE_STATUSES = [
  'Pending',
  'InProgress',
  'Succeeded',
  'Failed',
  'Skipped',
  'Unknown',
  'Ready',
] as const;
export const TARGET_STATUSES = ['Pending', 'InProgress', 'Succeeded', 'Failed', 'Skipped', 'Unknown', 'Ready'] as const;
export const INSTANCE_TYPES = ['Blue', 'Green'] as const;
export const TARGET_LABELS = ['Blue', 'Green'] as const;
export const TARGET_FILTER_NAMES = ['TargetStatus', 'ServerInstanceLabel'] as const;
export const LIFECYCLE_EVENT_STATUSES = ['Pending', 'InProgress', 'Succeeded', 'Failed', 'Skipped', 'Unknown'] as const;
export const LIST_STATE_FILTER_ACTIONS = ['include', 'exclude', 'ignore'] as const;
export const APPLICATION_REVISION_SORT_BY = ['registerTime', 'firstUsedTime', 'lastUsedTime'] as const;
export const SORT_ORDERS = ['ascending', 'descending'] as const;
export const REGISTRATION_STATUSES = ['Registered', 'Deregistered'] as const;
export const FILE_EXISTS_BEHAVIORS = ['DISALLOW', 'OVERWRITE', 'RETAIN'] as const;
export const DEPLOYMENT_WAIT_TYPES = ['READY_WAIT', 'TERMINATION_WAIT'] as const;
/** The v3 model's DeploymentCreator (botocore 1.29 lacks `autoscalingTermination`). */
export const DEPLOYMENT_CREATORS = [
  'user',
  'autoscaling',
  'codeDeployRollback',
  'CodeDeploy',
  'CodeDeployAutoUpdate',
  'CloudFormation',
  'CloudFormationRollback',
  'autoscalingTermination',
] as const;
export type DeploymentCreator = (typeof DEPLOYMENT_CREATORS)[number];
