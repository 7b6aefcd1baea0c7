/**
 * "Which deployment?" for the palette's Stop, Continue, Watch and Report Hook Status: a quick pick of
 * the connection's active deployments (and, for Watch, the recent ones), newest first, with a way to
 * type an ID. The choices come from deploymentChoices.ts (pure); this file adds the quick pick.
 */
import * as vscode from 'vscode';
import type { CodeDeployApi, DeploymentInfo } from '../aws/api';
import type { Ctx } from '../ctx';
import { ACTIVE_STATUSES, deploymentChoices, RECENT_DAYS, type PickPurpose } from './deploymentChoices';

export type { PickPurpose };

const DEPLOYMENT_ID = /^d-[A-Z0-9]{6,}$/i;

const NO_MATCH: Record<PickPurpose, string> = {
  stop: 'No deployment is running on this connection.',
  continue: 'No deployment is waiting to be continued (only blue/green deployments in Ready or a termination wait).',
  watch: `No deployment in the last ${RECENT_DAYS} days on this connection.`,
  report: 'No Lambda or ECS deployment is running on this connection.',
};

async function loadDeployments(api: CodeDeployApi, purpose: PickPurpose, now: number): Promise<DeploymentInfo[]> {
  const ids = new Set(await api.listRecentDeployments({ statuses: ACTIVE_STATUSES, limit: 50 }));
  if (purpose === 'watch')
    for (const id of await api.listRecentDeployments({ since: new Date(now - RECENT_DAYS * 86_400_000), limit: 25 }))
      ids.add(id);
  return ids.size ? api.batchGetDeployments([...ids]) : [];
}

/** Asks which deployment; undefined when the user cancels. */
export async function pickDeployment(ctx: Ctx, purpose: PickPurpose, title: string): Promise<string | undefined> {
  const api = await ctx.connection.api();
  const now = Date.now();
  type Item = vscode.QuickPickItem & { id?: string; typed?: boolean };
  const typeIt: Item = { label: '$(edit) Enter a deployment ID…', typed: true, alwaysShow: true };
  const items: Promise<Item[]> = loadDeployments(api, purpose, now).then(
    (list) => {
      const choices = deploymentChoices(list, purpose, now);
      if (!choices.length) return [{ label: NO_MATCH[purpose], kind: vscode.QuickPickItemKind.Separator }, typeIt];
      return [...choices, { label: '', kind: vscode.QuickPickItemKind.Separator }, typeIt];
    },
    (err: unknown) => {
      ctx.log.warn(`could not list deployments: ${(err as Error).message}`);
      return [typeIt];
    },
  );
  const pick = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: purpose === 'watch' ? 'Active and recent deployments' : 'Active deployments',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!pick) return undefined;
  if (!pick.typed) return pick.id;
  const typed = await vscode.window.showInputBox({
    title,
    placeHolder: 'd-XXXXXXXXX',
    validateInput: (v) => (DEPLOYMENT_ID.test(v.trim()) ? undefined : 'A deployment ID looks like d-ABCDEF123.'),
  });
  return typed?.trim() || undefined;
}
