import type { Finding, Rule } from '../../types';
import { findPair, isScalar, isSeq, type Node } from '../../ast';
import { finding, permissionEntries, scalarText, templated } from './util';

function problems(text: string, key: string): string[] {
  const out: string[] = [];
  if (text === '**') return out;
  if (/[\\/]/.test(text))
    out.push(
      `\`${key}: ${text}\` contains a path separator, but only names directly under \`object\` are compared, so it never matches; make \`object\` the folder and use a plain name`,
    );
  if (text.includes('*') && /[?[\]{}]/.test(text))
    out.push(
      `\`${text}\` mixes \`*\` with \`? [ ] { }\`: agent v1 treats those literally while agent v2 treats them as glob syntax, so the result depends on the agent`,
    );
  return out;
}

export const permissionPatternPath: Rule = {
  id: 'W3012',
  name: 'permission-pattern-never-matches',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`pattern`/`except` with a path separator, or glob syntax that differs by agent',
  doc:
    'A `pattern` other than `**`, and every `except` item, is matched against the names directly under `object` only: ' +
    "a value containing `/` or `\\` never matches (the CodeDeploy docs' own `except` examples have this problem). " +
    'Also, with a `*` present, agent v2 treats `?`, `[…]` and `{a,b}` as glob syntax while v1 takes them literally. ' +
    'Point `object` at the folder that directly contains the names and keep patterns to plain names with `*`.',
  check(doc) {
    const out: Finding[] = [];
    for (const entry of permissionEntries(doc)) {
      const patternNode = findPair(entry.map, 'pattern')?.value as Node | undefined;
      if (isScalar(patternNode) && !templated(patternNode)) {
        const text = scalarText(patternNode);
        if (text !== undefined)
          for (const p of problems(text, 'pattern')) out.push(finding('W3012', p + '.', doc.rangeOf(patternNode)));
      }
      const except = findPair(entry.map, 'except')?.value;
      if (!isSeq(except)) continue;
      for (const item of except.items) {
        const text = scalarText(item);
        if (text === undefined || !isScalar(item) || templated(item)) continue;
        for (const p of problems(text, 'except')) out.push(finding('W3012', p + '.', doc.rangeOf(item)));
      }
    }
    return out;
  },
};
