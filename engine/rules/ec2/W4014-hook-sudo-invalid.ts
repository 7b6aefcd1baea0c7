import type { Finding, Fix, Rule } from '../../types';
import { findPair, isQuoted, isScalar, scalarSource } from '../../ast';
import { finding, hookScripts, osOf, replaceNode, templated } from './util';

const YAML12_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const TRUTHY = /^(?:y|Y|yes|Yes|YES|on|On|ON|true|True|TRUE|1)$/;
const FALSY = /^(?:n|N|no|No|NO|off|Off|OFF|false|False|FALSE|0)$/;

export const hookSudo: Rule = {
  id: 'W4014',
  name: 'hook-sudo-invalid',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`sudo` is not `true`/`false`, or is used on Windows',
  doc:
    '`sudo` is an undocumented script key both agents support on Linux (`sudo <script>`, or `sudo su <runas>` with ' +
    '`runas`). Agent v2 accepts only the YAML 1.2 booleans `true`/`false`; `yes`, `on` or a quoted `"true"` fail there ' +
    'while v1 accepts any truthy value. It is ignored on Windows. Write `sudo: true` or `sudo: false`.',
  check(doc) {
    const out: Finding[] = [];
    const os = osOf(doc);
    for (const { event, script } of hookScripts(doc)) {
      const pair = findPair(script, 'sudo');
      if (!pair || templated(pair.value)) continue;
      const value = pair.value;
      if (os === 'windows') {
        out.push(
          finding(
            'W4014',
            `\`sudo\` under \`${event}\` is ignored on Windows instances; remove it.`,
            doc.keyRangeOf(pair),
          ),
        );
        continue;
      }
      if (!isScalar(value) || value.value === null) {
        out.push(finding('W4014', `\`sudo\` under \`${event}\` needs \`true\` or \`false\`.`, doc.keyRangeOf(pair)));
        continue;
      }
      const src = (scalarSource(value) ?? '').trim();
      if (!isQuoted(value) && YAML12_BOOL.test(src)) continue;
      const fixed = TRUTHY.test(src) ? 'true' : FALSY.test(src) ? 'false' : undefined;
      const fixes: Fix[] = fixed
        ? [{ title: `Change to \`${fixed}\``, edits: [replaceNode(doc, value, fixed)], isPreferred: true }]
        : [];
      out.push(
        finding(
          'W4014',
          `\`sudo: ${doc.text.slice(value.range?.[0] ?? 0, value.range?.[1] ?? 0)}\` under \`${event}\` is not a YAML 1.2 boolean: agent v2 fails ("expected a boolean"). Write \`sudo: ${fixed ?? 'true'}\`.`,
          doc.rangeOf(value),
          { fixes },
        ),
      );
    }
    return out;
  },
};
