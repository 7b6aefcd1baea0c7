import type { Finding, Rule } from '../../types';
import { findPair, isMap, isScalar, type Node } from '../../ast';
import { finding, isNullish, permissionEntries, scalarText, templated, textOf } from './util';
import { rangeProblem } from './selinuxRange';

export const permissionContextInvalid: Rule = {
  id: 'E3016',
  name: 'permission-context-invalid',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'SELinux `context` without `type`, or with an invalid `range`',
  doc:
    '`context` sets an SELinux label with `semanage fcontext`. Both agents require `context.type` (the docs call it ' +
    'optional, but a missing type fails with "invalid context type"), and `range` must follow ' +
    '`s<L>[-s<H>][:c<N>[.c<M>],…]` with H ≥ L, categories 0-1023, ranges ascending and no category twice. ' +
    'Add `type:` (e.g. `httpd_sys_content_t`) and correct the range.',
  check(doc) {
    const out: Finding[] = [];
    for (const entry of permissionEntries(doc)) {
      const pair = findPair(entry.map, 'context');
      if (!pair || isNullish(pair.value) || templated(pair.value)) continue;
      const ctxNode = pair.value as Node;
      if (!isMap(ctxNode)) {
        out.push(
          finding(
            'E3016',
            '`context` must be a mapping with `type` (and optionally `name`, `range`).',
            doc.rangeOf(ctxNode),
          ),
        );
        continue;
      }
      const typePair = findPair(ctxNode, 'type');
      if (!typePair || textOf(typePair.value) === undefined) {
        out.push(
          finding(
            'E3016',
            '`context` has no `type`: both agents require it (e.g. `type: httpd_sys_content_t`) and fail with "invalid context type".',
            typePair ? doc.keyRangeOf(typePair) : doc.keyRangeOf(pair),
          ),
        );
      }
      const range = findPair(ctxNode, 'range')?.value;
      const text = scalarText(range);
      if (isScalar(range) && text !== undefined && !templated(range)) {
        const problem = rangeProblem(text.trim());
        if (problem)
          out.push(finding('E3016', `Invalid SELinux \`range\` \`${text}\`: ${problem}.`, doc.rangeOf(range)));
      }
    }
    return out;
  },
};
