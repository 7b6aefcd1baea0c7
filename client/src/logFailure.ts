/**
 * Logs a failure the user did not cause: the message, and for anything but an AWS error already
 * turned into a readable message (AwsUserError) the stack frames too, so a bug can be reported.
 */
import type * as vscode from 'vscode';
import { AwsUserError } from './aws/api';
import { redactSecrets } from './aws/redact';

/** The text of a failure for a notification or the log, with anything secret-looking removed. */
export function errorMessage(err: unknown): string {
  return redactSecrets(err instanceof Error ? err.message || err.name : String(err));
}

export function logFailure(log: vscode.LogOutputChannel, what: string, err: unknown): void {
  // The first line of a stack repeats the message; only the frames are added.
  const frames =
    err instanceof Error && !(err instanceof AwsUserError) ? err.stack?.split('\n').slice(1).join('\n') : undefined;
  log.error(`${what}: ${errorMessage(err)}${frames ? `\n${frames}` : ''}`);
}
