import type { AppSpecDocument, Edit, Finding, Fix, Rule } from '../../types';
import { findPair, isMap, isScalar, isSeq, keyText, pairsOf, type Node, type Pair } from '../../ast';
import { finding, isNullish, templated, wrapInList } from './util';

/** `Event: scripts/x.sh` → `Event:\n  - location: scripts/x.sh`. */
function scalarToScriptList(doc: AppSpecDocument, pair: Pair, value: Node, flow: boolean): Edit | undefined {
  const key = pair.key as Node;
  if (!key.range || !value.range) return undefined;
  const text = doc.text.slice(value.range[0], value.range[1]);
  if (text.includes('\n')) return undefined;
  if (flow)
    return {
      range: doc.rangeOf([value.range[0], value.range[1]]),
      newText: doc.format === 'json' ? `[{"location": ${text}}]` : `[{location: ${text}}]`,
    };
  const col = doc.lines.positionAt(key.range[0]).character;
  return {
    range: doc.rangeOf([key.range[1], value.range[1]]),
    newText: `:\n${' '.repeat(col + 2)}- location: ${text}`,
  };
}

export const hooksNotMapping: Rule = {
  id: 'E4001',
  name: 'hooks-not-mapping',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`hooks` must map each event to a list of scripts',
  doc:
    'In an EC2/On-Premises AppSpec `hooks` is a mapping from lifecycle event name to a list of script mappings ' +
    '(`- location: scripts/start.sh`). The ECS/Lambda list form (`- BeforeInstall: …`) crashes agent v1 and is a type ' +
    'error in v2, and an event whose value is a single mapping or a bare path is rejected the same way. Make each ' +
    "event's value a list.",
  check(doc) {
    const pair = findPair(doc.root, 'hooks');
    if (!pair || isNullish(pair.value) || templated(pair.value)) return [];
    const hooks = pair.value as Node;
    if (isSeq(hooks)) {
      return [
        finding(
          'E4001',
          '`hooks` must be a mapping of event name to scripts (`BeforeInstall:` then `- location: …`), not a list; the ECS/Lambda list form does not work on EC2/On-Premises.',
          doc.rangeOf(hooks),
        ),
      ];
    }
    if (!isMap(hooks)) {
      return [
        finding('E4001', '`hooks` must be a mapping of lifecycle event name to a list of scripts.', doc.rangeOf(hooks)),
      ];
    }
    const out: Finding[] = [];
    for (const eventPair of pairsOf(hooks)) {
      const value = eventPair.value as Node | null;
      if (isNullish(value) || isSeq(value) || templated(value)) continue;
      const event = keyText(eventPair) ?? '?';
      const fixes: Fix[] = [];
      if (isMap(value)) {
        const wrap = wrapInList(doc, value);
        if (wrap) fixes.push({ title: 'Make it a one-item list', edits: wrap, isPreferred: true });
        out.push(
          finding(
            'E4001',
            `\`${event}\` must be a list of scripts: put \`- \` before \`location\` (each script is a list item).`,
            doc.rangeOf(value as Node),
            { fixes },
          ),
        );
      } else if (isScalar(value)) {
        const edit = scalarToScriptList(doc, eventPair, value, hooks.flow === true || doc.format === 'json');
        if (edit) fixes.push({ title: 'Turn it into `- location: …`', edits: [edit], isPreferred: true });
        out.push(
          finding(
            'E4001',
            `\`${event}\` must be a list of scripts such as \`- location: ${String(value.value)}\`, not a plain value.`,
            doc.rangeOf(value),
            { fixes },
          ),
        );
      }
    }
    return out;
  },
};
