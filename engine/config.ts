/**
 * Lint configuration: per-rule severity overrides and whether workspace (file system) checks run.
 * Sources merge as defaults < VS Code settings < `.appspec-lint.json` (nearest one walking up
 * from the AppSpec's folder). Parsing is pure; loading takes a read function.
 */
import type { Severity } from './types';
import { didYouMean } from './suggest';

export type RuleSetting = 'off' | Severity;

export interface LintConfig {
  rules?: Record<string, RuleSetting>;
  workspaceChecks?: boolean;
  /** The ECS task definition file beside an ECS AppSpec, relative to the AppSpec's folder (default `taskdef.json`). */
  taskDefinitionFile?: string;
  /** Problems met while reading a config file; lint reports them on each AppSpec (rule W0014). */
  problems?: { message: string; path?: string }[];
}

export const CONFIG_FILE_NAME = '.appspec-lint.json';
const SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info', 'hint'];
/** Accepted spellings besides the canonical ones. */
const ALIASES: Record<string, RuleSetting> = {
  information: 'info',
  warn: 'warning',
  none: 'off',
  disable: 'off',
  disabled: 'off',
};

export interface ConfigProblem {
  message: string;
  /** Offset into the config text when known. */
  offset?: number;
}

export interface ParsedConfig {
  config: LintConfig;
  problems: ConfigProblem[];
}

function normalizeSetting(value: unknown): RuleSetting | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if ((SETTINGS as readonly string[]).includes(v)) return v as RuleSetting;
  return ALIASES[v];
}

/** Checks and normalises a config object (from settings or a file). Unknown entries are reported, not fatal. */
export function normalizeConfig(
  raw: unknown,
  source = 'configuration',
  knownRuleIds?: readonly string[],
): ParsedConfig {
  const problems: ConfigProblem[] = [];
  const config: LintConfig = {};
  if (raw === undefined || raw === null) return { config, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      config,
      problems: [{ message: `The ${source} must be a JSON object like { "rules": { "W4001": "off" } }.` }],
    };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === 'rules') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push({
          message: `"rules" in the ${source} must be an object mapping rule IDs to off/error/warning/info/hint.`,
        });
        continue;
      }
      const rules: Record<string, RuleSetting> = {};
      for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
        const s = normalizeSetting(setting);
        if (!s) {
          problems.push({
            message: `Rule "${id}" in the ${source} has the setting ${JSON.stringify(setting)}; use one of ${SETTINGS.join(', ')}.`,
          });
          continue;
        }
        const ruleId = id.trim().toUpperCase();
        if (knownRuleIds && !knownRuleIds.includes(ruleId)) {
          const guess = didYouMean(ruleId, knownRuleIds);
          problems.push({
            message: `Unknown rule ID "${id}" in the ${source}${guess ? `; did you mean "${guess}"?` : '.'}`,
          });
        }
        rules[ruleId] = s;
      }
      config.rules = rules;
    } else if (key === 'workspaceChecks') {
      if (typeof value !== 'boolean')
        problems.push({ message: `"workspaceChecks" in the ${source} must be true or false.` });
      else config.workspaceChecks = value;
    } else if (key === 'taskDefinitionFile') {
      if (typeof value !== 'string' || value.trim() === '' || value.includes('\0'))
        problems.push({
          message: `"taskDefinitionFile" in the ${source} must be a file path relative to the AppSpec's folder, e.g. "taskdef.json".`,
        });
      else config.taskDefinitionFile = value.trim();
    } else if (key !== '$schema') {
      problems.push({
        message: `Unknown key "${key}" in the ${source}; known keys are "rules", "workspaceChecks" and "taskDefinitionFile".`,
      });
    }
  }
  return { config, problems };
}

/** Parses the text of a `.appspec-lint.json`. Malformed JSON yields an empty config and a problem. */
export function parseLintConfig(text: string, knownRuleIds?: readonly string[]): ParsedConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /position (\d+)/.exec(msg);
    return {
      config: {},
      problems: [
        { message: `${CONFIG_FILE_NAME} is not valid JSON: ${msg}`, ...(pos ? { offset: Number(pos[1]) } : {}) },
      ],
    };
  }
  return normalizeConfig(raw, CONFIG_FILE_NAME, knownRuleIds);
}

/** Later configs win; rule maps are merged key by key. */
export function mergeConfigs(...configs: (LintConfig | undefined)[]): LintConfig {
  const out: LintConfig = {};
  for (const c of configs) {
    if (!c) continue;
    if (c.rules) out.rules = { ...(out.rules ?? {}), ...c.rules };
    if (c.workspaceChecks !== undefined) out.workspaceChecks = c.workspaceChecks;
    if (c.taskDefinitionFile !== undefined) out.taskDefinitionFile = c.taskDefinitionFile;
    if (c.problems?.length) out.problems = [...(out.problems ?? []), ...c.problems];
  }
  return out;
}

export const DEFAULT_CONFIG: LintConfig = { rules: {}, workspaceChecks: true };

export interface LoadedConfig extends ParsedConfig {
  /** Absolute path of the config file used, if one was found. */
  path?: string;
}

function parentOf(dir: string): string | undefined {
  const trimmed = dir.replace(/[\\/]+$/, '');
  const i = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (i < 0) return undefined;
  if (i === 0) return trimmed.length > 1 ? trimmed.slice(0, 1) : undefined;
  const parent = trimmed.slice(0, i);
  if (/^[A-Za-z]:$/.test(parent)) return `${parent}\\`;
  return parent;
}

function join(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : dir + sep + name;
}

/**
 * Finds the nearest `.appspec-lint.json` from `startDir` upwards (stopping after `stopDir` when
 * given, e.g. the workspace folder) and parses it. `read` returns undefined when a file is absent.
 */
export function loadLintConfig(
  startDir: string,
  read: (absPath: string) => string | undefined,
  stopDir?: string,
  knownRuleIds?: readonly string[],
): LoadedConfig {
  const stop = stopDir?.replace(/[\\/]+$/, '');
  let dir: string | undefined = startDir;
  for (let guard = 0; dir !== undefined && guard < 128; guard++) {
    const path = join(dir, CONFIG_FILE_NAME);
    let text: string | undefined;
    try {
      text = read(path);
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      const parsed = parseLintConfig(text, knownRuleIds);
      // The problems also travel inside the config, so whoever lints with it reports them (W0014).
      const config: LintConfig = parsed.problems.length
        ? { ...parsed.config, problems: parsed.problems.map((p) => ({ message: p.message, path })) }
        : parsed.config;
      return { config, problems: parsed.problems, path };
    }
    if (stop !== undefined && dir.replace(/[\\/]+$/, '') === stop) break;
    dir = parentOf(dir);
  }
  return { config: {}, problems: [] };
}

/** The effective severity for a rule, or 'off'. */
export function severityFor(config: LintConfig | undefined, ruleId: string, fallback: Severity): RuleSetting {
  return config?.rules?.[ruleId] ?? config?.rules?.[ruleId.toUpperCase()] ?? fallback;
}
