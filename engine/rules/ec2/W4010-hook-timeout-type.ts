import type { Finding, Fix, Rule } from '../../types';
import { findPair, type Node } from '../../ast';
import { finding, hookScripts, readTimeout, replaceNode, templated } from './util';

export const hookTimeoutType: Rule = {
  id: 'W4010',
  name: 'hook-timeout-type',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Hook `timeout` quoted or not a whole number',
  doc:
    'Agent v1 converts `timeout` leniently (`"300"` → 300, `30.5` → 30), but agent v2 accepts only an unquoted whole ' +
    'number and fails the deployment otherwise, so the same AppSpec behaves differently by agent generation (a value ' +
    'beyond 4294967295 is E4009). Write an unquoted integer: `timeout: 300`.',
  check(doc) {
    const out: Finding[] = [];
    for (const { event, script } of hookScripts(doc)) {
      const value = findPair(script, 'timeout')?.value as Node | undefined;
      if (!value || templated(value)) continue;
      const t = readTimeout(value);
      if (!t || t.kind === 'invalid' || t.seconds <= 0) continue;
      if (t.kind === 'quoted-int') {
        const fixes: Fix[] = [
          { title: `Unquote: ${t.seconds}`, edits: [replaceNode(doc, value, String(t.seconds))], isPreferred: true },
        ];
        out.push(
          finding(
            'W4010',
            `\`timeout\` under \`${event}\` is quoted: agent v1 accepts it but agent v2 fails ("expected u32"). Write it unquoted: \`timeout: ${t.seconds}\`.`,
            doc.rangeOf(value),
            { fixes },
          ),
        );
      } else if (t.kind === 'float') {
        const fixes: Fix[] = [
          { title: `Use ${t.seconds}`, edits: [replaceNode(doc, value, String(t.seconds))], isPreferred: true },
        ];
        out.push(
          finding(
            'W4010',
            `\`timeout\` under \`${event}\` is not a whole number: agent v1 truncates it to ${t.seconds}, agent v2 fails. Write \`timeout: ${t.seconds}\`.`,
            doc.rangeOf(value),
            { fixes },
          ),
        );
      }
    }
    return out;
  },
};
