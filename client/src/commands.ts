/**
 * The one command table: id → handler. Every handler is wrapped: a failure becomes a clear
 * notification (credential problems get their own with what to do), never an unhandled
 * rejection. Command ids are stable (the editor tests and the manifest use them).
 */
// `appspec.makeExecutable` is the language server's command: the language client registers it
// (see languageClient.ts for the workspace-trust check).
import * as vscode from 'vscode';
import type { Ctx } from './ctx';
import { errorMessage, logFailure } from './logFailure';
import { APPSPEC_GLOB, fileNameOf } from '../../engine/index';
import { deployFlow, redeploy, redeployLastSuccessful } from './deploy/flow';
import { newAppSpec } from './deploy/newAppSpec';
import { pickDeployment, type PickPurpose } from './deploy/pickDeployment';
import { changeRevisionLocation } from './deploy/server';
import { lintForDeploy } from './deploy/validate';
import { clearDeploymentFilter, filterDeployments } from './explorer/filterCommand';
import type { NodeData, NodeDescriptor } from './explorer/model';
import { reportHookStatus } from './monitor/reportHookCommand';

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

/** The deployment a command acts on: from the node, a string argument, or a quick pick of the connection's. */
async function deploymentIdOf(
  ctx: Ctx,
  arg: unknown,
  purpose: PickPurpose,
  title: string,
): Promise<string | undefined> {
  const fromNode = dataOf(arg).deploymentId;
  if (fromNode) return fromNode;
  if (typeof arg === 'string' && arg) return arg;
  return pickDeployment(ctx, purpose, title);
}

async function confirmOnAws(ctx: Ctx, message: string, action: string): Promise<boolean> {
  if (ctx.connection.isLocal) return true;
  return (await vscode.window.showWarningMessage(message, { modal: true }, action)) === action;
}

async function stop(ctx: Ctx, arg: unknown, rollback: boolean): Promise<void> {
  const id = await deploymentIdOf(
    ctx,
    arg,
    'stop',
    rollback ? 'Stop and roll back which deployment?' : 'Stop which deployment?',
  );
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
  ctx.log.info(
    `deployment ${id}: stop${rollback ? ' and roll back' : ''} requested (${r.statusMessage ?? 'no message'})`,
  );
  void vscode.window.showInformationMessage(`${id}: ${r.statusMessage ?? 'stop requested.'}`);
  ctx.explorer.refresh();
}

async function continueDeployment(ctx: Ctx, arg: unknown): Promise<void> {
  const id = await deploymentIdOf(ctx, arg, 'continue', 'Continue which deployment?');
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
  ctx.log.info(`deployment ${id}: continue requested`);
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
    const id = await deploymentIdOf(ctx, arg, 'watch', 'Redeploy the revision of which deployment?');
    return id ? redeploy(ctx, id) : undefined;
  },
  'codedeploy.redeployLastSuccessful': (ctx) => async (arg) => {
    const d = dataOf(arg);
    if (!d.application || !d.group) throw new Error('Run this from a deployment group in the CodeDeploy view.');
    return redeployLastSuccessful(ctx, d.application, d.group);
  },
  'codedeploy.watchDeployment': (ctx) => async (arg) => {
    const id = await deploymentIdOf(ctx, arg, 'watch', 'Watch which deployment?');
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
  'codedeploy.filterDeployments': (ctx) => (arg) => filterDeployments(ctx.explorer, dataOf(arg)),
  'codedeploy.clearDeploymentFilter': (ctx) => (arg) => clearDeploymentFilter(ctx.explorer, dataOf(arg)),
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
  'codedeploy.reportHookStatus': (ctx) => (arg) => reportHookStatus(ctx, arg),
  'codedeploy.changeRevisionLocation': (ctx) => () => changeRevisionLocation(ctx),
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
