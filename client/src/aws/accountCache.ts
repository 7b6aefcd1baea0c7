/**
 * A time-to-live cache in front of an AccountReader: the same read within `ttlMs` is answered from
 * memory (calls in flight are shared), so re-checking while the user edits costs no AWS calls.
 * "Does not exist" and a missing permission are cached like answers; network and service failures
 * are not (the next look tries again). `invalidate()` forgets everything (the refresh command, a new
 * deployment). Time is injected. No SDK here.
 */
import {
  MissingPermissionError,
  NotCachedError,
  type AccountAccess,
  type AccountReader,
  type ReadSession,
} from './accountApi';

export interface CacheClock {
  /** Epoch milliseconds. */
  now(): number;
}

export interface CacheOptions {
  ttlMs: number;
  clock?: CacheClock;
  /** Entries kept at most (oldest dropped first). */
  maxEntries?: number;
}

export const DEFAULT_ACCOUNT_TTL_MS = 60_000;

interface Entry {
  at: number;
  value: Promise<unknown>;
}

type Method = keyof AccountReader;

export class CachedAccountReader implements AccountAccess {
  private readonly entries = new Map<string, Entry>();
  private readonly clock: CacheClock;
  private readonly maxEntries: number;

  constructor(
    private readonly inner: AccountReader,
    private readonly opts: CacheOptions,
  ) {
    this.clock = opts.clock ?? { now: () => Date.now() };
    this.maxEntries = opts.maxEntries ?? 2000;
  }

  /** Forgets every answer: the next read of anything asks the account again. */
  invalidate(): void {
    this.entries.clear();
  }

  private entry(method: Method, args: unknown[]): Entry {
    const key = `${method}\u0000${JSON.stringify(args)}`;
    const now = this.clock.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.opts.ttlMs) return hit;
    const call = (this.inner[method] as (...a: unknown[]) => Promise<unknown>).apply(this.inner, args);
    const entry: Entry = { at: now, value: call };
    this.entries.delete(key);
    this.entries.set(key, entry);
    call.catch((err: unknown) => {
      if (!(err instanceof MissingPermissionError) && this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return entry;
  }

  /** The fresh cached answer of a read, without calling. */
  private peek(method: Method, args: unknown[]): Promise<unknown> {
    const hit = this.entries.get(`${method}\u0000${JSON.stringify(args)}`);
    if (hit && this.clock.now() - hit.at < this.opts.ttlMs) return hit.value;
    return Promise.reject(new NotCachedError(method));
  }

  cachedOnly(): AccountReader {
    const view = {} as AccountReader;
    for (const m of METHODS)
      (view as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => this.peek(m, args);
    return view;
  }

  private read<T>(method: Method, args: unknown[], seen?: (at: number) => void): Promise<T> {
    const e = this.entry(method, args);
    seen?.(e.at);
    return e.value as Promise<T>;
  }

  /** A view of this cache that remembers how old the answers it handed out were. */
  session(): ReadSession {
    let oldest: number | undefined;
    const seen = (at: number) => {
      oldest = oldest === undefined ? at : Math.min(oldest, at);
    };
    const view = {} as AccountReader;
    for (const m of METHODS) {
      (view as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => this.read(m, args, seen);
    }
    return { reader: view, oldest: () => oldest };
  }

  getFunction(name: string) {
    return this.read<Awaited<ReturnType<AccountReader['getFunction']>>>('getFunction', [name]);
  }
  versionExists(functionName: string, version: string) {
    return this.read<boolean | undefined>('versionExists', [functionName, version]);
  }
  getAlias(functionName: string, alias: string) {
    return this.read<Awaited<ReturnType<AccountReader['getAlias']>>>('getAlias', [functionName, alias]);
  }
  listPublishedVersions(functionName: string) {
    return this.read<string[] | undefined>('listPublishedVersions', [functionName]);
  }
  listAliases(functionName: string) {
    return this.read<Awaited<ReturnType<AccountReader['listAliases']>>>('listAliases', [functionName]);
  }
  listFunctions() {
    return this.read<Awaited<ReturnType<AccountReader['listFunctions']>>>('listFunctions', []);
  }
  describeTaskDefinition(ref: string) {
    return this.read<Awaited<ReturnType<AccountReader['describeTaskDefinition']>>>('describeTaskDefinition', [ref]);
  }
  describeServices(cluster: string, services: string[]) {
    return this.read<Awaited<ReturnType<AccountReader['describeServices']>>>('describeServices', [cluster, services]);
  }
  describeClusters(clusters: string[]) {
    return this.read<Awaited<ReturnType<AccountReader['describeClusters']>>>('describeClusters', [clusters]);
  }
  describeTargetGroups(names: string[]) {
    return this.read<Awaited<ReturnType<AccountReader['describeTargetGroups']>>>('describeTargetGroups', [names]);
  }
}

const METHODS: Method[] = [
  'getFunction',
  'versionExists',
  'getAlias',
  'listPublishedVersions',
  'listAliases',
  'listFunctions',
  'describeTaskDefinition',
  'describeServices',
  'describeClusters',
  'describeTargetGroups',
];
