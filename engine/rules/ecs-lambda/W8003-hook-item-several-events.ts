import type { Finding, Fix, Rule } from '../../types';
import { isMap, isSeq, pairsOf } from '../../ast';
import type { Node, Pair, YAMLMap, YAMLSeq } from '../../ast';
import { hooksPair, valueOf } from './model';

type Doc = Parameters<Rule['check']>[0];

/** Splits the entry so `pair` starts its own list item. */
function splitFix(doc: Doc, seq: YAMLSeq, item: YAMLMap, prev: Pair, pair: Pair): Fix | undefined {
  const key = pair.key as Node;
  if (!key?.range) return undefined;
  const start = key.range[0];
  if (item.flow) {
    const prevValue = (prev.value ?? prev.key) as Node;
    if (!prevValue?.range) return undefined;
    const between = doc.text.slice(prevValue.range[1], start);
    const comma = between.indexOf(',');
    if (comma < 0) return undefined;
    const at = prevValue.range[1] + comma;
    if (seq.flow) {
      return {
        title: 'Move this event to its own list item',
        isPreferred: true,
        edits: [
          {
            range: doc.rangeOf([at, at + 1]),
            newText: ' },' + (between.slice(comma + 1).startsWith(' ') ? '' : ' ') + '{',
          },
        ],
      };
    }
    const itemStart = (item as Node).range?.[0];
    if (itemStart === undefined) return undefined;
    const dash = doc.text.lastIndexOf('-', itemStart);
    if (dash < 0) return undefined;
    const indent = ' '.repeat(doc.lines.positionAt(dash).character);
    const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
    return {
      title: 'Move this event to its own list item',
      isPreferred: true,
      edits: [{ range: doc.rangeOf([at, start]), newText: ` }${eol}${indent}- { ` }],
    };
  }
  const pos = doc.lines.positionAt(start);
  const lineStart = start - pos.character;
  if (pos.character < 2 || doc.text.slice(lineStart, start).trim() !== '') return undefined;
  return {
    title: 'Move this event to its own list item',
    isPreferred: true,
    edits: [{ range: doc.rangeOf([start - 2, start]), newText: '- ' }],
  };
}

/** Check 82 (one item, several events). */
export const hookItemSeveralEvents: Rule = {
  id: 'W8003',
  name: 'hook-item-several-events',
  severity: 'warning',
  platforms: ['ecs', 'lambda'],
  reads: 'tree',
  title: 'One Hooks list item names several events',
  doc:
    'Each item of the ECS/Lambda `Hooks` list is documented as one `Event: function` pair. An item holding two events ' +
    '(`- BeforeInstall: a` followed by `  AfterInstall: b` without its own dash) is undocumented; whether the service ' +
    'reads the second event is not known, so this is a warning. It is usually a missing `- `. Fix: give each event its ' +
    'own list item (quick fix).',
  check(doc) {
    const hooks = valueOf(hooksPair(doc));
    if (!isSeq(hooks)) return [];
    const out: Finding[] = [];
    for (const item of hooks.items) {
      if (!isMap(item)) continue;
      const pairs = pairsOf(item);
      for (let i = 1; i < pairs.length; i++) {
        const fix = splitFix(doc, hooks, item as YAMLMap, pairs[i - 1], pairs[i]);
        out.push({
          ruleId: 'W8003',
          range: doc.keyRangeOf(pairs[i]),
          message: `\`${String((pairs[i].key as { value?: unknown })?.value)}\` shares a list item with \`${String((pairs[0].key as { value?: unknown })?.value)}\`; give each event its own \`- \` entry.`,
          fixes: fix ? [fix] : undefined,
        });
      }
    }
    return out;
  },
};
