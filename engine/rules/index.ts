/** Every rule the engine runs, from the per-area registries. */
import type { Rule } from '../types';
import { generalRules } from './general';
import { ec2Rules } from './ec2';
import { ecsRules } from './ecs';
import { lambdaRules } from './lambda';
import { ecsLambdaRules } from './ecs-lambda';
import { crossFileRules } from './files';

export const allRules: readonly Rule[] = [
  ...generalRules,
  ...ec2Rules,
  ...ecsRules,
  ...ecsLambdaRules,
  ...lambdaRules,
  ...crossFileRules,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}
