/**
 * Lints an AppSpec before deploying: asks the language server (`appspec/lint`), falls back to
 * the engine in-process when the request is unavailable. Also tells the compute platform. No
 * vscode here: the request function is injected.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LintParams } from '../../../engine/index';
import { computePlatformOf, normalizeProblems, type ComputePlatformName, type LintProblem } from './plan';

/** The language server's `appspec/lint` (see languageClient.ts `AppSpecServer`). */
export type LintFn = (params: LintParams) => Promise<unknown>;

export interface LintOutcome {
  problems: LintProblem[];
  source: 'server' | 'engine';
  /** Why the server's answer was not used, when it was asked and failed (the caller logs it). */
  serverError?: string;
}

/** The AppSpec's path when the URI is a file on disk. */
function filePathOf(uri: string | undefined): string | undefined {
  if (!uri?.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * The engine is loaded on first use (it pulls in the schema validators). Like the language server, it reads the
 * files beside an AppSpec on disk (hook scripts, the task definition, buildspec or template: the cross-file checks)
 * with the nearest `.appspec-lint.json`.
 */
async function engineLint(params: LintParams): Promise<LintProblem[]> {
  const engine = await import('./engine');
  const file = filePathOf(params.uri);
  if (!file) return normalizeProblems(engine.lintText(params.text, { uri: params.uri, fileName: params.fileName }));
  const bundleRoot = path.dirname(file);
  const fs = engine.createNodeFs({ git: false });
  const read = (abs: string) => {
    const bytes = fs.readHead(abs, 256 * 1024);
    return bytes ? new TextDecoder().decode(bytes) : undefined;
  };
  const config = engine.loadLintConfig(
    bundleRoot,
    read,
    undefined,
    engine.allRules.map((r) => r.id),
  ).config;
  return normalizeProblems(
    engine.lintText(params.text, {
      uri: params.uri,
      fileName: params.fileName ?? path.basename(file),
      ctx: { bundleRoot, fs },
      config,
    }),
  );
}

export async function lintForDeploy(params: LintParams, lint?: LintFn, timeoutMs = 10_000): Promise<LintOutcome> {
  let serverError: string | undefined;
  if (lint) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    try {
      const raw = await Promise.race([lint(params), timeout]);
      if (raw !== undefined && raw !== null) return { problems: normalizeProblems(raw), source: 'server' };
      serverError = 'it answered nothing';
    } catch (err) {
      // Method not found, server stopped, or too slow: lint in-process instead, and say why.
      serverError = err instanceof Error ? err.message || err.name : String(err);
    } finally {
      clearTimeout(timer);
    }
  }
  return { problems: await engineLint(params), source: 'engine', ...(serverError ? { serverError } : {}) };
}

/** The compute platform of an AppSpec's text, by the engine's detection; undefined when unknown. */
export async function platformOfText(
  uri: string,
  text: string,
): Promise<{ platform?: ComputePlatformName; reason: string }> {
  const engine = await import('./engine');
  const parsed = engine.parseAppSpec(uri, text);
  return { platform: computePlatformOf(parsed.platform.platform), reason: parsed.platform.reason };
}
