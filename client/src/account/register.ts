/**
 * Starts the account checks in the editor: the controller (diagnostics), quick fixes, the code
 * lens and completion from the account, for the AppSpec documents.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { AccountCompletion } from './completion';
import { AccountChecks, appSpecSelector } from './controller';
import { AccountCodeActions, AccountCodeLens } from './providers';

export function registerAccountChecks(ctx: Ctx): { checks: AccountChecks; disposables: vscode.Disposable[] } {
  const checks = new AccountChecks(ctx);
  // The selector is read once; a change of appspec.files restarts the language client, and the
  // controller re-reads it for its own checks.
  const selector = appSpecSelector(ctx.settings().appSpecFiles);
  const disposables: vscode.Disposable[] = [
    checks,
    vscode.languages.registerCodeActionsProvider(selector, new AccountCodeActions(checks), {
      providedCodeActionKinds: AccountCodeActions.kinds,
    }),
    vscode.languages.registerCodeLensProvider(selector, new AccountCodeLens(checks)),
    vscode.languages.registerCompletionItemProvider(selector, new AccountCompletion(ctx, checks), ':', ' ', '"', "'"),
    ctx.monitors.onDidEnd(() => void checks.refresh()),
  ];
  return { checks, disposables };
}
