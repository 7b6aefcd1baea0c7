import type { Fix, Rule } from '../../types';
import { isMap, isScalar, pairsOf } from '../../ast';
import type { Node, YAMLMap } from '../../ast';
import { hooksPair, valueOf } from './model';

type Doc = Parameters<Rule['check']>[0];

/** Rewrites `Hooks: {A: f, B: g}` as the documented list form, when every value is a one-line scalar. */
function toListFix(doc: Doc, map: YAMLMap): Fix | undefined {
  const pairs = pairsOf(map);
  if (pairs.length === 0) return undefined;
  const simple = pairs.every(
    (p) =>
      isScalar(p.key) &&
      (p.key as Node).range &&
      isScalar(p.value) &&
      (p.value as Node).range &&
      !/[\r\n]/.test(doc.text.slice((p.value as Node).range![0], (p.value as Node).range![1])),
  );
  if (!simple) return undefined;
  if (!map.flow) {
    const edits = pairs.map((p) => {
      const at = (p.key as Node).range![0];
      return { range: doc.rangeOf([at, at]), newText: '- ' };
    });
    return { title: 'Rewrite Hooks as a list of single-event entries', isPreferred: true, edits };
  }
  const entries = pairs.map((p) => {
    const k = p.key as Node;
    const v = p.value as Node;
    return `{ ${doc.text.slice(k.range![0], k.range![1])}: ${doc.text.slice(v.range![0], v.range![1])} }`;
  });
  const range = (map as Node).range;
  if (!range) return undefined;
  const indent = ' '.repeat(doc.lines.positionAt((pairs[0].key as Node).range![0]).character);
  const multiLine = doc.lines.positionAt(range[0]).line !== doc.lines.positionAt(range[1]).line;
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const closeIndent = ' '.repeat(doc.lines.positionAt(range[1] - 1).character);
  const newText = multiLine
    ? `[${eol}${entries.map((e) => indent + e).join(`,${eol}`)}${eol}${closeIndent}]`
    : `[${entries.join(', ')}]`;
  return {
    title: 'Rewrite Hooks as a list of single-event entries',
    isPreferred: true,
    edits: [{ range: doc.rangeOf([range[0], range[1]]), newText }],
  };
}

/** Check 82 (map form): Hooks written as a mapping instead of a list. */
export const hooksAsMap: Rule = {
  id: 'W8002',
  name: 'hooks-as-map',
  severity: 'warning',
  platforms: ['ecs', 'lambda'],
  reads: 'tree',
  title: 'Hooks should be a list of single-event entries',
  doc:
    'AWS documents ECS and Lambda `Hooks` as a list of one-key entries (`Hooks: [ {BeforeInstall: fn}, … ]`, in YAML ' +
    '`- BeforeInstall: fn`). The mapping form (`Hooks: {BeforeInstall: fn}`) is undocumented; tools such as ' +
    'cdk-ecs-codedeploy generate it and it has been seen to work, so it is a warning, not an error. Fix: rewrite it ' +
    'as a list (quick fix when each value is a function name).',
  check(doc) {
    const pair = hooksPair(doc);
    const hooks = valueOf(pair);
    if (!pair || !isMap(hooks) || pairsOf(hooks).length === 0) return [];
    const fix = toListFix(doc, hooks as YAMLMap);
    return [
      {
        ruleId: 'W8002',
        range: doc.keyRangeOf(pair),
        message:
          '`Hooks` is written as a mapping; AWS documents a list of single-event entries (`- BeforeAllowTraffic: MyFunction`).',
        fixes: fix ? [fix] : undefined,
      },
    ];
  },
};
