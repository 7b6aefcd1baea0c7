/**
 * The AppSpec language server: LSP glue only. Connection (stdio, node-ipc or socket, chosen from
 * argv), open documents, settings, validation scheduling, and one line per feature that hands
 * the cached document to the language service. Every handler is guarded: a failure is logged to
 * the connection's console and answered with an empty result; the server keeps running.
 */
// First: V8 flags are set before the rest of the bundle is evaluated (why: runtimeTuning.ts).
import { noteDocumentLength } from './runtimeTuning';
import * as path from 'node:path';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import {
  createNodeFs,
  describeInternalError,
  LintRequest,
  MAKE_EXECUTABLE_COMMAND,
  readInitOptions,
  setInternalErrorHandler,
  SettledRequest,
  WorkspaceTrustNotification,
  type InitOptions,
} from '../../engine/index';
import { createLanguageService, DEFAULT_SETTINGS, normalizeSettings, type AppSpecSettings } from './languageService';
import { isAppSpecUri, looksLikeAppSpec } from './features/appspecFiles';
import { bundleRootOf } from './features/paths';
import { isInside, makeExecutable, mayCreate, realFolders, writeRootFor } from './fileSafety';
import { createValidation } from './validation';
import { warmUp } from './warmUp';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
/**
 * Workspace checks read nothing through a symlink out of the workspace folder that (as written) holds
 * the path; paths outside every workspace folder (an AppSpec opened from elsewhere, an absolute
 * taskDefinitionFile) are read as given.
 */
const fs = createNodeFs({ within: (abs) => containingFolderReal(abs) });
const service = createLanguageService({ fs });
/** Separate instance for `appspec/lint`, so linted text never replaces an open document's cached parse. */
const lintService = createLanguageService({ fs });

let canAskConfiguration = false;
let canWatchFiles = false;
let init: InitOptions = readInitOptions(undefined);
let globalFiles: string[] = [];
/** The workspace folders the client opened with (paths): files the server writes stay inside them. */
let workspaceFolders: string[] = [];
const settingsByUri = new Map<string, Promise<AppSpecSettings>>();
/** Settings pushed with didChangeConfiguration, for clients that cannot answer workspace/configuration. */
let pushedSettings: AppSpecSettings = DEFAULT_SETTINGS;
/** Documents validated as AppSpecs, with the folder they live in. */
const appspecs = new Map<string, string | undefined>();

function logError(what: string, err: unknown): void {
  const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
  try {
    connection.console.error(`appspec: ${what}: ${text}`);
  } catch {
    /* the connection is gone; nothing left to tell */
  }
}

process.on('unhandledRejection', (reason) => logError('unhandled rejection', reason));
process.on('uncaughtException', (err) => logError('uncaught exception', err));
// A rule or check that throws: its findings are missing, so it is logged with its stack.
setInternalErrorHandler((e) => {
  try {
    connection.console.error(`appspec: ${describeInternalError(e)}`);
  } catch {
    /* the connection is gone */
  }
});

/** Work the server started on its own (warm-up, reading changed settings): `appspec/settled` waits for it. */
const background = new Set<Promise<unknown>>();
function track<T>(work: Promise<T>): Promise<T> {
  background.add(work);
  void work.finally(() => background.delete(work)).catch(() => undefined);
  return work;
}

/** Wraps a handler: errors are logged and answered with `fallback`. */
function guard<P, R>(name: string, fallback: R, fn: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      return await fn(params);
    } catch (err) {
      logError(name, err);
      return fallback;
    }
  };
}

function extraGlobs(settings?: AppSpecSettings): string[] {
  return [...(init.files ?? []), ...globalFiles, ...(settings?.files ?? [])];
}

function isAppSpec(uri: string, settings?: AppSpecSettings): boolean {
  return appspecs.has(uri) || isAppSpecUri(uri, extraGlobs(settings));
}

async function settingsFor(uri: string): Promise<AppSpecSettings> {
  if (!canAskConfiguration) return pushedSettings;
  let p = settingsByUri.get(uri);
  if (!p) {
    p = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'appspec' })
      .then(normalizeSettings, (err: unknown) => {
        logError('reading settings', err);
        return DEFAULT_SETTINGS;
      });
    settingsByUri.set(uri, p);
  }
  return p;
}

async function refreshGlobalFiles(): Promise<void> {
  if (!canAskConfiguration) return;
  const raw: unknown = await connection.workspace.getConfiguration('appspec');
  globalFiles = normalizeSettings(raw).files;
}

// ---- validation: newest version only, stale results dropped (validation.ts) -----------------

const validation = createValidation({
  documents,
  service,
  settingsFor,
  isAppSpec: (doc, settings) => isAppSpecUri(doc.uri, extraGlobs(settings)) || looksLikeAppSpec(doc.getText()),
  markAppSpec(uri, yes) {
    if (!yes) return appspecs.delete(uri);
    const changed = !appspecs.has(uri);
    appspecs.set(uri, bundleRootOf(uri));
    return changed;
  },
  extraSettings: () => ({ yamlExtensionActive: init.yamlExtensionActive === true }),
  publish: (uri, version, diagnostics) =>
    connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics }),
  logError,
});

