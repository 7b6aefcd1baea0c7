import type { Finding, Rule } from '../../types';
import { findPair, isScalar } from '../../ast';
import { finding, hookScripts, osOf, templated, textOf } from './util';

/** Script types the Windows agent cannot start: it runs `.ps1` through PowerShell and everything else directly. */
const NOT_RUNNABLE_ON_WINDOWS = /\.(?:sh|bash|zsh|ksh|py|rb|pl)$/i;

export const hookScriptNotRunnableOnWindows: Rule = {
  id: 'E4018',
  name: 'hook-script-not-runnable-on-windows',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Shell or Python hook script under `os: windows`',
  doc:
    'The Windows agent cannot run a `.sh` (or `.bash`, `.py`, `.rb`, `.pl`) hook script, so the lifecycle event fails. ' +
    "Evidence from the agent's source (`aws/aws-codedeploy-agent`): `WindowsUtil.prepare_script_command` " +
    '(`lib/instance_agent/platform/windows_util.rb`) wraps only a path ending in `.ps1` in `powershell.exe ' +
    '-ExecutionPolicy Bypass -File` and returns every other path unchanged; `WindowsUtil.script_executable?` is ' +
    '`File.executable?(path)` (which Ruby answers on Windows by the extension: `.exe`, `.com`, `.bat`, `.cmd`) or ' +
    'a `.ps1` ending; `HookExecutor#execute` (`lib/instance_agent/plugins/codedeploy/hook_executor.rb`) tries ' +
    '`chmod +x` on anything else (no effect on Windows) and then starts the bare path with `Open3.popen3`, which ' +
    'Windows cannot do for a shell or Python script (there is no `#!` handling and no file association). Agent v2 ' +
    '(`src/lifecycle_event/script.rs`) also starts the script path itself (`Command::new(script_path)`). Write the ' +
    'hook as `.ps1` (or `.bat`/`.cmd`), or call the interpreter from one: `python C:\\app\\check.py` inside a ' +
    '`.bat` file.',
  check(doc) {
    if (osOf(doc) !== 'windows') return [];
    const out: Finding[] = [];
    for (const { event, script } of hookScripts(doc)) {
      const value = findPair(script, 'location')?.value;
      const loc = textOf(value);
      if (!isScalar(value) || loc === undefined || templated(value) || !NOT_RUNNABLE_ON_WINDOWS.test(loc)) continue;
      const kind = /\.py$/i.test(loc) ? 'a Python script' : /\.(?:rb|pl)$/i.test(loc) ? 'a script' : 'a shell script';
      out.push(
        finding(
          'E4018',
          `\`${loc}\` under \`${event}\` is ${kind}, but \`os\` is \`windows\`: the Windows agent starts it directly and cannot run it, so the event fails. Use a \`.ps1\`, \`.bat\` or \`.cmd\` script.`,
          doc.rangeOf(value),
        ),
      );
    }
    return out;
  },
};
