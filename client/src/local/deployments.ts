/**
 * The deployment engine of the local service: creates deployments (revision read, script built,
 * bookkeeping in the account), plays them on the simulator, and does what the service does when
 * one completes (group's last deployments and target revision, Lambda alias, automatic rollback).
 */
import { randomInt } from 'node:crypto';
import type { Account } from './account';
import type { DeploymentCreator } from './enums';
import { FILE_EXISTS_BEHAVIORS } from './enums';
import { fail } from './errors';
import { blueGreenSucceeded, selectFleet, splitByRevision } from './fleet';
import { readAlarmConfig, readAutoRollback } from './groupInput';
import { optBool, optEnum, optObj, optStr } from './input';
import { LIMITS } from './limits';
import { buildScript } from './plan';
import type { EcsRollback } from './plan/ecs';
import type { BlueGreenRollback } from './plan/server';
import { HOOK_MODE_TAG } from './plan/common';
import { checkRevisionShape, type RevisionResult } from './revision';
import { normalizeRevision, readRevision } from './revisionSource';
import { revisionKey, stripContent } from './revisionKey';
import { rollbackWork } from './rollback';
import { COMPLETED, Simulator, type Outcome } from './simulator';
import {
  deploymentCompleted,
  ecsOriginalTaskSet,
  lambdaDeploymentCreated,
  lambdaWeightChanged,
} from './compute/coupling';
import type { DeploymentRecord, GroupRecord, HookMode, Json, PlanInput, TargetRecord } from './types';

export const DEPLOYMENT_ID = /^d-[A-Z0-9]{9}$/;
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function newDeploymentId(): string {
  let s = 'd-';
  for (let i = 0; i < 9; i++) s += ID_CHARS[randomInt(ID_CHARS.length)];
  return s;
}

/** AWS's wording when the AppSpec's Lambda versions do not fit the alias (errorInformation.code INVALID_LAMBDA_CONFIGURATION). */
export const LAMBDA_CONFIG_MESSAGE =
  'The deployment failed because the AppSpec file that specifies the AWS Lambda deployment configuration is missing or has an invalid configuration.';
export const ALIAS_MISMATCH_MESSAGE = `${LAMBDA_CONFIG_MESSAGE} The Lambda function alias version does not match the current version in AppSpec file.`;

export interface CreateOptions {
  creator?: DeploymentCreator;
  rollbackOf?: DeploymentRecord;
  /** Seeded history: the deployment starts at this epoch ms and its time runs at real speed. */
  createdAtMs?: number;
  timeScale?: number;
  plan?: PlanInput;
  ignoreFailureSwitch?: boolean;
  hookMode?: HookMode;
  /** Rollbacks: the task sets (ECS) or instances (EC2 blue/green) the rolled-back deployment left. */
  ecsRollback?: EcsRollback;
  serverRollback?: BlueGreenRollback;
}

export class DeploymentEngine {
  readonly simulator: Simulator;

  constructor(
    private readonly account: Account,
    timeScale: number,
    /** The endpoint's hook mode, read when a deployment is created. */
    private readonly hookMode: () => HookMode,
  ) {
    this.simulator = new Simulator(timeScale, {
      finished: (d, outcome, rollback, at) => this.finished(d, outcome, rollback, at),
      trafficShifted: (d, t) => this.trafficShifted(d, t),
    });
  }

  /** The deployment named in a request, with the service's exceptions for a missing, malformed or unknown id. */
  get(id: unknown): DeploymentRecord {
    if (id === undefined || id === null || id === '')
      fail('DeploymentIdRequiredException', 'At least one deployment ID must be specified.');
    if (typeof id !== 'string' || !DEPLOYMENT_ID.test(id))
      fail(
        'InvalidDeploymentIdException',
        `The deployment ID ${String(id).slice(0, 100)} was specified in an invalid format.`,
      );
    const d = this.account.findDeployment(id);
    if (!d) fail('DeploymentDoesNotExistException', `The deployment ${id} could not be found.`);
    return d;
  }

