/**
 * The deploy command's UI: pick the AppSpec, validate it (refuse on errors), pick application,
 * group and configuration, then either zip + upload + deploy (EC2/On-Premises) or deploy the
 * AppSpec content (Lambda, ECS), and open the monitor. The decisions live in plan.ts,
 * validate.ts, bundle.ts and memory.ts.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { APPSPEC_GLOB, isAppSpecFileName } from '../../../engine/index';
import { UploadCancelledError, type CodeDeployApi, type DeploymentInfo } from '../aws/api';
import type { Ctx } from '../ctx';
import { planBundle, zipBundle } from './bundle';
import {
  appSpecContentInput,
  applicationsFor,
  configsFor,
  defaultRevisionKey,
  groupsFor,
  orderConfigs,
  refusalFor,
  s3DeploymentInput,
  validateBucketName,
  validateObjectKey,
  type ComputePlatformName,
  type LintProblem,
} from './plan';
import { accountPreflight } from './preflight';
import { redeployInput } from './redeploy';
import { lintForDeploy, platformOfText } from './validate';

/** Thrown when the user dismisses a step: the command ends quietly. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

function orCancel<T>(v: T | undefined): T {
  if (v === undefined) throw new Cancelled();
  return v;
}

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

async function pickApplication(
  api: CodeDeployApi,
  platform: ComputePlatformName,
  remembered?: string,
): Promise<string> {
  const names = await api.listApplications();
  const apps = applicationsFor(await api.batchGetApplications(names), platform);
  if (!apps.length)
    throw new Error(
      `No ${platform === 'Server' ? 'EC2/On-Premises' : platform} application in this connection. Create one first (for example in the AWS console), then deploy again.`,
    );
  const items = apps.map((a) => ({
    label: a.applicationName ?? '',
    description: a.applicationName === remembered ? 'last used' : undefined,
  }));
  items.sort((a, b) => (a.label === remembered ? -1 : b.label === remembered ? 1 : 0));
  if (items.length === 1) return items[0].label;
  return orCancel(await vscode.window.showQuickPick(items, { title: `Deploy: application (${platform})` })).label;
}

async function pickGroup(
  api: CodeDeployApi,
  application: string,
  platform: ComputePlatformName,
  remembered?: string,
  fixed?: string,
) {
  const names = await api.listDeploymentGroups(application);
  const groups = groupsFor(await api.batchGetDeploymentGroups(application, names), platform);
  if (!groups.length)
    throw new Error(`Application ${application} has no deployment group for this AppSpec's platform.`);
  if (fixed) {
    const g = groups.find((x) => x.deploymentGroupName === fixed);
    if (!g)
      throw new Error(`Deployment group ${fixed} is not a ${platform} group, but this AppSpec is for ${platform}.`);
    return g;
  }
  const items = groups.map((g) => ({
    label: g.deploymentGroupName ?? '',
    description: g.deploymentConfigName,
    info: g,
  }));
  items.sort((a, b) => (a.label === remembered ? -1 : b.label === remembered ? 1 : 0));
  if (items.length === 1) return items[0].info;
  return orCancel(await vscode.window.showQuickPick(items, { title: `Deploy: deployment group of ${application}` }))
    .info;
}

async function pickConfig(
  ctx: Ctx,
  api: CodeDeployApi,
  application: string,
  group: string,
  groupDefault: string | undefined,
  platform: ComputePlatformName,
): Promise<string | undefined> {
  const remembered = ctx.memory.lastConfig(application, group);
  let names: string[] = [];
  try {
    names = configsFor(await api.listDeploymentConfigs(), platform);
  } catch (err) {
    ctx.log.warn(`could not list deployment configurations: ${(err as Error).message}`);
  }
  const ordered = orderConfigs(names, remembered, undefined).filter((n) => n !== groupDefault);
  const GROUP = `$(symbol-namespace) The group's configuration`;
  const items = [
    { label: GROUP, description: groupDefault ?? 'default', name: undefined as string | undefined },
    ...ordered.map((n) => ({
      label: n,
      description: n === remembered ? 'last used' : undefined,
      name: n as string | undefined,
    })),
  ];
  if (remembered && ordered.includes(remembered)) items.unshift(items.splice(1, 1)[0]);
  const pick = orCancel(
    await vscode.window.showQuickPick(items, { title: `Deploy: deployment configuration for ${group}` }),
  );
  await ctx.memory.rememberConfig(application, group, pick.name);
  return pick.name;
}

async function askBucket(ctx: Ctx): Promise<string> {
  const fromSettings = ctx.settings().revisionBucket;
  if (fromSettings) return fromSettings;
  const remembered = ctx.memory.bucket();
  const bucket = orCancel(
    await vscode.window.showInputBox({
      title: 'S3 bucket for the revision bundle',
      prompt:
        'CodeDeploy reads EC2/On-Premises revisions from S3. The bucket must be in the same region. (Set codedeploy.revisionBucket to skip this question.)',
      value: remembered ?? (ctx.connection.isLocal ? 'local-revisions' : ''),
      validateInput: (v) => validateBucketName(v.trim()),
    }),
  ).trim();
  await ctx.memory.rememberBucket(bucket);
  return bucket;
}

/** EC2/On-Premises: zip the AppSpec's folder, upload it, deploy the S3 revision pinned by ETag. */
async function deployServer(
  ctx: Ctx,
  api: CodeDeployApi,
  doc: vscode.TextDocument,
  target: { application: string; group: string; config?: string },
): Promise<string | undefined> {
  if (doc.uri.scheme !== 'file')
    throw new Error('Save the AppSpec to a folder first: EC2/On-Premises revisions bundle the files next to it.');
  const bucket = await askBucket(ctx);
  const folder = path.dirname(doc.fileName);
  const key = orCancel(
    await vscode.window.showInputBox({
      title: 'S3 key for the revision bundle',
      value: defaultRevisionKey(target.application, path.basename(folder), new Date()),
      validateInput: (v) => validateObjectKey(v),
    }),
  ).trim();
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Deploying ${path.basename(folder)} to ${target.application}/${target.group}`,
      cancellable: true,
    },
    async (progress, token) => {
      progress.report({ message: 'bundling…' });
      const plan = planBundle(doc.fileName);
      for (const s of plan.skipped) ctx.log.warn(`bundle: left out ${s.path} (${s.reason})`);
      // Unsaved editor text is what the user sees: bundle that.
      const overrides = new Map<string, Uint8Array>();
      if (doc.isDirty) overrides.set(doc.fileName, new TextEncoder().encode(doc.getText()));
      const zip = zipBundle(plan, overrides);
      ctx.log.info(`bundle: ${plan.files.length} files, ${zip.length} bytes zipped → s3://${bucket}/${key}`);
      if (token.isCancellationRequested) return undefined;
      let reported = 0;
      // Cancel stops the upload mid-request; S3 keeps nothing of a PutObject that did not finish.
      const abort = new AbortController();
      const onCancel = token.onCancellationRequested(() => abort.abort());
      let upload;
      try {
        upload = await api.uploadRevision(
          bucket,
          key,
          zip,
          (sent, total) => {
            const pct = total ? Math.floor((sent / total) * 100) : 0;
            if (pct > reported) {
              progress.report({ increment: (pct - reported) * 0.9, message: `uploading ${pct}%` });
              reported = pct;
            }
          },
          abort.signal,
        );
      } catch (err) {
        if (err instanceof UploadCancelledError) {
          ctx.log.info(`upload to s3://${bucket}/${key} cancelled; nothing was deployed`);
          void vscode.window.showInformationMessage('Cancelled: the upload was stopped and no deployment was created.');
          return undefined;
        }
        throw err;
      } finally {
        onCancel.dispose();
      }
      if (token.isCancellationRequested) {
        void vscode.window.showInformationMessage(
          `Cancelled. The bundle was uploaded to s3://${bucket}/${key} but no deployment was created.`,
        );
        return undefined;
      }
      progress.report({ message: 'creating the deployment…' });
      return api.createDeployment(
        s3DeploymentInput(
          { ...target, description: `From ${vscode.workspace.asRelativePath(doc.uri)} (VS Code)` },
          upload,
        ),
      );
    },
  );
}

