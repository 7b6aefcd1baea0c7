/**
 * The CodeDeploy service behind the local endpoint: one method per operation, taking and
 * returning the JSON wire shapes, with the real service's validation and exception names.
 * Deployment operations live in deployments.ts; this file owns the state, its persistence and
 * the application / deployment group / configuration / revision operations.
 */
import { randomUUID } from 'node:crypto';
import { fail } from './errors';
import { DeploymentOps } from './deployments';
import { page } from './paging';
import type { Clock } from './simulator';
import { Store } from './store';
import type { LocalS3 } from './s3';
import type { ApplicationRecord, ComputePlatform, GroupRecord, Json, RevisionRecord, State } from './types';
import { seedState } from './seed';
import { checkConfigShape, checkGroupShapes } from './shapes';
import { tagResource, tagsOf, untagResource } from './tags';
import { revisionKey, stripContent } from './revisionKey';
import { predefinedConfigs } from './configs';

export interface ServiceOptions {
  store: Store;
  clock: Clock;
  timeScale: number;
  region?: string;
  /** Where S3 revisions are read from (the local S3 store). */
  s3?: LocalS3;
  /** Skip the demo applications (tests that want an empty account). Predefined configs are always there. */
  seed?: boolean;
}

export type Handler = (input: Json) => Json;

const PLATFORMS: ComputePlatform[] = ['Server', 'Lambda', 'ECS'];

export class CodeDeployService {
  readonly state: State;
  readonly region: string;
  readonly deployments: DeploymentOps;
  readonly s3: LocalS3 | undefined;
  private dirty = false;

  constructor(private readonly opts: ServiceOptions) {
    this.s3 = opts.s3;
    this.region = opts.region ?? 'us-east-1';
    const loaded = opts.store.load();
    this.deployments = new DeploymentOps(this, opts.timeScale);
    if (loaded) this.state = loaded;
    else {
      this.state = {
        version: 1,
        applications: [],
        groups: [],
        configs: [],
        deployments: [],
        revisions: [],
        instances: [],
        counter: 0,
      };
      const now = opts.clock.now();
      for (const c of predefinedConfigs())
        this.state.configs.push({
          ...c,
          deploymentConfigId: randomUUID(),
          createTime: Math.floor(now / 1000) - 86400 * 365,
        });
      if (opts.seed !== false) seedState(this, now);
      this.dirty = true;
    }
    this.sync();
  }

  nowSec(): number {
    return this.opts.clock.now() / 1000;
  }

  markDirty(): void {
    this.dirty = true;
  }

  /** Advances every running deployment to the clock's now and saves when anything changed. */
  sync(): void {
    const now = this.opts.clock.now();
    // Indexed loop: rollbacks created while advancing are appended and advanced in the same pass.
    for (let i = 0; i < this.state.deployments.length; i++) {
      if (this.deployments.simulator.advance(this.state.deployments[i], now)) this.dirty = true;
    }
    if (this.dirty) {
      this.opts.store.save(this.state);
      this.dirty = false;
    }
  }

