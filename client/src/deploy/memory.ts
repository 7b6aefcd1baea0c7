/**
 * What deploying remembers per workspace (in `workspaceState`): the last target of each AppSpec,
 * the deployment configuration chosen per group, the revision bucket, and which AppSpec each
 * deployment came from (so the monitor can open a failed hook). Pure over a Memento-like store.
 */

export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface RememberedTarget {
  application: string;
  group: string;
}

/**
 * Where EC2/On-Premises revision bundles go in this workspace. `keyPrefix` may hold `{application}`,
 * replaced by the application deployed to.
 */
export interface RevisionLocation {
  bucket: string;
  keyPrefix: string;
}

export interface DeployedFrom {
  uri: string;
  /** The connection key the deployment was made with (`local`, `aws:profile:region`). */
  connection: string;
  at: number;
}

const K = {
  target: 'codedeploy.deploy.targets',
  config: 'codedeploy.deploy.configs',
  bucket: 'codedeploy.deploy.bucket',
  location: 'codedeploy.deploy.revisionLocation',
  from: 'codedeploy.deploy.from',
  watching: 'codedeploy.monitor.watching',
};

const MAX_FROM = 200;

export class DeployMemory {
  constructor(private readonly store: KeyValueStore) {}

  private map<T>(key: string): Record<string, T> {
    const v = this.store.get<Record<string, T>>(key);
    return v && typeof v === 'object' ? v : {};
  }

  lastTarget(appSpecUri: string): RememberedTarget | undefined {
    return this.map<RememberedTarget>(K.target)[appSpecUri];
  }

  async rememberTarget(appSpecUri: string, target: RememberedTarget): Promise<void> {
    await this.store.update(K.target, { ...this.map(K.target), [appSpecUri]: target });
  }

  lastConfig(application: string, group: string): string | undefined {
    return this.map<string>(K.config)[`${application}/${group}`];
  }

  /** `undefined` remembers "the group's own configuration". */
  async rememberConfig(application: string, group: string, config: string | undefined): Promise<void> {
    const m = { ...this.map<string>(K.config) };
    if (config) m[`${application}/${group}`] = config;
    else delete m[`${application}/${group}`];
    await this.store.update(K.config, m);
  }

  bucket(): string | undefined {
    return this.store.get<string>(K.bucket) || undefined;
  }

  async rememberBucket(bucket: string): Promise<void> {
    await this.store.update(K.bucket, bucket);
  }

  /** The bucket and key prefix chosen on the first EC2 deploy of this workspace (undefined before). */
  revisionLocation(): RevisionLocation | undefined {
    const v = this.store.get<RevisionLocation>(K.location);
    return v && typeof v.bucket === 'string' && v.bucket && typeof v.keyPrefix === 'string' ? v : undefined;
  }

  async rememberRevisionLocation(location: RevisionLocation | undefined): Promise<void> {
    await this.store.update(K.location, location);
    if (location) await this.rememberBucket(location.bucket);
  }

  deployedFrom(deploymentId: string): DeployedFrom | undefined {
    return this.map<DeployedFrom>(K.from)[deploymentId];
  }

  async rememberDeployedFrom(deploymentId: string, from: DeployedFrom): Promise<void> {
    const entries = Object.entries({ ...this.map<DeployedFrom>(K.from), [deploymentId]: from })
      .sort((a, b) => b[1].at - a[1].at)
      .slice(0, MAX_FROM);
    await this.store.update(K.from, Object.fromEntries(entries));
  }

  /** Deployments being watched (resumed after a window reload while still in progress). */
  watching(): { deploymentId: string; connection: string }[] {
    const v = this.store.get<{ deploymentId: string; connection: string }[]>(K.watching);
    return Array.isArray(v) ? v.filter((w) => w && typeof w.deploymentId === 'string') : [];
  }

  async watch(deploymentId: string, connection: string): Promise<void> {
    const list = this.watching().filter((w) => w.deploymentId !== deploymentId);
    await this.store.update(K.watching, [...list, { deploymentId, connection }].slice(-20));
  }

  async unwatch(deploymentId: string): Promise<void> {
    await this.store.update(
      K.watching,
      this.watching().filter((w) => w.deploymentId !== deploymentId),
    );
  }
}

/** An in-memory store (tests, and a stand-in before the extension context exists). */
export class MemoryStore implements KeyValueStore {
  private readonly data = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    const v = this.data.get(key);
    return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as T);
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.parse(JSON.stringify(value)));
  }
}
