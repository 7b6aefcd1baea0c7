/**
 * The environment a hook script runs with: not the extension host's (which may hold `AWS_*` keys,
 * tokens and whatever else VS Code was started with), but PATH and HOME, the variables the
 * CodeDeploy agent sets, and the names the user allows in `codedeploy.hooks.environmentAllowList`.
 * On Windows the few variables without which programs cannot start (SystemRoot, ComSpec, …) too.
 */

/** Variables a hook always gets from the host (when set there). */
export const BASE_VARIABLES = ['PATH', 'HOME'] as const;
/** Windows programs need these to start at all (sockets, temp files, the shell). */
export const WINDOWS_VARIABLES = ['SystemRoot', 'ComSpec', 'PATHEXT', 'windir', 'TEMP', 'TMP', 'USERPROFILE'] as const;
/** What the agent sets for each script. */
export interface AgentVariables {
  LIFECYCLE_EVENT?: string;
  DEPLOYMENT_ID: string;
  APPLICATION_NAME: string;
  DEPLOYMENT_GROUP_NAME: string;
  DEPLOYMENT_GROUP_ID: string;
}

/** A variable name the allow-list may hold (letters, digits, `_`; no `=` or NUL that could inject). */
export function isVariableName(name: unknown): name is string {
  return typeof name === 'string' && /^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(name);
}

/**
 * The minimal environment: from `host` only PATH, HOME (Windows: plus WINDOWS_VARIABLES) and the
 * allow-listed names; then the agent's variables, which the host cannot override.
 */
export function hookEnvironment(
  host: NodeJS.ProcessEnv,
  agent: AgentVariables,
  allowList: readonly unknown[] = [],
  platform: NodeJS.Platform = process.platform,
): NodeJS.ProcessEnv {
  const wanted: string[] = [...BASE_VARIABLES, ...(platform === 'win32' ? WINDOWS_VARIABLES : [])];
  for (const name of allowList) if (isVariableName(name)) wanted.push(name);
  const out: NodeJS.ProcessEnv = {};
  // Windows names are case-insensitive: match them so.
  const lookup = new Map<string, string>();
  for (const key of Object.keys(host)) lookup.set(platform === 'win32' ? key.toUpperCase() : key, key);
  for (const name of wanted) {
    const key = lookup.get(platform === 'win32' ? name.toUpperCase() : name);
    const value = key === undefined ? undefined : host[key];
    if (value !== undefined) out[name] = value;
  }
  for (const [k, v] of Object.entries(agent)) if (v !== undefined) out[k] = v;
  return out;
}
