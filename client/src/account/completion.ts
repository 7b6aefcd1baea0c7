/**
 * Completion from the account in a Lambda AppSpec, merged by VS Code with the language server's:
 * function names for `Name` and hooks (CodeDeployHook_ functions first), the function's aliases for
 * `Alias`, the alias's current version for `CurrentVersion`, and published versions (newest first,
 * never the current one) for `TargetVersion`. Reads go through the connection's cache; nothing is
 * offered when the account checks are off for the connection.
 */
import * as vscode from 'vscode';
import type { AccountReader } from '../aws/accountApi';
import type { AccountCompletionContext } from '../../../engine/index';
import type { Ctx } from '../ctx';
import { toRange, type AccountChecks } from './controller';
import { loadEngine } from './look';

interface Offer {
  label: string;
  detail?: string;
  preselect?: boolean;
}

/** What to offer for the value the cursor is in. Exported for tests through the reader. */
export async function accountOffers(ctx: AccountCompletionContext, reader: AccountReader): Promise<Offer[]> {
  switch (ctx.kind) {
    case 'Name':
      return (await reader.listFunctions()).map((f) => ({ label: f.name, detail: f.description || f.runtime }));
    case 'Hook': {
      const fns = await reader.listFunctions();
      const hooks = fns.filter((f) => f.name.startsWith('CodeDeployHook_'));
      const rest = fns.filter((f) => !f.name.startsWith('CodeDeployHook_'));
      return [...hooks, ...rest].map((f) => ({ label: f.name, detail: f.description || f.runtime }));
    }
    case 'Alias': {
      if (!ctx.functionName) return [];
      const aliases = (await reader.listAliases(ctx.functionName)) ?? [];
      return aliases.map((a) => ({
        label: a.name,
        detail: `alias of ${ctx.functionName} → version ${a.functionVersion}`,
      }));
    }
    default: {
      if (!ctx.functionName) return [];
      const [versions, alias] = await Promise.all([
        reader.listPublishedVersions(ctx.functionName),
        ctx.alias ? reader.getAlias(ctx.functionName, ctx.alias) : Promise.resolve(undefined),
      ]);
      const current = alias?.functionVersion;
      if (ctx.kind === 'CurrentVersion') {
        const rest = (versions ?? []).filter((v) => v !== current);
        return [
          ...(current ? [{ label: current, detail: `alias ${ctx.alias} points here now`, preselect: true }] : []),
          ...rest.map((v) => ({ label: v, detail: 'published version' })),
        ];
      }
      return (versions ?? [])
        .filter((v) => v !== (current ?? ctx.currentVersion))
        .map((v, i) => ({
          label: v,
          detail: i === 0 ? 'newest published version' : 'published version',
          preselect: i === 0,
        }));
    }
  }
}

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
      offers = await accountOffers(at, (await this.ctx.connection.api()).account());
    } catch (err) {
      this.ctx.log.info(`account completion: ${(err as Error).message}`);
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
