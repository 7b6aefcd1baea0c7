import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, ruleId, validatedDiagnostics, waitFor } from '../helpers';

const APPSPECS = '**/appspec.{yml,yaml,json}';

async function setAppSpecSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('appspec').update(key, value, vscode.ConfigurationTarget.Workspace);
}

describe('AppSpec language server in the editor', () => {
  it('"Validate All AppSpec Files" counts every problem of every AppSpec, not what the editor shows', async () => {
    const uris = await vscode.workspace.findFiles(APPSPECS, '**/node_modules/**');
    assert.ok(uris.length >= 5, `the test workspace has AppSpecs (${uris.length})`);
    const count = (ds: readonly vscode.Diagnostic[], s: vscode.DiagnosticSeverity) =>
      ds.filter((d) => d.severity === s).length;
    try {
      // Every problem shown (no cap, syntax errors included): what the totals must add up to.
      await setAppSpecSetting('maxProblems', 0);
      await setAppSpecSetting('syntaxDiagnostics', 'always');
      let errors = 0;
      let warnings = 0;
      let most = 0;
      for (const uri of uris) {
        const shown = await validatedDiagnostics(await vscode.workspace.openTextDocument(uri));
        errors += count(shown, vscode.DiagnosticSeverity.Error);
        warnings += count(shown, vscode.DiagnosticSeverity.Warning);
        most = Math.max(
          most,
          count(shown, vscode.DiagnosticSeverity.Error) + count(shown, vscode.DiagnosticSeverity.Warning),
        );
      }
      assert.ok(most >= 2, `an AppSpec with several problems (most in one file: ${most})`);
      // Now the editor shows one problem per file (and a note); the command must still count them all.
      await setAppSpecSetting('maxProblems', 1);
      await waitFor(
        () => uris.some((u) => vscode.languages.getDiagnostics(u).some((d) => ruleId(d) === 'appspec.maxProblems')),
        'the editor to show at most one problem per file',
      );
      const totals = await vscode.commands.executeCommand<{ files: number; errors: number; warnings: number }>(
        'appspec.validateWorkspace',
      );
      assert.deepEqual(totals, { files: uris.length, errors, warnings });
    } finally {
      await setAppSpecSetting('maxProblems', undefined);
      await setAppSpecSetting('syntaxDiagnostics', undefined);
    }
  });

  it('keeps one output channel when the language server restarts', async () => {
    const api = await extensionApi();
    const first = api.languageClient();
    assert.ok(first && first.isRunning(), 'the language client runs');
    const channel = first.outputChannel;
    const restart = async (trace: string | undefined) => {
      const before = api.languageClient();
      await setAppSpecSetting('trace.server', trace);
      return waitFor(() => {
        const now = api.languageClient();
        return now && now !== before && now.isRunning() ? now : undefined;
      }, 'the language server to restart');
    };
    try {
      const second = await restart('messages');
      assert.equal(second.outputChannel, channel, 'the restarted client writes to the same channel');
    } finally {
      const third = await restart(undefined);
      assert.equal(third.outputChannel, channel);
    }
  });
});