// ---- lifecycle -----------------------------------------------------------------------------

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  canAskConfiguration = !!caps.workspace?.configuration;
  canWatchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  init = readInitOptions(params.initializationOptions);
  workspaceFolders = foldersOf(params);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [':', ' ', '"', '/'], resolveProvider: false },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      codeLensProvider: { resolveProvider: false },
      documentLinkProvider: { resolveProvider: false },
      definitionProvider: true,
      referencesProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      executeCommandProvider: { commands: [MAKE_EXECUTABLE_COMMAND] },
    },
    serverInfo: { name: 'appspec-language-server', version: '0.1.0' },
  };
});

/** Workspace folder (as given) → its real path (undefined when it does not exist), computed once. */
const realOfFolder = new Map<string, string | undefined>();

function containingFolderReal(abs: string): readonly string[] | undefined {
  const target = path.resolve(abs);
  const folder = workspaceFolders.find((w) => isInside(path.resolve(w), target));
  if (folder === undefined) return undefined;
  if (!realOfFolder.has(folder)) realOfFolder.set(folder, realFolders([folder])[0]);
  const real = realOfFolder.get(folder);
  return real === undefined ? [] : [real];
}

function foldersOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const out: string[] = [];
  for (const uri of uris) {
    try {
      const u = URI.parse(uri);
      if (u.scheme === 'file') out.push(u.fsPath);
    } catch {
      /* not a folder the server can write to */
    }
  }
  return out;
}

const onInitialized = guard('initialized', undefined, async () => {
  if (canWatchFiles) {
    // Hook scripts and files[].source live anywhere next to the AppSpecs; the client filters events.
    await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
  }
  await refreshGlobalFiles();
  // Compile the completion/hover paths now, while idle, rather than on the user's first request.
  void track(
    warmUp(
      () => validation.busy(),
      (err) => logError('warm-up', err),
    ),
  );
});
connection.onInitialized(() => void track(onInitialized(undefined)));

const onConfiguration = guard(
  'configuration change',
  undefined,
  async (params: { settings?: { appspec?: unknown } | null }) => {
    if (!canAskConfiguration && params?.settings?.appspec) {
      pushedSettings = normalizeSettings(params.settings.appspec);
      globalFiles = pushedSettings.files;
    }
    settingsByUri.clear();
    service.clearLintCache();
    await refreshGlobalFiles();
    validation.revalidateAll();
  },
);
connection.onDidChangeConfiguration((params) => track(onConfiguration(params)));

connection.onNotification(WorkspaceTrustNotification, (p) => {
  init = { ...init, workspaceTrusted: p?.trusted === true };
});

documents.onDidChangeContent((e) => {
  noteDocumentLength(e.document.getText().length);
  validation.request(e.document.uri);
});

