// A fresh, throw-away directory tree per run: workspace copy, user-data-dir, extensions-dir, config, HOME, XDG_*, TMPDIR,
// and a Chromium profile. Lives under the OS temp dir (short paths: code-server puts unix sockets in TMPDIR).
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const DEFAULT_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'redhat.telemetry.enabled': false,
  'git.enabled': false,
  'editor.accessibilitySupport': 'off',
  'window.confirmBeforeClose': 'never',
  'files.hotExit': 'off',
};

/**
 * @param {object} o
 * @param {string} o.name             short label used in the directory name
 * @param {string[]} o.sources        directories whose contents are copied into the workspace (in order)
 * @param {string} [o.workspaceName]  folder name of the workspace (shown in the explorer)
 * @param {object} [o.workspaceSettings] written to <ws>/.vscode/settings.json (merged over any copied one)
 * @param {object} [o.userSettings]   merged over DEFAULT_USER_SETTINGS into <data>/User/settings.json
 * @param {string} [o.base]           parent dir (default: os.tmpdir())
 */
export function createRunDir(o) {
  const base = o.base ?? os.tmpdir();
  mkdirSync(base, { recursive: true });
  const root = mkdtempSync(path.join(base, `appspec-${o.name}-`));
  const dirs = {
    root,
    workspace: path.join(root, o.workspaceName ?? 'workspace'),
    data: path.join(root, 'data'),
    extensions: path.join(root, 'ext'),
    home: path.join(root, 'home'),
    tmp: path.join(root, 'tmp'),
    browserProfile: path.join(root, 'chromium'),
    config: path.join(root, 'config.yaml'),
  };
  for (const d of [dirs.workspace, dirs.data, dirs.extensions, dirs.home, dirs.tmp, dirs.browserProfile]) {
    mkdirSync(d, { recursive: true });
  }
  for (const src of o.sources ?? []) {
    if (!existsSync(src)) throw new Error(`workspace source missing: ${src}`);
    cpSync(src, dirs.workspace, { recursive: true, preserveTimestamps: true });
    keepExecBits(src, dirs.workspace);
  }
  if (o.workspaceSettings) {
    const vscodeDir = path.join(dirs.workspace, '.vscode');
    mkdirSync(vscodeDir, { recursive: true });
    writeFileSync(path.join(vscodeDir, 'settings.json'), JSON.stringify(o.workspaceSettings, null, 2) + '\n');
  }
  mkdirSync(path.join(dirs.data, 'User'), { recursive: true });
  writeFileSync(
    path.join(dirs.data, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_USER_SETTINGS, ...(o.userSettings ?? {}) }, null, 2) + '\n',
  );
  // code-server reads (and would otherwise create) ~/.config/code-server/config.yaml.
  writeFileSync(dirs.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  return dirs;
}

// cpSync keeps modes on Linux already; this makes sure hook scripts stay executable even if the copy drops bits.
function keepExecBits(src, dest) {
  const walk = (rel) => {
    const s = path.join(src, rel);
    const st = statSync(s);
    if (st.isDirectory()) {
      for (const entry of readdirSync(s)) walk(path.join(rel, entry));
    } else if (st.mode & 0o111) {
      chmodSync(path.join(dest, rel), st.mode & 0o777);
    }
  };
  walk('');
}

/** The environment for code-server and its children (extension host, language server, local endpoint). */
export function isolatedEnv(dirs, extra = {}) {
  const env = { ...process.env };
  // Never leak the caller's AWS identity or config into the product under test.
  for (const k of Object.keys(env)) {
    if (/^AWS_/.test(k) || k === 'VSCODE_IPC_HOOK_CLI' || k.startsWith('VSCODE_') || k === 'NODE_OPTIONS')
      delete env[k];
  }
  return {
    ...env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    XDG_STATE_HOME: path.join(dirs.home, '.local', 'state'),
    XDG_RUNTIME_DIR: dirs.tmp,
    TMPDIR: dirs.tmp,
    EXTENSIONS_GALLERY: '{}',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_CONFIG_FILE: path.join(dirs.home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dirs.home, '.aws', 'credentials'),
    ...extra,
  };
}

export function removeRunDir(dirs) {
  if (process.env.APPSPEC_E2E_KEEP) {
    console.log(`(kept run directory ${dirs.root})`);
    return;
  }
  try {
    rmSync(dirs.root, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    /* best effort */
  }
}
