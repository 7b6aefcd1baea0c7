/**
 * Typed settings. `readConfig` is pure over a getter so it can be tested without vscode;
 * `Config.current()` reads the live workspace configuration.
 */
import type * as vscode from 'vscode';
import type { ConnectionChoice, ConnectionKind } from './connection/model';

export interface Settings {
  connection: ConnectionChoice;
  localTimeScale: number;
  /** How the local endpoint answers Lambda/ECS hook functions: automatically, or only when you report. */
  localHookMode: 'auto' | 'manual';
  revisionBucket: string;
  /** Checks against the connection's account: only against the local endpoint (default), also against AWS, or never. */
  accountChecks: AccountChecksSetting;
  appSpecFiles: string[];
  traceServer: 'off' | 'messages' | 'verbose';
}

/** Settings whose change needs the language server restarted (document selector, trace). */
export const SERVER_RESTART_KEYS = ['appspec.files', 'appspec.trace.server'];

export type AccountChecksSetting = 'local' | 'always' | 'off';

type Getter = (key: string) => unknown;

/**
 * Settings an untrusted workspace may not choose: they pick credentials, endpoints and buckets,
 * start the local endpoint, call the account, or pass the environment to scripts. Declared in
 * package.json `capabilities.untrustedWorkspaces.restrictedConfigurations` too; in Restricted Mode
 * they are read from the user's settings only (workspace and folder values ignored).
 */
export const RESTRICTED_SETTINGS: readonly string[] = [
  'codedeploy.connection',
  'codedeploy.profile',
  'codedeploy.region',
  'codedeploy.endpoint',
  'codedeploy.revisionBucket',
  'codedeploy.local.timeScale',
  'codedeploy.accountChecks',
  'codedeploy.hooks.environmentAllowList',
];

/** The parts of `WorkspaceConfiguration.inspect` a restricted read uses. */
export interface InspectedSetting {
  defaultValue?: unknown;
  globalValue?: unknown;
}

export interface ConfigurationLike {
  get(key: string): unknown;
  inspect(key: string): InspectedSetting | undefined;
}

/**
 * Reads settings honouring workspace trust: in an untrusted workspace a restricted setting takes
 * the user's (global) value or the default, never what the workspace's `.vscode/settings.json` says.
 */
export function trustAwareGetter(cfg: ConfigurationLike, trusted: boolean): Getter {
  const restricted = new Set(RESTRICTED_SETTINGS);
  return (key) => {
    if (trusted || !restricted.has(key)) return cfg.get(key);
    const i = cfg.inspect(key);
    return i?.globalValue !== undefined ? i.globalValue : i?.defaultValue;
  };
}

const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v.trim() : d);

export function readConfig(get: Getter): Settings {
  const kindRaw = str(get('codedeploy.connection'), 'none');
  const kind: ConnectionKind = kindRaw === 'local' || kindRaw === 'aws' ? kindRaw : 'none';
  const scale = Number(get('codedeploy.local.timeScale'));
  const files = get('appspec.files');
  const trace = str(get('appspec.trace.server'), 'off');
  return {
    connection: {
      kind,
      profile: str(get('codedeploy.profile')) || undefined,
      region: str(get('codedeploy.region')) || 'us-east-1',
      endpoint: str(get('codedeploy.endpoint')) || undefined,
    },
    localTimeScale: Number.isFinite(scale) && scale >= 1 ? scale : 10,
    localHookMode: str(get('codedeploy.local.hookMode')) === 'manual' ? 'manual' : 'auto',
    revisionBucket: str(get('codedeploy.revisionBucket')),
    accountChecks: ((v) => (v === 'always' || v === 'off' ? v : 'local'))(str(get('codedeploy.accountChecks'))),
    appSpecFiles: Array.isArray(files)
      ? files.filter((f): f is string => typeof f === 'string' && f.trim() !== '')
      : [],
    traceServer: trace === 'messages' || trace === 'verbose' ? trace : 'off',
  };
}

export function currentSettings(workspace: typeof vscode.workspace): Settings {
  return readConfig(settingsReader(workspace));
}

/** A getter over the live configuration that ignores workspace values of restricted settings when untrusted. */
export function settingsReader(workspace: typeof vscode.workspace): Getter {
  const cfg = workspace.getConfiguration();
  return trustAwareGetter(
    { get: (key) => cfg.get(key), inspect: (key) => cfg.inspect(key) },
    workspace.isTrusted,
  );
}
