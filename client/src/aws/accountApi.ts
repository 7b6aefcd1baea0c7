/**
 * What the pre-flight account checks read from Lambda, ECS and Elastic Load Balancing: the narrow
 * part of the AWS layer they see (`CodeDeployApi.account()`). Answers are small summaries, never SDK
 * types. "Not found" is a value (`undefined`, or a name in `missing`); a missing IAM permission is a
 * `MissingPermissionError` naming the action; anything else is an `AwsUserError`.
 */
import { AwsUserError } from './api';

export interface LambdaFunctionSummary {
  name: string;
  arn: string;
  description?: string;
  runtime?: string;
}

export interface LambdaAliasSummary {
  name: string;
  /** The version the alias points to. */
  functionVersion: string;
  /** Versions getting a share of the traffic besides `functionVersion` (a deployment shifting), 0..1. */
  weights: Record<string, number>;
}

export interface ContainerSummary {
  name: string;
  /** The container ports of its port mappings. */
  ports: number[];
}

export interface TaskDefinitionSummary {
  arn: string;
  family: string;
  revision: number;
  status: string;
  networkMode?: string;
  containers: ContainerSummary[];
}

export interface EcsServiceSummary {
  name: string;
  arn: string;
  status: string;
  taskDefinition?: string;
  deploymentController?: string;
  targetGroupArns: string[];
}

export interface NamedResource {
  name: string;
  arn: string;
  status?: string;
}

/** The result of a describe call over several names: what exists, and which names do not. */
export interface Lookup<T> {
  found: T[];
  missing: string[];
}

export interface AccountReader {
  /** GetFunction: the function, or undefined when it does not exist. */
  getFunction(name: string): Promise<LambdaFunctionSummary | undefined>;
  /** GetFunction with a version qualifier: true when that version is published, undefined when the function is missing. */
  versionExists(functionName: string, version: string): Promise<boolean | undefined>;
  /** GetAlias: undefined when the function or the alias does not exist. */
  getAlias(functionName: string, alias: string): Promise<LambdaAliasSummary | undefined>;
  /** ListVersionsByFunction: published version numbers, newest first (at most `LIMITS.versions`). */
  listPublishedVersions(functionName: string): Promise<string[] | undefined>;
  /** ListAliases: undefined when the function does not exist. */
  listAliases(functionName: string): Promise<LambdaAliasSummary[] | undefined>;
  /** ListFunctions (at most `LIMITS.functions`), by name. */
  listFunctions(): Promise<LambdaFunctionSummary[]>;
  /** DescribeTaskDefinition of `family`, `family:revision` or an ARN: undefined when ECS cannot describe it. */
  describeTaskDefinition(ref: string): Promise<TaskDefinitionSummary | undefined>;
  /** DescribeServices in one cluster: undefined when the cluster does not exist. */
  describeServices(cluster: string, services: string[]): Promise<Lookup<EcsServiceSummary> | undefined>;
  describeClusters(clusters: string[]): Promise<Lookup<NamedResource>>;
  /** DescribeTargetGroups by name. */
  describeTargetGroups(names: string[]): Promise<Lookup<NamedResource>>;
}

/** What one check read: `oldest()` is when the oldest answer it used was fetched from the account. */
export interface ReadSession {
  reader: AccountReader;
  oldest(): number | undefined;
}

/** The cached reader a connection hands out (`CodeDeployApi.account()`). */
export interface AccountAccess extends AccountReader {
  /** Forgets every cached answer. */
  invalidate(): void;
  /** A view that tells how old the answers it used are ("last looked at"). */
  session(): ReadSession;
  /**
   * A view that only answers from the cache and never calls AWS: a read that is not cached (or has
   * expired) rejects with NotCachedError. Completion uses it, so typing never reaches the account.
   */
  cachedOnly(): AccountReader;
}

/** `AccountAccess.cachedOnly()` had no fresh answer for a read. */
export class NotCachedError extends Error {
  constructor(what: string) {
    super(`${what} is not cached`);
    this.name = 'NotCachedError';
  }
}

/** Bounds on what one look reads, so a huge account never means hundreds of calls. */
export const ACCOUNT_LIMITS = {
  /** ListVersionsByFunction pages of 50: 20 pages. */
  versions: 1000,
  /** ListFunctions pages of 50: 10 pages. */
  functions: 500,
  /** Names per describe call (DescribeServices takes 10, DescribeTargetGroups 20). */
  servicesPerCall: 10,
  targetGroupsPerCall: 20,
} as const;

/** The caller lacks an IAM permission: `permission` is the action AWS named (`lambda:GetAlias`). */
export class MissingPermissionError extends AwsUserError {
  constructor(
    readonly permission: string,
    message: string,
  ) {
    super(message, 'AccessDeniedException');
    this.name = 'MissingPermissionError';
  }
}

/** MissingPermissionError by shape (the AWS layer is its own bundle, so `instanceof` does not cross it). */
export function isMissingPermission(err: unknown): err is { permission: string; message: string } {
  return (
    !!err &&
    typeof err === 'object' &&
    (err as { name?: unknown }).name === 'MissingPermissionError' &&
    typeof (err as { permission?: unknown }).permission === 'string'
  );
}

const ACTION = /not authorized to perform:?\s+([a-z0-9-]+:[A-Za-z0-9*]+)/;

/**
 * The missing action when an error is an access refusal (AccessDeniedException, AccessDenied, or a
 * ClientException/UnauthorizedOperation whose message says "not authorized to perform: …");
 * `fallback` names the action when the message does not. Undefined for any other error.
 */
export function missingAction(err: unknown, fallback: string): string | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as { name?: unknown; Code?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number } };
  const name = typeof e.name === 'string' ? e.name : typeof e.Code === 'string' ? e.Code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  const named = ACTION.exec(message)?.[1];
  const refused =
    name === 'AccessDeniedException' ||
    name === 'AccessDenied' ||
    name === 'UnauthorizedOperation' ||
    (named !== undefined && (name === 'ClientException' || e.$metadata?.httpStatusCode === 403));
  if (!refused) return undefined;
  return named ?? fallback;
}
