/**
 * A command line for the terminal's shell, quoted for that shell: POSIX shells (sh, bash, zsh,
 * dash, ksh), PowerShell and cmd. An argument that cannot be quoted safely for the shell (cmd with
 * `%`, `!`, `"` or `^`; a shell not known here; any control character) gives no command line:
 * the caller then starts the program directly (the terminal's shellPath/shellArgs array form). Pure.
 */

export type ShellKind = 'posix' | 'powershell' | 'cmd' | 'unknown';

/** Arguments every shell takes as they are. */
const PLAIN = /^[A-Za-z0-9_./:@=,+-]+$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Which quoting `shellPath` (VS Code's `env.shell`) needs; an empty path is the platform's default shell. */
export function shellKindOf(shellPath: string | undefined, platform: NodeJS.Platform): ShellKind {
  const name = (shellPath ?? '')
    .split(/[\\/]/)
    .pop()!
    .toLowerCase()
    .replace(/\.exe$/, '');
  if (!name) return platform === 'win32' ? 'powershell' : 'posix';
  if (['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'busybox'].includes(name)) return 'posix';
  if (name === 'pwsh' || name === 'powershell' || name === 'pwsh-preview') return 'powershell';
  if (name === 'cmd') return 'cmd';
  return 'unknown';
}

/** One argument quoted for `kind`, or undefined when it cannot be passed safely as text. */
export function quoteArg(arg: string, kind: ShellKind): string | undefined {
  if (PLAIN.test(arg)) return arg;
  if (CONTROL.test(arg) || arg === '') return undefined;
  switch (kind) {
    case 'posix':
      return `'${arg.replace(/'/g, `'\\''`)}'`;
    case 'powershell':
      // PowerShell also ends single-quoted strings at typographic single quotes: double them all.
      return `'${arg.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`;
    case 'cmd':
      return /["%!^&|<>()]/.test(arg) ? undefined : `"${arg}"`;
    default:
      return undefined;
  }
}

/** The whole command line for `kind`, or undefined when an argument cannot be quoted for it. */
export function commandLine(args: readonly string[], kind: ShellKind): string | undefined {
  const quoted = args.map((a) => quoteArg(a, kind));
  if (quoted.some((q) => q === undefined)) return undefined;
  // PowerShell runs a quoted first word only with the call operator.
  const line = quoted.join(' ');
  return kind === 'powershell' && quoted[0] !== args[0] ? `& ${line}` : line;
}
