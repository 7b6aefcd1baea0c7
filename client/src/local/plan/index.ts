/** Chooses the script builder for the compute platform and adds the common start of every deployment. */
import type { FleetMember, Json, Op, PlanInput, TargetRecord } from '../types';
import { Script, T, failureSwitch } from './common';
import { ecsScript } from './ecs';
import { lambdaScript } from './lambda';
import { serverScript } from './server';

export interface ScriptInput {
  plan: PlanInput;
  group: Json;
  groupTags: { Key: string; Value?: string }[];
  config: Json;
  /** The instances the group's tag filters selected (EC2 and on-premises). */
  fleet: FleetMember[];
  /** ECS: the target group that serves production now (the last successful deployment's). */
  ecsPrimaryTargetGroup?: string;
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
            input.ecsPrimaryTargetGroup,
          )
        : serverScript(plan, input.group, input.config, sw, input.fleet, start, input.region, input.now, input.seq);
  for (const op of body.ops.ops) head.ops.push(op);
  return { ops: head.sorted(), targets: body.targets };
}
