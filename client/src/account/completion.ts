/**
 * Completion from the account in a Lambda AppSpec, merged by VS Code with the language server's:
 * function names for `Name` and hooks (CodeDeployHook_ functions first), the function's aliases for
 * `Alias`, the alias's current version for `CurrentVersion`, and published versions (newest first,
 * never the current one) for `TargetVersion`. Answers come from the connection's cache only (the
 * debounced account checks fill it), so completing while typing never calls AWS; nothing is offered
 * when the account checks are off for the connection.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { toRange, type AccountChecks } from './controller';
import { loadEngine } from './look';
import { accountOffers, type Offer } from './offers';

export class AccountCompletion implements vscode.CompletionItemProvider {
  constructor(
    private readonly ctx: Ctx,
    private readonly checks: AccountChecks,
  ) {}

  async provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    if (!this.checks.enabled() || !this.checks.isAppSpec(doc)) return [];
    const engine = await loadEngine();
    const parsed = engine.parseAppSpec(doc.uri.toString(), doc.getText());
    const at = engine.accountCompletionContext(parsed, doc.offsetAt(position));
    if (!at) return [];
    let offers: Offer[];
    try {
      // From the cache only (filled by the debounced account checks): completion never calls AWS while typing.
      offers = await accountOffers(at, (await this.ctx.connection.api()).account().cachedOnly());
    } catch {
      return [];
    }
    const range = toRange(at.range);
    const asString = at.kind === 'CurrentVersion' || at.kind === 'TargetVersion';
    return offers.map((o, i) => {
      const text =
        at.quote === 'single'
          ? `'${o.label}'`
          : at.quote === 'double' || asString || parsed.format === 'json'
            ? JSON.stringify(o.label)
            : o.label;
      const item = new vscode.CompletionItem(
        o.label,
        asString ? vscode.CompletionItemKind.Value : vscode.CompletionItemKind.Reference,
      );
      item.insertText = text;
      item.filterText = text;
      item.range = range;
      item.detail = o.detail;
      item.preselect = o.preselect;
      item.sortText = String(i).padStart(4, '0');
      item.documentation = new vscode.MarkdownString('From the account of the CodeDeploy connection.');
      return item;
    });
  }
}
