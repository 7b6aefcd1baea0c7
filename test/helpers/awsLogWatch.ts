/**
 * Captures every line the AWS layer logs during a test file (client/src/aws/log.ts) and, in an
 * `after` hook, fails when any holds a secret: a key id, a secret key or token (redact.ts's
 * patterns), one of the given known secrets, or a credential command (`credential_process`,
 * "Command failed:"). Imported by the AWS suites' helpers, so it runs in CI with them.
 */
import { after } from 'node:test';
import * as assert from 'node:assert/strict';
import { onAwsLog } from '../../client/src/aws/log';
import { containsSecret } from '../../client/src/aws/redact';

export interface AwsLogWatch {
  lines: string[];
  /** Adds values that must never appear (a test's own secret, a command line). */
  forbid(...values: string[]): void;
}

/** Lines that hold a secret or a credential command; empty when the log is clean. */
export function leakedLines(lines: readonly string[], forbidden: readonly string[]): string[] {
  return lines.filter(
    (l) =>
      containsSecret(l) ||
      forbidden.some((f) => f && l.includes(f)) ||
      /credential_process\s*[=:]|Command failed:/i.test(l),
  );
}

export function watchAwsLog(forbidden: string[] = []): AwsLogWatch {
  const lines: string[] = [];
  const undo = onAwsLog((level, line) => lines.push(`${level}: ${line}`));
  after(() => {
    undo();
    const leaked = leakedLines(lines, forbidden);
    assert.deepEqual(leaked, [], `the AWS layer logged secrets or credential commands:\n${leaked.join('\n')}`);
  });
  return { lines, forbid: (...values) => forbidden.push(...values) };
}
