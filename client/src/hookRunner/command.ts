/**
 * "CodeDeploy: Run Hooks Locally (Sandbox)": the only vscode code of the local hook runner.
 * Trusted workspaces only, after a modal confirmation; output goes to the "CodeDeploy Local Hooks"
 * channel, one section per lifecycle event; cancelling the progress kills the running script.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { APPSPEC_GLOB, isAppSpecFileName, parseAppSpec } from '../../../engine/index';
import { settingsReader } from '../config';
import type { Ctx } from '../ctx';
import { revisionRelative } from './paths';
import { scriptCount } from './plan';
import { planInSandbox, runHooks } from './runner';

let channel: vscode.OutputChannel | undefined;

function output(ctx: Ctx): vscode.OutputChannel {
  if (!channel) {
    const c = vscode.window.createOutputChannel('CodeDeploy Local Hooks');
    channel = c;
    ctx.extension.subscriptions.push(c, { dispose: () => (channel = undefined) });
  }
  return channel;
}

/** `codedeploy.hooks.environmentAllowList` (a restricted setting: only user settings count in Restricted Mode). */
function environmentAllowList(): unknown[] {
  const v = settingsReader(vscode.workspace)('codedeploy.hooks.environmentAllowList');
  return Array.isArray(v) ? v : [];
}

async function pickAppSpec(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document;
  if (active && isAppSpecFileName(active.fileName)) return active.uri;
  const found = await vscode.workspace.findFiles(APPSPEC_GLOB, '**/node_modules/**', 200);
  if (found.length <= 1) return found[0];
  const pick = await vscode.window.showQuickPick(
    found.map((f) => ({ label: vscode.workspace.asRelativePath(f), uri: f })),
    { title: 'Run hooks locally: which AppSpec?' },
  );
  return pick?.uri;
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'the current user';
  }
}

export async function runHooksLocally(ctx: Ctx, arg: unknown): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    const c = await vscode.window.showWarningMessage(
      'Running hook scripts locally needs a trusted workspace: the scripts would run on this machine.',
      'Manage Workspace Trust',
    );
    if (c) await vscode.commands.executeCommand('workbench.trust.manage');
    return;
  }
  const uri = await pickAppSpec(arg);
  if (!uri) {
    void vscode.window.showInformationMessage('Open an EC2 appspec.yml to run its hooks locally.');
    return;
  }
  if (uri.scheme !== 'file') throw new Error('Hooks can only run locally for AppSpec files on this machine.');
  const appSpecPath = uri.fsPath;
  const folder = path.dirname(appSpecPath);
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const dirty = doc?.isDirty ? ['The AppSpec has unsaved changes: the saved file is what runs.'] : [];
  const model = parseAppSpec(uri.toString(), await fs.promises.readFile(appSpecPath, 'utf8'));
  if (model.platform.platform !== 'ec2')
    throw new Error(`Only EC2/On-Premises AppSpec files have hook scripts to run locally. ${model.platform.reason}`);
  const storage = (ctx.extension.storageUri ?? ctx.extension.globalStorageUri).fsPath;
  const key = crypto.createHash('sha256').update(folder).digest('hex').slice(0, 12);
  const sandbox = path.join(storage, 'hook-sandbox', `${path.basename(folder).replace(/[^\w.-]/g, '_')}-${key}`);
  const hookPlan = planInSandbox(model, folder, sandbox);
  if (hookPlan.problems.length) {
    await vscode.window.showErrorMessage('Cannot run the hooks locally.', {
      modal: true,
      detail: hookPlan.problems.join('\n'),
    });
    return;
  }
  const n = scriptCount(hookPlan);
  const user = currentUser();
  const events = hookPlan.steps.filter((s) => s.kind === 'scripts').map((s) => s.event);
  const ok = await vscode.window.showWarningMessage(
    `Run ${n} hook script${n === 1 ? '' : 's'} from ${folder} on this machine as ${user}?`,
    {
      modal: true,
      detail: [
        events.length ? `Events: ${events.join(' → ')}.` : 'No event has scripts; only the files are installed.',
        `Files are installed under ${path.join(sandbox, 'root')} (destinations re-rooted there).`,
        'runas and sudo are not honoured: every script runs as the current user.',
        ...dirty,
        ...hookPlan.notes,
      ].join('\n'),
    },
    'Run Hooks',
  );
  if (ok !== 'Run Hooks') return;

  const out = output(ctx);
  out.clear();
  out.show(true);
  out.appendLine(`Local in-place deployment of ${folder}`);
  out.appendLine(`Sandbox: ${sandbox}`);
  for (const note of hookPlan.notes) out.appendLine(`Note: ${note}`);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'CodeDeploy: running hooks locally', cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        return await runHooks({
          plan: hookPlan,
          bundleRoot: folder,
          sandbox,
          appSpecName: path.basename(appSpecPath).toLowerCase(),
          envAllowList: environmentAllowList(),
          signal: abort.signal,
          user,
          onEvent: (e) => {
            if (e.type === 'event-start') {
              out.appendLine('');
              out.appendLine(`=== ${e.event} ===`);
              progress.report({ message: e.event });
            } else if (e.type === 'script-start') {
              out.appendLine(`--- ${e.location} (timeout ${e.timeoutSeconds} s)`);
            } else if (e.type === 'output') {
              out.append(e.stream === 'info' ? `${e.text}\n` : e.text);
            } else {
              out.appendLine(`[${e.event}: ${e.status}]`);
            }
          },
        });
      } finally {
        sub.dispose();
      }
    },
  );
  out.appendLine('');
  out.appendLine(`${result.deploymentId}: ${result.status}`);
  ctx.log.info(`local hooks ${result.deploymentId} for ${folder}: ${result.status}`);
  if (result.status === 'Succeeded') {
    const c = await vscode.window.showInformationMessage(
      `Local hooks succeeded: ${n} script${n === 1 ? '' : 's'} ran in the sandbox.`,
      'Show Output',
    );
    if (c) out.show();
    return;
  }
  const failed = result.failed;
  const what =
    result.status === 'Cancelled'
      ? `Local hooks cancelled during ${failed?.event ?? 'the run'}.`
      : `Local hooks failed at ${failed?.event}: ${failed?.message ?? 'see the output'}`;
  const actions = failed?.script ? ['Show Output', 'Open Script'] : ['Show Output'];
  const c = await vscode.window.showErrorMessage(what, ...actions);
  if (c === 'Show Output') out.show();
  if (c === 'Open Script' && failed?.script) {
    // The workspace's script, not the sandbox copy (ApplicationStop's comes from the previous revision's copy).
    const rel = revisionRelative(failed.script.location) ?? '';
    const original = path.join(folder, ...rel.split('/'));
    const target = failed.event !== 'ApplicationStop' && fs.existsSync(original) ? original : failed.script.path;
    await vscode.window.showTextDocument(vscode.Uri.file(target));
  }
}
