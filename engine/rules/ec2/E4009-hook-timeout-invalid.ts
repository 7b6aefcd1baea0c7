import type { Finding, Rule } from '../../types';
import { findPair } from '../../ast';
import { finding, hookScripts, readTimeout, templated, valueRange } from './util';

/** The largest `timeout` agent v2 reads (a `u32`). */
const U32_MAX = 4294967295;

export const hookTimeoutInvalid: Rule = {
  id: 'E4009',
  name: 'hook-timeout-invalid',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Hook `timeout` is not a positive number of seconds',
  doc:
    '`timeout` is the number of seconds a script may run (default 3600). Zero, negative values and text that is not a ' +
    'number (`5m`, `one hour`) fail the deployment with "invalid timeout value"; a number beyond 4294967295 fails on ' +
    'agent v2, which reads it as a `u32` (agent v1 is still the default install in many places, but such a value is never ' +
    'meant). Write a positive whole number of ' +
    'seconds, e.g. `timeout: 300`.',
  check(doc) {
    const out: Finding[] = [];
    for (const { event, script } of hookScripts(doc)) {
      const pair = findPair(script, 'timeout');
      const value = pair?.value;
      if (templated(value)) continue;
      const t = readTimeout(value);
      if (!t || !value) continue;
      if (t.kind === 'invalid') {
        out.push(
          finding(
            'E4009',
            `\`timeout: ${t.text}\` under \`${event}\` is not a number of seconds; write a positive whole number such as \`300\`.`,
            valueRange(doc, pair),
          ),
        );
      } else if (t.seconds <= 0) {
        out.push(
          finding(
            'E4009',
            `\`timeout\` under \`${event}\` must be at least 1 second (found ${t.seconds}); the deployment fails with "invalid timeout value".`,
            valueRange(doc, pair),
          ),
        );
      } else if (t.kind === 'int' && t.seconds > U32_MAX) {
        out.push(
          finding(
            'E4009',
            `\`timeout\` under \`${event}\` is larger than agent v2 can read (${U32_MAX}); the deployment fails there. An event may run 3600 seconds at most anyway.`,
            valueRange(doc, pair),
          ),
        );
      }
    }
    return out;
  },
};
