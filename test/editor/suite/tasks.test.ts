import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, describeDiagnostics, ruleId, waitFor, wsUri } from '../helpers';

const TASK_TYPE = 'appspec-lint';
const MATCHER_SOURCE = 'appspec-lint';

/** rule@line:column severity, for comparing findings whatever produced them. */
const key = (d: vscode.Diagnostic): string =>
  `${ruleId(d)}@${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]}`;

describe('appspec-lint task and its problem matcher', () => {
  let tasks: vscode.Task[] = [];

  before(async () => {
    await activateExtension();
    tasks = await waitFor(async () => {
      const all = await vscode.tasks.fetchTasks({ type: TASK_TYPE });
      return all.length >= 2 ? all : undefined;
    }, 'the appspec-lint tasks (provided and tasks.json)');
  });

  it('offers "Check AppSpec files" for the workspace folder: the bundled CLI with the $appspec-lint matcher', () => {
    const provided = tasks.find((t) => t.name === 'Check AppSpec files');
    assert.ok(provided, `provided task among: ${tasks.map((t) => t.name).join(', ')}`);
    assert.equal(provided.source, TASK_TYPE);
    assert.deepEqual(provided.problemMatchers, ['$appspec-lint']);
    assert.equal(
      (provided.scope as vscode.WorkspaceFolder).uri.toString(),
      vscode.workspace.workspaceFolders?.[0].uri.toString(),
    );
    const execution = provided.execution as vscode.ProcessExecution;
    assert.ok(execution instanceof vscode.ProcessExecution, 'a process, no shell');
    assert.match(execution.args[0], /[\\/]dist[\\/]cli\.js$/);
    assert.deepEqual(execution.args.slice(1), ['--no-color', '--', '.']);
  });

  it('running the tasks.json task fills the Problems panel with the same findings the editor reports', async () => {
    const task = tasks.find((t) => t.name === 'appspec-lint: task-lint folder');
    assert.ok(task, `the tasks.json task among: ${tasks.map((t) => t.name).join(', ')}`);
    const uri = wsUri('task-lint/appspec.yml');
    const exitCode = new Promise<number | undefined>((resolve) => {
      const sub = vscode.tasks.onDidEndTaskProcess((e) => {
        if (e.execution.task.name !== task.name) return;
        sub.dispose();
        resolve(e.exitCode);
      });
    });
    await vscode.tasks.executeTask(task);
    assert.equal(await exitCode, 1, 'appspec-lint exits 1: the file has an error');

    let fromTask: vscode.Diagnostic[] = [];
    await waitFor(
      () => {
        fromTask = vscode.languages.getDiagnostics(uri).filter((d) => d.source === MATCHER_SOURCE);
        return fromTask.length >= 4 ? fromTask : undefined;
      },
      'the problem matcher to report 4 problems on task-lint/appspec.yml',
      60_000,
    ).catch((e) => {
      throw new Error(
        `${(e as Error).message}\nreported:\n${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`,
      );
    });
    const ids = fromTask.map(ruleId).sort();
    assert.deepEqual(ids, ['E2001', 'W2004', 'W5001', 'W5005']);
    const os = fromTask.find((d) => ruleId(d) === 'E2001')!;
    assert.equal(os.severity, vscode.DiagnosticSeverity.Error);
    assert.match(os.message, /`os` is case-sensitive/);

    // The language server checks the same file: same rules, same places, same severities.
    await vscode.workspace.openTextDocument(uri);
    const fromEditor = await waitFor(() => {
      const ds = vscode.languages.getDiagnostics(uri).filter((d) => d.source !== MATCHER_SOURCE);
      return ds.length >= ids.length ? ds : undefined;
    }, 'the language server to check task-lint/appspec.yml');
    assert.deepEqual(fromTask.map(key).sort(), fromEditor.map(key).sort());
  });
});
