/**
 * Starts the AppSpec language server (dist/server.js over IPC) for appspec.yml/.yaml/.json and
 * the `appspec.files` globs. The server watches the workspace; the client forwards only changes
 * next to an AppSpec (hook scripts, files[].source) so it re-checks them.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  APPSPEC_GLOB,
  isAppSpecFileName,
  LintRequest,
  MAKE_EXECUTABLE_COMMAND,
  SettledRequest,
  WorkspaceTrustNotification,
  type InitOptions,
  type LintParams,
  type SettledParams,
  type SettledResult,
} from '../../engine/index';
import type { Settings } from './config';

export const RED_HAT_YAML = 'redhat.vscode-yaml';

export function documentSelector(extraGlobs: string[]): DocumentSelector {
  const selector: DocumentSelector = [
    { language: 'yaml', pattern: '**/appspec.{yml,yaml}' },
    { language: 'json', pattern: '**/appspec.json' },
  ];
  for (const pattern of extraGlobs) {
    selector.push({ language: 'yaml', pattern }, { language: 'json', pattern });
  }
  return selector;
}

export function initializationOptions(settings: Settings): InitOptions {
  return {
    yamlExtensionActive: vscode.extensions.getExtension(RED_HAT_YAML) !== undefined,
    files: settings.appSpecFiles,
    workspaceTrusted: vscode.workspace.isTrusted,
  };
}

/**
 * The folders that hold an AppSpec (each a revision's bundle root). The server watches every file;
 * only changes inside these folders (hook scripts, files[].source) are forwarded to it.
 */
export class AppSpecFolders implements vscode.Disposable {
  private readonly folders = new Set<string>();
  private scanned = false;
  private readonly watcher: vscode.FileSystemWatcher;

  constructor(private readonly extraGlobs: string[]) {
    this.watcher = vscode.workspace.createFileSystemWatcher(APPSPEC_GLOB);
    this.watcher.onDidCreate((u) => this.add(u));
    this.watcher.onDidDelete(() => void this.rescan());
    void this.rescan();
  }

  private add(appSpec: vscode.Uri): void {
    if (appSpec.scheme === 'file') this.folders.add(path.dirname(appSpec.fsPath));
  }

  async rescan(): Promise<void> {
    const found = await vscode.workspace.findFiles(APPSPEC_GLOB, '**/node_modules/**', 1000);
    for (const g of this.extraGlobs) found.push(...(await vscode.workspace.findFiles(g, '**/node_modules/**', 500)));
    this.folders.clear();
    for (const u of found) this.add(u);
    this.scanned = true;
  }

  /** Is the changed file inside an AppSpec's folder (and not VCS or dependency litter)? */
  contains(fsPath: string): boolean {
    if (/[\\/](\.git|node_modules)([\\/]|$)/.test(fsPath)) return false;
    if (!this.scanned) return true;
    if (isAppSpecFileName(fsPath)) return true;
    for (let dir = path.dirname(fsPath); ; dir = path.dirname(dir)) {
      if (this.folders.has(dir)) return true;
      if (dir === path.dirname(dir)) return false;
    }
  }

  dispose(): void {
    this.watcher.dispose();
  }
}

function fsPathOf(uri: unknown): string | undefined {
  if (uri instanceof vscode.Uri) return uri.fsPath;
  if (typeof uri === 'string') {
    try {
      return vscode.Uri.parse(uri).fsPath;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The language server's own requests (engine/protocol.ts), for the parts of the extension that ask it. */
export interface AppSpecServer {
  /** Every finding for a text, as the editor would report them with no `maxProblems` cap. */
  lint(params: LintParams): Promise<Diagnostic[]>;
  /** Waits until the server has nothing left to do; says which version of `uri` it last published. */
  settled(params: SettledParams): Promise<SettledResult>;
}

export interface StartedClient {
  client: LanguageClient;
  server: AppSpecServer;
  disposable: vscode.Disposable;
}

/**
 * `serverLog`: the "AppSpec Language Server" output channel, created once by the caller and kept
 * across restarts of the server (a new client per restart must not add another channel).
 */
export async function startLanguageClient(
  context: vscode.ExtensionContext,
  settings: Settings,
  log: vscode.LogOutputChannel,
  serverLog: vscode.LogOutputChannel,
): Promise<StartedClient> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const folders = new AppSpecFolders(settings.appSpecFiles);
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(settings.appSpecFiles),
    initializationOptions: initializationOptions(settings),
    synchronize: { configurationSection: ['appspec'] },
    middleware: {
      workspace: {
        didChangeWatchedFile: async (event, next) => {
          const p = fsPathOf((event as { uri?: unknown }).uri);
          if (!p || folders.contains(p)) await next(event);
        },
      },
      // The client registers the server's `appspec.makeExecutable` (run by a quick fix the user
      // picked). Changing file modes is only allowed in a trusted workspace.
      executeCommand: async (command, args, next) => {
        if (command === MAKE_EXECUTABLE_COMMAND && !vscode.workspace.isTrusted) {
          void vscode.window.showWarningMessage(
            'Making a script executable needs a trusted workspace. Trust the workspace, or run chmod +x yourself.',
          );
          return undefined;
        }
        return next(command, args);
      },
    },
    outputChannel: serverLog,
  };
  const client = new LanguageClient('appspec', 'AppSpec Language Server', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    folders.dispose();
    throw err;
  }
  log.info('language server started');
  // Quick fixes that create files are offered once the workspace is trusted (engine/protocol.ts `InitOptions`).
  const trust = vscode.workspace.onDidGrantWorkspaceTrust(
    () => void client.sendNotification(WorkspaceTrustNotification, { trusted: true }),
  );
  return {
    client,
    server: {
      lint: (params) => client.sendRequest(LintRequest, params),
      settled: (params) => client.sendRequest(SettledRequest, params),
    },
    disposable: new vscode.Disposable(() => {
      trust.dispose();
      folders.dispose();
      void client.stop().catch(() => undefined);
    }),
  };
}
