import type { Rule } from '../../types';
import { finding, singleQuoted } from './util';
import { leadingZeroModes, symbolic } from './modeLeadingZero';

export const permissionModeLeadingZero: Rule = {
  id: 'W3009',
  name: 'permission-mode-leading-zero',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Unquoted `mode` with a leading zero',
  doc:
    "Agent v1 parses YAML 1.1, where an unquoted `0644` is the octal number 420; the agent then reads that number's " +
    'decimal digits, so the files silently get mode `420` (`r---w----`). Agent v2 reads the digits as written, so the ' +
    'same AppSpec sets different modes by agent generation. When the decimal value contains 8 or 9 (`0755` → 493) the ' +
    "v1 deployment fails instead: that case is E3024. Quote the value (`'0644'`) or drop the leading zero (`644`), as " +
    'the CodeDeploy docs require.',
  check(doc) {
    return leadingZeroModes(doc)
      .filter((m) => !m.fails)
      .map((m) =>
        finding(
          'W3009',
          `Unquoted \`mode: ${m.text}\` is read by agent v1 (YAML 1.1) as the octal number ${m.v1}, so files silently get mode ${m.v1} (${symbolic(m.v1)}) instead of ${m.intended} (${symbolic(m.intended)}). Quote it (${singleQuoted(m.text)}) or drop the leading zero.`,
          doc.rangeOf(m.value),
          { fixes: m.fixes },
        ),
      );
  },
};
