import type { Finding, Rule } from '../../types';
import { findPair, isScalar } from '../../ast';
import { WINDOWS_SCRIPT, finding, hookScripts, osOf, templated, textOf } from './util';

export const hookScriptPlatformMismatch: Rule = {
  id: 'W4015',
  name: 'hook-script-platform-mismatch',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Hook script type does not match `os`',
  doc:
    'Under `os: linux` a `.ps1`, `.bat`, `.cmd` or `.exe` hook cannot run. Under `os: windows` the agent runs `.ps1` ' +
    'files with `powershell.exe -ExecutionPolicy Bypass -File` (32-bit PowerShell by default) and executes other files ' +
    'directly, so a `.sh` script does not run. Use a script type the target OS can execute, or correct `os`.',
  check(doc) {
    const os = osOf(doc);
    if (!os) return [];
    const out: Finding[] = [];
    for (const { event, script } of hookScripts(doc)) {
      const value = findPair(script, 'location')?.value;
      const loc = textOf(value);
      if (!isScalar(value) || loc === undefined || templated(value)) continue;
      if (os === 'linux' && WINDOWS_SCRIPT.test(loc)) {
        out.push(
          finding(
            'W4015',
            `\`${loc}\` under \`${event}\` is a Windows script, but \`os\` is \`linux\`; Linux instances cannot run it.`,
            doc.rangeOf(value),
          ),
        );
      } else if (os === 'windows' && /\.(?:sh|bash)$/i.test(loc)) {
        out.push(
          finding(
            'W4015',
            `\`${loc}\` under \`${event}\` is a shell script, but \`os\` is \`windows\`; the Windows agent runs \`.ps1\`, \`.bat\`, \`.cmd\` or \`.exe\` files.`,
            doc.rangeOf(value),
          ),
        );
      }
    }
    return out;
  },
};
