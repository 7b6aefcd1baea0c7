/**
 * The "CodeDeploy account" checks inside VS Code, against the local endpoint's simulated Lambda and
 * ECS (the test workspace is connected to the local endpoint): diagnostics at the right line, the
 * quick fix from the alias, the code lens, completion from the account, the missing-permission
 * information, and the deploy pre-flight (offer to fill CurrentVersion; refusal list that jumps to
 * the line). Fixtures: test/editor/workspace/account-* and preflight-*.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, commandResult, describeDiagnostics, labelOf, waitFor, wsUri } from '../helpers';

const SOURCE = 'CodeDeploy account';

const accountDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
const code = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

/** The code lens titles of a document (the account checks' lens says when it looked). */
async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
  return (lenses ?? []).map((l) => l.command?.title ?? '').filter(Boolean);
}

/** Opens a fixture and waits until the account checks looked at it (their code lens says so). */
async function looked(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(wsUri(relative));
  await vscode.window.showTextDocument(doc);
  await waitFor(
    async () => (await lensTitles(doc.uri)).some((t) => /CodeDeploy account: .* looked at/.test(t)),
    `the account checks of ${relative}`,
  );
  return doc;
}

/** Runs a deploy command and accepts what each quick pick selects, as a user pressing Enter would. */
async function deployWithDefaults(uri: vscode.Uri): Promise<string | undefined> {
  let settled = false;
  const run = Promise.resolve(
    vscode.commands.executeCommand<string | undefined>('codedeploy.deployAppSpec', uri),
  ).finally(() => (settled = true));
  const deadline = Date.now() + 90_000;
  while (!settled && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 400));
    if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  assert.ok(settled, 'the deploy command finished within 90s');
  return run;
}

describe('account checks against the local endpoint (CodeDeploy account diagnostics)', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('flags a CurrentVersion that differs from the simulated alias at its line; the quick fix sets it and the finding goes', async () => {
    const doc = await looked('account-stale/appspec.yml');
    const [d, ...rest] = accountDiagnostics(doc.uri);
    assert.ok(d, 'an account diagnostic');
    assert.deepEqual(rest, [], describeDiagnostics(accountDiagnostics(doc.uri)));
    assert.equal(code(d), 'lambda-current-version-stale');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.range.start.line + 1, 8, 'line 8: CurrentVersion');
    assert.match(d.message, /points to version 7/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => /Set CurrentVersion to "7"/.test(a.title));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(
      actions.some((a) => a.command?.command === 'codedeploy.refreshAccountChecks'),
      'a refresh action too',
    );
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.lineAt(7).text, '        CurrentVersion: "7"');
    await waitFor(
      () => accountDiagnostics(doc.uri).length === 0,
      'the account finding to go after the fix (debounced re-check)',
    );
    await waitFor(
      async () => (await lensTitles(doc.uri)).some((t) => /no problems/.test(t)),
      'the lens to say no problems',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('the matching AppSpec (JSON) gets no finding; completion offers versions and functions from the account', async () => {
    const doc = await looked('account-ok/appspec.json');
    assert.deepEqual(accountDiagnostics(doc.uri).map(code), []);
    assert.ok((await lensTitles(doc.uri)).includes('Refresh'));
    const target = doc.getText().indexOf('"9"');
    const items = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      doc.positionAt(target + 1),
    );
    const labels = items.items.map(labelOf);
    assert.ok(labels.includes('9') && labels.includes('8'), `published versions offered: ${labels.join(', ')}`);
    assert.ok(!labels.includes('7'), 'never the version the alias is on');
    const name = doc.getText().indexOf('"orders-api"');
    const names = (
      await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        doc.positionAt(name + 2),
      )
    ).items.map(labelOf);
    assert.ok(names.includes('orders-api-beta'), `function names from the account: ${names.slice(0, 10).join(', ')}`);
  });

  it('a missing IAM permission is one information diagnostic naming the action, never an error', async () => {
    const doc = await looked('account-denied/appspec.yml');
    const ds = accountDiagnostics(doc.uri);
    assert.deepEqual(
      ds.map((d) => [code(d), d.severity]),
      [['account-permission-missing', vscode.DiagnosticSeverity.Information]],
      describeDiagnostics(ds),
    );
    assert.match(ds[0].message, /lambda:GetAlias/);
  });

  it('ECS: a port the task definition does not map is flagged at ContainerPort', async () => {
    const doc = await looked('account-ecs/appspec.yaml');
    const ds = accountDiagnostics(doc.uri);
    assert.deepEqual(
      ds.map((d) => [code(d), d.range.start.line + 1]),
      [['ecs-container-port-not-mapped', 9]],
      describeDiagnostics(ds),
    );
    assert.match(ds[0].message, /maps 8080/);
  });

  it('deploy offers to fill CurrentVersion from the alias, then deploys the fixed AppSpec', async () => {
    const uri = wsUri('preflight-stale/appspec.yml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const id = await deployWithDefaults(uri);
    assert.ok(id && /^d-[A-Z0-9]+$/.test(id), `a deployment was created (got ${id})`);
    assert.equal(
      doc.lineAt(7).text,
      '        CurrentVersion: "7"',
      'the offer was taken: CurrentVersion from alias live',
    );
    // Let it finish so the group is free for the deploy tests that follow.
    await waitFor(
      async () =>
        (await commandResult<{ final?: boolean } | undefined>('codedeploy.internal.getMonitorState', id))?.final,
      `deployment ${id} to finish`,
      120_000,
    );
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('deploy refuses an AppSpec with account errors and the list jumps to the line', async () => {
    const uri = wsUri('preflight-refused/appspec.yml');
    const id = await deployWithDefaults(uri);
    assert.equal(id, undefined, 'no deployment');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString(), 'the AppSpec is shown');
    assert.equal(editor?.selection.start.line, 11, 'at the missing hook function (line 12)');
    const ds = accountDiagnostics(uri);
    assert.deepEqual(ds.map(code), ['hook-function-not-found'], 'the findings stay in Problems');
  });
});
