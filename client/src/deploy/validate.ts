/**
 * Lints an AppSpec before deploying: asks the language server (`appspec/lint`), falls back to
 * the engine in-process when the request is unavailable. Also tells the compute platform. No
 * vscode here: the request function is injected.
 */
import { LINT_REQUEST } from '../../../server/src/protocol';
import { computePlatformOf, normalizeProblems, type ComputePlatformName, type LintProblem } from './plan';

export interface LintParams {
  uri: string;
  text: string;
  fileName: string;
}

export type RequestFn = (method: string, params: LintParams) => Promise<unknown>;

export interface LintOutcome {
  problems: LintProblem[];
  source: 'server' | 'engine';
}

/** The engine is loaded on first use (it pulls in the schema validators). */
async function engineLint(params: LintParams): Promise<LintProblem[]> {
  const engine = await import('../../../engine/index');
  return normalizeProblems(engine.lintText(params.text, { uri: params.uri, fileName: params.fileName }));
}

export async function lintForDeploy(params: LintParams, request?: RequestFn, timeoutMs = 10_000): Promise<LintOutcome> {
  if (request) {
    try {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the language server did not answer')), timeoutMs);
      });
      try {
        const raw = await Promise.race([request(LINT_REQUEST, params), timeout]);
        if (raw !== undefined && raw !== null) return { problems: normalizeProblems(raw), source: 'server' };
      } finally {
        clearTimeout(timer);
      }
    } catch {
      // Method not found, server not running, or too slow: lint in-process instead.
    }
  }
  return { problems: await engineLint(params), source: 'engine' };
}

/** The compute platform of an AppSpec's text, by the engine's detection; undefined when unknown. */
export async function platformOfText(
  uri: string,
  text: string,
): Promise<{ platform?: ComputePlatformName; reason: string }> {
  const engine = await import('../../../engine/index');
  const parsed = engine.parseAppSpec(uri, text);
  return { platform: computePlatformOf(parsed.platform.platform), reason: parsed.platform.reason };
}
