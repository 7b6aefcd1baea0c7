import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, describeDiagnostics, diagnosticsWith, ruleId, waitFor, wsUri } from '../helpers';

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return (actions ?? []).filter(
    (a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'),
  );
}

async function applyFix(uri: vscode.Uri, id: string, titlePattern: RegExp): Promise<vscode.TextDocument> {
  const ds = vscode.languages.getDiagnostics(uri);
  const d = ds.find((x) => ruleId(x) === id);
  assert.ok(d, `${id} present before the fix:\n${describeDiagnostics(ds)}`);
  const actions = await waitFor(async () => {
    const a = await quickFixes(uri, d.range);
    return a.length > 0 ? a : undefined;
  }, `quick fixes for ${id}`);
  const fix = actions.find((a) => titlePattern.test(a.title));
  assert.ok(fix, `a quick fix matching ${titlePattern} among: ${actions.map((a) => a.title).join(' | ')}`);
  if (fix.edit) assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'the edit applies');
  if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  const doc = await vscode.workspace.openTextDocument(uri);
  await waitFor(
    () => !vscode.languages.getDiagnostics(uri).some((x) => ruleId(x) === id),
    `${id} to disappear after applying "${fix.title}" (now:\n${describeDiagnostics(vscode.languages.getDiagnostics(uri))})`,
  );
  return doc;
}

describe('quick fixes', () => {
  before(async () => {
    await activateExtension();
  });

  it('offers "did you mean" for a misspelled EC2 hook and applying it clears W4002', async () => {
    const uri = wsUri('quickfix/appspec.yml');
    await diagnosticsWith('quickfix/appspec.yml', ['W4002']);
    const doc = await applyFix(uri, 'W4002', /ValidateService/);
    assert.match(doc.getText(), /^ {2}ValidateService:$/m);
    assert.doesNotMatch(doc.getText(), /ValidateServise/);
  });

  it('fixes a misspelled ECS hook (E6014) the same way', async () => {
    const uri = wsUri('quickfix-ecs/appspec.yaml');
    await diagnosticsWith('quickfix-ecs/appspec.yaml', ['E6014']);
    const doc = await applyFix(uri, 'E6014', /AfterAllowTestTraffic/);
    assert.match(doc.getText(), /- AfterAllowTestTraffic:/);
  });

  it('offers to disable a rule for the line', async () => {
    const uri = wsUri('ec2-broken/appspec.yml');
    await diagnosticsWith('ec2-broken/appspec.yml', ['E4009']);
    const d = vscode.languages.getDiagnostics(uri).find((x) => ruleId(x) === 'E4009')!;
    const titles = (await quickFixes(uri, d.range)).map((a) => a.title);
    assert.ok(
      titles.some((t) => /disable/i.test(t) && t.includes('E4009')),
      `a "disable E4009" action among: ${titles.join(' | ')}`,
    );
  });
});
