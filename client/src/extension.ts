/**
 * Extension entry point: builds the context, registers the command table, the explorer and the
 * status bar, then starts the language client. The AWS SDK and the local endpoint load only
 * when first used; the language client (vscode-languageclient, about half of the extension's
 * code) loads from dist/client-lsp.js right after activate() returns, so activation does not wait
 * for it. The time activation took is logged to the CodeDeploy output channel.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerAccountChecks } from './account/register';
import { registerCommands } from './commands';
import { currentSettings, SERVER_RESTART_KEYS } from './config';
import { ConnectionManager } from './connection/manager';
import type { Ctx } from './ctx';
import { DeployMemory } from './deploy/memory';
import type { NodeDescriptor } from './explorer/model';
import { ExplorerProvider } from './explorer/provider';
import { logFailure } from './logFailure';
import { redactingLog } from './redactedLog';
import type { AppSpecServer } from './languageClient';
import { MonitorManager } from './monitor/manager';
import { StatusBar } from './statusBar';
import { TASK_TYPE } from './tasks/lintTask';
import { LintTaskProvider } from './tasks/provider';
import { registerWalkthroughProgress } from './walkthrough/register';

/**
 * What activate() returns, for the editor tests: they await `ready` instead of sleeping, ask the
 * running language server, and read the explorer through its TreeDataProvider.
 */
export interface ExtensionApi {
  ready: Promise<void>;
  languageClient(): LanguageClient | undefined;
  languageServer(): AppSpecServer | undefined;
  explorer: vscode.TreeDataProvider<NodeDescriptor>;
}

let running: { ctx: Ctx; disposeClient?: vscode.Disposable } | undefined;

/** Set by the first line of dist/client.js (esbuild banner): when the bundle started loading. */
declare const __appspecLoadStart: number | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const activateStart = performance.now();
  // Every line written to the CodeDeploy log is redacted (keys, tokens, credential commands).
  const log = redactingLog(vscode.window.createOutputChannel('CodeDeploy', { log: true }));
  const connection = new ConnectionManager(context, log);
  const memory = new DeployMemory(context.workspaceState);
  const explorer = new ExplorerProvider(connection, log);
  const monitors = new MonitorManager(context, connection, memory, log);
  const statusBar = new StatusBar(connection);
  const ctx: Ctx = {
    extension: context,
    log,
    connection,
    memory,
    explorer,
    monitors,
    statusBar,
    settings: () => currentSettings(vscode.workspace),
  };
  const account = registerAccountChecks(ctx);
  ctx.accountChecks = account.checks;
  const view = vscode.window.createTreeView('codedeploy.explorer', {
    treeDataProvider: explorer,
    showCollapseAll: true,
  });
  explorer.attach(view);
  context.subscriptions.push(
    log,
    view,
    explorer,
    monitors,
    statusBar,
    { dispose: () => void connection.dispose() },
    ...registerCommands(ctx),
    ...account.disposables,
    monitors.onDidEnd(() => explorer.refresh()),
    vscode.tasks.registerTaskProvider(TASK_TYPE, new LintTaskProvider(context.asAbsolutePath('dist/cli.js'), log)),
    registerWalkthroughProgress(),
  );
  const state: { ctx: Ctx; disposeClient?: vscode.Disposable } = { ctx };
  running = state;

  // One output channel for the language server, whatever the number of restarts.
  let serverLog: vscode.LogOutputChannel | undefined;
  const startClient = async (): Promise<void> => {
    try {
      const { startLanguageClient } = await import('./languageClient');
      if (!serverLog) {
        serverLog = vscode.window.createOutputChannel('AppSpec Language Server', { log: true });
        context.subscriptions.push(serverLog);
      }
      const started = await startLanguageClient(context, ctx.settings(), log, serverLog);
      ctx.languageClient = started.client;
      ctx.languageServer = started.server;
      state.disposeClient = started.disposable;
    } catch (err) {
      logFailure(log, 'the AppSpec language server did not start', err);
      void vscode.window.showErrorMessage(
        `AppSpec: the language server did not start (${(err as Error).message}). Deploy still validates in-process.`,
      );
    }
  };
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!SERVER_RESTART_KEYS.some((k) => e.affectsConfiguration(k))) return;
      state.disposeClient?.dispose();
      state.disposeClient = undefined;
      ctx.languageClient = undefined;
      ctx.languageServer = undefined;
      await startClient();
    }),
    { dispose: () => state.disposeClient?.dispose() },
  );

  const end = performance.now();
  const loadStart = typeof __appspecLoadStart === 'number' ? __appspecLoadStart : activateStart;
  log.info(
    `activated in ${(end - loadStart).toFixed(1)} ms ` +
      `(bundle evaluated in ${(activateStart - loadStart).toFixed(1)} ms, activate() ${(end - activateStart).toFixed(1)} ms)`,
  );

  const ready = (async () => {
    await startClient();
    account.checks.start();
    if (connection.choice.kind !== 'none') await monitors.resume();
  })().catch((err) => logFailure(log, 'activation', err));

  return {
    ready,
    languageClient: () => ctx.languageClient,
    languageServer: () => ctx.languageServer,
    explorer,
  };
}

export async function deactivate(): Promise<void> {
  const r = running;
  running = undefined;
  if (!r) return;
  const client = r.ctx.languageClient;
  r.ctx.languageClient = undefined;
  r.ctx.languageServer = undefined;
  if (client) await client.stop().catch(() => undefined);
  await r.ctx.connection.dispose();
}
