/**
 * Which versions a deployment moves between, and the one line that ties a deployment to its
 * rollback (with both IDs as links). Lambda versions come from the targets; ECS task definitions
 * from the AppSpecs of the revisions involved (the ECS target does not carry them). Pure.
 */
import { parse } from 'yaml';
import type { DeploymentInfo, DeploymentTarget } from '../aws/api';

/** From → to, in words a user recognises ("version 9", "task definition storefront:42"). */
export interface VersionsView {
  /** What moves: "orders-api (alias live)", "storefront-cluster:storefront". */
  subject: string;
  from?: string;
  to?: string;
}

/** Text and deployment links, rendered in order. */
export type LinePart = { text: string } | { deploymentId: string };

export interface RollbackView {
  /** `rolledBack`: this deployment was rolled back by `otherId`; `rollback`: this deployment rolls back `otherId`. */
  role: 'rolledBack' | 'rollback';
  otherId: string;
  parts: LinePart[];
}

/** ECS task definitions of the revisions involved, when their AppSpecs could be read. */
export interface EcsRevisionVersions {
  original?: string;
  replacement?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** `arn:aws:ecs:…:task-definition/storefront:42` → `storefront:42`. */
export function shortTaskDefinition(value: string): string {
  const m = /task-definition\/(.+)$/.exec(value);
  return m ? m[1] : value;
}

/** The TaskDefinition of an ECS AppSpec's text (short form), or undefined. */
export function ecsTaskDefinition(text: string | undefined): string | undefined {
  if (!text) return undefined;
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 100, prettyErrors: false });
  } catch {
    return undefined;
  }
  const resources = isObj(data) ? data.Resources : undefined;
  if (!Array.isArray(resources)) return undefined;
  for (const r of resources) {
    if (!isObj(r)) continue;
    for (const v of Object.values(r)) {
      const props = isObj(v) && isObj(v.Properties) ? v.Properties : undefined;
      if (props && typeof props.TaskDefinition === 'string') return shortTaskDefinition(props.TaskDefinition);
    }
  }
  return undefined;
}

export function versionsView(
  d: DeploymentInfo,
  targets: DeploymentTarget[],
  ecs?: EcsRevisionVersions,
): VersionsView | undefined {
  if (d.computePlatform === 'Lambda') {
    const f = targets.find((t) => t.lambdaTarget?.lambdaFunctionInfo)?.lambdaTarget?.lambdaFunctionInfo;
    if (!f) return undefined;
    return {
      subject: `${f.functionName ?? 'the function'}${f.functionAlias ? ` (alias ${f.functionAlias})` : ''}`,
      from: f.currentVersion ? `version ${f.currentVersion}` : undefined,
      to: f.targetVersion ? `version ${f.targetVersion}` : undefined,
    };
  }
  if (d.computePlatform === 'ECS') {
    const t = targets.find((x) => x.ecsTarget)?.ecsTarget;
    if (!t && !ecs) return undefined;
    return {
      subject: t?.targetId ?? 'the service',
      from: ecs?.original ? `task definition ${ecs.original}` : undefined,
      to: ecs?.replacement ? `task definition ${ecs.replacement}` : undefined,
    };
  }
  return undefined;
}

/** The rollback line; undefined when the deployment has nothing to do with a rollback. */
export function rollbackView(d: DeploymentInfo, versions: VersionsView | undefined): RollbackView | undefined {
  const self = d.deploymentId ?? '';
  const by = d.rollbackInfo?.rollbackDeploymentId;
  const server = d.computePlatform === 'Server';
  if (by) {
    const how = d.status === 'Stopped' ? 'was stopped' : d.status === 'Failed' ? 'failed' : 'ended';
    const back = versions?.from ? ` back to ${versions.from}` : ' back to the version that served before';
    if (server)
      return {
        role: 'rolledBack',
        otherId: by,
        parts: [
          { deploymentId: self },
          { text: ` ${how}. Rollback ` },
          { deploymentId: by },
          { text: ' redeploys the revision that last succeeded in this deployment group.' },
        ],
      };
    return {
      role: 'rolledBack',
      otherId: by,
      parts: [
        { deploymentId: self },
        { text: ` ${how}. Rollback ` },
        { deploymentId: by },
        { text: ` moves ${versions?.subject ?? 'the traffic'}${back}.` },
      ],
    };
  }
  const of = d.rollbackInfo?.rollbackTriggeringDeploymentId;
  if (of && server)
    return {
      role: 'rollback',
      otherId: of,
      parts: [
        { text: 'Rollback of ' },
        { deploymentId: of },
        { text: ': redeploys the revision that last succeeded in this deployment group.' },
      ],
    };
  if (of) {
    const restores = versions?.to ? `restores ${versions.to}` : 'restores the version that served before';
    return {
      role: 'rollback',
      otherId: of,
      parts: [
        { text: 'Rollback of ' },
        { deploymentId: of },
        { text: `: ${restores}${versions?.subject ? ` of ${versions.subject}` : ''}` },
        { text: versions?.from ? `, replacing ${versions.from}.` : '.' },
      ],
    };
  }
  return undefined;
}

/** Status messages minus those the rollback line already says ("Automatic rollback started: d-…"). */
export function withoutRollbackRepeats(messages: string[], rollback: RollbackView | undefined): string[] {
  if (!rollback) return messages;
  return messages.filter((m) => !m.includes(rollback.otherId));
}