async function deployContent(
  api: CodeDeployApi,
  doc: vscode.TextDocument,
  target: { application: string; group: string; config?: string },
): Promise<string> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Deploying to ${target.application}/${target.group}` },
    () =>
      api.createDeployment(
        appSpecContentInput(
          { ...target, description: `From ${vscode.workspace.asRelativePath(doc.uri)} (VS Code)` },
          doc.getText(),
        ),
      ),
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
    await ctx.memory.rememberTarget(doc.uri.toString(), { application, group });
    const target = { application, group, config };
    const id =
      platform === 'Server' ? await deployServer(ctx, api, doc, target) : await deployContent(api, doc, target);
    if (!id) return undefined;
    ctx.log.info(`deploy: created ${id} in ${application}/${group}`);
    await ctx.memory.rememberDeployedFrom(id, {
      uri: doc.uri.toString(),
      connection: ctx.connection.key,
      at: Date.now(),
    });
    ctx.explorer.refresh();
    await ctx.monitors.open(id, { api });
    return id;
  } catch (err) {
    if (err instanceof Cancelled) return undefined;
    throw err;
  }
}

/** A new deployment of an earlier deployment's revision to the same group. */
export async function redeploy(
  ctx: Ctx,
  deploymentId: string,
  opts: { confirm?: boolean } = {},
): Promise<string | undefined> {
  const api = await ctx.connection.api();
  const { input, from: d } = await redeployInput(api, deploymentId);
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
