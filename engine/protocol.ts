/**
 * What the extension's language client and the AppSpec language server say to each other beyond
 * standard LSP: the custom requests and notifications with their parameter and result types, the
 * initialization options, and the server's command. Both sides import these; nothing is spelled twice.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-types';

/** `appspec/lint` parameters: the text to lint, under the document's URI or file name. */
export interface LintParams {
  /** The document's URI: its folder's `.appspec-lint.json` and settings apply. */
  uri?: string;
  text: string;
  /** Decides the format and the platform rules tied to the name (default `appspec.yml`). */
  fileName?: string;
}

/**
 * Lints text the way the editor does, with every finding (syntax errors included, no `maxProblems`
 * cap); answers LSP diagnostics. Deploy and "Validate All AppSpec Files" use it.
 */
export const LintRequest = new RequestType<LintParams, Diagnostic[], void>('appspec/lint');

export interface SettledParams {
  /** The document whose published version is wanted. */
  uri?: string;
}

export interface SettledResult {
  /** The version of `uri` whose diagnostics were last published; null when none were (not open, not an AppSpec). */
  version: number | null;
}

/**
 * Answers once the server has no work of its own left: no check running or queued (idle re-checks of
 * large files included), no settings being read, the start-up warm-up done. Anything the server was
 * going to publish for what it received before this request has been sent by then, so a client (or a
 * test) can tell "checked and clean" from "not checked yet".
 */
export const SettledRequest = new RequestType<SettledParams, SettledResult, void>('appspec/settled');

export interface WorkspaceTrustParams {
  trusted: boolean;
}

/** The client tells the server that the user trusted the workspace (trust is never taken back in a session). */
export const WorkspaceTrustNotification = new NotificationType<WorkspaceTrustParams>('appspec/workspaceTrust');

/** What the client passes in `initializationOptions`. */
export interface InitOptions {
  /** The Red Hat YAML extension is active: leave YAML syntax errors to it (`appspec.syntaxDiagnostics: auto`). */
  yamlExtensionActive: boolean;
  /** Extra globs of AppSpec files (as the `appspec.files` setting). */
  files: string[];
  /**
   * The workspace is trusted (VS Code's workspace trust). Quick fixes that create files (a missing hook
   * script) are offered only then. Clients without such a notion leave it out, which counts as trusted;
   * VS Code's client sends `false` in Restricted Mode and `WorkspaceTrustNotification` once trusted.
   */
  workspaceTrusted: boolean;
}

/** Initialization options as received, normalised: anything missing or malformed takes the safe default. */
export function readInitOptions(raw: unknown): InitOptions {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    yamlExtensionActive: o.yamlExtensionActive === true,
    files: Array.isArray(o.files) ? o.files.filter((f): f is string => typeof f === 'string') : [],
    workspaceTrusted: o.workspaceTrusted !== false,
  };
}

/** The server's command behind the "create hook script" fix; the client runs it only in a trusted workspace. */
export const MAKE_EXECUTABLE_COMMAND = 'appspec.makeExecutable';