documents.onDidClose(
  guard('close', undefined, (e: { document: TextDocument }) => {
    const uri = e.document.uri;
    settingsByUri.delete(uri);
    validation.forget(uri);
    service.forget(uri);
    if (appspecs.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  }),
);

connection.onDidChangeWatchedFiles(
  guard('watched files', undefined, (params: { changes: { uri: string }[] }) => {
    const changed = params.changes.map((c) => {
      try {
        return URI.parse(c.uri).fsPath;
      } catch {
        return '';
      }
    });
    // AppSpecs whose last check read a changed file outside their folder (a task definition named by a setting).
    const readOutside = new Set(
      [...appspecs.keys()].filter((uri) => changed.some((p) => p && service.lookedAt(uri, p))),
    );
    fs.clearCache();
    service.clearLintCache();
    validation.revalidateAll((uri) => {
      const root = appspecs.get(uri);
      if (!root) return false;
      if (readOutside.has(uri)) return true;
      return changed.some(
        (p) =>
          p.startsWith(root + path.sep) ||
          path.basename(p) === '.appspec-lint.json' ||
          // A buildspec in a parent folder builds this AppSpec's bundle (rules W9101-W9103).
          (/^buildspec\.ya?ml$/.test(path.basename(p)) && (root + path.sep).startsWith(path.dirname(p) + path.sep)),
      );
    }, true);
  }),
);

// ---- features --------------------------------------------------------------------------------

/** The open document when it is an AppSpec. */
function appspecDoc(uri: string): TextDocument | undefined {
  const doc = documents.get(uri);
  return doc && isAppSpec(uri) ? doc : undefined;
}

type WithDoc = { textDocument: { uri: string } };

connection.onCompletion(
  guard(
    'completion',
    null,
    (p: WithDoc & { position: { line: number; character: number }; context?: { triggerCharacter?: string } }) => {
      const doc = appspecDoc(p.textDocument.uri);
      return doc ? service.complete(doc, p.position, { triggerCharacter: p.context?.triggerCharacter }) : null;
    },
  ),
);
connection.onHover(
  guard('hover', null, (p: WithDoc & { position: { line: number; character: number } }) => {
    const doc = appspecDoc(p.textDocument.uri);
    return doc ? service.hover(doc, p.position) : null;
  }),
);
connection.onCodeAction(
  guard(
    'code actions',
    [],
    (
      p: WithDoc & {
        range: { start: { line: number; character: number }; end: { line: number; character: number } };
        context: { diagnostics: Diagnostic[] };
      },
    ) => {
      const doc = appspecDoc(p.textDocument.uri);
      return doc
        ? service.codeActions(doc, p.range, p.context.diagnostics, {
            createFiles: init.workspaceTrusted,
            mayCreate: (abs) => {
              const folder = bundleRootOf(doc.uri);
              return !!folder && mayCreate(abs, folder, workspaceFolders);
            },
          })
        : [];
    },
  ),
);
connection.onDocumentSymbol(
  guard('document symbols', [], (p: WithDoc) => {
    const doc = appspecDoc(p.textDocument.uri);
    return doc ? service.documentSymbols(doc) : [];
  }),
);
connection.onFoldingRanges(
  guard('folding ranges', [], (p: WithDoc) => {
    const doc = appspecDoc(p.textDocument.uri);
    return doc ? service.foldingRanges(doc) : [];
  }),
);
connection.onDocumentLinks(
  guard('document links', [], (p: WithDoc) => {
    const doc = appspecDoc(p.textDocument.uri);
    return doc ? service.documentLinks(doc) : [];
  }),
);
connection.onDefinition(
  guard('definition', [], (p: WithDoc & { position: { line: number; character: number } }) => {
    const doc = appspecDoc(p.textDocument.uri);
    return doc ? service.definition(doc, p.position) : [];
  }),
);
connection.onReferences(
  guard('references', [], (p: WithDoc & { position: { line: number; character: number } }) => {
    const doc = appspecDoc(p.textDocument.uri);
    if (!doc) return service.references(p.textDocument.uri); // asked from a script: where is it used?
    const target = service.definition(doc, p.position)[0];
    return target ? service.references(target.targetUri) : [];
  }),
);
connection.onCodeLens(
  guard('code lenses', [], (p: WithDoc) => {
    const doc = appspecDoc(p.textDocument.uri);
    return doc ? service.codeLenses(doc) : [];
  }),
);

connection.onRequest(
  LintRequest,
  guard(LintRequest.method, [] as Diagnostic[], async (p) => {
    if (!p || typeof p.text !== 'string') return [];
    const fileName = p.fileName ?? 'appspec.yml';
    const uri = p.uri ?? (path.isAbsolute(fileName) ? URI.file(fileName).toString() : `untitled:${fileName}`);
    const settings = p.uri ? await settingsFor(p.uri) : DEFAULT_SETTINGS;
    const doc = TextDocument.create(uri, '', -1, p.text);
    const diagnostics = lintService.validate(doc, { ...settings, syntaxDiagnostics: 'always', maxProblems: 0 });
    lintService.forget(uri);
    return diagnostics;
  }),
);

connection.onRequest(
  SettledRequest,
  guard(SettledRequest.method, { version: null }, async (p) => {
    // Work can start more work (settings read → a check → an idle re-check): wait until none is left.
    while (background.size > 0 || validation.busy()) {
      if (background.size > 0) await Promise.allSettled([...background]);
      else await validation.idle();
    }
    return { version: p?.uri ? (validation.publishedVersion(p.uri) ?? null) : null };
  }),
);

connection.onExecuteCommand(
  guard('execute command', null, (p: { command: string; arguments?: unknown[] }) => {
    if (p.command !== MAKE_EXECUTABLE_COMMAND) return null;
    if (!init.workspaceTrusted) {
      connection.console.warn('appspec: not making files executable: the workspace is not trusted.');
      return null;
    }
    // Only files in the workspace folder of an open AppSpec (by real path), never through a symlink.
    const roots = [...appspecs.values()]
      .map((folder) => folder && writeRootFor(folder, workspaceFolders))
      .filter((r): r is string => !!r);
    for (const arg of p.arguments ?? []) {
      if (typeof arg !== 'string') continue;
      const abs = path.resolve(arg);
      const outcome = makeExecutable(abs, roots);
      if (outcome === 'outside' || outcome === 'symlink') {
        const why = outcome === 'outside' ? "it is not inside an AppSpec's folder" : 'it is a symbolic link';
        connection.console.warn(`appspec: not making ${JSON.stringify(abs)} executable: ${why}.`);
      }
    }
    fs.clearCache();
    service.clearLintCache();
    validation.revalidateAll((uri) => appspecs.has(uri), true);
    return null;
  }),
);

documents.listen(connection);
connection.listen();
