/**
 * The simulated AWS account behind the local endpoint: its state, the lookups every operation
 * shares (with the service's "required" / "does not exist" exceptions), the few constructors
 * that add records, and dirty tracking for persistence. Nothing here knows about HTTP, the
 * simulator or other operation modules; they all go through this class.
 */
import { randomUUID } from 'node:crypto';
import { predefinedConfigs } from './configs';
import { fail } from './errors';
import { LIMITS } from './limits';
import { revisionKey, stripContent } from './revisionKey';
import type { LocalS3 } from './s3';
import type {
  ApplicationRecord,
  ComputePlatform,
  DeploymentRecord,
  GroupRecord,
  Json,
  LambdaAliasRecord,
  OnPremisesInstanceRecord,
  RevisionRecord,
  State,
  Tag,
} from './types';

/** The account id the simulated resources live in (ARNs, function and service ARNs). */
export const ACCOUNT_ID = '111122223333';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export function emptyState(): State {
  return {
    version: 1,
    applications: [],
    groups: [],
    configs: [],
    deployments: [],
    revisions: [],
    instances: [],
    onPremisesInstances: [],
    lambdaAliases: [],
    counter: 0,
  };
}

/** A name the service accepts: a non-empty string of at most `max` characters. */
export function checkName(value: unknown, max: number, required: string, invalid: string, what: string): string {
  if (value === undefined || value === null || value === '') fail(required, `The ${what} was not specified.`);
  if (typeof value !== 'string' || value.length > max)
    fail(invalid, `The ${what} was specified in an invalid format (at most ${max} characters).`);
  return value;
}

export class Account {
  private dirty = false;

  constructor(
    readonly state: State,
    readonly clock: Clock,
    readonly region: string,
    readonly s3?: LocalS3,
  ) {}

  /** A fresh account with the predefined deployment configurations. */
  static create(clock: Clock, region: string, s3?: LocalS3): Account {
    const account = new Account(emptyState(), clock, region, s3);
    const yearAgo = Math.floor(clock.now() / 1000) - 86400 * 365;
    for (const c of predefinedConfigs())
      account.state.configs.push({ ...c, deploymentConfigId: randomUUID(), createTime: yearAgo });
    account.markDirty();
    return account;
  }

  nowMs(): number {
    return this.clock.now();
  }

  nowSec(): number {
    return this.clock.now() / 1000;
  }

  markDirty(): void {
    this.dirty = true;
  }

  /** True when something changed since the last call (and clears the flag). */
  takeDirty(): boolean {
    const d = this.dirty;
    this.dirty = false;
    return d;
  }

  nextSeq(): number {
    return ++this.state.counter;
  }

  arn(kind: 'application' | 'deploymentgroup' | 'instance', name: string): string {
    const sep = kind === 'instance' ? '/' : ':';
    return `arn:aws:codedeploy:${this.region}:${ACCOUNT_ID}:${kind}${sep}${name}`;
  }

  // ---- applications ----

  findApp(name: string): ApplicationRecord | undefined {
    return this.state.applications.find((a) => a.applicationName === name);
  }

  app(name: unknown): ApplicationRecord {
    const n = checkName(
      name,
      LIMITS.nameLength,
      'ApplicationNameRequiredException',
      'InvalidApplicationNameException',
      'application name',
    );
    const app = this.findApp(n);
    if (!app) fail('ApplicationDoesNotExistException', `No application found for name: ${n}`);
    return app;
  }

  addApplication(name: string, platform: ComputePlatform, createTime: number, tags: Tag[] = []): ApplicationRecord {
    const app: ApplicationRecord = {
      applicationId: randomUUID(),
      applicationName: name,
      createTime,
      linkedToGitHub: false,
      computePlatform: platform,
      tags,
    };
    this.state.applications.push(app);
    this.markDirty();
    return app;
  }

  /** ApplicationInfo in wire shape. */
  appInfo(app: ApplicationRecord): Json {
    const { applicationId, applicationName, createTime, linkedToGitHub, computePlatform } = app;
    return { applicationId, applicationName, createTime, linkedToGitHub, computePlatform };
  }

  // ---- deployment groups ----

  groupsOf(appName: string): GroupRecord[] {
    return this.state.groups.filter((g) => g.info.applicationName === appName);
  }

  findGroup(appName: string, name: string): GroupRecord | undefined {
    return this.state.groups.find((g) => g.info.applicationName === appName && g.info.deploymentGroupName === name);
  }

  groupById(id: string | undefined): GroupRecord | undefined {
    return id === undefined ? undefined : this.state.groups.find((g) => g.info.deploymentGroupId === id);
  }

