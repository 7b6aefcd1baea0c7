/** The deployment operations of the local service: create, read, list, stop, continue, targets, instances. */
import { createHash, randomInt } from 'node:crypto';
import { fail } from './errors';
import { page } from './paging';
import { buildScript } from './plan';
import { checkRevisionShape, readBundle, readContentAppSpec, type RevisionResult } from './revision';
import type { CodeDeployService } from './service';
import { stripContent } from './revisionKey';
import { TargetOps } from './targets';
import { COMPLETED, Simulator, type Outcome } from './simulator';
import type { DeploymentRecord, Json, PlanInput, WaitType } from './types';

const ID_RE = /^d-[A-Z0-9]{9}$/;
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function newDeploymentId(): string {
  let s = 'd-';
  for (let i = 0; i < 9; i++) s += ID_CHARS[randomInt(ID_CHARS.length)];
  return s;
}

export interface CreateOptions {
  creator?: 'user' | 'autoRollback' | 'autoscaling';
  rollbackOf?: DeploymentRecord;
  /** Seeded history: the deployment starts at this epoch ms and its time runs at real speed. */
  createdAtMs?: number;
  timeScale?: number;
  plan?: PlanInput;
  ignoreFailureSwitch?: boolean;
}

export class DeploymentOps {
  readonly simulator: Simulator;
  readonly targets = new TargetOps((id) => this.get(id));

  constructor(
    private readonly svc: CodeDeployService,
    timeScale: number,
  ) {
    this.simulator = new Simulator(timeScale, {
      finished: (d, outcome, rollback, at) => this.finished(d, outcome, rollback, at),
    });
  }

  get(id: unknown): DeploymentRecord {
    if (typeof id !== 'string' || id === '')
      fail('DeploymentIdRequiredException', 'At least one deployment ID must be specified.');
    if (!ID_RE.test(id))
      fail('InvalidDeploymentIdException', `The deployment ID ${id} was specified in an invalid format.`);
    const d = this.svc.state.deployments.find((x) => x.info.deploymentId === id);
    if (!d) fail('DeploymentDoesNotExistException', `The deployment ${id} could not be found.`);
    return d;
  }

  /** DeploymentInfo in wire shape, with the overview and status messages derived from the targets. */
  info(d: DeploymentRecord): Json {
    const overview = { Pending: 0, InProgress: 0, Succeeded: 0, Failed: 0, Skipped: 0, Ready: 0 };
    for (const t of d.targets) {
      if (t.instanceLabel === 'Blue') continue;
      if (t.status in overview) overview[t.status as keyof typeof overview]++;
    }
    const out: Json = {
      ...structuredClone(d.info),
      deploymentOverview: overview,
      deploymentStatusMessages: [...d.statusMessages],
    };
    if (out.revision) out.revision = stripContent(out.revision as Json);
    return out;
  }

