/**
 * Runs appspec-lint as a VS Code task: one task per workspace folder ("appspec-lint: Check AppSpec files") and the
 * `appspec-lint` tasks of tasks.json. The CLI is the extension's own bundle (dist/cli.js, the same engine as the
 * editor), run by the extension host's Node.js; the `$appspec-lint` problem matcher turns its lines into problems.
 */
import * as vscode from 'vscode';
import { lintTaskArgs, PROBLEM_MATCHER, PROVIDED_TASK_NAME, TASK_TYPE } from './lintTask';

export class LintTaskProvider implements vscode.TaskProvider {
  /** Each definition problem is shown once, however often VS Code resolves the task. */
  private readonly warned = new Set<string>();

  constructor(
    private readonly cliPath: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  provideTasks(): vscode.Task[] {
    return (vscode.workspace.workspaceFolders ?? [])
      .filter((f) => f.uri.scheme === 'file')
      .map((folder) => this.task({ type: TASK_TYPE }, folder, PROVIDED_TASK_NAME));
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const scope = task.scope;
    const folder =
      scope && typeof scope === 'object'
        ? scope
        : vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
    if (!folder) return undefined;
    return this.task(task.definition, folder, task.name);
  }

  private task(definition: vscode.TaskDefinition, folder: vscode.WorkspaceFolder, name: string): vscode.Task {
    const { args, problems } = lintTaskArgs(definition);
    if (problems.length) {
      const message = `appspec-lint task "${name}": ${problems.join('; ')}.`;
      if (!this.warned.has(message)) {
        this.warned.add(message);
        this.log.warn(message);
        void vscode.window.showWarningMessage(message);
      }
    }
    // The extension host's executable is Node.js in a Node host and Electron in desktop VS Code, where
    // ELECTRON_RUN_AS_NODE makes it run the script as Node.js.
    const execution = new vscode.ProcessExecution(process.execPath, [this.cliPath, ...args], {
      cwd: folder.uri.fsPath,
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
    const task = new vscode.Task(definition, folder, name, TASK_TYPE, execution, [PROBLEM_MATCHER]);
    task.detail = 'Check the AppSpec files with appspec-lint; findings go to the Problems panel';
    return task;
  }
}
