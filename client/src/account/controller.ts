/**
 * The live account checks in the editor: a diagnostic source of its own ("CodeDeploy account",
 * client-side: the language server stays offline) for every open Lambda/ECS AppSpec, re-checked
 * after the user stops typing (debounced; the reads go through the connection's TTL cache), when
 * the connection or the setting changes, when a deployment ends, and on the refresh command.
 */
import * as vscode from 'vscode';
import { APPSPEC_GLOB } from '../../../engine/index';
import type { CodeDeployApi } from '../aws/api';
import type { Ctx } from '../ctx';
import type { AccountFinding, EcsGroupTarget } from './checks';
import { ecsGroupTarget } from './ecsChecks';
import { accountName, loadEngine, lookAt, type Look } from './look';
import { CheckScheduler, type Timers } from './scheduler';

export const ACCOUNT_SOURCE = 'CodeDeploy account';

/** The AppSpec documents, as the language client selects them (languageClient.ts is its own lazy bundle). */
export function appSpecSelector(extraGlobs: string[]): vscode.DocumentFilter[] {
  return [
    { language: 'yaml', pattern: APPSPEC_GLOB },
    { language: 'json', pattern: APPSPEC_GLOB },
    ...extraGlobs.flatMap((pattern) => [
      { language: 'yaml', pattern },
      { language: 'json', pattern },
    ]),
  ];
}
const GROUP_TTL_MS = 60_000;

export interface DocCheckState {
  look?: Look;
  error?: string;
  checking: boolean;
  /** Connected to AWS while the setting limits the checks to the local endpoint: offer to turn them on. */
  offer?: boolean;
}

