/**
 * Bugs the engine survives: a rule or the schema check that throws, a parser that throws. Linting
 * goes on without that part, so the findings are incomplete; the error is never dropped silently.
 * Each host installs a handler: the language server logs it with its stack, the CLI prints it to
 * stderr. Without one, it goes to `console.error`.
 */

export interface InternalError {
  /** What failed, e.g. `rule W4002` or `schema check`. */
  what: string;
  /** The document it failed on. */
  uri: string;
  error: unknown;
}

export type InternalErrorHandler = (e: InternalError) => void;

const toConsole: InternalErrorHandler = (e) => console.error(describeInternalError(e));

let handler: InternalErrorHandler = toConsole;

/** Installs the handler for the whole process; returns the one it replaces (tests put it back). */
export function setInternalErrorHandler(next: InternalErrorHandler | undefined): InternalErrorHandler {
  const previous = handler;
  handler = next ?? toConsole;
  return previous;
}

export function reportInternalError(what: string, uri: string, error: unknown): void {
  try {
    handler({ what, uri, error });
  } catch {
    // A broken handler must not take linting down with it.
  }
}

/**
 * What failed on which file and why, then (with `stack`, the default) the stack: one readable block
 * for a log or a bug report.
 */
export function describeInternalError(e: InternalError, opts: { stack?: boolean } = {}): string {
  const err = e.error;
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  const head = `internal error: ${e.what} failed on ${e.uri}, so its findings are missing (${message}). Please report this.`;
  const stack = opts.stack !== false && err instanceof Error && err.stack ? `\n${err.stack}` : '';
  return head + stack;
}
