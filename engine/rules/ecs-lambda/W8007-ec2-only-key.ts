import type { Finding, Fix, Rule } from '../../types';
import { keyText, pairsOf } from '../../ast';
import type { Node, Pair } from '../../ast';
import { EC2_ONLY_KEYS } from './names';

type Doc = Parameters<Rule['check']>[0];

/** Deletes a top-level block-style pair, whole lines (YAML only). */
function removeFix(doc: Doc, pair: Pair, key: string): Fix | undefined {
  if (doc.format === 'json' || !doc.root || doc.root.flow) return undefined;
  const k = pair.key as Node;
  if (!k?.range) return undefined;
  const start = k.range[0] - doc.lines.positionAt(k.range[0]).character;
  const pairs = pairsOf(doc.root);
  const next = pairs[pairs.indexOf(pair) + 1];
  let end: number;
  if (next && (next.key as Node)?.range) {
    const nk = (next.key as Node).range![0];
    end = nk - doc.lines.positionAt(nk).character;
  } else {
    const v = pair.value as Node | null;
    const last = Math.max(k.range[1], v?.range?.[1] ?? 0);
    const nl = doc.text.indexOf('\n', Math.max(last - 1, 0));
    end = nl < 0 ? doc.text.length : nl + 1;
  }
  return {
    title: `Remove '${key}' (not used by ECS/Lambda)`,
    edits: [{ range: doc.rangeOf([start, end]), newText: '' }],
  };
}

/** Check 85 (EC2-only keys). */
export const ec2OnlyKey: Rule = {
  id: 'W8007',
  name: 'ec2-only-key',
  severity: 'warning',
  platforms: ['ecs', 'lambda'],
  reads: 'tree',
  title: 'EC2/On-Premises-only key in an ECS/Lambda AppSpec',
  doc:
    '`os`, `files`, `permissions` and `file_exists_behavior` belong to EC2/On-Premises AppSpecs, which the CodeDeploy ' +
    'agent reads on each instance. ECS and Lambda deployments have no agent and no bundle to copy, so these sections ' +
    'have no effect there (AWS: "Only EC2/On-Premises deployments use the files section"). Often the file mixes up the ' +
    'two platforms. Fix: remove the section (quick fix in YAML), or, if the file is meant for EC2, remove `Resources`.',
  check(doc) {
    const out: Finding[] = [];
    for (const pair of pairsOf(doc.root)) {
      const key = keyText(pair);
      if (key === undefined || !EC2_ONLY_KEYS.includes(key.toLowerCase())) continue;
      const platform = doc.platform.platform === 'lambda' ? 'a Lambda' : 'an ECS';
      const fix = removeFix(doc, pair, key);
      out.push({
        ruleId: 'W8007',
        range: doc.keyRangeOf(pair),
        message: `\`${key}\` is used only by EC2/On-Premises deployments; it has no effect in ${platform} AppSpec.`,
        tags: ['unnecessary'],
        fixes: fix ? [fix] : undefined,
      });
    }
    return out;
  },
};