export function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }) {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class AccountChecks implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('codedeploy-account');
  private readonly states = new Map<string, DocCheckState>();
  private readonly groups = new Map<string, { at: number; target?: EcsGroupTarget }>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a document's check state changed (the code lens listens). */
  readonly onDidChange = this.changed.event;
  private readonly scheduler: CheckScheduler;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly ctx: Ctx,
    opts: { debounceMs?: number; timers?: Timers } = {},
  ) {
    this.scheduler = new CheckScheduler((key) => this.run(key), {
      ...opts,
      onError: (key, err) => ctx.log.warn(`account checks of ${key}: ${(err as Error).message}`),
    });
    this.disposables.push(
      this.collection,
      this.changed,
      vscode.workspace.onDidOpenTextDocument((d) => this.isAppSpec(d) && void this.scheduler.now(d.uri.toString())),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.isAppSpec(e.document)) this.scheduler.changed(e.document.uri.toString());
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri.toString())),
      ctx.connection.onDidChange(() => this.restart()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('codedeploy.accountChecks') || e.affectsConfiguration('appspec.files'))
          this.restart();
      }),
    );
  }

  /** Checks the AppSpecs that are already open (after activation). */
  start(): void {
    for (const d of vscode.workspace.textDocuments) if (this.isAppSpec(d)) void this.scheduler.now(d.uri.toString());
  }

  isAppSpec(doc: vscode.TextDocument): boolean {
    return !doc.isClosed && vscode.languages.match(appSpecSelector(this.ctx.settings().appSpecFiles), doc) > 0;
  }

  /** Whether the live checks may read the current connection's account. */
  enabled(): boolean {
    const kind = this.ctx.connection.choice.kind;
    const setting = this.ctx.settings().accountChecks;
    return kind !== 'none' && setting !== 'off' && (kind === 'local' || setting === 'always');
  }

  state(uri: vscode.Uri): DocCheckState | undefined {
    return this.states.get(uri.toString());
  }

  findings(uri: vscode.Uri): AccountFinding[] {
    return this.states.get(uri.toString())?.look?.findings ?? [];
  }

  /** The refresh command: forget what was read, look again at every open AppSpec. */
  async refresh(): Promise<void> {
    if (this.ctx.connection.choice.kind !== 'none') {
      try {
        (await this.ctx.connection.api()).account().invalidate();
      } catch {
        // the check below reports why the connection is not usable
      }
    }
    this.groups.clear();
    const open = vscode.workspace.textDocuments.filter((d) => this.isAppSpec(d));
    await Promise.all(open.map((d) => this.scheduler.now(d.uri.toString())));
  }

  /** Shows a look made elsewhere (the deploy pre-flight) as this document's diagnostics. */
  publish(uri: vscode.Uri, look: Look): void {
    this.states.set(uri.toString(), { look, checking: false });
    this.collection.set(
      uri,
      look.findings.map((f) => {
        const d = new vscode.Diagnostic(toRange(f.range), f.message, SEVERITY[f.severity]);
        d.source = ACCOUNT_SOURCE;
        d.code = f.code;
        return d;
      }),
    );
    this.changed.fire();
  }

  private forget(key: string): void {
    this.scheduler.cancel(key);
    this.states.delete(key);
    this.collection.delete(vscode.Uri.parse(key));
    this.changed.fire();
  }

  private restart(): void {
    this.states.clear();
    this.groups.clear();
    this.collection.clear();
    this.changed.fire();
    this.start();
  }

  /** The ECS deployment group this AppSpec was last deployed to, read from CodeDeploy (kept a minute). */
  private async ecsGroupFor(uri: string, api: CodeDeployApi): Promise<EcsGroupTarget | undefined> {
    const remembered = this.ctx.memory.lastTarget(uri);
    if (!remembered) return undefined;
    const key = `${this.ctx.connection.key}|${remembered.application}|${remembered.group}`;
    const hit = this.groups.get(key);
    if (hit && Date.now() - hit.at < GROUP_TTL_MS) return hit.target;
    let target: EcsGroupTarget | undefined;
    try {
      const [info] = await api.batchGetDeploymentGroups(remembered.application, [remembered.group]);
      target = ecsGroupTarget(info);
    } catch (err) {
      this.ctx.log.info(
        `account checks: could not read deployment group ${remembered.group}: ${(err as Error).message}`,
      );
    }
    this.groups.set(key, { at: Date.now(), target });
    return target;
  }

  private async run(key: string): Promise<void> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (!doc || !this.isAppSpec(doc)) return this.forget(key);
    const choice = this.ctx.connection.choice;
    if (!this.enabled()) {
      this.collection.delete(doc.uri);
      const offer = choice.kind === 'aws' && this.ctx.settings().accountChecks === 'local';
      const platform = offer ? (await loadEngine()).parseAppSpec(key, doc.getText()).platform.platform : undefined;
      this.states.set(key, { checking: false, offer: platform === 'lambda' || platform === 'ecs' });
      this.changed.fire();
      return;
    }
    const version = doc.version;
    const connection = this.ctx.connection.key;
    const previous = this.states.get(key);
    this.states.set(key, { ...previous, checking: true, offer: false });
    this.changed.fire();
    try {
      const [engine, api] = await Promise.all([loadEngine(), this.ctx.connection.api()]);
      const look = await lookAt(
        engine,
        api.account(),
        { uri: key, text: doc.getText() },
        {
          where: accountName(choice),
          ecsGroup: await this.ecsGroupFor(key, api),
          warmCompletion: true,
        },
      );
      if (doc.isClosed || doc.version !== version || this.ctx.connection.key !== connection) return;
      if (!look) {
        this.collection.delete(doc.uri);
        this.states.delete(key);
        return;
      }
      this.publish(doc.uri, look);
    } catch (err) {
      // Keep what was found before; the code lens says the look failed and offers to retry.
      const message = (err as Error)?.message ?? String(err);
      this.ctx.log.warn(`account checks of ${vscode.workspace.asRelativePath(doc.uri)}: ${message}`);
      this.states.set(key, { ...this.states.get(key), checking: false, error: message });
    } finally {
      const st = this.states.get(key);
      if (st?.checking) st.checking = false;
      this.changed.fire();
    }
  }

  dispose(): void {
    this.scheduler.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
