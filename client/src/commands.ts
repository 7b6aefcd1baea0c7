/**
 * The one command table: id → handler. Every handler is wrapped: a failure becomes a clear
 * notification (credential problems get their own with what to do), never an unhandled
 * rejection. Command ids are stable (the editor tests and the manifest use them).
 */
import { promises as fsp } from 'node:fs';
// `appspec.makeExecutable` is the language server's command: the language client registers it
// (see languageClient.ts for the workspace-trust check).
import * as vscode from 'vscode';
import type { Ctx } from './ctx';
import { errorMessage, logFailure } from './logFailure';
import { APPSPEC_GLOB, fileNameOf } from '../../engine/index';
import { deployFlow, redeploy, redeployLastSuccessful } from './deploy/flow';
import { lintForDeploy } from './deploy/validate';
import { TEMPLATES } from './deploy/templates';
import type { NodeData, NodeDescriptor } from './explorer/model';

type Handler = (ctx: Ctx) => (...args: unknown[]) => unknown;

/** Node-ish argument: a tree node, or `{ data: {...} }` from the monitor, or nothing (palette). */
function dataOf(arg: unknown): NodeData {
  if (
    arg &&
    typeof arg === 'object' &&
    'data' in arg &&
    (arg as { data?: unknown }).data &&
    typeof (arg as { data: unknown }).data === 'object'
  ) {
    return (arg as { data: NodeData }).data;
  }
  return {};
}

const DEPLOYMENT_ID = /^d-[A-Z0-9]{6,}$/i;

/** The deployment a command acts on: from the node, a string argument, the watched ones, or typed. */
async function deploymentIdOf(ctx: Ctx, arg: unknown): Promise<string | undefined> {
  const fromNode = dataOf(arg).deploymentId;
  if (fromNode) return fromNode;
  if (typeof arg === 'string' && arg) return arg;
  const watched = Object.entries(ctx.monitors.states()).filter(([, s]) => s && !s.final);
  if (watched.length) {
    const pick = await vscode.window.showQuickPick(
      [
        ...watched.map(([id, s]) => ({ label: id, description: `${s?.application}/${s?.group} · ${s?.status}` })),
        { label: '$(edit) Enter a deployment ID…', description: '' },
      ],
      { title: 'Which deployment?' },
    );
    if (!pick) return undefined;
    if (!pick.label.startsWith('$(edit)')) return pick.label;
  }
  const typed = await vscode.window.showInputBox({
    title: 'Deployment ID',
    placeHolder: 'd-XXXXXXXXX',
    validateInput: (v) => (DEPLOYMENT_ID.test(v.trim()) ? undefined : 'A deployment ID looks like d-ABCDEF123.'),
  });
  return typed?.trim() || undefined;
}

async function confirmOnAws(ctx: Ctx, message: string, action: string): Promise<boolean> {
  if (ctx.connection.isLocal) return true;
  return (await vscode.window.showWarningMessage(message, { modal: true }, action)) === action;
}

async function stop(ctx: Ctx, arg: unknown, rollback: boolean): Promise<void> {
  const id = await deploymentIdOf(ctx, arg);
  if (!id) return;
  const what = rollback
    ? 'Stop deployment ' + id + ' and roll back to the last successful revision?'
    : `Stop deployment ${id}? Targets may be left partly deployed.`;
  if (!(await confirmOnAws(ctx, what, rollback ? 'Stop and Roll Back' : 'Stop'))) return;
  const session = ctx.monitors.session(id);
  const api = await ctx.connection.api();
  const r = session
    ? { statusMessage: await session.stopDeployment(rollback) }
    : await api.stopDeployment(id, rollback);
  void vscode.window.showInformationMessage(`${id}: ${r.statusMessage ?? 'stop requested.'}`);
  ctx.explorer.refresh();
}

async function continueDeployment(ctx: Ctx, arg: unknown): Promise<void> {
  const id = await deploymentIdOf(ctx, arg);
  if (!id) return;
  const session = ctx.monitors.session(id);
  if (session?.state?.buttons.continue.enabled) {
    await session.continueDeployment();
  } else {
    const api = await ctx.connection.api();
    const d = await api.getDeployment(id);
    const wait =
      d.status === 'Ready' ? 'READY_WAIT' : d.instanceTerminationWaitTimeStarted ? 'TERMINATION_WAIT' : undefined;
    if (!wait)
      throw new Error(
        `${id} is ${d.status ?? 'in an unknown state'}: it is not waiting to reroute traffic or to terminate the original environment.`,
      );
    await api.continueDeployment(id, wait);
  }
  void vscode.window.showInformationMessage(`${id}: continuing.`);
  ctx.explorer.refresh();
}

