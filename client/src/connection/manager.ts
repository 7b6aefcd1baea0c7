/**
 * Owns the current CodeDeploy connection: reads it from the settings, creates the API lazily
 * (the AWS SDK is loaded on first use), starts the local endpoint in the extension host on
 * demand, and tells everyone when the connection changes.
 */
import * as vscode from 'vscode';
import type { CodeDeployApi } from '../aws/api';
import { commandLine, shellKindOf } from './shellCommand';
import { currentSettings } from '../config';
import { findLocalAccessKey } from './localKey';
import {
  apiSettings,
  applyPick,
  connectionKey,
  credentialAdvice,
  pickEntries,
  ssoLoginCommand,
  type ConnectionChoice,
  type PickEntry,
  type ProfileInfo,
} from './model';

/** The AWS layer and the local endpoint load on first use so activation stays fast (the SDK is large). */
type AwsModule = typeof import('../aws/index');
type LocalModule = typeof import('../local/index');
type LocalEndpoint = Awaited<ReturnType<LocalModule['startLocalEndpoint']>>;

async function loadAws(): Promise<AwsModule> {
  return import('../aws/index');
}

async function loadLocal(): Promise<LocalModule> {
  return import('../local/index');
}

export class ConnectionManager implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ConnectionChoice>();
  readonly onDidChange = this.changed.event;
  private choiceValue: ConnectionChoice;
  private apiPromise: Promise<CodeDeployApi> | undefined;
  private apiKey: string | undefined;
  private readonly retired: Promise<CodeDeployApi>[] = [];
  private local: Promise<LocalEndpoint> | undefined;
  private localScale: number | undefined;
  private localHookMode: 'auto' | 'manual' | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private lastAdviceAt = 0;
  /** Set while setChoice() writes several settings: one reload at the end, not one per key. */
  private writing = false;

  constructor(
    private readonly extension: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.choiceValue = currentSettings(vscode.workspace).connection;
    void this.updateContextKey();
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('codedeploy') && !this.writing) this.reload();
      }),
      // Once trusted, the workspace's own values of the restricted settings count.
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reload()),
    );
  }

  get choice(): ConnectionChoice {
    return this.choiceValue;
  }

  get key(): string {
    return connectionKey(this.choiceValue);
  }

  get isLocal(): boolean {
    return this.choiceValue.kind === 'local';
  }

  /** Speed-up of the local endpoint's clock (1 on AWS). */
  get timeScale(): number {
    return this.isLocal ? currentSettings(vscode.workspace).localTimeScale : 1;
  }

  /** Region for console links; undefined in local mode (no console). */
  get consoleRegion(): string | undefined {
    return this.choiceValue.kind === 'aws' ? this.choiceValue.region : undefined;
  }

  /** Re-reads the settings; when the connection differs, drops the API and notifies. */
  reload(): void {
    const next = currentSettings(vscode.workspace).connection;
    const { localTimeScale: scale, localHookMode: hookMode } = currentSettings(vscode.workspace);
    // The local endpoint restarts (same data folder) when its time scale or hook mode changes.
    const scaleChanged =
      next.kind === 'local' &&
      ((this.localScale !== undefined && scale !== this.localScale) ||
        (this.localHookMode !== undefined && hookMode !== this.localHookMode));
    if (connectionKey(next) === this.key && !scaleChanged) {
      this.choiceValue = next;
      return;
    }
    this.choiceValue = next;
    this.dropApi();
    if (scaleChanged) void this.stopLocal();
    void this.updateContextKey();
    this.log.info(`connection: ${this.key}`);
    this.changed.fire(next);
  }

  /** The API for the current connection (starting the local endpoint when needed). */
  api(): Promise<CodeDeployApi> {
    if (this.choiceValue.kind === 'none') {
      return Promise.reject(new Error('No CodeDeploy connection chosen. Use "CodeDeploy: Select Connection…" first.'));
    }
    const key = this.key;
    if (!this.apiPromise || this.apiKey !== key) {
      this.dropApi();
      this.apiKey = key;
      this.apiPromise = this.createApi(this.choiceValue).catch((err) => {
        if (this.apiKey === key) this.apiPromise = undefined;
        throw err;
      });
    }
    return this.apiPromise;
  }

  /** Where the AWS layer's own lines go (already redacted there; the channel redacts again). */
  private readonly awsLog = (level: 'debug' | 'info' | 'warn' | 'error', line: string): void => this.log[level](line);

  private async createApi(choice: ConnectionChoice): Promise<CodeDeployApi> {
    const aws = await loadAws();
    if (choice.kind === 'local' && !choice.endpoint) {
      const local = await this.startLocal();
      return aws.createCodeDeployApi(apiSettings(choice, local), this.awsLog);
    }
    if (choice.kind === 'local')
      return aws.createCodeDeployApi(apiSettings(choice, undefined, await findLocalAccessKey()), this.awsLog);
    return aws.createCodeDeployApi(apiSettings(choice), this.awsLog);
  }

  private startLocal(): Promise<LocalEndpoint> {
    if (!this.local) {
      const { localTimeScale: timeScale, localHookMode: hookMode } = currentSettings(vscode.workspace);
      this.localScale = timeScale;
      this.localHookMode = hookMode;
      const dataDir = vscode.Uri.joinPath(this.extension.globalStorageUri, 'local-endpoint').fsPath;
      this.local = loadLocal()
        .then((m) =>
          m.startLocalEndpoint({
            port: 0,
            dataDir,
            timeScale,
            hookMode,
            log: (msg) => this.log.info(`local endpoint: ${msg}`),
          }),
        )
        .then((ep) => {
          this.log.info(
            `local endpoint listening at ${ep.url} (time scale ${timeScale}, hooks ${hookMode}, data in ${dataDir})`,
          );
          for (const notice of ep.notices) {
            this.log.error(`local endpoint: ${notice}`);
            void vscode.window.showErrorMessage(`CodeDeploy local endpoint: ${notice}`);
          }
          return ep;
        });
      this.local.catch((err) => {
        this.log.error(`local endpoint failed to start: ${(err as Error).message}`);
        this.local = undefined;
      });
    }
    return this.local;
  }

  /** The local endpoint's URL when it runs (for tests and the status tooltip). */
  async localUrl(): Promise<string | undefined> {
    return this.local ? (await this.local).url : undefined;
  }

  private async stopLocal(): Promise<void> {
    const local = this.local;
    this.local = undefined;
    if (local) {
      try {
        await (await local).stop();
      } catch {
        // already stopped or never started
      }
    }
  }

  private dropApi(): void {
    if (this.apiPromise) this.retired.push(this.apiPromise);
    this.apiPromise = undefined;
    this.apiKey = undefined;
  }

  /** Profiles from the shared config files (empty when none or when they cannot be read). */
  async listProfiles(): Promise<ProfileInfo[]> {
    try {
      const aws = await loadAws();
      return (await aws.listProfiles()).map((p) => ({ name: p.name, sso: p.sso, region: p.region }));
    } catch (err) {
      this.log.warn(`could not list AWS profiles: ${(err as Error).message}`);
      return [];
    }
  }

  /** Writes the choice to the user settings (the workspace's settings only where they already set it). */
  async setChoice(choice: ConnectionChoice): Promise<void> {
    const cfg = vscode.workspace.getConfiguration('codedeploy');
    // User settings, unless the workspace already sets the key (then the workspace value wins and must change).
    const update = (key: string, value: unknown) => {
      const inspected = cfg.inspect(key);
      const target =
        inspected?.workspaceValue !== undefined
          ? vscode.ConfigurationTarget.Workspace
          : vscode.ConfigurationTarget.Global;
      return cfg.update(key, value, target);
    };
    this.writing = true;
    try {
      if (choice.kind === 'aws') {
        await update('profile', choice.profile ?? '');
        await update('region', choice.region);
      }
      await update('connection', choice.kind);
    } finally {
      this.writing = false;
    }
    this.reload();
  }

  /** The status bar's quick pick. */
  async pick(): Promise<void> {
    const profiles = await this.listProfiles();
    const entries = pickEntries(this.choiceValue, profiles);
    const items = entries.map((e) =>
      e.kind === 'separator'
        ? ({ label: e.label, kind: vscode.QuickPickItemKind.Separator } as vscode.QuickPickItem & { entry?: PickEntry })
        : ({ label: e.label, description: e.description, detail: e.detail, entry: e } as vscode.QuickPickItem & {
            entry?: PickEntry;
          }),
    );
    const picked = await vscode.window.showQuickPick(items, {
      title: 'CodeDeploy connection',
      placeHolder: 'The local endpoint, an AWS profile, or a region for the current profile',
      matchOnDescription: true,
    });
    if (!picked?.entry?.action) return;
    await this.setChoice(applyPick(this.choiceValue, picked.entry.action));
  }

  /** Profiles only (the welcome view's "Connect to an AWS profile"). */
  async pickProfile(): Promise<void> {
    const profiles = await this.listProfiles();
    const entries = pickEntries({ ...this.choiceValue, kind: 'none' }, profiles).filter(
      (e) => e.action?.type === 'profile' || e.action?.type === 'defaultChain',
    );
    const picked = await vscode.window.showQuickPick(
      entries.map((e) => ({ label: e.label, description: e.description, entry: e })),
      {
        title: 'Connect to an AWS profile',
        placeHolder: 'Profiles from ~/.aws/config and ~/.aws/credentials (SSO profiles marked)',
      },
    );
    if (!picked?.entry.action) return;
    let next = applyPick(this.choiceValue, picked.entry.action);
    if (!picked.entry.action || picked.entry.action.type !== 'profile' || !picked.entry.action.region) {
      const region = await vscode.window.showInputBox({
        title: 'AWS region',
        value: this.choiceValue.region || 'us-east-1',
        prompt: 'Region for CodeDeploy calls',
      });
      if (!region) return;
      next = { ...next, region: region.trim() };
    }
    await this.setChoice(next);
  }

  async useLocal(): Promise<void> {
    await this.setChoice({ ...this.choiceValue, kind: 'local' });
  }

  /**
   * Credential problems get a notification with what to do (sign in with SSO, pick another
   * profile); returns true when it handled the error. Repeats are throttled (a tree refresh
   * can fail many times at once).
   */
  adviseOnError(err: unknown): boolean {
    const advice = credentialAdvice(err, this.choiceValue);
    if (!advice) return false;
    const now = Date.now();
    if (now - this.lastAdviceAt < 10_000) return true;
    this.lastAdviceAt = now;
    const profile = this.choiceValue.profile;
    const command = ssoLoginCommand(profile);
    const actions = [
      ...(advice.ssoLogin ? ['Copy Login Command', 'Run in Terminal'] : []),
      ...(advice.pickProfile ? ['Pick Another Profile'] : []),
    ];
    void vscode.window.showErrorMessage(advice.message, ...actions).then(async (choice) => {
      if (choice === 'Copy Login Command') {
        await vscode.env.clipboard.writeText(command);
        void vscode.window.showInformationMessage(`Copied "${command}". Run it, then refresh the CodeDeploy view.`);
      } else if (choice === 'Run in Terminal') {
        // Quoted for the terminal's shell; when that cannot be done safely, aws runs as the terminal's process.
        const args = ['aws', 'sso', 'login', ...(profile ? ['--profile', profile] : [])];
        const line = commandLine(args, shellKindOf(vscode.env.shell, process.platform));
        const terminal = line
          ? vscode.window.createTerminal({ name: 'AWS SSO login' })
          : vscode.window.createTerminal({ name: 'AWS SSO login', shellPath: 'aws', shellArgs: args.slice(1) });
        terminal.show();
        if (line) terminal.sendText(line);
      } else if (choice === 'Pick Another Profile') {
        await this.pick();
      }
    });
    return true;
  }

  private async updateContextKey(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'codedeploy.connection', this.choiceValue.kind);
  }

  async dispose(): Promise<void> {
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
    const all = [...this.retired, ...(this.apiPromise ? [this.apiPromise] : [])];
    for (const p of all) {
      p.then((api) => api.dispose()).catch(() => undefined);
    }
    await this.stopLocal();
  }
}
