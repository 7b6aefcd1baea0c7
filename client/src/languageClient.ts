/**
 * Starts the AppSpec language server (dist/server.js over IPC) for appspec.yml/.yaml/.json and
 * the `appspec.files` globs, and tells it when files next to an AppSpec change (hook scripts,
 * files[].source) so it re-checks them.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
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

export function initializationOptions(settings: Settings): Record<string, unknown> {
  return {
    redHatYamlInstalled: vscode.extensions.getExtension(RED_HAT_YAML) !== undefined,
    appSpecFiles: settings.appSpecFiles,
    workspaceTrusted: vscode.workspace.isTrusted,
  };
}

/**
 * Watches every folder that holds an AppSpec (the revision's bundle root) and forwards changes
 * to the server as `workspace/didChangeWatchedFiles`. Folders are re-scanned when AppSpecs
 * appear or disappear.
 */
class BundleWatchers implements vscode.Disposable {
  private readonly folders = new Map<string, vscode.FileSystemWatcher>();
  private readonly appSpecWatcher: vscode.FileSystemWatcher;
  private pending: { uri: string; type: FileChangeType }[] = [];
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: LanguageClient,
    private readonly extraGlobs: string[],
  ) {
    this.appSpecWatcher = vscode.workspace.createFileSystemWatcher(APPSPEC_FILES);
    this.appSpecWatcher.onDidCreate((u) => this.addFolder(u));
    this.appSpecWatcher.onDidDelete(() => void this.rescan());
    void this.rescan();
  }

  private async rescan(): Promise<void> {
    const found = await vscode.workspace.findFiles(APPSPEC_FILES, '**/node_modules/**', 500);
    for (const g of this.extraGlobs) found.push(...(await vscode.workspace.findFiles(g, '**/node_modules/**', 200)));
    const wanted = new Set(found.map((u) => path.dirname(u.fsPath)));
    for (const [dir, w] of this.folders) {
      if (!wanted.has(dir)) {
        w.dispose();
        this.folders.delete(dir);
      }
    }
    for (const u of found) this.addFolder(u);
  }

  private addFolder(appSpec: vscode.Uri): void {
    if (appSpec.scheme !== 'file') return;
    const dir = path.dirname(appSpec.fsPath);
    if (this.folders.has(dir)) return;
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), '**/*'));
    w.onDidCreate((u) => this.queue(u, FileChangeType.Created));
    w.onDidChange((u) => this.queue(u, FileChangeType.Changed));
    w.onDidDelete((u) => this.queue(u, FileChangeType.Deleted));
    this.folders.set(dir, w);
  }

  private queue(uri: vscode.Uri, type: FileChangeType): void {
    if (/[\\/](\.git|node_modules)[\\/]/.test(uri.fsPath)) return;
    this.pending.push({ uri: uri.toString(), type });
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      const changes = this.pending.splice(0);
      if (changes.length && this.client.isRunning()) {
        void this.client.sendNotification(DidChangeWatchedFilesNotification.type, { changes }).catch(() => undefined);
      }
    }, 300);
  }

  dispose(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.appSpecWatcher.dispose();
    for (const w of this.folders.values()) w.dispose();
    this.folders.clear();
  }
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
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(settings.appSpecFiles),
    initializationOptions: initializationOptions(settings),
    synchronize: { configurationSection: ['appspec'] },
    outputChannel: vscode.window.createOutputChannel('AppSpec Language Server', { log: true }),
  };
  const client = new LanguageClient('appspec', 'AppSpec Language Server', serverOptions, clientOptions);
  await client.start();
  log.info('language server started');
  const watchers = new BundleWatchers(client, settings.appSpecFiles);
  return {
    client,
    disposable: new vscode.Disposable(() => {
      watchers.dispose();
      void client.stop().catch(() => undefined);
    }),
  };
}
