/**
 * The local endpoint's persisted state. Records are stored in (nearly) the wire shape of the
 * CodeDeploy JSON 1.1 protocol: field names as on the wire, dates as epoch seconds, so the
 * service can answer with a copy. Fields starting with `_` are internal and stripped on output.
 */
import type { ComputeState } from './compute/types';

export type Json = Record<string, unknown>;
export type ComputePlatform = 'Server' | 'Lambda' | 'ECS';
export type DeploymentStatus =
  | 'Created'
  | 'Queued'
  | 'InProgress'
  | 'Baking'
  | 'Succeeded'
  | 'Failed'
  | 'Stopped'
  | 'Ready';
export type TargetStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Unknown' | 'Ready';
export type EventStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Unknown';
export type WaitType = 'READY_WAIT' | 'TERMINATION_WAIT';

export interface Diagnostics {
  errorCode: 'Success' | 'ScriptMissing' | 'ScriptNotExecutable' | 'ScriptTimedOut' | 'ScriptFailed' | 'UnknownError';
  scriptName?: string;
  message: string;
  logTail?: string;
}

export interface LifecycleEventRecord {
  lifecycleEventName: string;
  status: EventStatus;
  startTime?: number;
  endTime?: number;
  diagnostics?: Diagnostics;
}

export interface TargetRecord {
  deploymentTargetType: 'InstanceTarget' | 'LambdaTarget' | 'ECSTarget';
  targetId: string;
  targetArn: string;
  status: TargetStatus;
  lastUpdatedAt: number;
  lifecycleEvents: LifecycleEventRecord[];
  instanceLabel?: 'Blue' | 'Green';
  lambdaFunctionInfo?: {
    functionName: string;
    functionAlias: string;
    currentVersion: string;
    targetVersion: string;
    targetVersionWeight: number;
  };
  taskSetsInfo?: Json[];
}

/** One scheduled change of a deployment; `at` is simulated milliseconds from the deployment's start. */
export type Op =
  | { at: number; k: 'status'; status: DeploymentStatus }
  | { at: number; k: 'note'; text: string }
  | { at: number; k: 'target'; target: string; status: TargetStatus }
  | { at: number; k: 'event'; target: string; event: string; status: EventStatus; diag?: Diagnostics }
  | { at: number; k: 'lambdaWeight'; target: string; weight: number }
  | { at: number; k: 'taskSets'; target: string; sets: Json[] }
  | { at: number; k: 'wait'; wait: WaitType; timeoutMs?: number; onTimeout: 'continue' | 'stop' }
  | { at: number; k: 'terminationStarted' }
  | { at: number; k: 'succeed' }
  | { at: number; k: 'fail'; code: string; message: string }
  /** A Lambda/ECS hook function is invoked; the script waits until its execution is reported or times out. */
  | { at: number; k: 'hook'; target: string; event: string; functionName: string; autoFail: boolean };

/** Where the simulator stands in a deployment's script. */
export interface SimState {
  ops: Op[];
  cursor: number;
  /** Simulated ms elapsed since the deployment started. */
  elapsed: number;
  /** Shift added to every op's `at` (grows when a wait ends early or late). */
  offset: number;
  /** Real epoch ms of the last tick. */
  lastReal: number;
  /** Simulated-to-real speed for this deployment (seeded history runs at 1; live ones use the endpoint's). */
  timeScale?: number;
  waiting?: { wait: WaitType; since: number; deadline?: number; onTimeout: 'continue' | 'stop' };
  /** A pending stop requested through StopDeployment (applied at this simulated time). */
  stopAt?: number;
  stopRollback?: boolean;
  /** SkipWaitTimeForInstanceTermination was called before the termination wait began. */
  skipTerminationWait?: boolean;
  /** The hook execution the script waits for (simulated ms): answered automatically at `autoAt`, failed at `deadline`. */
  hook?: { executionId: string; since: number; deadline: number; autoAt?: number; autoStatus?: 'Succeeded' | 'Failed' };
}

export type HookMode = 'auto' | 'manual';

