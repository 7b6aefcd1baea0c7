/**
 * The deploy command's UI: pick the AppSpec, validate it (refuse on errors), pick application,
 * group and configuration, then either zip + upload + deploy (EC2/On-Premises) or deploy the
 * AppSpec content (Lambda, ECS), and open the monitor. The questions live in pickers.ts, EC2's
 * upload in server.ts, the decisions in plan.ts, validate.ts, bundle.ts and memory.ts.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { APPSPEC_GLOB, isAppSpecFileName } from '../../../engine/index';
import type { CodeDeployApi, DeploymentInfo } from '../aws/api';
import type { Ctx } from '../ctx';
import { Cancelled, orCancel } from './cancel';
import { activeDeploymentIn, appSpecContentInput, refusalFor, type LintProblem } from './plan';
import { pickApplication, pickConfig, pickGroup } from './pickers';
import { accountPreflight } from './preflight';
import { adjustLambdaRedeploy } from './redeployLambdaPrompt';
import { redeployInput } from './redeploy';
import { deployServer } from './server';
import { lintForDeploy, platformOfText } from './validate';

export { Cancelled };

export interface Preset {
  application?: string;
  group?: string;
}

/** The AppSpec to deploy: the given one, the active editor's, or one picked from the workspace. */
async function resolveAppSpec(ctx: Ctx, uri?: vscode.Uri): Promise<vscode.TextDocument> {
  if (uri) return vscode.workspace.openTextDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  const extra = ctx.settings().appSpecFiles;
  if (
    active &&
    (isAppSpecFileName(active.fileName) || extra.some((g) => vscode.languages.match({ pattern: g }, active) > 0))
  ) {
    return active;
  }
  const found = await vscode.workspace.findFiles(APPSPEC_GLOB, '**/node_modules/**', 200);
  if (!found.length)
    throw new Error(
      'No appspec.yml, appspec.yaml or appspec.json in this workspace. Open an AppSpec file to deploy it.',
    );
  if (found.length === 1) return vscode.workspace.openTextDocument(found[0]);
  const pick = await vscode.window.showQuickPick(
    found
      .map((f) => ({ label: vscode.workspace.asRelativePath(f), uri: f }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    { title: 'Deploy: which AppSpec?' },
  );
  return vscode.workspace.openTextDocument(orCancel(pick).uri);
}

/** Shows the errors that block a deployment and offers to jump to the first. */
async function refuse(doc: vscode.TextDocument, problems: LintProblem[]): Promise<never> {
  const refusal = refusalFor(problems)!;
  const choice = await vscode.window.showErrorMessage(
    refusal.title,
    { modal: true, detail: refusal.detail },
    'Show First Error',
  );
  if (choice === 'Show First Error') {
    const first = refusal.errors[0];
    const pos = new vscode.Position(first.line, first.character);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), preview: false });
  }
  throw new Cancelled();
}

export async function validateForDeploy(ctx: Ctx, doc: vscode.TextDocument): Promise<void> {
  const { problems, source, serverError } = await lintForDeploy(
    { uri: doc.uri.toString(), text: doc.getText(), fileName: path.basename(doc.fileName) },
    ctx.languageClient?.isRunning() ? ctx.languageServer?.lint : undefined,
  );
  if (serverError) ctx.log.warn(`deploy: the language server could not lint ${doc.uri.fsPath} (${serverError})`);
  ctx.log.info(`deploy: linted ${doc.uri.fsPath} with the ${source}: ${problems.length} finding(s)`);
  if (refusalFor(problems)) await refuse(doc, problems);
}

