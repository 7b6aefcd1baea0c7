/**
 * The one place that builds AWS SDK clients: `createCodeDeployApi(settings)` returns the narrow
 * CodeDeployApi over @aws-sdk/client-codedeploy (and @aws-sdk/client-s3 for revision uploads),
 * pointed at AWS (profile / SSO / default chain) or at the local endpoint.
 */
import {
  BatchGetApplicationsCommand,
  BatchGetDeploymentGroupsCommand,
  BatchGetDeploymentInstancesCommand,
  BatchGetDeploymentsCommand,
  BatchGetDeploymentTargetsCommand,
  CodeDeployClient,
  ContinueDeploymentCommand,
  CreateDeploymentCommand,
  GetApplicationRevisionCommand,
  GetDeploymentCommand,
  GetDeploymentConfigCommand,
  ListApplicationsCommand,
  ListDeploymentConfigsCommand,
  ListDeploymentGroupsCommand,
  ListDeploymentInstancesCommand,
  ListDeploymentTargetsCommand,
  ListDeploymentsCommand,
  PutLifecycleEventHookExecutionStatusCommand,
  StopDeploymentCommand,
  type CreateDeploymentInput,
  type DeploymentStatus,
  type RevisionLocation,
} from '@aws-sdk/client-codedeploy';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { fromIni, fromNodeProviderChain, fromSSO } from '@aws-sdk/credential-providers';
import { Readable } from 'node:stream';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type {
  CodeDeployApi,
  ConnectionSettings,
  DeploymentListFilter,
  DeploymentListPage,
  PendingHookExecution,
  UploadResult,
} from './api';
import { AwsUserError, localS3Url, UploadCancelledError } from './api';
import { defaultChainReport } from './credentialChain';
import { isCredentialLoadError, toUserError, type ErrorContext, type ErrorTarget } from './errors';
import type { AccountAccess } from './accountApi';
import { CachedAccountReader, DEFAULT_ACCOUNT_TTL_MS } from './accountCache';
import { createAccountReader } from './accountSdk';
import { applyRetryPolicy, retryConfig } from './retry';
import { getLocalJson } from './localRoutes';
import { emitAwsLog, sdkLogger, type AwsLog } from './log';
import { isSsoProfile } from './profiles';

/** Batch limits of the CodeDeploy API. */
export const BATCH = { applications: 100, groups: 100, deployments: 25, targets: 25, instances: 25 } as const;
const UPLOAD_CHUNK = 64 * 1024;
/** Used only when local settings carry no credentials: the endpoint refuses it (it wants its own access key id). */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Chooses the credential source: explicit keys, a named profile (SSO or not), or the default chain. */
export function credentialsFor(
  settings: ConnectionSettings,
  context: ErrorContext,
): AwsCredentialIdentity | AwsCredentialIdentityProvider {
  if (settings.credentials) return { ...settings.credentials };
  if (settings.kind === 'local') return LOCAL_CREDENTIALS;
  const profile = settings.profile;
  if (!profile) return fromNodeProviderChain();
  let provider: AwsCredentialIdentityProvider | undefined;
  return async () => {
    if (!provider) {
      context.ssoProfile = await isSsoProfile(profile);
      provider = context.ssoProfile ? fromSSO({ profile }) : fromIni({ profile });
    }
    return provider();
  };
}

export function clientConfig(settings: ConnectionSettings, context: ErrorContext, log?: AwsLog) {
  const local = settings.kind === 'local';
  const c = settings.credentials;
  const known = [c?.secretAccessKey, c?.sessionToken, c?.accessKeyId];
  return {
    logger: sdkLogger((level, line) => emitAwsLog(log, level, line, known)),
    region: settings.region,
    credentials: credentialsFor(settings, context),
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    // Adaptive retries back off and rate-limit on throttling (retry.ts); other errors get few attempts.
    ...retryConfig(),
    requestHandler: { connectionTimeout: local ? 2_000 : 10_000, requestTimeout: 60_000 },
  };
}

class SdkCodeDeployApi implements CodeDeployApi {
  private readonly client: CodeDeployClient;
  private s3: S3Client | undefined;
  private accountReader: { cached: CachedAccountReader; dispose(): void } | undefined;
  private readonly context: ErrorContext = {};

  constructor(
    readonly settings: ConnectionSettings,
    private readonly log?: AwsLog,
  ) {
    this.client = new CodeDeployClient(clientConfig(settings, this.context, log));
    applyRetryPolicy(this.client, settings.kind === 'local');
  }

