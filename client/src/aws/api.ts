/**
 * The one narrow interface through which the product talks to CodeDeploy (and S3 for EC2 revisions).
 * Only `client/src/aws/` imports `@aws-sdk/*`; everything else receives a `CodeDeployApi`.
 * List methods follow `nextToken` to the end unless they take a `limit`/page token explicitly.
 */
import type {
  ApplicationInfo,
  DeploymentGroupInfo,
  DeploymentInfo,
  DeploymentTarget,
  DeploymentConfigInfo,
  InstanceSummary,
  RevisionLocation,
  GenericRevisionInfo,
  DeploymentStatus,
  CreateDeploymentInput,
  AutoRollbackConfiguration,
  DeploymentWaitType,
  ComputePlatform,
  LifecycleEvent,
} from '@aws-sdk/client-codedeploy';
import type { AccountAccess } from './accountApi';

export type {
  ApplicationInfo,
  DeploymentGroupInfo,
  DeploymentInfo,
  DeploymentTarget,
  DeploymentConfigInfo,
  InstanceSummary,
  RevisionLocation,
  GenericRevisionInfo,
  DeploymentStatus,
  CreateDeploymentInput,
  AutoRollbackConfiguration,
  DeploymentWaitType,
  ComputePlatform,
  LifecycleEvent,
};

/** Where the API points: the built-in local endpoint or an AWS profile/region. */
export interface ConnectionSettings {
  kind: 'local' | 'aws';
  region: string;
  /** Named profile from the shared config/credentials files (SSO profiles included); undefined = default chain. */
  profile?: string;
  /** Overrides the service endpoint (the local endpoint's URL, or a VPC endpoint). */
  endpoint?: string;
  /** S3 endpoint override (the local mode's S3-compatible server). */
  s3Endpoint?: string;
  /** Explicit credentials (tests and local mode). Never logged. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Local endpoint started elsewhere: where its access key id was taken from (for the error when it is refused). */
  localKeySource?: string;
}

