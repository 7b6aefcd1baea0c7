import type { AppSpecDocument, Rule } from '../../types';
import { isSeq } from '../../ast';
import { isEmptyValue, resourcesPair, valueOf } from './model';

/** `Resources` present with nothing in it (the platform is then unknown, so E6001/E7001 cannot say it). */
export function emptyResources(doc: AppSpecDocument): ReturnType<typeof resourcesPair> {
  const pair = resourcesPair(doc);
  const value = valueOf(pair);
  return pair && (isEmptyValue(value) || (isSeq(value) && value.items.length === 0)) ? pair : undefined;
}

/** Checks 68/86 when the platform cannot be told: an empty `Resources`. */
export const resourcesEmpty: Rule = {
  id: 'E8013',
  name: 'resources-empty',
  severity: 'error',
  platforms: ['unknown'],
  reads: 'tree',
  title: '`Resources` is empty',
  doc:
    'An ECS or Lambda AppSpec names exactly one resource under `Resources` (the ECS service, or the Lambda function ' +
    'whose alias shifts). With `Resources: []` there is nothing to deploy and CodeDeploy rejects the revision. The ' +
    'platform cannot be told from an empty list, so this rule reports it for both; with a resource present the same ' +
    'check is E6001 (ECS) or E7001 (Lambda). A blank `Resources:` in an unfilled template is reported as W1201. Fix: ' +
    'add the resource, e.g. `- TargetService:` with `Type: AWS::ECS::Service` and its `Properties`.',
  check(doc) {
    const pair = emptyResources(doc);
    if (!pair) return [];
    return [
      {
        ruleId: 'E8013',
        range: doc.keyRangeOf(pair),
        message:
          '`Resources` is empty; an ECS or Lambda AppSpec needs exactly one resource, e.g. `- TargetService:` with `Type: AWS::ECS::Service`, or `- MyFunction:` with `Type: AWS::Lambda::Function`.',
      },
    ];
  },
};