  create(i: Json, opts: CreateOptions = {}): Json {
    const svc = this.svc;
    const app = svc.app(i.applicationName);
    const group = svc.group(i.applicationName, i.deploymentGroupName);
    const platform = app.computePlatform;
    const revision = i.revision as Json | undefined;
    if (!revision) fail('RevisionRequiredException', 'The revision ID was not specified.');
    checkRevisionShape(revision, platform);
    const configName = String(i.deploymentConfigName ?? group.info.deploymentConfigName);
    const config = svc.config(configName);
    if (config.computePlatform !== platform) {
      fail(
        'InvalidDeploymentConfigNameException',
        `The deployment configuration ${configName} is for the ${String(config.computePlatform)} compute platform, not ${platform}.`,
      );
    }
    if (typeof i.description === 'string' && i.description.length > 100)
      fail('DescriptionTooLongException', 'The description is too long.');
    const fileExists = i.fileExistsBehavior;
    if (fileExists !== undefined && !['DISALLOW', 'OVERWRITE', 'RETAIN'].includes(String(fileExists))) {
      fail('InvalidFileExistsBehaviorException', 'An invalid fileExistsBehavior option was specified.');
    }

    if (!opts.creator && opts.createdAtMs === undefined) {
      // Like the service: one active deployment per deployment group.
      const active = svc.state.deployments.find(
        (x) =>
          x.info.applicationName === app.applicationName &&
          x.info.deploymentGroupName === group.info.deploymentGroupName &&
          !COMPLETED.has(x.info.status),
      );
      if (active) {
        fail(
          'DeploymentLimitExceededException',
          `The Deployment Group '${group.info.deploymentGroupName}' already has an active Deployment '${active.info.deploymentId}'`,
        );
      }
    }
    const location = normalizeRevision(revision);
    const read = opts.plan ? ({ ok: true, plan: opts.plan } as RevisionResult) : this.readRevision(location, platform);
    const nowMs = opts.createdAtMs ?? svc.nowSec() * 1000;
    const nowSec = nowMs / 1000;
    const id = newDeploymentId();
    const seq = ++svc.state.counter;
    const previous = this.lastSuccessful(app.applicationName, group.info.deploymentGroupName);
    const autoRollback = (i.autoRollbackConfiguration ?? group.info.autoRollbackConfiguration) as Json | undefined;
    const script = buildScript({
      plan: read.ok ? read.plan : { platform: 'Server', hooks: {} },
      group: group.info,
      groupTags: opts.ignoreFailureSwitch ? [] : group.tags,
      config,
      fleet: svc.state.instances,
      region: svc.region,
      now: nowSec,
      seq,
      ...(read.ok ? {} : { invalid: { code: read.code, message: read.message } }),
    });
    const info: DeploymentRecord['info'] = {
      deploymentId: id,
      applicationName: app.applicationName,
      deploymentGroupName: group.info.deploymentGroupName,
      deploymentConfigName: configName,
      status: 'Created',
      computePlatform: platform,
      createTime: nowSec,
      creator: opts.creator ?? 'user',
      revision: location,
      ignoreApplicationStopFailures: i.ignoreApplicationStopFailures === true,
      updateOutdatedInstancesOnly: i.updateOutdatedInstancesOnly === true,
      deploymentStyle: group.info.deploymentStyle,
      instanceTerminationWaitTimeStarted: false,
      fileExistsBehavior: (fileExists as string | undefined) ?? 'DISALLOW',
      ...(typeof i.description === 'string' ? { description: i.description } : {}),
      ...(autoRollback ? { autoRollbackConfiguration: autoRollback } : {}),
      ...(group.info.blueGreenDeploymentConfiguration
        ? { blueGreenDeploymentConfiguration: group.info.blueGreenDeploymentConfiguration }
        : {}),
      ...(group.info.loadBalancerInfo ? { loadBalancerInfo: group.info.loadBalancerInfo } : {}),
      ...(previous ? { previousRevision: previous.info.revision } : {}),
    };
    const d: DeploymentRecord = {
      info,
      targets: script.targets,
      statusMessages: [],
      plan: read.ok ? read.plan : { platform: 'Server', hooks: {} },
      sim: {
        ops: script.ops,
        cursor: 0,
        elapsed: 0,
        offset: 0,
        lastReal: nowMs,
        ...(opts.timeScale ? { timeScale: opts.timeScale } : {}),
      },
    };
    if (opts.rollbackOf) {
      const orig = opts.rollbackOf;
      info.rollbackInfo = {
        rollbackTriggeringDeploymentId: orig.info.deploymentId,
        rollbackMessage: `Automatic rollback of deployment ${orig.info.deploymentId}`,
      };
      info.description = `Automatic rollback of deployment ${orig.info.deploymentId}`;
    }
    svc.state.deployments.push(d);
    svc.touchRevision(
      app.applicationName,
      location,
      group.info.deploymentGroupName,
      nowSec,
      read.ok ? read.content : undefined,
    );
    group.info.lastAttemptedDeployment = { deploymentId: id, status: 'Created', createTime: nowSec };
    svc.markDirty();
    return { deploymentId: id };
  }

