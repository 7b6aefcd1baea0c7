import type { Finding, Rule } from '../../types';
import { finding, osOf } from './util';
import { linuxScriptFiles, SCRIPT_HEAD_BYTES } from './workspace';

export const hookScriptNoShebang: Rule = {
  id: 'W5003',
  name: 'hook-script-no-shebang',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'workspace',
  title: 'Linux hook script without a `#!` line',
  doc:
    'The agent executes the script file directly, so on Linux the kernel needs a `#!` interpreter line (such as ' +
    '`#!/bin/bash`) at the very start; without it the event fails with "Exec format error". Add the line. Only checked ' +
    'with `os: linux`, for scripts that are not Windows scripts or binaries.',
  check(doc, ctx) {
    if (osOf(doc) !== 'linux') return [];
    const resolved = linuxScriptFiles(doc, ctx);
    if (!resolved) return [];
    const out: Finding[] = [];
    for (const s of resolved.scripts) {
      if (s.stat.size === 0) continue;
      const head = resolved.fs.readHead(s.abs, SCRIPT_HEAD_BYTES);
      if (!head) continue;
      let start = 0;
      if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) start = 3;
      if (head[start] === 0x23 && head[start + 1] === 0x21) {
        if (start === 3)
          out.push(
            finding(
              'W5003',
              `Hook script \`${s.location}\` starts with a byte-order mark before \`#!\`, so the kernel does not see the interpreter line; save it as UTF-8 without BOM.`,
              doc.rangeOf(s.node),
            ),
          );
        continue;
      }
      if (head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) continue; // ELF binary
      out.push(
        finding(
          'W5003',
          `Hook script \`${s.location}\` has no \`#!\` line (e.g. \`#!/bin/bash\`) at its start; the agent executes it directly and it fails with "Exec format error".`,
          doc.rangeOf(s.node),
        ),
      );
    }
    return out;
  },
};
