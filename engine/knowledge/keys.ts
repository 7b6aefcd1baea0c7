/**
 * Keys of each AppSpec section with their documentation, and the allowed enum values
 * (appspec.md §3.1–§3.6 for EC2/On-Premises, §4–§5 for ECS and Lambda).
 */

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
