import { isMap, isSeq, type Pair } from 'yaml';
import type { Finding, Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';
import { findPair, getValue, pairsOf } from '../../ast';
import { classifyResource } from '../../platform';
import { codeList } from './util';

const EC2_KEYS = ['os', 'files', 'permissions', 'file_exists_behavior'];

export const mixedPlatform: Rule = {
  id: 'E1005',
  name: 'mixed-platform',
  severity: 'error',
  platforms: ALL_PLATFORMS,
  reads: 'tree',
  title: 'The AppSpec mixes EC2/On-Premises and ECS/Lambda sections',
  doc:
    'An EC2/On-Premises AppSpec never has `Resources`; an ECS or Lambda AppSpec never has `os`, `files` or `permissions`. A file with both ' +
    'is read by one platform only and the other half is ignored (or fails). Keep one AppSpec per deployment platform. ' +
    'Also reported: a resource `Type` other than `AWS::ECS::Service` or `AWS::Lambda::Function`, and ECS and Lambda resources in one file.',
  check(doc) {
    const root = doc.root;
    if (!root) return [];
    const out: Finding[] = [];
    const resourcesPair = findPair(root, 'Resources', { caseInsensitive: true });
    const ec2 = EC2_KEYS.map((k) => findPair(root, k)).filter((p): p is Pair => !!p);
    if (resourcesPair && ec2.length) {
      out.push({
        ruleId: 'E1005',
        message: `This AppSpec has both \`Resources\` (ECS/Lambda) and EC2/On-Premises keys (${codeList(ec2.map((p) => String((p.key as { value: unknown }).value)))}). Each platform reads only its own keys; keep one platform per file.`,
        range: doc.keyRangeOf(resourcesPair),
        related: ec2.map((p) => ({ range: doc.keyRangeOf(p), message: 'EC2/On-Premises key' })),
      });
    }
    const resources = resourcesPair?.value;
    const items = isSeq(resources) ? resources.items : isMap(resources) ? [resources] : [];
    const kinds = new Set<string>();
    for (const item of items) {
      const signal = classifyResource(item);
      const typeNode = getValue(pairsOf(item)[0]?.value, 'Type', { caseInsensitive: true });
      if (signal.type !== undefined && !signal.platform && doc.platform.platform === 'unknown' && typeNode) {
        out.push({
          ruleId: 'E1005',
          message: `\`${signal.type}\` is not an AppSpec resource type. CodeDeploy deploys \`AWS::ECS::Service\` (Amazon ECS) or \`AWS::Lambda::Function\` (AWS Lambda).`,
          range: doc.rangeOf(typeNode),
        });
      }
      if (signal.platform) {
        if (kinds.size && !kinds.has(signal.platform) && typeNode) {
          out.push({
            ruleId: 'E1005',
            message:
              'This AppSpec has both an ECS service and a Lambda function resource. One deployment targets one platform.',
            range: doc.rangeOf(typeNode),
          });
        }
        kinds.add(signal.platform);
      }
    }
    return out;
  },
};