  group(appName: unknown, name: unknown): GroupRecord {
    const app = this.app(appName);
    const n = checkName(
      name,
      LIMITS.nameLength,
      'DeploymentGroupNameRequiredException',
      'InvalidDeploymentGroupNameException',
      'deployment group name',
    );
    const g = this.findGroup(app.applicationName, n);
    if (!g) fail('DeploymentGroupDoesNotExistException', `No Deployment Group found for name: ${n}`);
    return g;
  }

  addGroup(app: ApplicationRecord, info: Json, tags: Tag[]): GroupRecord {
    const g: GroupRecord = {
      info: {
        ...info,
        applicationName: app.applicationName,
        deploymentGroupName: String(info.deploymentGroupName),
        deploymentGroupId: randomUUID(),
        computePlatform: app.computePlatform,
      },
      tags,
    };
    this.state.groups.push(g);
    this.markDirty();
    return g;
  }

  // ---- deployment configurations ----

  findConfig(name: string): Json | undefined {
    return this.state.configs.find((c) => c.deploymentConfigName === name);
  }

  config(name: unknown): Json {
    const n = checkName(
      name,
      LIMITS.nameLength,
      'DeploymentConfigNameRequiredException',
      'InvalidDeploymentConfigNameException',
      'deployment configuration name',
    );
    const c = this.findConfig(n);
    if (!c) fail('DeploymentConfigDoesNotExistException', `No deployment configuration found for name: ${n}`);
    return c;
  }

  addConfig(c: Json): string {
    const id = randomUUID();
    this.state.configs.push({ ...c, deploymentConfigId: id, createTime: Math.floor(this.nowSec()) });
    this.markDirty();
    return id;
  }

  // ---- deployments ----

  findDeployment(id: string): DeploymentRecord | undefined {
    return this.state.deployments.find((x) => x.info.deploymentId === id);
  }

  /** The deployments of a group, by the group's id (so renamed and re-created groups stay apart). */
  deploymentsOf(g: GroupRecord): DeploymentRecord[] {
    return this.state.deployments.filter((d) => d.groupId === g.info.deploymentGroupId);
  }

  // ---- revisions ----

  findRevision(appName: string, location: Json): RevisionRecord | undefined {
    const key = revisionKey(location);
    return this.state.revisions.find((r) => r.applicationName === appName && revisionKey(r.revisionLocation) === key);
  }

  /** The revision's record, registered now when it is new. */
  registerRevision(appName: string, location: Json, atSec: number, content?: string): RevisionRecord {
    let rec = this.findRevision(appName, location);
    if (!rec) {
      rec = {
        applicationName: appName,
        revisionLocation: stripContent(location),
        registerTime: atSec,
        deploymentGroups: [],
        ...(content !== undefined ? { content } : {}),
      };
      this.state.revisions.push(rec);
    } else if (content !== undefined && rec.content === undefined) rec.content = content;
    this.markDirty();
    return rec;
  }

  /** A deployment used the revision: first/last used times. */
  useRevision(appName: string, location: Json, atSec: number, content?: string): void {
    const rec = this.registerRevision(appName, location, atSec, content);
    rec.firstUsedTime ??= atSec;
    rec.lastUsedTime = atSec;
  }

  /** A deployment succeeded: the revision becomes the group's target revision (and only that one lists the group). */
  setTargetRevision(g: GroupRecord, location: Json): void {
    const appName = g.info.applicationName;
    const groupName = g.info.deploymentGroupName;
    for (const r of this.state.revisions) {
      if (r.applicationName === appName) r.deploymentGroups = r.deploymentGroups.filter((n) => n !== groupName);
    }
    const rec = this.registerRevision(appName, location, this.nowSec());
    rec.deploymentGroups.push(groupName);
    g.info.targetRevision = stripContent(location);
  }

  // ---- on-premises instances ----

  get onPremises(): OnPremisesInstanceRecord[] {
    return (this.state.onPremisesInstances ??= []);
  }

  findInstance(name: string): OnPremisesInstanceRecord | undefined {
    return this.onPremises.find((x) => x.instanceName === name);
  }

  // ---- Lambda aliases ----

  get aliases(): LambdaAliasRecord[] {
    return (this.state.lambdaAliases ??= []);
  }

  /** The version the simulated alias points to, when a deployment has touched it. */
  aliasVersion(functionName: string, alias: string): string | undefined {
    return this.aliases.find((a) => a.functionName === functionName && a.alias === alias)?.version;
  }

  setAlias(functionName: string, alias: string, version: string): void {
    const rec = this.aliases.find((a) => a.functionName === functionName && a.alias === alias);
    if (rec) rec.version = version;
    else this.aliases.push({ functionName, alias, version });
    this.markDirty();
  }
}