  private readRevision(loc: Json, platform: 'Server' | 'Lambda' | 'ECS'): RevisionResult {
    const type = loc.revisionType;
    if (type === 'AppSpecContent' || type === 'String') {
      const body = (type === 'String' ? loc.string : loc.appSpecContent) as Json;
      return readContentAppSpec(String(body.content), platform === 'ECS' ? 'ECS' : 'Lambda');
    }
    if (type === 'GitHub') {
      return {
        ok: false,
        code: 'REVISION_MISSING',
        message:
          'The local endpoint cannot download revisions from GitHub. Upload the bundle to the local S3 store and deploy it from there.',
      };
    }
    const s3 = loc.s3Location as Json;
    const bucket = String(s3.bucket);
    const key = String(s3.key);
    const meta = this.svc.s3?.head(bucket, key);
    const bytes = meta ? this.svc.s3?.get(bucket, key) : undefined;
    const wantETag = typeof s3.eTag === 'string' ? s3.eTag.replace(/"/g, '') : undefined;
    if (!meta || !bytes || (wantETag && wantETag !== meta.eTag.replace(/"/g, ''))) {
      return {
        ok: false,
        code: 'REVISION_MISSING',
        message: `The revision s3://${bucket}/${key}${wantETag ? ` (ETag ${wantETag})` : ''} could not be found.`,
      };
    }
    if (platform === 'Server') return readBundle(bytes, s3.bundleType as string | undefined);
    return readContentAppSpec(Buffer.from(bytes).toString('utf8'), platform);
  }

  private lastSuccessful(app: string, group: string): DeploymentRecord | undefined {
    const done = this.svc.state.deployments.filter(
      (x) => x.info.applicationName === app && x.info.deploymentGroupName === group && x.info.status === 'Succeeded',
    );
    return done.sort((a, b) => Number(b.info.completeTime ?? 0) - Number(a.info.completeTime ?? 0))[0];
  }

  /** Bookkeeping when a deployment completes, and the automatic rollback when one is due. */
  private finished(d: DeploymentRecord, outcome: Outcome, rollback: boolean, atSec: number): void {
    const svc = this.svc;
    const g = svc.state.groups.find(
      (x) =>
        x.info.applicationName === d.info.applicationName && x.info.deploymentGroupName === d.info.deploymentGroupName,
    );
    const summary = {
      deploymentId: d.info.deploymentId,
      status: outcome,
      endTime: atSec,
      createTime: d.info.createTime,
    };
    if (g) {
      g.info.lastAttemptedDeployment = summary;
      if (outcome === 'Succeeded') g.info.lastSuccessfulDeployment = summary;
    }
    d.statusMessages.push(`Deployment ${outcome.toLowerCase()}`);
    if (!rollback) return;
    const plan = this.rollbackPlan(d);
    if (!plan) {
      d.info.rollbackInfo = {
        rollbackMessage:
          'Automatic rollback was not started: no earlier successful deployment of this deployment group to roll back to.',
      };
      return;
    }
    const rollbackConfig = {
      Lambda: 'CodeDeployDefault.LambdaAllAtOnce',
      ECS: 'CodeDeployDefault.ECSAllAtOnce',
      Server: String(d.info.deploymentConfigName),
    }[d.info.computePlatform];
    const { deploymentId } = this.create(
      {
        applicationName: d.info.applicationName,
        deploymentGroupName: d.info.deploymentGroupName,
        revision: plan.revision,
        deploymentConfigName: rollbackConfig,
        autoRollbackConfiguration: d.info.autoRollbackConfiguration,
      },
      {
        creator: 'autoRollback',
        rollbackOf: d,
        createdAtMs: atSec * 1000,
        timeScale: d.sim.timeScale,
        plan: plan.plan,
        ignoreFailureSwitch: true,
      },
    ) as { deploymentId: string };
    d.info.rollbackInfo = {
      rollbackDeploymentId: deploymentId,
      rollbackMessage: `Deployment ${d.info.status.toLowerCase()}: rolled back by deployment ${deploymentId}`,
    };
    d.statusMessages.push(`Automatic rollback started: ${deploymentId}`);
  }

  /** Lambda/ECS roll back by shifting traffic back; EC2 redeploys the last successful revision. */
  private rollbackPlan(d: DeploymentRecord): { plan: PlanInput; revision: Json } | undefined {
    const p = d.plan;
    if (p.platform === 'Lambda') {
      return {
        plan: { ...p, currentVersion: p.targetVersion, targetVersion: p.currentVersion, hooks: {} },
        revision: d.info.revision as Json,
      };
    }
    if (p.platform === 'ECS') return { plan: { ...p, hooks: {} }, revision: d.info.revision as Json };
    const prev = this.svc.state.deployments
      .filter(
        (x) =>
          x !== d &&
          x.info.applicationName === d.info.applicationName &&
          x.info.deploymentGroupName === d.info.deploymentGroupName &&
          x.info.status === 'Succeeded',
      )
      .sort((a, b) => Number(b.info.completeTime ?? 0) - Number(a.info.completeTime ?? 0))[0];
    return prev ? { plan: prev.plan, revision: prev.info.revision as Json } : undefined;
  }

  batchGet(i: Json): Json {
    const ids = i.deploymentIds;
    if (!Array.isArray(ids) || ids.length === 0)
      fail('DeploymentIdRequiredException', 'At least one deployment ID must be specified.');
    if (ids.length > 25)
      fail(
        'BatchLimitExceededException',
        'The maximum number of names or IDs allowed for this request (25) was exceeded.',
      );
    const out: Json[] = [];
    for (const id of ids) {
      if (typeof id !== 'string' || !ID_RE.test(id))
        fail('InvalidDeploymentIdException', `The deployment ID ${String(id)} was specified in an invalid format.`);
      const d = this.svc.state.deployments.find((x) => x.info.deploymentId === id);
      if (d) out.push(this.info(d));
    }
    return { deploymentsInfo: out };
  }

  list(i: Json): Json {
    let items = this.svc.state.deployments;
    let scope = '';
    if (i.applicationName !== undefined || i.deploymentGroupName !== undefined) {
      const g = this.svc.group(i.applicationName, i.deploymentGroupName);
      items = items.filter(
        (d) =>
          d.info.applicationName === g.info.applicationName &&
          d.info.deploymentGroupName === g.info.deploymentGroupName,
      );
      scope = `${g.info.applicationName}/${g.info.deploymentGroupName}`;
    }
    const statuses = i.includeOnlyStatuses;
    if (Array.isArray(statuses) && statuses.length) {
      const bad = statuses.find(
        (s) =>
          !['Created', 'Queued', 'InProgress', 'Baking', 'Succeeded', 'Failed', 'Stopped', 'Ready'].includes(String(s)),
      );
      if (bad !== undefined)
        fail('InvalidDeploymentStatusException', `The deployment status ${String(bad)} is invalid.`);
      items = items.filter((d) => statuses.includes(d.info.status));
      scope += `|${statuses.join(',')}`;
    }
    const range = i.createTimeRange as { start?: number; end?: number } | undefined;
    if (range) {
      if (range.start !== undefined && range.end !== undefined && range.start > range.end)
        fail('InvalidTimeRangeException', 'The specified time range was specified in an invalid format.');
      items = items.filter(
        (d) =>
          (range.start === undefined || d.info.createTime >= range.start) &&
          (range.end === undefined || d.info.createTime <= range.end),
      );
      scope += `|${range.start ?? ''}-${range.end ?? ''}`;
    }
    const sorted = [...items].sort((a, b) => b.info.createTime - a.info.createTime);
    const p = page(
      'ListDeployments',
      sorted.map((d) => d.info.deploymentId),
      i.nextToken,
      scope,
    );
    return { deployments: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
  }

  stop(i: Json): Json {
    const d = this.get(i.deploymentId);
    let rollback = i.autoRollbackEnabled === true;
    if (i.autoRollbackEnabled === undefined) {
      const cfg = d.info.autoRollbackConfiguration as { enabled?: boolean; events?: string[] } | undefined;
      rollback = !!cfg?.enabled && (cfg.events ?? []).includes('DEPLOYMENT_STOP_ON_REQUEST');
    }
    this.simulator.requestStop(d, rollback);
    this.svc.markDirty();
    return {
      status: 'Pending',
      statusMessage: 'Stopping Pending. Stopping to schedule commands in the deployment instances',
    };
  }

  continue(i: Json): Json {
    const d = this.get(i.deploymentId);
    const type = (i.deploymentWaitType ?? 'READY_WAIT') as WaitType;
    if (type !== 'READY_WAIT' && type !== 'TERMINATION_WAIT')
      fail('InvalidDeploymentWaitTypeException', `The wait type ${String(type)} is invalid.`);
    if (d.info.computePlatform === 'Lambda')
      fail(
        'UnsupportedActionForDeploymentTypeException',
        'A call was submitted that is not supported for the specified deployment type.',
      );
    if ((d.info.deploymentStyle as Json | undefined)?.deploymentType !== 'BLUE_GREEN') {
      fail(
        'UnsupportedActionForDeploymentTypeException',
        'A call was submitted that is not supported for the specified deployment type.',
      );
    }
    this.simulator.continueWait(d, type);
    this.svc.markDirty();
    return {};
  }

  isCompleted(d: DeploymentRecord): boolean {
    return COMPLETED.has(d.info.status);
  }
}

/** Copies the revision and fills in the AppSpec content's SHA-256 when the request left it out. */
function normalizeRevision(rev: Json): Json {
  const copy = structuredClone(rev);
  for (const k of ['appSpecContent', 'string']) {
    const body = copy[k] as Json | undefined;
    if (body && typeof body.content === 'string' && !body.sha256)
      body.sha256 = createHash('sha256').update(body.content).digest('hex');
  }
  return copy;
}