  /** The table of operations the HTTP layer dispatches to. */
  operations(): Record<string, Handler> {
    const d = this.deployments;
    return {
      CreateApplication: (i) => this.createApplication(i),
      GetApplication: (i) => ({ application: this.app(i.applicationName) }),
      ListApplications: (i) => {
        const names = this.state.applications.map((a) => a.applicationName).sort();
        const p = page('ListApplications', names, i.nextToken);
        return { applications: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
      },
      BatchGetApplications: (i) => this.batchGetApplications(i),
      CreateDeploymentGroup: (i) => this.createDeploymentGroup(i),
      GetDeploymentGroup: (i) => ({
        deploymentGroupInfo: this.groupInfo(this.group(i.applicationName, i.deploymentGroupName)),
      }),
      ListDeploymentGroups: (i) => {
        const app = this.app(i.applicationName);
        const names = this.state.groups
          .filter((g) => g.info.applicationName === app.applicationName)
          .map((g) => g.info.deploymentGroupName)
          .sort();
        const p = page('ListDeploymentGroups', names, i.nextToken, app.applicationName);
        return {
          applicationName: app.applicationName,
          deploymentGroups: p.items,
          ...(p.nextToken ? { nextToken: p.nextToken } : {}),
        };
      },
      BatchGetDeploymentGroups: (i) => this.batchGetDeploymentGroups(i),
      CreateDeploymentConfig: (i) => this.createDeploymentConfig(i),
      GetDeploymentConfig: (i) => ({ deploymentConfigInfo: this.config(i.deploymentConfigName) }),
      ListDeploymentConfigs: (i) => {
        const names = this.state.configs.map((c) => String(c.deploymentConfigName)).sort();
        const p = page('ListDeploymentConfigs', names, i.nextToken);
        return { deploymentConfigsList: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
      },
      GetApplicationRevision: (i) => this.getApplicationRevision(i),
      ListApplicationRevisions: (i) => {
        const app = this.app(i.applicationName);
        const revs = this.state.revisions
          .filter((r) => r.applicationName === app.applicationName)
          .sort((a, b) => b.registerTime - a.registerTime);
        const p = page(
          'ListApplicationRevisions',
          revs.map((r) => r.revisionLocation),
          i.nextToken,
          app.applicationName,
        );
        return { revisions: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
      },
      TagResource: (i) => tagResource(this, i),
      UntagResource: (i) => untagResource(this, i),
      ListTagsForResource: (i) => ({ Tags: structuredClone(tagsOf(this, i.ResourceArn)) }),
      CreateDeployment: (i) => d.create(i),
      GetDeployment: (i) => ({ deploymentInfo: d.info(d.get(i.deploymentId)) }),
      BatchGetDeployments: (i) => d.batchGet(i),
      ListDeployments: (i) => d.list(i),
      StopDeployment: (i) => d.stop(i),
      ContinueDeployment: (i) => d.continue(i),
      ListDeploymentTargets: (i) => d.targets.listTargets(i),
      BatchGetDeploymentTargets: (i) => d.targets.batchGetTargets(i),
      GetDeploymentTarget: (i) => d.targets.getTarget(i),
      ListDeploymentInstances: (i) => d.targets.listInstances(i),
      BatchGetDeploymentInstances: (i) => d.targets.batchGetInstances(i),
      GetDeploymentInstance: (i) => d.targets.getInstance(i),
    };
  }

  // ---- lookups shared with deployments.ts ----

  app(name: unknown): ApplicationRecord {
    if (typeof name !== 'string' || name === '')
      fail('ApplicationNameRequiredException', 'The minimum number of required application names was not specified.');
    const app = this.state.applications.find((a) => a.applicationName === name);
    if (!app) fail('ApplicationDoesNotExistException', `No application found for name: ${name}`);
    return app;
  }

  group(appName: unknown, name: unknown): GroupRecord {
    const app = this.app(appName);
    if (typeof name !== 'string' || name === '')
      fail('DeploymentGroupNameRequiredException', 'The deployment group name was not specified.');
    const g = this.state.groups.find(
      (x) => x.info.applicationName === app.applicationName && x.info.deploymentGroupName === name,
    );
    if (!g) fail('DeploymentGroupDoesNotExistException', `No Deployment Group found for name: ${name}`);
    return g;
  }

  config(name: unknown): Json {
    if (typeof name !== 'string' || name === '')
      fail('DeploymentConfigNameRequiredException', 'The deployment configuration name was not specified.');
    const c = this.state.configs.find((x) => x.deploymentConfigName === name);
    if (!c) fail('DeploymentConfigDoesNotExistException', `No deployment configuration found for name: ${name}`);
    return c;
  }

  groupInfo(g: GroupRecord): Json {
    return structuredClone(g.info);
  }

  // ---- operations ----

  createApplication(i: Json): Json {
    const name = i.applicationName;
    if (typeof name !== 'string' || name === '')
      fail('ApplicationNameRequiredException', 'The minimum number of required application names was not specified.');
    if (name.length > 100)
      fail('InvalidApplicationNameException', 'The application name was specified in an invalid format.');
    if (this.state.applications.some((a) => a.applicationName === name))
      fail(
        'ApplicationAlreadyExistsException',
        `The application ${name} already exists with the IAM user or Amazon Web Services account.`,
      );
    const platform = (i.computePlatform ?? 'Server') as ComputePlatform;
    if (!PLATFORMS.includes(platform))
      fail(
        'InvalidComputePlatformException',
        'The computePlatform is invalid. The computePlatform should be Lambda, Server, or ECS.',
      );
    const app = this.addApplication(name, platform, this.nowSec());
    this.markDirty();
    return { applicationId: app.applicationId };
  }

  addApplication(name: string, platform: ComputePlatform, createTime: number): ApplicationRecord {
    const app: ApplicationRecord = {
      applicationId: randomUUID(),
      applicationName: name,
      createTime,
      linkedToGitHub: false,
      computePlatform: platform,
    };
    this.state.applications.push(app);
    return app;
  }

  private batchGetApplications(i: Json): Json {
    const names = i.applicationNames;
    if (!Array.isArray(names) || names.length === 0)
      fail('ApplicationNameRequiredException', 'The minimum number of required application names was not specified.');
    if (names.length > 100)
      fail(
        'BatchLimitExceededException',
        'The maximum number of names or IDs allowed for this request (100) was exceeded.',
      );
    return { applicationsInfo: names.map((n) => ({ ...this.app(n) })) };
  }

  private createDeploymentGroup(i: Json): Json {
    const app = this.app(i.applicationName);
    const name = i.deploymentGroupName;
    if (typeof name !== 'string' || name === '')
      fail('DeploymentGroupNameRequiredException', 'The deployment group name was not specified.');
    if (
      this.state.groups.some(
        (g) => g.info.applicationName === app.applicationName && g.info.deploymentGroupName === name,
      )
    ) {
      fail(
        'DeploymentGroupAlreadyExistsException',
        `A deployment group with the name ${name} already exists for this application.`,
      );
    }
    if (typeof i.serviceRoleArn !== 'string' || i.serviceRoleArn === '')
      fail('RoleRequiredException', 'The role ID was not specified.');
    checkGroupShapes(i);
    if (i.deploymentConfigName !== undefined) {
      const c = this.config(i.deploymentConfigName);
      if (c.computePlatform !== app.computePlatform) {
        fail(
          'InvalidDeploymentConfigNameException',
          `The deployment configuration ${String(i.deploymentConfigName)} is for the ${String(c.computePlatform)} compute platform, not ${app.computePlatform}.`,
        );
      }
    }
    const rest: Json = { ...i };
    for (const k of ['tags', 'applicationName', 'deploymentGroupName']) delete rest[k];
    const g = this.addGroup(app, name, rest, (i.tags as GroupRecord['tags']) ?? []);
    this.markDirty();
    return { deploymentGroupId: g.info.deploymentGroupId };
  }

  addGroup(app: ApplicationRecord, name: string, fields: Json, tags: GroupRecord['tags']): GroupRecord {
    const style =
      fields.deploymentStyle ??
      (app.computePlatform === 'Server'
        ? { deploymentType: 'IN_PLACE', deploymentOption: 'WITHOUT_TRAFFIC_CONTROL' }
        : { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' });
    const g: GroupRecord = {
      info: {
        ...fields,
        applicationName: app.applicationName,
        deploymentGroupName: name,
        deploymentGroupId: randomUUID(),
        computePlatform: app.computePlatform,
        deploymentConfigName:
          (fields.deploymentConfigName as string | undefined) ??
          {
            Server: 'CodeDeployDefault.OneAtATime',
            Lambda: 'CodeDeployDefault.LambdaAllAtOnce',
            ECS: 'CodeDeployDefault.ECSAllAtOnce',
          }[app.computePlatform],
        deploymentStyle: style,
      },
      tags,
    };
    this.state.groups.push(g);
    return g;
  }

  private batchGetDeploymentGroups(i: Json): Json {
    const app = this.app(i.applicationName);
    const names = i.deploymentGroupNames;
    if (!Array.isArray(names) || names.length === 0)
      fail('DeploymentGroupNameRequiredException', 'The deployment group name was not specified.');
    if (names.length > 100)
      fail(
        'BatchLimitExceededException',
        'The maximum number of names or IDs allowed for this request (100) was exceeded.',
      );
    const infos: Json[] = [];
    const missing: string[] = [];
    for (const n of names) {
      const g = this.state.groups.find(
        (x) => x.info.applicationName === app.applicationName && x.info.deploymentGroupName === n,
      );
      if (g) infos.push(this.groupInfo(g));
      else missing.push(String(n));
    }
    return {
      deploymentGroupsInfo: infos,
      ...(missing.length ? { errorMessage: `Deployment groups not found: ${missing.join(', ')}` } : {}),
    };
  }

  private createDeploymentConfig(i: Json): Json {
    const name = i.deploymentConfigName;
    if (typeof name !== 'string' || name === '')
      fail('DeploymentConfigNameRequiredException', 'The deployment configuration name was not specified.');
    if (name.startsWith('CodeDeployDefault.'))
      fail(
        'InvalidDeploymentConfigNameException',
        'Deployment configuration names cannot start with CodeDeployDefault.',
      );
    if (this.state.configs.some((c) => c.deploymentConfigName === name))
      fail(
        'DeploymentConfigAlreadyExistsException',
        `A deployment configuration with the name ${name} already exists.`,
      );
    const platform = (i.computePlatform ?? 'Server') as ComputePlatform;
    if (!PLATFORMS.includes(platform))
      fail(
        'InvalidComputePlatformException',
        'The computePlatform is invalid. The computePlatform should be Lambda, Server, or ECS.',
      );
    checkConfigShape(i, platform);
    const id = this.addConfig({ ...i, computePlatform: platform });
    this.markDirty();
    return { deploymentConfigId: id };
  }

  addConfig(c: Json): string {
    const id = randomUUID();
    this.state.configs.push({ ...c, deploymentConfigId: id, createTime: Math.floor(this.nowSec()) });
    return id;
  }

  /** Records a revision's use (register, first/last used, groups), as RegisterApplicationRevision and deployments do. */
  touchRevision(appName: string, location: Json, group: string, atSec: number, content?: string): void {
    const key = revisionKey(location);
    let rec = this.state.revisions.find(
      (r) => r.applicationName === appName && revisionKey(r.revisionLocation) === key,
    );
    if (!rec) {
      rec = {
        applicationName: appName,
        revisionLocation: stripContent(location),
        registerTime: atSec,
        deploymentGroups: [],
        ...(content ? { content } : {}),
      };
      this.state.revisions.push(rec);
    }
    rec.firstUsedTime ??= atSec;
    rec.lastUsedTime = atSec;
    if (!rec.deploymentGroups.includes(group)) rec.deploymentGroups.push(group);
  }

  private getApplicationRevision(i: Json): Json {
    const app = this.app(i.applicationName);
    const loc = i.revision as Json | undefined;
    if (!loc) fail('RevisionRequiredException', 'The revision ID was not specified.');
    const key = revisionKey(loc);
    const rec: RevisionRecord | undefined = this.state.revisions.find(
      (r) => r.applicationName === app.applicationName && revisionKey(r.revisionLocation) === key,
    );
    if (!rec)
      fail(
        'RevisionDoesNotExistException',
        'The named revision does not exist with the IAM user or Amazon Web Services account.',
      );
    const revision = structuredClone(rec.revisionLocation);
    if (rec.content !== undefined && revision.revisionType === 'AppSpecContent')
      (revision.appSpecContent as Json).content = rec.content;
    if (rec.content !== undefined && revision.revisionType === 'String')
      (revision.string as Json).content = rec.content;
    return {
      applicationName: app.applicationName,
      revision,
      revisionInfo: {
        deploymentGroups: rec.deploymentGroups,
        registerTime: rec.registerTime,
        ...(rec.firstUsedTime !== undefined ? { firstUsedTime: rec.firstUsedTime } : {}),
        ...(rec.lastUsedTime !== undefined ? { lastUsedTime: rec.lastUsedTime } : {}),
        ...(rec.description ? { description: rec.description } : {}),
      },
    };
  }
}
