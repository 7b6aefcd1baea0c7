import type { Finding, Fix, Rule } from '../../types';
import { findPair, isQuoted, isScalar, scalarSource } from '../../ast';
import { finding, permissionEntries, replaceNode, singleQuoted, templated } from './util';

const RWX = ['---', '--x', '-w-', '-wx', 'r--', 'r-x', 'rw-', 'rwx'];

function symbolic(digits: string): string {
  return [...digits.slice(-3).padStart(3, '0')].map((d) => RWX[Number(d)] ?? '???').join('');
}

export const permissionModeLeadingZero: Rule = {
  id: 'W3009',
  name: 'permission-mode-leading-zero',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Unquoted `mode` with a leading zero',
  doc:
    "Agent v1 parses YAML 1.1, where an unquoted `0644` is the octal number 420; the agent then reads that number's " +
    'decimal digits, so the files silently get mode `420` (`r---w----`). When the decimal value contains 8 or 9 ' +
    '(`0755` → 493, `0600` → 384) the deployment fails instead, so that case is an error. Agent v2 reads the digits ' +
    "as written. Quote the value (`'0644'`) or drop the leading zero (`644`), as the CodeDeploy docs require.",
  check(doc) {
    const out: Finding[] = [];
    for (const entry of permissionEntries(doc)) {
      const value = findPair(entry.map, 'mode')?.value;
      if (!isScalar(value) || isQuoted(value) || templated(value)) continue;
      const text = (scalarSource(value) ?? '').trim();
      if (!/^0[0-7]+$/.test(text)) continue;
      const intended = text.replace(/^0+/, '') || '0';
      const v1 = parseInt(text, 8).toString(10);
      if (v1 === intended) continue;
      const fails = /[89]/.test(v1);
      const quoted = doc.format === 'json' ? JSON.stringify(text) : singleQuoted(text);
      const fixes: Fix[] = [
        { title: `Quote it: ${quoted}`, edits: [replaceNode(doc, value, quoted)], isPreferred: true },
      ];
      if (intended.length <= 4)
        fixes.push({
          title: `Drop the leading zero: ${intended.padStart(3, '0')}`,
          edits: [replaceNode(doc, value, intended.padStart(3, '0'))],
        });
      const message = fails
        ? `Unquoted \`mode: ${text}\` is read by agent v1 (YAML 1.1) as the octal number ${v1}, and the deployment fails ("permissions mode (${v1}) … contains an invalid character"). Quote it (${singleQuoted(text)}) or drop the leading zero.`
        : `Unquoted \`mode: ${text}\` is read by agent v1 (YAML 1.1) as the octal number ${v1}, so files silently get mode ${v1} (${symbolic(v1)}) instead of ${intended} (${symbolic(intended)}). Quote it (${singleQuoted(text)}) or drop the leading zero.`;
      out.push(finding('W3009', message, doc.rangeOf(value), fails ? { severity: 'error', fixes } : { fixes }));
    }
    return out;
  },
};
