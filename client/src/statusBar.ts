/** The connection item in the status bar: "CodeDeploy: Local" or "profile · region"; click to change. */
import * as vscode from 'vscode';
import type { ConnectionManager } from './connection/manager';
import { statusText, statusTooltip } from './connection/model';

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly sub: vscode.Disposable;

  constructor(private readonly connection: ConnectionManager) {
    this.item = vscode.window.createStatusBarItem('codedeploy.connection', vscode.StatusBarAlignment.Left, 49);
    this.item.name = 'CodeDeploy Connection';
    this.item.command = 'codedeploy.selectConnection';
    this.sub = connection.onDidChange(() => this.update());
    this.update();
  }

  update(): void {
    const c = this.connection.choice;
    this.item.text = `$(${c.kind === 'local' ? 'server-process' : c.kind === 'aws' ? 'cloud' : 'debug-disconnect'}) ${statusText(c)}`;
    this.item.tooltip = statusTooltip(c);
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.sub.dispose();
    this.item.dispose();
  }
}