export interface ValidationTotals {
  files: number;
  errors: number;
  warnings: number;
}

/**
 * Asks the language server for every finding of each AppSpec in the workspace (the engine in-process
 * when the server is not running), opens them so the Problems view lists them, and reports the totals.
 */
async function validateWorkspace(ctx: Ctx): Promise<ValidationTotals | undefined> {
  const extra = ctx.settings().appSpecFiles;
  const found = await vscode.workspace.findFiles(APPSPEC_GLOB, '**/node_modules/**', 1000);
  for (const g of extra) found.push(...(await vscode.workspace.findFiles(g, '**/node_modules/**', 1000)));
  const unique = [...new Map(found.map((u) => [u.toString(), u])).values()];
  if (!unique.length) {
    void vscode.window.showInformationMessage('No AppSpec files in this workspace.');
    return undefined;
  }
  const totals: ValidationTotals = { files: unique.length, errors: 0, warnings: 0 };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Validating ${unique.length} AppSpec file(s)` },
    async (progress) => {
      for (const uri of unique) {
        const doc = await vscode.workspace.openTextDocument(uri);
        const lint = ctx.languageClient?.isRunning() ? ctx.languageServer?.lint : undefined;
        const params = { uri: uri.toString(), text: doc.getText(), fileName: fileNameOf(uri.path) };
        const { problems, serverError } = await lintForDeploy(params, lint);
        if (serverError) ctx.log.warn(`validate: the language server could not lint ${uri.fsPath} (${serverError})`);
        totals.errors += problems.filter((p) => p.severity === 'error').length;
        totals.warnings += problems.filter((p) => p.severity === 'warning').length;
        progress.report({ increment: 100 / unique.length });
      }
    },
  );
  const summary = `${totals.files} AppSpec file(s): ${totals.errors} error(s), ${totals.warnings} warning(s)`;
  ctx.log.info(`validated ${summary}`);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.showInformationMessage(`Validated ${summary}.`);
  return totals;
}

/** Writes a starter AppSpec (and, for EC2, its hook scripts) into a chosen folder. */
async function newAppSpec(ctx: Ctx, arg: unknown): Promise<void> {
  const pick = await vscode.window.showQuickPick(
    TEMPLATES.map((t) => ({ label: t.label, detail: t.detail, template: t })),
    { title: 'New AppSpec: compute platform' },
  );
  if (!pick) return;
  let folder = arg instanceof vscode.Uri ? arg : undefined;
  if (folder && (await vscode.workspace.fs.stat(folder)).type !== vscode.FileType.Directory)
    folder = vscode.Uri.joinPath(folder, '..');
  if (!folder) {
    const roots = vscode.workspace.workspaceFolders ?? [];
    if (roots.length === 1) folder = roots[0].uri;
    else {
      const chosen = await vscode.window.showOpenDialog({
        canSelectFiles: false,
        canSelectFolders: true,
        openLabel: 'Create AppSpec here',
        defaultUri: roots[0]?.uri,
      });
      folder = chosen?.[0];
    }
  }
  if (!folder) return;
  const target = vscode.Uri.joinPath(folder, pick.template.fileName);
  const exists = await vscode.workspace.fs.stat(target).then(
    () => true,
    () => false,
  );
  if (exists) {
    const again = await vscode.window.showWarningMessage(
      `${vscode.workspace.asRelativePath(target)} already exists.`,
      'Open It',
    );
    if (again) await vscode.window.showTextDocument(target);
    return;
  }
  const enc = new TextEncoder();
  await vscode.workspace.fs.writeFile(target, enc.encode(pick.template.content));
  for (const [rel, body] of Object.entries(pick.template.scripts ?? {})) {
    const uri = vscode.Uri.joinPath(folder, rel);
    const there = await vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );
    if (there) continue;
    await vscode.workspace.fs.writeFile(uri, enc.encode(body));
    if (uri.scheme === 'file' && vscode.workspace.isTrusted) await fsp.chmod(uri.fsPath, 0o755).catch(() => undefined);
  }
  ctx.log.info(`created ${target.toString()}`);
  await vscode.window.showTextDocument(target);
}

export const COMMANDS: Record<string, Handler> = {
  'codedeploy.deploy': (ctx) => (arg) => {
    if (arg instanceof vscode.Uri) return deployFlow(ctx, arg);
    const d = dataOf(arg);
    return deployFlow(ctx, undefined, { application: d.application, group: d.group });
  },
  'codedeploy.deployAppSpec': (ctx) => (arg) => deployFlow(ctx, arg instanceof vscode.Uri ? arg : undefined),
  'codedeploy.stopDeployment': (ctx) => (arg) => stop(ctx, arg, false),
  'codedeploy.stopAndRollback': (ctx) => (arg) => stop(ctx, arg, true),
  'codedeploy.continueDeployment': (ctx) => (arg) => continueDeployment(ctx, arg),
  'codedeploy.redeploy': (ctx) => async (arg) => {
    const id = await deploymentIdOf(ctx, arg);
    return id ? redeploy(ctx, id) : undefined;
  },
  'codedeploy.redeployLastSuccessful': (ctx) => async (arg) => {
    const d = dataOf(arg);
    if (!d.application || !d.group) throw new Error('Run this from a deployment group in the CodeDeploy view.');
    return redeployLastSuccessful(ctx, d.application, d.group);
  },
  'codedeploy.watchDeployment': (ctx) => async (arg) => {
    const id = await deploymentIdOf(ctx, arg);
    if (id) await ctx.monitors.open(id);
  },
  'codedeploy.copyId': () => async (arg) => {
    const d = dataOf(arg);
    const id = d.copyId ?? d.deploymentId;
    if (!id) return;
    await vscode.env.clipboard.writeText(id);
    vscode.window.setStatusBarMessage(`Copied ${id}`, 3000);
  },
  'codedeploy.openInConsole': () => async (arg) => {
    const url = dataOf(arg).consoleUrl;
    if (!url) throw new Error('The local endpoint has no AWS console.');
    await vscode.env.openExternal(vscode.Uri.parse(url));
  },
  'codedeploy.openHook': (ctx) => async (arg) => {
    const d = dataOf(arg);
    if (d.deploymentId && d.eventName) await ctx.monitors.openHook(d.deploymentId, d.eventName);
  },
  'codedeploy.refresh': (ctx) => (arg) =>
    ctx.explorer.refresh(arg && typeof arg === 'object' && 'id' in arg ? (arg as NodeDescriptor) : undefined),
  'codedeploy.retry': (ctx) => (arg) => ctx.explorer.retry(dataOf(arg).retry),
  'codedeploy.loadMore': (ctx) => (arg) => {
    const d = dataOf(arg);
    if (d.application && d.group) ctx.explorer.loadMore(d.application, d.group);
  },
  'codedeploy.selectConnection': (ctx) => () => ctx.connection.pick(),
  'codedeploy.useLocal': (ctx) => () => ctx.connection.useLocal(),
  'codedeploy.connectProfile': (ctx) => () => ctx.connection.pickProfile(),
  'codedeploy.showOutput': (ctx) => () => ctx.log.show(),
  'codedeploy.refreshAccountChecks': (ctx) => () => ctx.accountChecks?.refresh(),
  'codedeploy.enableAccountChecks': () => () =>
    vscode.workspace
      .getConfiguration('codedeploy')
      .update('accountChecks', 'always', vscode.ConfigurationTarget.Global),
  'appspec.validateWorkspace': (ctx) => () => validateWorkspace(ctx),
  'appspec.newAppSpec': (ctx) => (arg) => newAppSpec(ctx, arg),
  // Loaded on first use: the hook runner brings the YAML parser, which activation does not need.
  'codedeploy.runHooksLocally': (ctx) => async (arg) =>
    (await import('./hookRunner/command')).runHooksLocally(ctx, arg),
  // For the editor tests: what the explorer shows, and what each monitor panel was last sent.
  'codedeploy.internal.getTreeSnapshot': (ctx) => async (arg) => {
    const depth =
      arg && typeof arg === 'object' && typeof (arg as { depth?: unknown }).depth === 'number'
        ? (arg as { depth: number }).depth
        : undefined;
    return depth ? ctx.explorer.loadSnapshot(depth) : ctx.explorer.visibleSnapshot();
  },
  'codedeploy.internal.getMonitorState': (ctx) => (arg) => {
    const states = ctx.monitors.states();
    return typeof arg === 'string' ? states[arg] : states;
  },
};

/** Reports a failure: credential advice when it is one, else the message. Never throws. */
export function reportError(ctx: Ctx, id: string, err: unknown): void {
  const message = errorMessage(err);
  logFailure(ctx.log, `${id} failed`, err);
  if (ctx.connection.adviseOnError(err)) return;
  void vscode.window.showErrorMessage(`CodeDeploy: ${message}`, 'Show Log').then((c) => {
    if (c === 'Show Log') ctx.log.show();
  });
}

export function registerCommands(ctx: Ctx): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, make]) => {
    const handler = make(ctx);
    return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (err) {
        reportError(ctx, id, err);
        return undefined;
      }
    });
  });
}
