import type { Finding, Rule } from '../../types';
import { finding } from './util';
import { linuxScriptFiles } from './workspace';

/** Windows file systems have no execute bit; there only the git index can tell. */
const WINDOWS_HOST = typeof process !== 'undefined' && process.platform === 'win32';

export const hookScriptNotExecutable: Rule = {
  id: 'W5002',
  name: 'hook-script-not-executable',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'workspace',
  title: 'Hook script is not executable',
  doc:
    'Hook scripts are executed directly. The agents try `chmod +x` first, but that fails on read-only or `noexec` ' +
    'locations ("Unable to set script at specified location … as executable"), and a bundle zipped from a checkout ' +
    'without the executable bit depends on that retry. Mark the script executable (`chmod +x`, and ' +
    '`git update-index --chmod=+x` so the git index records mode 100755). The script counts as executable when either ' +
    'the file mode or the git index says so (on a Windows machine only the git index counts); Windows scripts and ' +
    '`os: windows` are not checked.',
  check(doc, ctx) {
    const resolved = linuxScriptFiles(doc, ctx);
    if (!resolved) return [];
    const out: Finding[] = [];
    for (const s of resolved.scripts) {
      const fileExec = s.stat.mode === undefined || WINDOWS_HOST ? undefined : (s.stat.mode & 0o111) !== 0;
      const git = resolved.fs.gitMode?.(s.abs);
      const gitExec = git === undefined ? undefined : (git & 0o111) !== 0;
      if (fileExec === true || gitExec === true || (fileExec === undefined && gitExec === undefined)) continue;
      out.push(
        finding(
          'W5002',
          `Hook script \`${s.location}\` is not executable; run \`chmod +x ${s.rel}\` (and \`git update-index --chmod=+x ${s.rel}\`).`,
          doc.rangeOf(s.node),
        ),
      );
    }
    return out;
  },
};
