// Extension activation time, measured in a fresh node process: require dist/client.js and call
// activate() with an in-process stub of the `vscode` module, as the extension host does. Reports
// the time to load the bundle, the time activate() takes to return, which of our bundles were
// loaded (the AWS SDK and the local endpoint must not be), and every `vscode` API member the
// extension touched (so the stub's reach is visible). The language client's start (async, after
// activate returns) runs against the stub and fails; that part is not activation.
//
//   node bench/activation.mjs [--runs 5]   → prints JSON
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');

/** The child: one cold activation. */
/** Top-level names dist/client.js reads from the 'vscode' module (found in the bundle's text). */
function vscodeNames() {
  const text = readFileSync(resolve(ROOT, 'dist', 'client.js'), 'utf8');
  const names = new Set();
  for (const m of text.matchAll(/\b(?:import_vscode\d*|vscode\d*|vscode_\d+)\.([A-Za-z]\w*)/g)) names.add(m[1]);
  return [...names];
}

const CHILD = String.raw`
const Module = require('node:module');
const path = require('node:path');
const root = process.argv[1];
const touched = new Set();
const NAMES = JSON.parse(process.argv[2]);

// A stub that records the API paths it is asked for; unknown members are callable no-op stubs.
function stub(name, base = {}, callable = true) {
  const fn = callable ? function () {} : {};
  Object.assign(fn, base);
  return new Proxy(fn, {
    get(t, k) {
      if (typeof k === 'symbol') return t[k];
      if (k === 'then') return undefined; // not a promise
      const p = name + '.' + k;
      touched.add(p);
      if (!(k in t)) t[k] = stub(p);
      return t[k];
    },
    apply: () => undefined,
    construct: () => stub(name + '()', {}, false),
  });
}
class Disposable {
  constructor(fn) { this.fn = fn; }
  static from(...ds) { return new Disposable(() => ds.forEach((d) => d && d.dispose && d.dispose())); }
  dispose() { this.fn && this.fn(); }
}
class EventEmitter {
  constructor() { this.ls = []; this.event = (l) => { this.ls.push(l); return new Disposable(() => {}); }; }
  fire(v) { for (const l of this.ls) l(v); }
  dispose() { this.ls = []; }
}
const disposable = () => new Disposable(() => {});
const event = () => disposable;
const channel = () => stub('OutputChannel', { info() {}, warn() {}, error() {}, debug() {}, trace() {}, appendLine() {}, append() {}, dispose() {}, show() {} }, false);
const config = () => ({ get: (k, d) => d, has: () => false, inspect: () => undefined, update: async () => {} });
const api = {
  Disposable,
  EventEmitter,
  window: stub('vscode.window', {
    createOutputChannel: channel,
    createTreeView: () => stub('TreeView', { dispose() {}, onDidChangeVisibility: event(), onDidExpandElement: event(), onDidChangeSelection: event() }, false),
    createStatusBarItem: () => stub('StatusBarItem', { show() {}, hide() {}, dispose() {} }, false),
    registerWebviewPanelSerializer: disposable,
    showErrorMessage: async () => undefined,
    showWarningMessage: async () => undefined,
    showInformationMessage: async () => undefined,
    onDidChangeActiveTextEditor: event(),
    tabGroups: { all: [], onDidChangeTabs: event() },
    visibleTextEditors: [],
    activeTextEditor: undefined,
  }),
  workspace: stub('vscode.workspace', {
    getConfiguration: config,
    onDidChangeConfiguration: event(),
    onDidChangeWorkspaceFolders: event(),
    onDidGrantWorkspaceTrust: event(),
    onDidOpenTextDocument: event(),
    onDidCloseTextDocument: event(),
    onDidSaveTextDocument: event(),
    createFileSystemWatcher: () => ({ onDidCreate: event(), onDidDelete: event(), onDidChange: event(), dispose() {} }),
    findFiles: async () => [],
    workspaceFolders: undefined,
    textDocuments: [],
    isTrusted: true,
  }),
  commands: stub('vscode.commands', { registerCommand: disposable, executeCommand: async () => undefined }),
  extensions: stub('vscode.extensions', { getExtension: () => undefined }),
  env: stub('vscode.env', { appName: 'bench', language: 'en', machineId: 'bench', sessionId: 'bench', uriScheme: 'vscode' }),
  version: '1.100.0',
};
// Every other top-level name the bundle reads from 'vscode' (enums and classes used by the
// language client's converters): present, so the bundle's module wrapper can copy them.
for (const n of NAMES) if (!(n in api)) api[n] = stub('vscode.' + n);
const vscode = new Proxy(api, {
  get(t, k) {
    if (typeof k === 'symbol' || k === 'then') return t[k];
    touched.add('vscode.' + k);
    if (!(k in t)) t[k] = stub('vscode.' + k); // e.g. classes vscode-languageclient extends
    return t[k];
  },
});

const origResolve = Module._resolveFilename;
Module._resolveFilename = function (req, ...rest) {
  return req === 'vscode' ? 'vscode' : origResolve.call(this, req, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };

const context = {
  subscriptions: [],
  extensionPath: root,
  extensionUri: { fsPath: root, scheme: 'file', path: root, toString: () => 'file://' + root },
  asAbsolutePath: (p) => path.join(root, p),
  workspaceState: { get: (k, d) => d, update: async () => {}, keys: () => [] },
  globalState: { get: (k, d) => d, update: async () => {}, keys: () => [], setKeysForSync() {} },
  secrets: { get: async () => undefined, store: async () => {}, delete: async () => {}, onDidChange: event() },
  storageUri: undefined,
  globalStorageUri: { fsPath: '/tmp', scheme: 'file', path: '/tmp' },
  logUri: { fsPath: '/tmp', scheme: 'file', path: '/tmp' },
  extensionMode: 1,
  extension: { id: 'appspec-tools.appspec-codedeploy', packageJSON: require(path.join(root, 'package.json')) },
};
const before = new Set(Object.keys(require.cache));
const t0 = performance.now();
const ext = require(path.join(root, 'dist', 'client.js'));
const t1 = performance.now();
const exported = ext.activate(context);
const t2 = performance.now();
const touchedByActivate = [...touched].sort();
const loaded = Object.keys(require.cache).filter((f) => !before.has(f) && f.startsWith(path.join(root, 'dist')));
Promise.resolve(exported && exported.ready).catch(() => {}).finally(() => {
  const after = Object.keys(require.cache).filter((f) => f.startsWith(path.join(root, 'dist')));
  process.stdout.write(JSON.stringify({
    require_ms: t1 - t0,
    activate_ms: t2 - t1,
    loaded_at_activation: loaded.map((f) => path.basename(f)),
    loaded_after_ready: after.map((f) => path.basename(f)),
    vscode_api_touched: touchedByActivate,
  }));
  process.exit(0);
});
`;

export function measureActivation({ runs = 5 } = {}) {
  const samples = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['-e', CHILD, ROOT, JSON.stringify(vscodeNames())], {
      encoding: 'utf8',
      timeout: 60000,
    });
    try {
      last = JSON.parse(r.stdout);
    } catch {
      return { error: (r.stderr || r.stdout || `exit ${r.status}`).slice(0, 500) };
    }
    samples.push(last.require_ms + last.activate_ms);
  }
  samples.sort((a, b) => a - b);
  const lazy = ['client-aws.js', 'client-local.js', 'client-engine.js', 'client-hooks.js'];
  return {
    runs,
    activation_ms_median: +samples[Math.floor(samples.length / 2)].toFixed(1),
    activation_ms_max: +samples[samples.length - 1].toFixed(1),
    require_ms: +last.require_ms.toFixed(1),
    activate_ms: +last.activate_ms.toFixed(1),
    loaded_at_activation: last.loaded_at_activation,
    lazy_bundles_loaded: last.loaded_after_ready.filter((f) => lazy.includes(f)),
    vscode_api_touched: last.vscode_api_touched,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--runs');
  console.log(JSON.stringify(measureActivation({ runs: i > 0 ? Number(process.argv[i + 1]) : 5 }), null, 1));
}