  private async run<T>(fn: () => Promise<T>, target?: ErrorTarget): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof UploadCancelledError) throw err;
      if (this.settings.kind === 'aws' && !this.settings.profile && isCredentialLoadError(err))
        this.context.chainReport = await defaultChainReport().catch(() => undefined);
      const userError = toUserError(err, this.s3Settings(target), this.context, target);
      const name = err instanceof Error ? err.name : typeof err;
      const c = this.settings.credentials;
      emitAwsLog(this.log, 'debug', `AWS call failed (${name}): ${userError.message}`, [
        c?.secretAccessKey,
        c?.sessionToken,
        c?.accessKeyId,
      ]);
      throw userError;
    }
  }

  /** The settings an error names: for S3 failures, the S3 endpoint the request went to. */
  private s3Settings(target?: ErrorTarget): ConnectionSettings {
    if (!target) return this.settings;
    return { ...this.settings, s3Endpoint: this.s3EndpointUrl() };
  }

  /**
   * Where revisions are uploaded: `s3Endpoint` when set; for the local connection, the S3 store the
   * endpoint serves under `/s3` on its own port, never real AWS; otherwise AWS's S3.
   */
  private s3EndpointUrl(): string | undefined {
    if (this.settings.s3Endpoint) return this.settings.s3Endpoint;
    if (this.settings.kind === 'local' && this.settings.endpoint) return localS3Url(this.settings.endpoint);
    return undefined;
  }

  private async allPages<T>(fetch: (token?: string) => Promise<{ items?: T[]; nextToken?: string }>): Promise<T[]> {
    const out: T[] = [];
    const seen = new Set<string>();
    let token: string | undefined;
    do {
      const page = await fetch(token);
      out.push(...(page.items ?? []));
      token = page.nextToken || undefined;
      if (token && seen.has(token)) break; // a service that repeats a token would loop forever
      if (token) seen.add(token);
    } while (token);
    return out;
  }

  listApplications() {
    return this.run(() =>
      this.allPages(async (nextToken) => {
        const r = await this.client.send(new ListApplicationsCommand({ nextToken }));
        return { items: r.applications, nextToken: r.nextToken };
      }),
    );
  }

  batchGetApplications(names: string[]) {
    return this.run(async () => {
      const out = [];
      for (const part of chunk(names, BATCH.applications)) {
        const r = await this.client.send(new BatchGetApplicationsCommand({ applicationNames: part }));
        out.push(...(r.applicationsInfo ?? []));
      }
      return out;
    });
  }

  listDeploymentGroups(application: string) {
    return this.run(() =>
      this.allPages(async (nextToken) => {
        const r = await this.client.send(new ListDeploymentGroupsCommand({ applicationName: application, nextToken }));
        return { items: r.deploymentGroups, nextToken: r.nextToken };
      }),
    );
  }

  batchGetDeploymentGroups(application: string, groups: string[]) {
    return this.run(async () => {
      const out = [];
      for (const part of chunk(groups, BATCH.groups)) {
        const r = await this.client.send(
          new BatchGetDeploymentGroupsCommand({ applicationName: application, deploymentGroupNames: part }),
        );
        out.push(...(r.deploymentGroupsInfo ?? []));
      }
      return out;
    });
  }

  listDeployments(
    application: string,
    group: string,
    nextToken?: string,
    filter?: DeploymentListFilter,
  ): Promise<DeploymentListPage> {
    return this.run(async () => {
      const range = filter?.since || filter?.until ? { start: filter.since, end: filter.until } : undefined;
      const r = await this.client.send(
        new ListDeploymentsCommand({
          applicationName: application,
          deploymentGroupName: group,
          nextToken,
          ...(filter?.statuses?.length ? { includeOnlyStatuses: filter.statuses } : {}),
          ...(range ? { createTimeRange: range } : {}),
        }),
      );
      return { deploymentIds: r.deployments ?? [], ...(r.nextToken ? { nextToken: r.nextToken } : {}) };
    });
  }

  batchGetDeployments(ids: string[]) {
    return this.run(async () => {
      const out = [];
      for (const part of chunk(ids, BATCH.deployments)) {
        const r = await this.client.send(new BatchGetDeploymentsCommand({ deploymentIds: part }));
        out.push(...(r.deploymentsInfo ?? []));
      }
      return out;
    });
  }

  listRecentDeployments(opts: { statuses?: DeploymentStatus[]; since?: Date; limit?: number }) {
    const limit = opts.limit ?? 50;
    return this.run(async () => {
      const out: string[] = [];
      let nextToken: string | undefined;
      const seen = new Set<string>();
      do {
        const r = await this.client.send(
          new ListDeploymentsCommand({
            ...(opts.statuses?.length ? { includeOnlyStatuses: opts.statuses } : {}),
            ...(opts.since ? { createTimeRange: { start: opts.since } } : {}),
            nextToken,
          }),
        );
        out.push(...(r.deployments ?? []));
        nextToken = r.nextToken || undefined;
        if (nextToken && seen.has(nextToken)) break;
        if (nextToken) seen.add(nextToken);
      } while (nextToken && out.length < limit);
      return out.slice(0, limit);
    });
  }

  getDeployment(id: string) {
    return this.run(async () => {
      const r = await this.client.send(new GetDeploymentCommand({ deploymentId: id }));
      if (!r.deploymentInfo)
        throw new AwsUserError(`The deployment ${id} could not be found.`, 'DeploymentDoesNotExistException');
      return r.deploymentInfo;
    });
  }

  listDeploymentTargets(deploymentId: string) {
    return this.run(() =>
      this.allPages(async (nextToken) => {
        const r = await this.client.send(new ListDeploymentTargetsCommand({ deploymentId, nextToken }));
        return { items: r.targetIds, nextToken: r.nextToken };
      }),
    );
  }

  listDeploymentTargetsPage(deploymentId: string, opts: { statuses?: string[]; nextToken?: string } = {}) {
    return this.run(async () => {
      const r = await this.client.send(
        new ListDeploymentTargetsCommand({
          deploymentId,
          nextToken: opts.nextToken,
          ...(opts.statuses?.length ? { targetFilters: { TargetStatus: opts.statuses } } : {}),
        }),
      );
      return { targetIds: r.targetIds ?? [], ...(r.nextToken ? { nextToken: r.nextToken } : {}) };
    });
  }

  batchGetDeploymentTargets(deploymentId: string, targetIds: string[]) {
    return this.run(async () => {
      const out = [];
      for (const part of chunk(targetIds, BATCH.targets)) {
        const r = await this.client.send(new BatchGetDeploymentTargetsCommand({ deploymentId, targetIds: part }));
        out.push(...(r.deploymentTargets ?? []));
      }
      return out;
    });
  }

  listDeploymentInstances(deploymentId: string) {
    return this.run(() =>
      this.allPages(async (nextToken) => {
        const r = await this.client.send(new ListDeploymentInstancesCommand({ deploymentId, nextToken }));
        return { items: r.instancesList, nextToken: r.nextToken };
      }),
    );
  }

  batchGetDeploymentInstances(deploymentId: string, instanceIds: string[]) {
    return this.run(async () => {
      const out = [];
      for (const part of chunk(instanceIds, BATCH.instances)) {
        const r = await this.client.send(new BatchGetDeploymentInstancesCommand({ deploymentId, instanceIds: part }));
        out.push(...(r.instancesSummary ?? []));
      }
      return out;
    });
  }

  listDeploymentConfigs() {
    return this.run(() =>
      this.allPages(async (nextToken) => {
        const r = await this.client.send(new ListDeploymentConfigsCommand({ nextToken }));
        return { items: r.deploymentConfigsList, nextToken: r.nextToken };
      }),
    );
  }

  getDeploymentConfig(name: string) {
    return this.run(async () => {
      const r = await this.client.send(new GetDeploymentConfigCommand({ deploymentConfigName: name }));
      if (!r.deploymentConfigInfo)
        throw new AwsUserError(
          `No deployment configuration found for name: ${name}`,
          'DeploymentConfigDoesNotExistException',
        );
      return r.deploymentConfigInfo;
    });
  }

  /** GetApplicationRevision's answer, or undefined when the revision is unknown. */
  private applicationRevision(application: string, revision: RevisionLocation) {
    return this.run(async () => {
      try {
        return await this.client.send(new GetApplicationRevisionCommand({ applicationName: application, revision }));
      } catch (err) {
        if ((err as { name?: string }).name === 'RevisionDoesNotExistException') return undefined;
        throw err;
      }
    });
  }

  async getApplicationRevision(application: string, revision: RevisionLocation) {
    return (await this.applicationRevision(application, revision))?.revisionInfo;
  }

  async getRevisionLocation(application: string, revision: RevisionLocation) {
    return (await this.applicationRevision(application, revision))?.revision;
  }

  createDeployment(input: CreateDeploymentInput) {
    return this.run(async () => {
      const r = await this.client.send(new CreateDeploymentCommand(input));
      if (!r.deploymentId)
        throw new AwsUserError('CodeDeploy did not return a deployment ID.', 'InternalFailure', 'retry');
      return r.deploymentId;
    });
  }

  stopDeployment(id: string, autoRollback?: boolean) {
    return this.run(async () => {
      const r = await this.client.send(
        new StopDeploymentCommand({
          deploymentId: id,
          ...(autoRollback !== undefined ? { autoRollbackEnabled: autoRollback } : {}),
        }),
      );
      return { status: r.status, statusMessage: r.statusMessage };
    });
  }

  continueDeployment(id: string, waitType?: 'READY_WAIT' | 'TERMINATION_WAIT') {
    return this.run(async () => {
      await this.client.send(
        new ContinueDeploymentCommand({ deploymentId: id, ...(waitType ? { deploymentWaitType: waitType } : {}) }),
      );
    });
  }

  putLifecycleEventHookExecutionStatus(deploymentId: string, executionId: string, status: 'Succeeded' | 'Failed') {
    return this.run(async () => {
      await this.client.send(
        new PutLifecycleEventHookExecutionStatusCommand({
          deploymentId,
          lifecycleEventHookExecutionId: executionId,
          status,
        }),
      );
    });
  }

  async listPendingHookExecutions(deploymentId: string): Promise<PendingHookExecution[]> {
    if (this.settings.kind !== 'local' || !this.settings.endpoint) return [];
    const body = (await getLocalJson(
      this.settings,
      credentialsFor(this.settings, this.context),
      '/_local/hook-executions',
      { deploymentId },
    )) as { executions?: unknown };
    const list = Array.isArray(body?.executions) ? (body.executions as Record<string, unknown>[]) : [];
    return list.map((x) => ({
      deploymentId: String(x.deploymentId),
      targetId: String(x.targetId),
      lifecycleEventName: String(x.lifecycleEventName),
      functionName: String(x.functionName),
      lifecycleEventHookExecutionId: String(x.lifecycleEventHookExecutionId),
      startTime: new Date(Number(x.startTime) * 1000),
      timeoutTime: new Date(Number(x.timeoutTime) * 1000),
    }));
  }

  private s3Client(): S3Client {
    if (!this.s3) {
      // The CodeDeploy endpoint override does not apply to S3 (a VPC endpoint is CodeDeploy's only).
      // A local connection always uploads to the local endpoint's S3 store.
      const endpoint = this.s3EndpointUrl();
      if (this.settings.kind === 'local' && !endpoint)
        throw new AwsUserError('The local endpoint has no S3 URL.', 'InternalFailure', 'check-endpoint');
      const base = clientConfig({ ...this.settings, endpoint: undefined }, this.context, this.log);
      this.s3 = new S3Client({
        ...base,
        ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
        // Checksums only where S3 requires them, so the body streams as-is (upload progress, local store).
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
      applyRetryPolicy(this.s3, this.settings.kind === 'local');
    }
    return this.s3;
  }

  uploadRevision(
    bucket: string,
    key: string,
    body: Uint8Array,
    onProgress?: (sent: number, total: number) => void,
    signal?: AbortSignal,
  ): Promise<UploadResult> {
    if (signal?.aborted) return Promise.reject(new UploadCancelledError());
    return this.run(async () => {
      const total = body.length;
      let sent = 0;
      onProgress?.(0, total);
      const stream = Readable.from(
        (function* () {
          for (let off = 0; off < total; off += UPLOAD_CHUNK) {
            const part = body.subarray(off, Math.min(total, off + UPLOAD_CHUNK));
            yield Buffer.from(part.buffer, part.byteOffset, part.byteLength);
            sent = Math.min(total, off + UPLOAD_CHUNK);
            onProgress?.(sent, total);
          }
        })(),
        { objectMode: false },
      );
      let r;
      try {
        r = await this.s3Client().send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: stream,
            ContentLength: total,
            ContentType: contentTypeFor(key),
          }),
          signal ? { abortSignal: signal } : {},
        );
      } catch (err) {
        stream.destroy();
        if (signal?.aborted) throw new UploadCancelledError();
        throw err;
      }
      if (sent < total) onProgress?.(total, total);
      const eTag = (r.ETag ?? '').replace(/"/g, '');
      return { bucket, key, eTag, ...(r.VersionId ? { versionId: r.VersionId } : {}) };
    }, { service: 'S3', bucket });
  }

  account(): AccountAccess {
    if (!this.accountReader) {
      const sdk = createAccountReader(this.settings, clientConfig(this.settings, this.context, this.log), this.context);
      this.accountReader = {
        cached: new CachedAccountReader(sdk, { ttlMs: DEFAULT_ACCOUNT_TTL_MS }),
        dispose: () => sdk.dispose(),
      };
    }
    return this.accountReader.cached;
  }

  dispose(): void {
    this.client.destroy();
    this.s3?.destroy();
    this.accountReader?.dispose();
  }
}

function contentTypeFor(key: string): string {
  if (/\.zip$/i.test(key)) return 'application/zip';
  if (/\.(tgz|tar\.gz)$/i.test(key)) return 'application/gzip';
  if (/\.tar$/i.test(key)) return 'application/x-tar';
  if (/\.ya?ml$/i.test(key)) return 'application/yaml';
  if (/\.json$/i.test(key)) return 'application/json';
  return 'application/octet-stream';
}

/** `log` receives what the AWS layer logs (redacted); the extension passes the CodeDeploy output channel. */
export function createCodeDeployApi(settings: ConnectionSettings, log?: AwsLog): CodeDeployApi {
  return new SdkCodeDeployApi(settings, log);
}
