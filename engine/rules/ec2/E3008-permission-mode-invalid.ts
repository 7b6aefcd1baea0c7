import type { Finding, Rule } from '../../types';
import { findPair, isQuoted, isScalar, scalarSource, type Node } from '../../ast';
import { finding, permissionEntries, templated } from './util';

/** The agent's mode check on the written text; returns a problem description or undefined. */
export function modeProblem(text: string): string | undefined {
  if (/[ugoa]*[+=-][rwxXst]*/.test(text) && /[a-zA-Z]/.test(text))
    return 'symbolic modes such as `u+x` are not supported; use octal digits such as `755`';
  const padded = text.padStart(3, '0');
  if (padded.length > 4) return `it is ${text.length} characters long; modes have one to four octal digits`;
  const bad = [...padded].find((c) => c < '0' || c > '7');
  if (bad !== undefined) return `it contains the invalid character \`${bad}\`; each digit must be 0-7`;
  return undefined;
}

export const permissionModeInvalid: Rule = {
  id: 'E3008',
  name: 'permission-mode-invalid',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`permissions` `mode` is not 1-4 octal digits',
  doc:
    '`mode` follows `chmod` numeric syntax: one to four octal digits (`644`, `755`, `4755`, or quoted `"0644"`). More ' +
    'than four digits, digits 8 or 9, or symbolic forms like `u+x` fail the deployment ("permissions mode … contains ' +
    'an invalid character"). Unquoted values with a leading zero are a separate trap, reported by W3009.',
  check(doc) {
    const out: Finding[] = [];
    for (const entry of permissionEntries(doc)) {
      const pair = findPair(entry.map, 'mode');
      const value = pair?.value as Node | null | undefined;
      if (!pair || value === null || value === undefined || templated(value)) continue;
      if (!isScalar(value)) {
        out.push(
          finding(
            'E3008',
            '`mode` must be octal digits such as `644` or `"0755"`, not a collection.',
            doc.rangeOf(value),
          ),
        );
        continue;
      }
      if (value.value === null) continue;
      const text = (scalarSource(value) ?? '').trim();
      const problem = modeProblem(text);
      if (!problem) continue;
      out.push(
        finding('E3008', `Invalid \`mode\` \`${isQuoted(value) ? text : text}\`: ${problem}.`, doc.rangeOf(value)),
      );
    }
    return out;
  },
};
