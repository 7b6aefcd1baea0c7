/**
 * The `appspec-lint` task type (contributes.taskDefinitions): a task definition from tasks.json, or the one the task
 * provider offers, → the arguments of the CLI. Pure; a definition is user input, so every field is checked and the
 * wrong ones are named instead of being passed on.
 */

export const TASK_TYPE = 'appspec-lint';
/** contributes.problemMatchers: reads the CLI's text lines (file:line:col severity ID message). */
export const PROBLEM_MATCHER = '$appspec-lint';
/** The label of the task the provider offers for each workspace folder. */
export const PROVIDED_TASK_NAME = 'Check AppSpec files';

export interface LintTaskDefinition {
  type: typeof TASK_TYPE;
  /** Files, folders or globs, relative to the workspace folder (default: the whole folder). */
  paths?: string[];
  /** --config FILE */
  config?: string;
  /** --max-warnings N */
  maxWarnings?: number;
  /** --quiet */
  quiet?: boolean;
  /** false → --no-workspace-checks */
  workspaceChecks?: boolean;
  /** --rule ID=LEVEL for each entry */
  rules?: Record<string, string>;
}

export interface LintTaskArgs {
  args: string[];
  /** What was wrong with the definition (those fields are left out). */
  problems: string[];
}

const RULE_ID = /^[A-Za-z]\d{4}$/;
const LEVELS = ['off', 'error', 'warning', 'info'];

/** The CLI arguments for a definition: options first, then `--` and the paths (a path may start with "-"). */
export function lintTaskArgs(definition: unknown): LintTaskArgs {
  const d = (definition && typeof definition === 'object' ? definition : {}) as Record<string, unknown>;
  const args: string[] = ['--no-color'];
  const problems: string[] = [];

  if (d.config !== undefined) {
    if (typeof d.config === 'string' && d.config.trim()) args.push('--config', d.config);
    else problems.push('"config" must be the path of a configuration file');
  }
  if (d.maxWarnings !== undefined) {
    if (typeof d.maxWarnings === 'number' && Number.isSafeInteger(d.maxWarnings) && d.maxWarnings >= 0)
      args.push('--max-warnings', String(d.maxWarnings));
    else problems.push('"maxWarnings" must be a whole number ≥ 0');
  }
  if (d.quiet !== undefined) {
    if (typeof d.quiet === 'boolean') {
      if (d.quiet) args.push('--quiet');
    } else problems.push('"quiet" must be true or false');
  }
  if (d.workspaceChecks !== undefined) {
    if (typeof d.workspaceChecks === 'boolean') {
      if (!d.workspaceChecks) args.push('--no-workspace-checks');
    } else problems.push('"workspaceChecks" must be true or false');
  }
  if (d.rules !== undefined) {
    if (d.rules && typeof d.rules === 'object' && !Array.isArray(d.rules)) {
      for (const [id, level] of Object.entries(d.rules as Record<string, unknown>)) {
        if (RULE_ID.test(id) && typeof level === 'string' && LEVELS.includes(level))
          args.push('--rule', `${id}=${level}`);
        else problems.push(`"rules": ${JSON.stringify(id)} must be a rule ID set to off, error, warning or info`);
      }
    } else problems.push('"rules" must map rule IDs to off, error, warning or info');
  }

  let paths = ['.'];
  if (d.paths !== undefined) {
    const valid = Array.isArray(d.paths) ? d.paths.filter((p): p is string => typeof p === 'string' && p !== '') : [];
    if (!Array.isArray(d.paths) || valid.length !== d.paths.length)
      problems.push('"paths" must be a list of files, folders or globs');
    if (valid.length) paths = valid;
  }
  args.push('--', ...paths);
  return { args, problems };
}
