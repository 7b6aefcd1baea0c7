/**
 * What the AWS layer logs (a failed call, SDK warnings) goes through here: every line is redacted
 * (redact.ts) before it reaches the connection's log (the CodeDeploy output channel) and any
 * listener (the AWS test suites capture every line and check it holds no secret).
 */
import { redactSecrets } from './redact';

export type AwsLogLevel = 'debug' | 'info' | 'warn' | 'error';
export type AwsLog = (level: AwsLogLevel, line: string) => void;

const listeners = new Set<AwsLog>();

/** Also sends every line the AWS layer logs (in this module instance) to `listener`; returns the undo. */
export function onAwsLog(listener: AwsLog): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Logs `line` (redacted; `known` are the connection's own secrets) to `target` and the listeners. */
export function emitAwsLog(
  target: AwsLog | undefined,
  level: AwsLogLevel,
  line: string,
  known: readonly (string | undefined)[] = [],
): void {
  const safe = redactSecrets(line, known);
  try {
    target?.(level, safe);
  } catch {
    /* a closed channel: nothing to do */
  }
  for (const l of listeners) l(level, safe);
}

/** The SDK's `logger` option: its warnings and errors go to the log, its request dumps nowhere. */
export function sdkLogger(log: (level: AwsLogLevel, line: string) => void) {
  const text = (args: unknown[]) =>
    args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? `${a.name}: ${a.message}` : safeJson(a))).join(' ');
  return {
    trace: () => undefined,
    debug: () => undefined,
    info: () => undefined,
    warn: (...args: unknown[]) => log('warn', `AWS SDK: ${text(args)}`),
    error: (...args: unknown[]) => log('error', `AWS SDK: ${text(args)}`),
  };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
