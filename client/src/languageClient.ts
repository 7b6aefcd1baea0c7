/**
 * Starts the AppSpec language server (dist/server.js over IPC) for appspec.yml/.yaml/.json and
 * the `appspec.files` globs. The server watches the workspace; the client forwards only changes
 * next to an AppSpec (hook scripts, files[].source) so it re-checks them.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { MAKE_EXECUTABLE_COMMAND } from '../../server/src/protocol';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { Settings } from './config';

export const RED_HAT_YAML = 'redhat.vscode-yaml';
const APPSPEC_FILES = '**/appspec.{yml,yaml,json}';

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

/** Names as the server reads them (server.ts `InitOptions`). */
export function initializationOptions(settings: Settings): Record<string, unknown> {
  return {
    yamlExtensionActive: vscode.extensions.getExtension(RED_HAT_YAML) !== undefined,
    files: settings.appSpecFiles,
    workspaceTrusted: vscode.workspace.isTrusted,
  };
}

/** The server's command that sets the executable bit of a script next to an AppSpec. */

/**
 * The folders that hold an AppSpec (each a revision's bundle root). The server watches every file;
 * only changes inside these folders (hook scripts, files[].source) are forwarded to it.
 */
export class AppSpecFolders implements vscode.Disposable {
  private readonly folders = new Set<string>();
  private scanned = false;
  private readonly watcher: vscode.FileSystemWatcher;

  constructor(private readonly extraGlobs: string[]) {
    this.watcher = vscode.workspace.createFileSystemWatcher(APPSPEC_FILES);
    this.watcher.onDidCreate((u) => this.add(u));
    this.watcher.onDidDelete(() => void this.rescan());
    void this.rescan();
  }

  private add(appSpec: vscode.Uri): void {
    if (appSpec.scheme === 'file') this.folders.add(path.dirname(appSpec.fsPath));
  }

  async rescan(): Promise<void> {
    const found = await vscode.workspace.findFiles(APPSPEC_FILES, '**/node_modules/**', 1000);
    for (const g of this.extraGlobs) found.push(...(await vscode.workspace.findFiles(g, '**/node_modules/**', 500)));
    this.folders.clear();
    for (const u of found) this.add(u);
    this.scanned = true;
  }

  /** Is the changed file inside an AppSpec's folder (and not VCS or dependency litter)? */
  contains(fsPath: string): boolean {
    if (/[\\/](\.git|node_modules)([\\/]|$)/.test(fsPath)) return false;
    if (!this.scanned) return true;
    if (/(^|[\\/])appspec\.(ya?ml|json)$/i.test(fsPath)) return true;
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

export interface StartedClient {
  client: LanguageClient;
  disposable: vscode.Disposable;
}

export async function startLanguageClient(
  context: vscode.ExtensionContext,
  settings: Settings,
  log: vscode.LogOutputChannel,
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
    outputChannel: vscode.window.createOutputChannel('AppSpec Language Server', { log: true }),
  };
  const client = new LanguageClient('appspec', 'AppSpec Language Server', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    folders.dispose();
    throw err;
  }
  log.info('language server started');
  return {
    client,
    disposable: new vscode.Disposable(() => {
      folders.dispose();
      void client.stop().catch(() => undefined);
    }),
  };
}
