/** Feeds the walkthrough's progress (progress.ts) from the editor, the Problems and the open tabs. */
import * as vscode from 'vscode';
import { isAppSpecFileName } from '../../../engine/index';
import { WalkthroughProgress } from './progress';

export function registerWalkthroughProgress(): vscode.Disposable {
  const progress = new WalkthroughProgress((key) => void vscode.commands.executeCommand('setContext', key, true));
  const editor = (e: vscode.TextEditor | undefined) => {
    if (e) progress.editorShown(e.document.uri.fsPath || e.document.uri.path);
  };
  const tabs = () => {
    for (const group of vscode.window.tabGroups.all)
      for (const tab of group.tabs)
        if (tab.input instanceof vscode.TabInputWebview) progress.webviewShown(tab.input.viewType);
  };
  editor(vscode.window.activeTextEditor);
  tabs();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(editor),
    vscode.window.tabGroups.onDidChangeTabs(tabs),
    vscode.languages.onDidChangeDiagnostics((e) => {
      let open: Set<string> | undefined;
      for (const uri of e.uris) {
        const fsPath = uri.fsPath || uri.path;
        if (!isAppSpecFileName(fsPath)) continue;
        open ??= new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
        const key = uri.toString();
        progress.problemsChanged(key, fsPath, vscode.languages.getDiagnostics(uri).length, open.has(key));
      }
    }),
  );
}
