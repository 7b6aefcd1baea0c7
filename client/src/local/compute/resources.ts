/**
 * Lookups and changes of the simulated Lambda/ECS/ELB resources, over the account's state. The
 * wire handlers (lambdaApi, ecsApi, elbApi) read through this; the deployment engine changes it
 * through `coupling.ts`. Lambda aliases are the account's own records (`lambdaAliases`).
 */
import { createHash } from 'node:crypto';
import { ACCOUNT_ID, type Account } from '../account';
import type { LambdaAliasRecord } from '../types';
import {
  emptyCompute,
  type ComputeState,
  type EcsServiceRecord,
  type LambdaFunctionRecord,
  type TargetGroupRecord,
  type TaskDefinitionRecord,
} from './types';

/** The bare function name in a name, `name:qualifier`, partial ARN (`123456789012:function:name`) or full ARN. */
const FUNCTION_REF =
  /^(?:arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:|\d{12}:function:)?([a-zA-Z0-9_-]{1,64})(?::(\$LATEST|[a-zA-Z0-9_-]{1,128}))?$/;

export function parseFunctionRef(ref: string): { name: string; qualifier?: string } | undefined {
  const m = FUNCTION_REF.exec(ref);
  return m ? { name: m[1], ...(m[2] ? { qualifier: m[2] } : {}) } : undefined;
}

/** `family`, `family:revision` or a task definition ARN. */
const TASK_DEF_REF =
  /^(?:arn:aws[a-zA-Z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/)?([a-zA-Z0-9_-]{1,255})(?::(\d{1,9}))?$/;

export function parseTaskDefinitionRef(ref: string): { family: string; revision?: number } | undefined {
  const m = TASK_DEF_REF.exec(ref);
  return m ? { family: m[1], ...(m[2] ? { revision: Number(m[2]) } : {}) } : undefined;
}

/** A cluster name or ARN → the name. */
export function clusterNameOf(ref: string): string {
  const m = /^arn:aws[a-zA-Z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/(.+)$/.exec(ref);
  return m ? m[1] : ref;
}

/** A service name or ARN (`…:service/name` or `…:service/cluster/name`) → the name (and cluster when the ARN has it). */
export function serviceRefOf(ref: string): { name: string; cluster?: string } {
  const m = /^arn:aws[a-zA-Z-]*:ecs:[a-z0-9-]+:\d{12}:service\/(?:([^/]+)\/)?([^/]+)$/.exec(ref);
  return m ? { name: m[2], ...(m[1] ? { cluster: m[1] } : {}) } : { name: ref };
}

/** A stable id in the shape of a UUID, from the parts that define a resource's revision. */
export function revisionIdOf(...parts: unknown[]): string {
  const h = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export class ComputeResources {
  constructor(readonly account: Account) {}

  get state(): ComputeState {
    return (this.account.state.compute ??= emptyCompute());
  }

  get region(): string {
    return this.account.region;
  }

  // ---- Lambda ----

  functionArn(name: string, qualifier?: string): string {
    return `arn:aws:lambda:${this.region}:${ACCOUNT_ID}:function:${name}${qualifier ? `:${qualifier}` : ''}`;
  }

  findFunction(name: string): LambdaFunctionRecord | undefined {
    return this.state.lambdaFunctions.find((f) => f.functionName === name);
  }

  /** Published version numbers, oldest first ("1", "2", …). */
  versionsOf(fn: LambdaFunctionRecord): string[] {
    return Array.from({ length: fn.publishedVersions }, (_, i) => String(i + 1));
  }

  aliasesOf(name: string): LambdaAliasRecord[] {
    return this.account.aliases.filter((a) => a.functionName === name).sort((a, b) => a.alias.localeCompare(b.alias));
  }

  findAlias(name: string, alias: string): LambdaAliasRecord | undefined {
    return this.account.aliases.find((a) => a.functionName === name && a.alias === alias);
  }

  /**
   * A deployment names a function the account does not have yet (tests and AppSpecs written before
   * the simulation knew about functions): the function appears, with every version the deployment
   * uses published, so what the account checks read stays consistent with what was deployed.
   */
  ensureFunction(name: string, versions: string[]): LambdaFunctionRecord {
    let fn = this.findFunction(name);
    if (!fn) {
      fn = {
        functionName: name,
        runtime: 'nodejs18.x',
        handler: 'index.handler',
        role: `arn:aws:iam::${ACCOUNT_ID}:role/${name.slice(0, 50)}-role`,
        description: '',
        memorySize: 128,
        timeout: 3,
        lastModified: this.account.nowMs(),
        publishedVersions: 0,
        tags: {},
      };
      this.state.lambdaFunctions.push(fn);
    }
    const highest = Math.max(0, ...versions.filter((v) => /^\d{1,9}$/.test(v)).map(Number));
    if (highest > fn.publishedVersions) fn.publishedVersions = highest;
    this.account.markDirty();
    return fn;
  }

  // ---- ECS ----

  taskDefinitionArn(td: { family: string; revision: number }): string {
    return `arn:aws:ecs:${this.region}:${ACCOUNT_ID}:task-definition/${td.family}:${td.revision}`;
  }

  clusterArn(name: string): string {
    return `arn:aws:ecs:${this.region}:${ACCOUNT_ID}:cluster/${name}`;
  }

  serviceArn(cluster: string, name: string): string {
    return `arn:aws:ecs:${this.region}:${ACCOUNT_ID}:service/${cluster}/${name}`;
  }

  /** `family` alone is its latest ACTIVE revision; `family:n` and ARNs name one revision. */
  resolveTaskDefinition(ref: string): TaskDefinitionRecord | undefined {
    const parsed = parseTaskDefinitionRef(ref);
    if (!parsed) return undefined;
    const family = this.state.taskDefinitions.filter((t) => t.family === parsed.family);
    if (parsed.revision !== undefined) return family.find((t) => t.revision === parsed.revision);
    return family.filter((t) => t.status === 'ACTIVE').sort((a, b) => b.revision - a.revision)[0];
  }

  findCluster(name: string) {
    return this.state.clusters.find((c) => c.clusterName === name);
  }

  findService(cluster: string, name: string): EcsServiceRecord | undefined {
    return this.state.services.find((s) => s.clusterName === cluster && s.serviceName === name);
  }

  // ---- Elastic Load Balancing ----

  findTargetGroup(nameOrArn: string): TargetGroupRecord | undefined {
    return this.state.targetGroups.find((t) => t.name === nameOrArn || t.arn === nameOrArn);
  }

  targetGroupArn(name: string): string {
    const id = createHash('sha256').update(name).digest('hex').slice(0, 16);
    return `arn:aws:elasticloadbalancing:${this.region}:${ACCOUNT_ID}:targetgroup/${name}/${id}`;
  }
}