/** One invocation of a Lambda/ECS lifecycle hook function, identified by the id the function receives. */
export interface HookExecutionRecord {
  lifecycleEventHookExecutionId: string;
  targetId: string;
  lifecycleEventName: string;
  functionName: string;
  /** Epoch seconds. */
  startTime: number;
  /** Epoch seconds at which the hook times out (one simulated hour after the start). */
  timeoutTime: number;
  status: 'Pending' | 'Succeeded' | 'Failed' | 'TimedOut' | 'Cancelled';
  endTime?: number;
}

/** What the simulator needs to know about the revision to deploy or roll back. */
export type PlanInput =
  | {
      platform: 'Lambda';
      functionName: string;
      alias: string;
      currentVersion: string;
      targetVersion: string;
      hooks: Record<string, string>;
    }
  | {
      platform: 'ECS';
      taskDefinition: string;
      containerName: string;
      containerPort: number;
      hooks: Record<string, string>;
    }
  | { platform: 'Server'; hooks: Record<string, string[]> };

export interface DeploymentRecord {
  info: Json & {
    deploymentId: string;
    applicationName: string;
    deploymentGroupName: string;
    status: DeploymentStatus;
    computePlatform: ComputePlatform;
    createTime: number;
  };
  targets: TargetRecord[];
  statusMessages: string[];
  plan: PlanInput;
  sim: SimState;
  /** Revision of the last successful deployment before this one (for automatic rollback). */
  previousRevision?: Json;
  /** The deployment group's id (deployments belong to the group, not to its current name). */
  groupId?: string;
  /** How this deployment's hook functions are answered (fixed when it is created). */
  hookMode?: HookMode;
  hookExecutions?: HookExecutionRecord[];
}

export type Tag = { Key: string; Value?: string };

export interface ApplicationRecord {
  applicationId: string;
  applicationName: string;
  createTime: number;
  linkedToGitHub: boolean;
  computePlatform: ComputePlatform;
  /** Internal: the application's tags (not part of ApplicationInfo). */
  tags?: Tag[];
}

export interface GroupRecord {
  info: Json & {
    applicationName: string;
    deploymentGroupName: string;
    deploymentGroupId: string;
    computePlatform: ComputePlatform;
  };
  tags: Tag[];
}

export interface RevisionRecord {
  applicationName: string;
  revisionLocation: Json;
  registerTime: number;
  firstUsedTime?: number;
  lastUsedTime?: number;
  /** The deployment groups for which this is the current target revision (their last successful deployment). */
  deploymentGroups: string[];
  description?: string;
  /** AppSpecContent kept so GetApplicationRevision can return it (GetDeployment never does). */
  content?: string;
}

export interface SimulatedInstance {
  instanceId: string;
  tags: { Key: string; Value: string }[];
  /** Deployment groups (ids) the instance was removed from by a blue/green deployment (KEEP_ALIVE). */
  leftGroups?: string[];
}

/** An on-premises instance registered with RegisterOnPremisesInstance (InstanceInfo in wire shape). */
export interface OnPremisesInstanceRecord {
  instanceName: string;
  instanceArn: string;
  iamUserArn?: string;
  iamSessionArn?: string;
  registerTime: number;
  deregisterTime?: number;
  tags: { Key: string; Value: string }[];
}

/** A deployment target selected from the fleet: an EC2 instance or a registered on-premises instance. */
export interface FleetMember {
  id: string;
  arn: string;
}

/** Where a Lambda alias points, as the simulated deployments left it (or the demo account seeded it). */
export interface LambdaAliasRecord {
  functionName: string;
  alias: string;
  version: string;
  /** While a deployment shifts traffic: the target version and the share of traffic it gets (0..1). */
  weights?: Record<string, number>;
  description?: string;
}

export interface State {
  version: 1;
  applications: ApplicationRecord[];
  groups: GroupRecord[];
  configs: Json[];
  deployments: DeploymentRecord[];
  revisions: RevisionRecord[];
  instances: SimulatedInstance[];
  onPremisesInstances?: OnPremisesInstanceRecord[];
  lambdaAliases?: LambdaAliasRecord[];
  /** Simulated Lambda functions, ECS task definitions, services and clusters, and target groups. */
  compute?: ComputeState;
  /** Written by earlier versions: application tags by name (now `ApplicationRecord.tags`; migrated on load). */
  appTags?: Record<string, Tag[]>;
  /** Counter used to make ids unique and stable across restarts. */
  counter: number;
}
