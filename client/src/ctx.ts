/**
 * The one context object: everything the commands and views share, created once in activate()
 * and disposed with the extension.
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { AccountChecks } from './account/controller';
import type { AppSpecServer } from './languageClient';
import type { Settings } from './config';
import type { ConnectionManager } from './connection/manager';
import type { DeployMemory } from './deploy/memory';
import type { ExplorerProvider } from './explorer/provider';
import type { MonitorManager } from './monitor/manager';
import type { StatusBar } from './statusBar';

export interface Ctx {
  readonly extension: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly connection: ConnectionManager;
  readonly memory: DeployMemory;
  readonly explorer: ExplorerProvider;
  readonly monitors: MonitorManager;
  readonly statusBar: StatusBar;
  /** The live checks against the connection's account (set right after the context is built). */
  accountChecks?: AccountChecks;
  /** Set once the language client started (undefined if it failed to start). */
  languageClient?: LanguageClient;
  /** The server's own requests while the language client runs. */
  languageServer?: AppSpecServer;
  settings(): Settings;
}
