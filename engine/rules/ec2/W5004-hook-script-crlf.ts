import type { Finding, Rule } from '../../types';
import { finding } from './util';
import { linuxScriptFiles, SCRIPT_HEAD_BYTES } from './workspace';

export const hookScriptCrlf: Rule = {
  id: 'W5004',
  name: 'hook-script-crlf',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'workspace',
  title: 'Linux hook script has Windows (CRLF) line endings',
  doc:
    'A shell script saved with CRLF line endings fails on Linux: the interpreter line becomes `/bin/bash\\r` ("bad ' +
    'interpreter: No such file or directory") and every command gets a stray `\\r`. Convert the file to LF (VS Code: ' +
    'status bar "CRLF" → "LF"; add `*.sh text eol=lf` to `.gitattributes`). Only the first 4 KiB are read; Windows ' +
    'scripts and `os: windows` are not checked.',
  check(doc, ctx) {
    const resolved = linuxScriptFiles(doc, ctx);
    if (!resolved) return [];
    const out: Finding[] = [];
    for (const s of resolved.scripts) {
      const head = resolved.fs.readHead(s.abs, SCRIPT_HEAD_BYTES);
      if (!head) continue;
      let crlf = false;
      for (let i = 0; i + 1 < head.length; i++) {
        if (head[i] === 0x0d && head[i + 1] === 0x0a) {
          crlf = true;
          break;
        }
        if (head[i] === 0) break; // binary
      }
      if (crlf)
        out.push(
          finding(
            'W5004',
            `Hook script \`${s.location}\` has CRLF line endings; on Linux it fails with "bad interpreter". Convert it to LF.`,
            doc.rangeOf(s.node),
          ),
        );
    }
    return out;
  },
};
