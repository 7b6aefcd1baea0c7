/** Chooses the script builder for the compute platform and adds the common start of every deployment. */
import type { FleetMember, Json, Op, PlanInput, TargetRecord } from '../types';
import { Script, T, failureSwitch } from './common';
import { ecsScript, type EcsOriginal, type EcsRollback } from './ecs';
import { lambdaScript } from './lambda';
import { serverScript, type BlueGreenRollback } from './server';

export interface ScriptInput {
  plan: PlanInput;
  group: Json;
  groupTags: { Key: string; Value?: string }[];
  config: Json;
  /** The instances the group's tag filters selected (EC2 and on-premises). */
  fleet: FleetMember[];
  /** updateOutdatedInstancesOnly: instances of the fleet that already run the target revision (skipped). */
  upToDate?: FleetMember[];
  /** ECS: the task set that serves production now (its id and target group), when known. */
  ecsOriginal?: EcsOriginal;
  /** ECS rollback: the task sets the rolled-back deployment left (traffic goes back to the original). */
  ecsRollback?: EcsRollback;
  /** EC2 blue/green rollback: the original instances to reroute traffic to, the replacements to retire. */
  serverRollback?: BlueGreenRollback;
  region: string;
  /** Epoch seconds, for the targets' initial lastUpdatedAt. */
  now: number;
  seq: number;
  /** Set when the revision is invalid: the deployment fails right after it starts. */
  invalid?: { code: string; message: string };
}

export function buildScript(input: ScriptInput): { ops: Op[]; targets: TargetRecord[] } {
  const start = T.queue + T.start;
  const head = new Script();
  head.at(T.queue, { k: 'status', status: 'Queued' });
  head.at(start, { k: 'status', status: 'InProgress' });
  if (input.invalid) {
    head.at(start + T.emptyHook, { k: 'fail', ...input.invalid });
    return { ops: head.sorted(), targets: [] };
  }
  const sw = failureSwitch(input.groupTags);
  const { plan } = input;
  const body =
    plan.platform === 'Lambda'
      ? lambdaScript(plan, input.config, sw, start, input.region, input.now)
      : plan.platform === 'ECS'
        ? ecsScript(
            plan,
            input.group,
            input.config,
            sw,
            start,
            input.region,
            input.now,
            input.seq,
            input.ecsOriginal,
            input.ecsRollback,
          )
        : serverScript(
            plan,
            input.group,
            input.config,
            sw,
            input.serverRollback?.restore ?? input.fleet,
            start,
            input.region,
            input.now,
            input.seq,
            { rollback: input.serverRollback, upToDate: input.upToDate },
          );
  for (const op of body.ops.ops) head.ops.push(op);
  return { ops: head.sorted(), targets: body.targets };
}
