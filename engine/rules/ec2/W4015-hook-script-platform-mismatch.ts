import type { Finding, Rule } from '../../types';
import { findPair, isScalar } from '../../ast';
import { WINDOWS_SCRIPT, finding, hookScripts, osOf, templated, textOf } from './util';

export const hookScriptPlatformMismatch: Rule = {
  id: 'W4015',
  name: 'hook-script-platform-mismatch',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Windows hook script under `os: linux`',
  doc:
    'Under `os: linux` the agent executes the hook file directly, so a `.ps1`, `.bat`, `.cmd` or `.exe` hook does not ' +
    'do what it says: a `.ps1` runs only with a `#!` line naming PowerShell, and a batch file is at best handed to ' +
    '`/bin/sh`. This is a warning because a `.ps1` with such a `#!` line works. Use a script type the target OS can ' +
    'execute, or correct `os`. (Shell and Python scripts under `os: windows` cannot run at all: E4018.)',
  check(doc) {
    if (osOf(doc) !== 'linux') return []; // scripts that cannot run on Windows: E4018
    const out: Finding[] = [];
    for (const { event, script } of hookScripts(doc)) {
      const value = findPair(script, 'location')?.value;
      const loc = textOf(value);
      if (!isScalar(value) || loc === undefined || templated(value)) continue;
      if (WINDOWS_SCRIPT.test(loc)) {
        out.push(
          finding(
            'W4015',
            `\`${loc}\` under \`${event}\` is a Windows script, but \`os\` is \`linux\`; Linux instances cannot run it.`,
            doc.rangeOf(value),
          ),
        );
      }
    }
    return out;
  },
};
