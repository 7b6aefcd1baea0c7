import type { Finding, Rule } from '../../types';
import { findPair, isScalar } from '../../ast';
import { finding, hookScripts, osOf, scalarText, templated } from './util';

export const hookRunas: Rule = {
  id: 'W4013',
  name: 'hook-runas-invalid',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`runas` on Windows, or empty',
  doc:
    '`runas` names the Linux user a script runs as (via `su`). Windows instances do not support it: the Windows agent ' +
    'ignores it and the docs say not to include it. An empty `runas` is worse: agent v1 runs `su` with no user name, ' +
    'i.e. as root, while v2 ignores it. Remove `runas` on Windows; on Linux give a user name or remove the key.',
  check(doc) {
    const out: Finding[] = [];
    const os = osOf(doc);
    for (const { event, script } of hookScripts(doc)) {
      const pair = findPair(script, 'runas');
      if (!pair || templated(pair.value)) continue;
      const text = scalarText(pair.value);
      if (os === 'windows') {
        out.push(
          finding(
            'W4013',
            `\`runas\` under \`${event}\` is not supported on Windows instances and is ignored; remove it.`,
            doc.keyRangeOf(pair),
          ),
        );
      } else if (text === undefined || text.trim() === '' || !isScalar(pair.value)) {
        out.push(
          finding(
            'W4013',
            `\`runas\` under \`${event}\` is empty: agent v1 then runs the script as root, agent v2 as the agent's user. Name a user or remove the key.`,
            doc.keyRangeOf(pair),
          ),
        );
      }
    }
    return out;
  },
};
