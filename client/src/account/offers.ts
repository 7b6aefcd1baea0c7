/**
 * What completion offers from the account for the value under the cursor in a Lambda AppSpec: pure
 * over an AccountReader (the editor passes the cache-only view).
 */
import type { AccountReader } from '../aws/accountApi';
import type { AccountCompletionContext } from '../../../engine/index';

export interface Offer {
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
