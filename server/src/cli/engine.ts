/**
 * The CLI's view of the engine: bytes in, final diagnoses out, using exactly the parse, lint,
 * config and workspace file access the editor uses (so findings match the editor's).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  allRules,
  lint,
  loadLintConfig,
  createNodeFs,
  mergeConfigs,
  parseAppSpec,
  parseLintConfig,
  type Diagnosis,
  type LintConfig,
  type RuleContext,
  type WorkspaceFs,
} from '../../../engine/index';
import type { RuleLevel } from './args';
import type { RuleInfo } from './report';

export interface LintRequest {
  workspaceChecks: boolean;
  /** --rule overrides; they win over every config file. */
  rules: Record<string, RuleLevel>;
  /** From --config; replaces the nearest .appspec-lint.json. */
  config?: LintConfig;
  /**
   * Real paths of the folders given (a file's folder for a file): workspace checks read nothing whose
   * real path leaves them, so a symlinked `scripts` folder pointing elsewhere is never followed out.
   */
  roots: readonly string[];
}

export interface CliEngine {
  lint(bytes: Uint8Array, absPath: string, req: LintRequest): Diagnosis[];
  rules(): RuleInfo[];
  /** Reads and checks a config file; throws an Error with a readable message when it is unusable. */
  loadConfigFile(absPath: string): LintConfig;
  /** Problems found in the nearest config files so far (each reported once). */
  configProblems(): string[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Bytes → text. The BOM is kept (a rule reports it); invalid UTF-8 becomes U+FFFD, which the
 * document model turns into a clear "not valid UTF-8" finding.
 */
export function decodeBytes(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return lenientUtf8.decode(bytes);
  }
}

function readText(absPath: string): string | undefined {
  try {
    return fs.readFileSync(absPath, 'utf8');
  } catch {
    return undefined;
  }
}

export function createEngine(): CliEngine {
  const nearestByDir = new Map<string, LintConfig>();
  const problems: string[] = [];
  const reported = new Set<string>();
  const fsByRoots = new Map<string, WorkspaceFs>();
  const fsFor = (roots: readonly string[]): WorkspaceFs => {
    const key = roots.join('\0');
    let f = fsByRoots.get(key);
    if (!f) fsByRoots.set(key, (f = createNodeFs({ within: roots })));
    return f;
  };

  const nearestConfig = (dir: string): LintConfig => {
    const hit = nearestByDir.get(dir);
    if (hit) return hit;
    const loaded = loadLintConfig(dir, readText);
    if (loaded.path && !reported.has(loaded.path)) {
      reported.add(loaded.path);
      for (const p of loaded.problems) problems.push(`${loaded.path}: ${p.message}`);
    }
    nearestByDir.set(dir, loaded.config);
    return loaded.config;
  };

  return {
    lint(bytes, absPath, req) {
      const text = decodeBytes(bytes);
      const dir = path.dirname(absPath);
      const fileName = path.basename(absPath);
      const config = mergeConfigs(req.config ?? nearestConfig(dir), { rules: req.rules });
      if (!req.workspaceChecks) config.workspaceChecks = false;
      const doc = parseAppSpec(pathToFileURL(absPath).href, text, 0);
      const ctx: RuleContext = {
        fileName,
        bundleRoot: dir,
        ...(config.workspaceChecks === false ? {} : { fs: fsFor(req.roots) }),
      };
      return lint(doc, ctx, config);
    },
    rules() {
      return [...allRules]
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((r) => ({ id: r.id, name: r.name, title: r.title, doc: r.doc, severity: r.severity }));
    },
    loadConfigFile(absPath) {
      let text: string;
      try {
        text = fs.readFileSync(absPath, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new Error(
          code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code})`,
        );
      }
      const parsed = parseLintConfig(text);
      if (parsed.problems.length) throw new Error(parsed.problems.map((p) => p.message).join('; '));
      return parsed.config;
    },
    configProblems() {
      return problems.splice(0);
    },
  };
}