/** The S3 store a local endpoint at `endpoint` serves on the same port (`/s3`). */
export function localS3Url(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/s3`;
}

/** A user-facing failure: what went wrong and what to do, never a stack trace, never a secret. */
export class AwsUserError extends Error {
  constructor(
    message: string,
    /** The service's error type (`ApplicationDoesNotExistException`, `ExpiredTokenException`, …). */
    readonly code: string,
    /** Suggested action, e.g. `sso-login`, `pick-profile`, `retry`. */
    readonly action?: 'sso-login' | 'pick-profile' | 'retry' | 'check-endpoint',
  ) {
    super(message);
    this.name = 'AwsUserError';
  }
}

/** ListDeployments filters: includeOnlyStatuses and createTimeRange (start/end inclusive), as the API offers. */
export interface DeploymentListFilter {
  statuses?: DeploymentStatus[];
  since?: Date;
  until?: Date;
}

export interface DeploymentListPage {
  deploymentIds: string[];
  nextToken?: string;
}

export interface UploadResult {
  bucket: string;
  key: string;
  eTag: string;
  versionId?: string;
}

/** A Lambda/ECS lifecycle hook execution waiting for PutLifecycleEventHookExecutionStatus (local endpoint only). */
export interface PendingHookExecution {
  deploymentId: string;
  targetId: string;
  lifecycleEventName: string;
  functionName: string;
  /** The id the hook function receives, to pass to putLifecycleEventHookExecutionStatus. */
  lifecycleEventHookExecutionId: string;
  startTime: Date;
  /** When the event fails if nobody reports (one simulated hour after the start). */
  timeoutTime: Date;
}

export interface CodeDeployApi {
  readonly settings: ConnectionSettings;

  listApplications(): Promise<string[]>;
  // The batchGet* calls take any number of names or IDs: the implementation splits them into calls of
  // the API's limit (100 applications or groups, 25 deployments, targets or instances). Callers never chunk.
  batchGetApplications(names: string[]): Promise<ApplicationInfo[]>;
  listDeploymentGroups(application: string): Promise<string[]>;
  batchGetDeploymentGroups(application: string, groups: string[]): Promise<DeploymentGroupInfo[]>;
  /** One page, newest first, so the explorer can "load more"; `filter` narrows it on the service side. */
  listDeployments(
    application: string,
    group: string,
    nextToken?: string,
    filter?: DeploymentListFilter,
  ): Promise<DeploymentListPage>;
  batchGetDeployments(ids: string[]): Promise<DeploymentInfo[]>;
  /**
   * Deployment IDs across all applications (ListDeployments without an application), newest first, at most
   * `limit`: those with one of `statuses`, created after `since` when given. For the palette's pickers.
   */
  listRecentDeployments(opts: { statuses?: DeploymentStatus[]; since?: Date; limit?: number }): Promise<string[]>;
  getDeployment(id: string): Promise<DeploymentInfo>;
  listDeploymentTargets(deploymentId: string): Promise<string[]>;
  /**
   * One page of ListDeploymentTargets, optionally only targets with one of `statuses` (the API's
   * `TargetStatus` filter): what a budgeted poll asks for first. Optional so test doubles may omit it.
   */
  listDeploymentTargetsPage?(
    deploymentId: string,
    opts?: { statuses?: string[]; nextToken?: string },
  ): Promise<{ targetIds: string[]; nextToken?: string }>;
  batchGetDeploymentTargets(deploymentId: string, targetIds: string[]): Promise<DeploymentTarget[]>;
  /** For EC2 deployments where the target APIs are unsupported (older deployments). */
  listDeploymentInstances(deploymentId: string): Promise<string[]>;
  batchGetDeploymentInstances(deploymentId: string, instanceIds: string[]): Promise<InstanceSummary[]>;
  listDeploymentConfigs(): Promise<string[]>;
  getDeploymentConfig(name: string): Promise<DeploymentConfigInfo>;
  getApplicationRevision(application: string, revision: RevisionLocation): Promise<GenericRevisionInfo | undefined>;
  /**
   * The registered revision as GetApplicationRevision returns it, AppSpec content included (GetDeployment
   * never returns the content of an AppSpecContent revision). Undefined when the revision is unknown.
   * (Added by client-ui for "Redeploy" of Lambda/ECS deployments.)
   */
  getRevisionLocation?(application: string, revision: RevisionLocation): Promise<RevisionLocation | undefined>;
  createDeployment(input: CreateDeploymentInput): Promise<string>;
  stopDeployment(id: string, autoRollback?: boolean): Promise<{ status?: string; statusMessage?: string }>;
  continueDeployment(id: string, waitType?: DeploymentWaitType): Promise<void>;
  /** Reports a Lambda/ECS hook function's result, as the hook function itself does on AWS. */
  putLifecycleEventHookExecutionStatus(
    deploymentId: string,
    executionId: string,
    status: 'Succeeded' | 'Failed',
  ): Promise<void>;
  /**
   * The hook executions of a deployment still waiting for a status. Only the local endpoint can tell
   * (its `GET /_local/hook-executions` route); against AWS, which has no such API, this is `[]`.
   */
  listPendingHookExecutions(deploymentId: string): Promise<PendingHookExecution[]>;
  /**
   * Uploads a revision bundle to S3 with progress (bytes sent, total). Aborting `signal` stops the
   * request where it is and rejects with `UploadCancelledError`; S3 keeps no partial object.
   */
  uploadRevision(
    bucket: string,
    key: string,
    body: Uint8Array,
    onProgress?: (sent: number, total: number) => void,
    signal?: AbortSignal,
  ): Promise<UploadResult>;
  /**
   * The Lambda/ECS/ELB reads of the pre-flight account checks, for this connection, behind a cache
   * with a time-to-live (one per connection: the cache and the adaptive retry limiter are shared).
   */
  account(): AccountAccess;
  /** Releases sockets. */
  dispose(): void;
}

/** `uploadRevision` was stopped through its AbortSignal. */
export class UploadCancelledError extends Error {
  constructor() {
    super('The upload was cancelled.');
    this.name = 'UploadCancelledError';
  }
}
