/**
 * The CodeDeploy output channel's writer: every text written (info, warn, error, debug, trace,
 * append, appendLine, replace) passes through `redactSecrets` first, so no key, token, credential
 * command or its output reaches the log whichever code path writes it. Error arguments are written
 * as their redacted message and stack.
 */
import { redactSecrets } from './aws/redact';

const WRITERS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine', 'replace']);

function redactArg(a: unknown): unknown {
  if (typeof a === 'string') return redactSecrets(a);
  if (a instanceof Error) return redactSecrets(a.stack ?? `${a.name}: ${a.message}`);
  return a;
}

/** `channel` with every write redacted; everything else (show, dispose, logLevel, events) as it is. */
export function redactingLog<T extends object>(channel: T): T {
  return new Proxy(channel, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || !WRITERS.has(prop) || typeof value !== 'function') {
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      }
      const write = value as (...a: unknown[]) => unknown;
      return (...args: unknown[]) => write.apply(target, args.map(redactArg));
    },
  });
}
