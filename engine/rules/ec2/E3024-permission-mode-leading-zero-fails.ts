import type { Rule } from '../../types';
import { finding, singleQuoted } from './util';
import { leadingZeroModes } from './modeLeadingZero';

export const permissionModeLeadingZeroFails: Rule = {
  id: 'E3024',
  name: 'permission-mode-leading-zero-fails',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Unquoted `mode` with a leading zero that agent v1 rejects',
  doc:
    'Agent v1 parses YAML 1.1, where an unquoted `0755` is the octal number 493; the agent then checks that ' +
    'number\'s decimal digits as a mode, and 493 holds a 9, so the deployment fails ("permissions mode (493) … ' +
    'contains an invalid character"). Agent v1 is still the default install in many places, so this is an error ' +
    "(agent v2 reads the digits as written). Quote the value (`'0755'`) or drop the leading zero (`755`). A leading " +
    'zero whose octal value has no 8 or 9 (`0644` → 420) does not fail but sets the wrong mode: W3009.',
  check(doc) {
    return leadingZeroModes(doc)
      .filter((m) => m.fails)
      .map((m) =>
        finding(
          'E3024',
          `Unquoted \`mode: ${m.text}\` is read by agent v1 (YAML 1.1) as the octal number ${m.v1}, and the deployment fails ("permissions mode (${m.v1}) … contains an invalid character"). Quote it (${singleQuoted(m.text)}) or drop the leading zero.`,
          doc.rangeOf(m.value),
          { fixes: m.fixes },
        ),
      );
  },
};