  /** Advances every running deployment to `nowMs`; true when anything changed. */
  advanceAll(nowMs: number): boolean {
    let changed = false;
    // Indexed loop: rollbacks created while advancing are appended and advanced in the same pass.
    for (let i = 0; i < this.account.state.deployments.length; i++) {
      if (this.simulator.advance(this.account.state.deployments[i], nowMs)) changed = true;
    }
    return changed;
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
    if (out.previousRevision) out.previousRevision = stripContent(out.previousRevision as Json);
    return out;
  }

  create(i: Json, opts: CreateOptions = {}): { deploymentId: string } {
    const account = this.account;
    const app = account.app(i.applicationName);
    const group = account.group(i.applicationName, i.deploymentGroupName);
    const platform = app.computePlatform;
    if (i.revision === undefined || i.revision === null)
      fail('RevisionRequiredException', 'The revision ID was not specified.');
    const revision = optObj(
      i.revision,
      'InvalidRevisionException',
      'The revision was specified in an invalid format.',
    )!;
    checkRevisionShape(revision, platform);
    const configName = i.deploymentConfigName ?? group.info.deploymentConfigName;
    const config = account.config(configName);
    if (config.computePlatform !== platform) {
      fail(
        'InvalidDeploymentConfigNameException',
        `The deployment configuration ${String(configName)} is for the ${String(config.computePlatform)} compute platform, not ${platform}.`,
      );
    }
    const description = optStr(
      i.description,
      'DescriptionTooLongException',
      'The description is too long.',
      LIMITS.descriptionLength,
    );
    const fileExists = optEnum(
      i.fileExistsBehavior,
      FILE_EXISTS_BEHAVIORS,
      'InvalidFileExistsBehaviorException',
      'An invalid fileExistsBehavior option was specified. Valid values: DISALLOW, OVERWRITE, RETAIN.',
    );
    const ignoreStop = optBool(
      i.ignoreApplicationStopFailures,
      'InvalidIgnoreApplicationStopFailuresValueException',
      'ignoreApplicationStopFailures must be true or false.',
    );
    if (ignoreStop && platform !== 'Server')
      fail(
        'InvalidIgnoreApplicationStopFailuresValueException',
        `ignoreApplicationStopFailures must be false for ${platform} deployments.`,
      );
    const outdatedOnly = optBool(
      i.updateOutdatedInstancesOnly,
      'InvalidUpdateOutdatedInstancesOnlyValueException',
      'updateOutdatedInstancesOnly must be true or false.',
    );
    if (outdatedOnly && platform !== 'Server')
      fail(
        'InvalidUpdateOutdatedInstancesOnlyValueException',
        `updateOutdatedInstancesOnly must be false for ${platform} deployments.`,
      );
    const autoRollback =
      readAutoRollback(i.autoRollbackConfiguration) ?? (group.info.autoRollbackConfiguration as Json | undefined);
    const overrideAlarms = readAlarmConfig(i.overrideAlarmConfiguration);
    const targetInstances = this.targetInstances(i.targetInstances, group);

    if (!opts.creator && opts.createdAtMs === undefined) {
      // Like the service: one active deployment per deployment group.
      const active = account.deploymentsOf(group).find((x) => !COMPLETED.has(x.info.status));
      if (active) {
        fail(
          'DeploymentLimitExceededException',
          `The Deployment Group '${group.info.deploymentGroupName}' already has an active Deployment '${active.info.deploymentId}'`,
        );
      }
    }
    const location = normalizeRevision(revision);
    let read = opts.plan
      ? ({ ok: true, plan: opts.plan } as RevisionResult)
      : readRevision(this.account, location, platform);
    if (read.ok && !opts.rollbackOf) read = this.checkLambdaAlias(read);
    if (read.ok) lambdaDeploymentCreated(this.account, read.plan);
    const nowMs = opts.createdAtMs ?? account.nowMs();
    const nowSec = nowMs / 1000;
    const id = newDeploymentId();
    const previous = this.lastSuccessful(group);
    const plan: PlanInput = read.ok ? read.plan : { platform: 'Server', hooks: {} };
    const blueGreen = (group.info.deploymentStyle as Json | undefined)?.deploymentType === 'BLUE_GREEN';
    let fleet = platform === 'Server' ? selectFleet(group.info, account) : [];
    let upToDate: typeof fleet = [];
    if (outdatedOnly && !blueGreen && !opts.serverRollback)
      ({ deploy: fleet, skip: upToDate } = splitByRevision(account.deploymentsOf(group), fleet, revisionKey(location)));
    const script = buildScript({
      plan,
      group: group.info,
      groupTags: opts.ignoreFailureSwitch ? [] : group.tags,
      config,
      fleet,
      upToDate,
      region: account.region,
      now: nowSec,
      seq: account.nextSeq(),
      ecsOriginal: platform === 'ECS' && !opts.rollbackOf ? ecsOriginalTaskSet(account, group, previous) : undefined,
      ecsRollback: opts.ecsRollback,
      serverRollback: opts.serverRollback,
      ...(read.ok ? {} : { invalid: { code: read.code, message: read.message } }),
    });
    const info: DeploymentRecord['info'] = {
      deploymentId: id,
      applicationName: app.applicationName,
      deploymentGroupName: group.info.deploymentGroupName,
      deploymentConfigName: String(configName),
      status: 'Created',
      computePlatform: platform,
      createTime: nowSec,
      creator: opts.creator ?? 'user',
      revision: location,
      ignoreApplicationStopFailures: ignoreStop === true,
      updateOutdatedInstancesOnly: outdatedOnly === true,
      deploymentStyle: group.info.deploymentStyle,
      instanceTerminationWaitTimeStarted: false,
      fileExistsBehavior: fileExists ?? 'DISALLOW',
      ...(description !== undefined ? { description } : {}),
      ...(autoRollback ? { autoRollbackConfiguration: autoRollback } : {}),
      ...(overrideAlarms ? { overrideAlarmConfiguration: overrideAlarms } : {}),
      ...(targetInstances ? { targetInstances } : {}),
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
      plan,
      groupId: group.info.deploymentGroupId,
      hookMode: opts.hookMode ?? this.hookModeOf(group),
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
        rollbackMessage: `Rollback of deployment ${orig.info.deploymentId}`,
      };
      info.description = `Rollback of deployment ${orig.info.deploymentId}`;
    }
    account.state.deployments.push(d);
    // The service keeps AppSpec content it was given even when the deployment then fails on it.
    account.useRevision(
      app.applicationName,
      location,
      nowSec,
      requestContent(location) ?? (read.ok ? read.content : undefined),
    );
    group.info.lastAttemptedDeployment = { deploymentId: id, status: 'Created', createTime: nowSec };
    account.markDirty();
    return { deploymentId: id };
  }

  private hookModeOf(group: GroupRecord): HookMode {
    const tag = group.tags
      .find((t) => t.Key === HOOK_MODE_TAG)
      ?.Value?.trim()
      .toLowerCase();
    return tag === 'manual' || tag === 'auto' ? tag : this.hookMode();
  }

  /** CreateDeployment's targetInstances: only for a blue/green EC2 group. */
  private targetInstances(v: unknown, group: GroupRecord): Json | undefined {
    const err = 'InvalidTargetInstancesException';
    const ti = optObj(v, err, 'The target instance configuration is invalid.');
    if (!ti) return undefined;
    const style = (group.info.deploymentStyle ?? {}) as Json;
    if (group.info.computePlatform !== 'Server' || style.deploymentType !== 'BLUE_GREEN')
      fail(err, 'Target instances can only be given for a blue/green EC2/On-Premises deployment.');
    if (Array.isArray(ti.autoScalingGroups) && ti.autoScalingGroups.length > 0)
      fail(
        'InvalidAutoScalingGroupException',
        'The Auto Scaling group does not exist (the local endpoint simulates none).',
      );
    for (const k of ['tagFilters']) {
      const list = ti[k];
      if (list !== undefined && (!Array.isArray(list) || list.length > LIMITS.tagFilters))
        fail(err, `targetInstances.${k} must be a list of at most ${LIMITS.tagFilters} tag filters.`);
    }
    if (Array.isArray(ti.tagFilters) && ti.tagFilters.length > 0 && ti.ec2TagSet !== undefined)
      fail(err, 'Use either targetInstances.tagFilters or targetInstances.ec2TagSet, not both.');
    return ti;
  }

  /** Lambda: CurrentVersion must be where the alias points now (the simulated alias starts at the first AppSpec's). */
  private checkLambdaAlias(read: RevisionResult & { ok: true }): RevisionResult {
    const p = read.plan;
    if (p.platform !== 'Lambda') return read;
    if (p.currentVersion === p.targetVersion)
      return { ok: false, code: 'INVALID_LAMBDA_CONFIGURATION', message: LAMBDA_CONFIG_MESSAGE };
    const now = this.account.aliasVersion(p.functionName, p.alias);
    if (now === undefined) this.account.setAlias(p.functionName, p.alias, p.currentVersion);
    else if (now !== p.currentVersion)
      return { ok: false, code: 'INVALID_LAMBDA_CONFIGURATION', message: ALIAS_MISMATCH_MESSAGE };
    return read;
  }

  private lastSuccessful(group: GroupRecord, except?: DeploymentRecord): DeploymentRecord | undefined {
    return this.account
      .deploymentsOf(group)
      .filter((x) => x !== except && x.info.status === 'Succeeded')
      .sort((a, b) => Number(b.info.completeTime ?? 0) - Number(a.info.completeTime ?? 0))[0];
  }

  /** A Lambda target's traffic moved: the alias splits it, and points to the target version at 100%. */
  private trafficShifted(_d: DeploymentRecord, t: TargetRecord): void {
    lambdaWeightChanged(this.account, t);
  }

  /** Bookkeeping when a deployment completes, and the automatic rollback when one is due. */
  private finished(d: DeploymentRecord, outcome: Outcome, rollback: boolean, atSec: number): void {
    const g = this.account.groupById(d.groupId);
    deploymentCompleted(this.account, d, g, outcome);
    const summary = {
      deploymentId: d.info.deploymentId,
      status: outcome,
      endTime: atSec,
      createTime: d.info.createTime,
    };
    if (g) {
      g.info.lastAttemptedDeployment = summary;
      if (outcome === 'Succeeded') {
        g.info.lastSuccessfulDeployment = summary;
        this.account.setTargetRevision(g, d.info.revision as Json);
        if (d.info.creator !== 'codeDeployRollback') blueGreenSucceeded(this.account, d, g);
      }
    }
    d.statusMessages.push(`Deployment ${outcome.toLowerCase()}`);
    if (!rollback) return;
    const work = g ? rollbackWork(d, this.lastSuccessful(g, d)) : undefined;
    if (!g || !work) {
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
        applicationName: g.info.applicationName,
        deploymentGroupName: g.info.deploymentGroupName,
        revision: work.revision,
        deploymentConfigName: rollbackConfig,
        autoRollbackConfiguration: d.info.autoRollbackConfiguration,
      },
      {
        creator: 'codeDeployRollback',
        rollbackOf: d,
        createdAtMs: atSec * 1000,
        timeScale: d.sim.timeScale,
        plan: work.plan,
        ignoreFailureSwitch: true,
        hookMode: 'auto',
        ecsRollback: work.ecsRollback,
        serverRollback: work.serverRollback,
      },
    );
    d.info.rollbackInfo = {
      rollbackDeploymentId: deploymentId,
      rollbackMessage: `Deployment ${d.info.status.toLowerCase()}: rolled back by deployment ${deploymentId}`,
    };
    d.statusMessages.push(`Automatic rollback started: ${deploymentId}`);
  }
}

/** AppSpec content given in the request (AppSpecContent or String revisions). */
function requestContent(loc: Json): string | undefined {
  const body = (loc.revisionType === 'String' ? loc.string : loc.appSpecContent) as Json | undefined;
  return typeof body?.content === 'string' ? body.content : undefined;
}
