/** Shape checks shared by the `files` (E2010) and `permissions` (E3002) rules (an explicit null is W2023). */
import type { AppSpecDocument, Finding } from '../../types';
import { findPair, isMap, isScalar, isSeq, type Node } from '../../ast';
import { finding, templated, wrapInList } from './util';

export function listSectionShape(
  doc: AppSpecDocument,
  key: 'files' | 'permissions',
  ruleId: string,
  entryForm: string,
): Finding[] {
  const pair = findPair(doc.root, key);
  if (!pair) return [];
  const value = pair.value as Node | null;
  if (value === null || value === undefined) return [];
  if (isScalar(value) && value.value === null) return [];
  if (!isSeq(value)) {
    const wrap = isMap(value) ? wrapInList(doc, value) : undefined;
    return [
      finding(
        ruleId,
        `\`${key}\` must be a list of mappings, each item starting with \`- \` (e.g. ${entryForm}); the agent cannot read a ${isMap(value) ? 'mapping' : 'single value'} here.`,
        doc.rangeOf(value),
        {
          fixes: wrap ? [{ title: 'Make it a one-item list', edits: wrap, isPreferred: true }] : [],
        },
      ),
    ];
  }
  const out: Finding[] = [];
  value.items.forEach((item, i) => {
    if (isMap(item) || templated(item)) return;
    const node = item as Node | null;
    const range = node && node.range ? doc.rangeOf(node) : doc.rangeOf(value);
    out.push(
      finding(
        ruleId,
        `Item ${i + 1} of \`${key}\` must be a mapping (e.g. ${entryForm}), not ${node && isScalar(node) && node.value !== null ? `the value \`${String(node.value)}\`` : 'an empty item'}.`,
        range,
      ),
    );
  });
  return out;
}