async function deployContent(
  api: CodeDeployApi,
  doc: vscode.TextDocument,
  target: { application: string; group: string; config?: string },
  opened: (id: string) => Promise<void>,
): Promise<string> {
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Deploying to ${target.application}/${target.group}`,
    },
    async (progress) => {
      progress.report({ message: 'creating the deployment…' });
      const id = await api.createDeployment(
        appSpecContentInput(
          { ...target, description: `From ${vscode.workspace.asRelativePath(doc.uri)} (VS Code)` },
          doc.getText(),
        ),
      );
      progress.report({ message: `${id} created; opening the monitor…` });
      await opened(id);
      return id;
    },
  );
}

/** The whole flow. Returns the deployment id (undefined when cancelled). */
export async function deployFlow(ctx: Ctx, uri?: vscode.Uri, preset: Preset = {}): Promise<string | undefined> {
  try {
    const doc = await resolveAppSpec(ctx, uri);
    await validateForDeploy(ctx, doc);
    const { platform, reason } = await platformOfText(doc.uri.toString(), doc.getText());
    if (!platform) throw new Error(`Cannot tell which compute platform this AppSpec is for: ${reason}`);
    if (ctx.connection.choice.kind === 'none') {
      await ctx.connection.pick();
      if (ctx.connection.choice.kind === 'none') throw new Cancelled();
    }
    const api = await ctx.connection.api();
    const remembered = ctx.memory.lastTarget(doc.uri.toString());
    const application = preset.application ?? (await pickApplication(api, platform, remembered?.application));
    const groupInfo = await pickGroup(api, application, platform, remembered?.group, preset.group);
    const group = groupInfo.deploymentGroupName ?? '';
    // Pre-flight against the account (Lambda/ECS): after the file checks, before any more questions.
    if (!(await accountPreflight(ctx, api, doc, groupInfo))) throw new Cancelled();
    const config = await pickConfig(ctx, api, application, group, groupInfo.deploymentConfigName, platform);
    const target = { application, group, config };
    // Runs once CodeDeploy accepted the deployment, inside the progress notification.
    const opened = async (id: string) => {
      ctx.log.info(`deploy: created ${id} in ${application}/${group}${config ? ` with ${config}` : ''}`);
      await ctx.memory.rememberTarget(doc.uri.toString(), { application, group });
      await ctx.memory.rememberConfig(application, group, config);
      await ctx.memory.rememberDeployedFrom(id, {
        uri: doc.uri.toString(),
        connection: ctx.connection.key,
        at: Date.now(),
      });
      ctx.explorer.refresh();
      await ctx.monitors.open(id, { api });
    };
    try {
      return platform === 'Server'
        ? await deployServer(ctx, api, doc, target, opened)
        : await deployContent(api, doc, target, opened);
    } catch (err) {
      const active = (err as { code?: string }).code === 'DeploymentLimitExceededException';
      if (active) offerActiveDeployment(ctx, `${application}/${group}`, err as Error);
      throw active ? new Cancelled() : err;
    }
  } catch (err) {
    if (err instanceof Cancelled) return undefined;
    throw err;
  }
}

/** "…already has an active deployment": offer to watch or stop that one instead. */
function offerActiveDeployment(ctx: Ctx, where: string, err: Error): void {
  const other = activeDeploymentIn(err.message);
  ctx.log.warn(`deploy: ${where} refused: ${err.message}`);
  const actions = other ? [`Watch ${other}`, `Stop ${other}`, 'Show Log'] : ['Show Log'];
  void vscode.window
    .showErrorMessage(
      `${where} already has an active deployment${other ? `, ${other}` : ''}: CodeDeploy runs one at a time per deployment group. Watch it, or stop it and deploy again.`,
      ...actions,
    )
    .then((choice) => {
      if (!choice) return;
      if (choice === 'Show Log') ctx.log.show();
      else if (choice.startsWith('Watch'))
        void vscode.commands.executeCommand('codedeploy.watchDeployment', { data: { deploymentId: other } });
      else void vscode.commands.executeCommand('codedeploy.stopDeployment', { data: { deploymentId: other } });
    });
}

/** A new deployment of an earlier deployment's revision to the same group. */
export async function redeploy(
  ctx: Ctx,
  deploymentId: string,
  opts: { confirm?: boolean } = {},
): Promise<string | undefined> {
  const api = await ctx.connection.api();
  const { input: asBefore, from: d } = await redeployInput(api, deploymentId);
  // Lambda content names the versions to move between; the alias may have moved since (it always has after a success).
  const input = await adjustLambdaRedeploy(api, asBefore, ctx.log);
  if (!input) return undefined;
  // Asking first matters on AWS; the local endpoint is a sandbox.
  if (opts.confirm !== false && !ctx.connection.isLocal) {
    const ok = await vscode.window.showWarningMessage(
      `Redeploy the revision of ${deploymentId} to ${d.applicationName}/${d.deploymentGroupName}?`,
      { modal: true, detail: describeRevision(d) },
      'Redeploy',
    );
    if (ok !== 'Redeploy') return undefined;
  }
  const id = await api.createDeployment(input);
  const from = ctx.memory.deployedFrom(deploymentId);
  if (from) await ctx.memory.rememberDeployedFrom(id, { ...from, at: Date.now() });
  ctx.explorer.refresh();
  await ctx.monitors.open(id, { api });
  return id;
}

function describeRevision(d: DeploymentInfo): string {
  const r = d.revision;
  if (r?.s3Location)
    return `s3://${r.s3Location.bucket}/${r.s3Location.key}${r.s3Location.eTag ? ` (ETag ${r.s3Location.eTag})` : ''}`;
  if (r?.gitHubLocation) return `GitHub ${r.gitHubLocation.repository}@${r.gitHubLocation.commitId}`;
  if (r?.appSpecContent) return `AppSpec content, sha256 ${r.appSpecContent.sha256 ?? '?'}`;
  return r?.revisionType ?? 'unknown revision';
}

export async function redeployLastSuccessful(
  ctx: Ctx,
  application: string,
  group: string,
): Promise<string | undefined> {
  const api = await ctx.connection.api();
  const [info] = await api.batchGetDeploymentGroups(application, [group]);
  const last = info?.lastSuccessfulDeployment?.deploymentId;
  if (!last) throw new Error(`${application}/${group} has no successful deployment yet.`);
  return redeploy(ctx, last);
}
