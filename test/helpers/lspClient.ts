/**
 * A small LSP client for tests: spawns `node dist/server.js --stdio` and speaks JSON-RPC to it
 * with vscode-jsonrpc. It records every publishDiagnostics and log message, answers
 * workspace/configuration (optionally holding the answer until a test releases it), accepts
 * capability registrations, and shuts the server down cleanly.
 *
 *   const client = await startServer();
 *   await client.initialize();
 *   client.open(uri, text);
 *   const published = await client.waitForDiagnostics(uri);
 *   await client.close();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { InitializeParams, InitializeResult } from 'vscode-languageserver-protocol';
import { SettledRequest, type SettledResult } from '../../engine/protocol';

/** Where `npm run build` puts the bundled server (tests compile to out/test/helpers/). */
export const SERVER_PATH = path.resolve(__dirname, '..', '..', '..', 'dist', 'server.js');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export interface ConfigurationItem {
  scopeUri?: string;
  section?: string;
}

export interface StartOptions {
  serverPath?: string;
  /** Extra arguments after `--stdio`. */
  args?: string[];
  /** Answers one workspace/configuration item; default: `settings` for section `appspec`. */
  configuration?: (item: ConfigurationItem) => unknown;
  /** The `appspec` settings the default configuration handler returns. */
  settings?: Record<string, unknown>;
  /** Milliseconds any single wait may take before it fails with a clear message (not a timing assertion). */
  waitLimitMs?: number;
}

export interface LspClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishedDiagnostics[];
  /** window/logMessage and window/showMessage texts. */
  readonly logs: string[];
  /** What the server wrote to stderr. */
  stderr(): string;
  initialize(overrides?: Partial<InitializeParams>): Promise<InitializeResult>;
  open(uri: string, text: string, languageId?: string, version?: number): void;
  /** Full-text change. */
  change(uri: string, text: string, version: number): void;
  closeDocument(uri: string): void;
  request<R>(method: string, params: unknown): Promise<R>;
  notify(method: string, params: unknown): void;
  /**
   * Resolves when the server has nothing left to do (`appspec/settled`): everything it was going to
   * publish for what it received so far has arrived. With `uri`, says which version it last published.
   */
  settled(uri?: string): Promise<SettledResult>;
  /** The next (or an already received) publish for `uri` that satisfies `predicate`. */
  waitForDiagnostics(uri: string, predicate?: (p: PublishedDiagnostics) => boolean): Promise<PublishedDiagnostics>;
  /** Holds workspace/configuration answers until `releaseConfiguration()`. */
  holdConfiguration(): void;
  releaseConfiguration(): void;
  /** Number of workspace/configuration requests received so far. */
  configurationRequests(): number;
  /** shutdown + exit, then kills the process if it is still there. */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<LspClient> {
  const serverPath = options.serverPath ?? SERVER_PATH;
  if (!existsSync(serverPath)) throw new Error(`${serverPath} does not exist: run \`npm run build\` first.`);
  const limit = options.waitLimitMs ?? 20000;
  const child = spawn(process.execPath, [serverPath, '--stdio', ...(options.args ?? [])], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => (stderr += d));
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );

  const published: PublishedDiagnostics[] = [];
  const logs: string[] = [];
  const waiters: {
    uri: string;
    predicate: (p: PublishedDiagnostics) => boolean;
    resolve: (p: PublishedDiagnostics) => void;
  }[] = [];
  let held: (() => void)[] | undefined;
  let configRequests = 0;

  const answer =
    options.configuration ??
    ((item: ConfigurationItem) => (item.section === 'appspec' ? (options.settings ?? {}) : null));

  connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
    published.push(p);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i];
      if (w.uri === p.uri && w.predicate(p)) {
        waiters.splice(i, 1);
        w.resolve(p);
      }
    }
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
  connection.onNotification('window/showMessage', (p: { message: string }) => logs.push(p.message));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('workspace/configuration', (p: { items: ConfigurationItem[] }) => {
    configRequests++;
    const reply = () => p.items.map((item) => answer(item));
    if (!held) return reply();
    return new Promise((resolve) => held!.push(() => resolve(reply())));
  });
  connection.listen();

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  function withLimit<T>(what: string, p: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const fail = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new Error(`${what}: nothing after ${limit} ms. Server stderr:\n${stderr}\nLogs:\n${logs.join('\n')}`)),
        limit,
      );
    });
    return Promise.race([p, fail]).finally(() => clearTimeout(timer));
  }

  const client: LspClient = {
    connection,
    process: child,
    published,
    logs,
    stderr: () => stderr,
    async initialize(overrides = {}) {
      const params: InitializeParams = {
        processId: process.pid,
        rootUri: null,
        capabilities: {
          workspace: {
            configuration: true,
            didChangeWatchedFiles: { dynamicRegistration: true },
            workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
          },
          textDocument: {
            completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            publishDiagnostics: {
              relatedInformation: true,
              versionSupport: true,
              codeDescriptionSupport: true,
              dataSupport: true,
            },
            documentSymbol: { hierarchicalDocumentSymbolSupport: true },
            definition: { linkSupport: true },
          },
        },
        workspaceFolders: null,
        ...overrides,
      } as InitializeParams;
      const result = await withLimit('initialize', connection.sendRequest<InitializeResult>('initialize', params));
      await connection.sendNotification('initialized', {});
      return result;
    },
    open(uri, text, languageId, version = 1) {
      const lang = languageId ?? (uri.endsWith('.json') ? 'json' : 'yaml');
      void connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: lang, version, text },
      });
    },
    change(uri, text, version) {
      void connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
    },
    closeDocument(uri) {
      void connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    request<R>(method: string, params: unknown) {
      return withLimit(method, connection.sendRequest<R>(method, params));
    },
    notify(method, params) {
      void connection.sendNotification(method, params);
    },
    settled(uri) {
      return withLimit('appspec/settled', connection.sendRequest(SettledRequest, { uri }));
    },
    waitForDiagnostics(uri, predicate = () => true) {
      const already = published.find((p) => p.uri === uri && predicate(p));
      if (already) return Promise.resolve(already);
      return withLimit(
        `diagnostics for ${uri}`,
        new Promise<PublishedDiagnostics>((resolve) => waiters.push({ uri, predicate, resolve })),
      );
    },
    holdConfiguration() {
      held ??= [];
    },
    releaseConfiguration() {
      const pending = held ?? [];
      held = undefined;
      for (const release of pending) release();
    },
    configurationRequests: () => configRequests,
    async close() {
      try {
        await withLimit('shutdown', connection.sendRequest('shutdown'));
        await connection.sendNotification('exit');
      } catch {
        /* the server may already be gone */
      }
      const killTimer = setTimeout(() => child.kill(), 3000);
      await exited;
      clearTimeout(killTimer);
      connection.dispose();
    },
  };
  return client;
}
