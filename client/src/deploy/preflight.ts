/**
 * The deploy command's pre-flight against the account, after the file checks and once the
 * deployment group is known: the same checks as the "CodeDeploy account" diagnostics, read fresh.
 * For Lambda it offers to fill CurrentVersion from the alias and to pick TargetVersion from the
 * published versions; any error left refuses the deployment with a list that jumps to each line.
 * A missing IAM permission never blocks (the information finding stays in Problems).
 */
import * as vscode from 'vscode';
import type { CodeDeployApi, DeploymentGroupInfo } from '../aws/api';
import type { AccountFinding } from '../account/checks';
import { toRange } from '../account/controller';
import { ecsGroupTarget } from '../account/ecsChecks';
import { accountName, loadEngine, lookAt, type Look } from '../account/look';
import type { Ctx } from '../ctx';

const STALE = 'lambda-current-version-stale';
const TARGET = new Set(['lambda-target-version-current', 'lambda-target-version-unpublished']);

async function applyEdit(doc: vscode.TextDocument, range: AccountFinding['range'], newText: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, toRange(range), newText);
  await vscode.workspace.applyEdit(edit);
}

/** Offers the alias's version for a stale CurrentVersion; true when the AppSpec was changed. */
async function offerCurrentVersion(doc: vscode.TextDocument, f: AccountFinding): Promise<boolean> {
  const fix = f.fixes?.[0];
  if (!fix) return false;
  const pick = await vscode.window.showQuickPick(
    [
      { label: `$(edit) ${fix.title}`, detail: f.message, apply: true },
      { label: '$(close) Do not change it (the deployment would fail)', apply: false },
    ],
    { title: 'Deploy: CurrentVersion is not where the alias points', ignoreFocusOut: true },
  );
  if (!pick?.apply) return false;
  await applyEdit(doc, fix.range, fix.newText);
  return true;
}

/** Lets the user pick TargetVersion from the function's published versions; true when changed. */
async function pickTargetVersion(
  api: CodeDeployApi,
  doc: vscode.TextDocument,
  look: Look,
  f: AccountFinding,
): Promise<boolean> {
  const spec = look.targets.lambda.find(
    (l) => l.targetVersion && toRange(l.targetVersion.range).isEqual(toRange(f.range)),
  );
  if (!spec?.name || !spec.targetVersion) return false;
  const access = api.account();
  const [versions, alias] = await Promise.all([
    access.listPublishedVersions(spec.name.value).catch(() => undefined),
    spec.alias ? access.getAlias(spec.name.value, spec.alias.value).catch(() => undefined) : undefined,
  ]);
  const choices = (versions ?? []).filter((v) => v !== alias?.functionVersion);
  if (!choices.length) return false;
  const pick = await vscode.window.showQuickPick(
    choices.map((v, i) => ({ label: v, description: i === 0 ? 'newest published version' : undefined })),
    {
      title: `Deploy: TargetVersion for ${spec.name.value} (published versions${alias ? `; alias ${alias.name} is on ${alias.functionVersion}` : ''})`,
      placeHolder: f.message,
      ignoreFocusOut: true,
    },
  );
  if (!pick) return false;
  const v = spec.targetVersion;
  await applyEdit(doc, v.range, v.quote === 'single' ? `'${pick.label}'` : JSON.stringify(pick.label));
  return true;
}

/** The errors as a list; picking one shows its line. Always refuses. */
async function refuseWithList(doc: vscode.TextDocument, errors: AccountFinding[], where: string): Promise<false> {
  const items = errors.map((f) => ({
    label: `$(error) ${f.range.start.line + 1}:${f.range.start.character + 1}`,
    description: f.code,
    detail: f.message,
    finding: f,
  }));
  const reveal = async (f: AccountFinding, preserveFocus: boolean) => {
    const range = toRange(f.range);
    await vscode.window.showTextDocument(doc, { selection: range, preview: false, preserveFocus });
  };
  const qp = vscode.window.createQuickPick<(typeof items)[number]>();
  qp.title = `Deploy refused: ${errors.length} problem${errors.length === 1 ? '' : 's'} against ${where} would fail the deployment. Pick one to go to its line.`;
  qp.items = items;
  qp.matchOnDetail = true;
  qp.ignoreFocusOut = true;
  const done = new Promise<void>((resolve) => {
    qp.onDidChangeActive((active) => active[0] && void reveal(active[0].finding, true));
    qp.onDidAccept(() => {
      const chosen = qp.selectedItems[0] ?? qp.activeItems[0];
      qp.hide();
      if (chosen) void reveal(chosen.finding, false);
    });
    qp.onDidHide(() => resolve());
  });
  qp.show();
  await done;
  qp.dispose();
  return false;
}

/**
 * Runs the account pre-flight; true when the deployment may go ahead. The document may have been
 * changed by an accepted offer (the caller deploys its current text).
 */
export async function accountPreflight(
  ctx: Ctx,
  api: CodeDeployApi,
  doc: vscode.TextDocument,
  group: DeploymentGroupInfo,
): Promise<boolean> {
  if (ctx.settings().accountChecks === 'off') return true;
  const where = accountName(ctx.connection.choice);
  const engine = await loadEngine();
  api.account().invalidate(); // deploying: read the account as it is now
  const ecsGroup = ecsGroupTarget(group);
  let look: Look | undefined;
  for (let round = 0; round < 3; round++) {
    try {
      look = await lookAt(engine, api.account(), { uri: doc.uri.toString(), text: doc.getText() }, { where, ecsGroup });
    } catch (err) {
      const message = (err as Error)?.message ?? String(err);
      ctx.log.warn(`deploy: the account pre-flight could not read ${where}: ${message}`);
      const go = await vscode.window.showWarningMessage(
        `Could not check this AppSpec against ${where}: ${message}`,
        { modal: true, detail: 'The file checks passed. Deploy without the account checks?' },
        'Deploy Anyway',
      );
      return go === 'Deploy Anyway';
    }
    if (!look) return true;
    ctx.accountChecks?.publish(doc.uri, look);
    const stale = look.findings.find((f) => f.code === STALE);
    if (round === 2) break; // two offers at most; this look is the one that decides
    if (stale && (await offerCurrentVersion(doc, stale))) continue;
    const target = look.findings.find((f) => TARGET.has(f.code));
    if (target && !stale && (await pickTargetVersion(api, doc, look, target))) continue;
    break;
  }
  const errors = (look?.findings ?? []).filter((f) => f.severity === 'error');
  ctx.log.info(
    `deploy: account pre-flight against ${where}: ${look?.findings.length ?? 0} finding(s), ${errors.length} error(s)`,
  );
  return errors.length ? refuseWithList(doc, errors, where) : true;
}
