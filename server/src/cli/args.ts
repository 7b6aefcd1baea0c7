/** Command-line parsing for appspec-lint. Pure: argv in, options or a usage error out. */

export type OutputFormat = 'text' | 'json' | 'sarif';
export type RuleLevel = 'off' | 'error' | 'warning' | 'info';

export interface CliOptions {
  paths: string[];
  format: OutputFormat;
  maxWarnings?: number;
  configFile?: string;
  workspaceChecks: boolean;
  rules: Record<string, RuleLevel>;
  quiet: boolean;
  stdinFilename?: string;
  color: boolean;
  help: boolean;
  version: boolean;
  /** SARIF: describe every rule, not only those with results. */
  sarifAllRules: boolean;
  /** Enter symlinked folders (only those whose real path stays inside the folder given). */
  followSymlinks: boolean;
}

export class UsageError extends Error {}

export const HELP = `Usage: appspec-lint [options] PATH...

Checks AWS CodeDeploy AppSpec files with the same rules as the editor extension.

PATH can be a file (any name), a folder (searched recursively for appspec.yml,
appspec.yaml and appspec.json; node_modules and .git are skipped; symlinked
folders are not entered without --follow-symlinks, and nothing outside the folder
given is read), a quoted glob such as "deploy/**/appspec.yml", or - to read one
document from standard input.

Options:
  -f, --format text|json|sarif  Output format (default: text)
      --sarif-all-rules        SARIF: describe every rule, not only those with results
      --max-warnings N         Exit 1 when there are more than N warnings
  -c, --config FILE            Use this .appspec-lint.json instead of the nearest one
      --no-workspace-checks    Do not look at files next to the AppSpec (hook scripts, files[].source)
      --follow-symlinks        Enter symlinked folders whose real path is inside the folder given
      --rule ID=LEVEL          Override a rule: off, error, warning or info (repeatable)
  -q, --quiet                  Report errors only
      --stdin-filename NAME    File name to assume for - (default: appspec.yml)
      --no-color               Plain text output (color is used only on terminals)
  -v, --version                Print the version
  -h, --help                   Print this help

Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings),
2 usage or file access problems.
`;

const LEVELS: readonly RuleLevel[] = ['off', 'error', 'warning', 'info'];

export function parseArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = {
    paths: [],
    format: 'text',
    workspaceChecks: true,
    rules: {},
    quiet: false,
    color: true,
    help: false,
    version: false,
    sarifAllRules: false,
    followSymlinks: false,
  };
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined) throw new UsageError(`${name} needs a value`);
    return v;
  };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      o.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    // --name=value
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const take = (): string => {
      if (inline !== undefined) return inline;
      const v = value(i, arg);
      i++;
      return v;
    };
    switch (arg) {
      case '-f':
      case '--format': {
        const f = take();
        if (f !== 'text' && f !== 'json' && f !== 'sarif')
          throw new UsageError(`unknown format "${f}" (use text, json or sarif)`);
        o.format = f;
        break;
      }
      case '--max-warnings': {
        const raw = take();
        const n = Number(raw);
        if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n))
          throw new UsageError(`--max-warnings needs a whole number ≥ 0, got "${raw}"`);
        o.maxWarnings = n;
        break;
      }
      case '-c':
      case '--config':
        o.configFile = take();
        break;
      case '--no-workspace-checks':
        o.workspaceChecks = false;
        break;
      case '--rule': {
        const spec = take();
        const m = /^([A-Za-z]\d{4})=(\w+)$/.exec(spec.trim());
        if (!m) throw new UsageError(`--rule expects ID=LEVEL, e.g. --rule W4001=off (got "${spec}")`);
        const level = m[2].toLowerCase() as RuleLevel;
        if (!LEVELS.includes(level))
          throw new UsageError(`--rule ${m[1]}: unknown level "${m[2]}" (use off, error, warning or info)`);
        o.rules[m[1].toUpperCase()] = level;
        break;
      }
      case '-q':
      case '--quiet':
        o.quiet = true;
        break;
      case '--stdin-filename':
        o.stdinFilename = take();
        break;
      case '--no-color':
        o.color = false;
        break;
      case '--follow-symlinks':
        o.followSymlinks = true;
        break;
      case '--sarif-all-rules':
        o.sarifAllRules = true;
        break;
      case '-v':
      case '--version':
        o.version = true;
        break;
      case '-h':
      case '--help':
        o.help = true;
        break;
      default:
        throw new UsageError(`unknown option "${arg}" (see --help)`);
    }
  }
  if (!o.help && !o.version && o.paths.length === 0) throw new UsageError('no PATH given (see --help)');
  if (o.paths.filter((p) => p === '-').length > 1) throw new UsageError('- (standard input) can be given only once');
  return o;
}
