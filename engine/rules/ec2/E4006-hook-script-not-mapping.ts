import type { Finding, Fix, Rule } from '../../types';
import { findPair, isMap, isScalar, isSeq, keyText, pairsOf, type Node } from '../../ast';
import { finding, replaceNode, templated } from './util';

export const hookScriptNotMapping: Rule = {
  id: 'E4006',
  name: 'hook-script-not-mapping',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Hook script entry is not a mapping',
  doc:
    'Each item under an event is a mapping with at least `location`. A bare path (`- scripts/start.sh`) crashes agent ' +
    'v1 and is a type error in v2, so the deployment fails. Write `- location: scripts/start.sh`.',
  check(doc) {
    const out: Finding[] = [];
    for (const eventPair of pairsOf(findPair(doc.root, 'hooks')?.value)) {
      const list = eventPair.value;
      if (!isSeq(list)) continue;
      for (const item of list.items) {
        if (isMap(item) || templated(item)) continue;
        const node = item as Node | null;
        const fixes: Fix[] = [];
        if (isScalar(node) && node.value !== null && node.range) {
          const text = doc.text.slice(node.range[0], node.range[1]);
          if (!text.includes('\n')) {
            fixes.push({
              title: `Change to \`location: ${text}\``,
              edits: [
                replaceNode(
                  doc,
                  node,
                  doc.format === 'json'
                    ? `{"location": ${text}}`
                    : list.flow
                      ? `{location: ${text}}`
                      : `location: ${text}`,
                ),
              ],
              isPreferred: true,
            });
          }
        }
        const what =
          isScalar(node) && node.value !== null
            ? `\`${String(node.value)}\``
            : isScalar(node) || !node
              ? 'an empty item'
              : 'a nested list';
        out.push(
          finding(
            'E4006',
            `Script entries under \`${keyText(eventPair)}\` must be mappings such as \`- location: scripts/start.sh\`; found ${what}.`,
            node?.range ? doc.rangeOf(node) : doc.rangeOf(list),
            { fixes },
          ),
        );
      }
    }
    return out;
  },
};
