/**
 * "AppSpec: New AppSpec File…": pick the compute platform, then where it goes (a new folder, the
 * workspace root, an existing folder, or any folder), and write the starter AppSpec there (with its
 * hook scripts for EC2). From the explorer's folder context menu the folder is already chosen.
 */
import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { validateNewFolder } from './plan';
import { TEMPLATES, type AppSpecTemplate } from './templates';

const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'dist', 'build']);
const MAX_FOLDERS = 40;

/** A starting name for a new folder, by platform. */
function suggestedFolder(t: AppSpecTemplate): string {
  return t.platform === 'Server' ? 'my-app' : t.platform === 'ECS' ? 'my-service' : 'my-function';
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.Directory;
  } catch {
    return false;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

type Where = vscode.QuickPickItem & { folder?: vscode.Uri; action?: 'new' | 'browse' };

/** Asks where the AppSpec goes; undefined when cancelled. */
async function askFolder(template: AppSpecTemplate): Promise<vscode.Uri | undefined> {
  const roots = vscode.workspace.workspaceFolders ?? [];
  const items: Where[] = [{ label: '$(new-folder) New folder…', description: 'create a folder for it', action: 'new' }];
  for (const root of roots) {
    const taken = await exists(vscode.Uri.joinPath(root.uri, template.fileName));
    items.push({
      label: `$(root-folder) ${root.name}`,
      description: taken ? `workspace root · already has ${template.fileName}` : 'workspace root',
      folder: root.uri,
    });
    let entries: [string, vscode.FileType][] = [];
    try {
      entries = await vscode.workspace.fs.readDirectory(root.uri);
    } catch {
      // unreadable root: only the root itself is offered
    }
    const folders = entries
      .filter(
        ([name, type]) => type === vscode.FileType.Directory && !name.startsWith('.') && !SKIPPED_FOLDERS.has(name),
      )
      .map(([name]) => name)
      .sort((a, b) => a.localeCompare(b))
      .slice(0, MAX_FOLDERS);
    for (const name of folders) {
      const uri = vscode.Uri.joinPath(root.uri, name);
      const taken2 = await exists(vscode.Uri.joinPath(uri, template.fileName));
      items.push({
        label: `$(folder) ${roots.length > 1 ? `${root.name}/` : ''}${name}`,
        description: taken2 ? `already has ${template.fileName}` : undefined,
        folder: uri,
      });
    }
  }
  items.push({ label: '$(folder-opened) Browse…', description: 'any folder', action: 'browse' });
  const pick = await vscode.window.showQuickPick(items, {
    title: `New ${template.label} AppSpec: where?`,
    placeHolder: 'A folder for the AppSpec (EC2 revisions bundle the folder the AppSpec is in)',
  });
  if (!pick) return undefined;
  if (pick.folder) return pick.folder;
  if (pick.action === 'browse') {
    const chosen = await vscode.window.showOpenDialog({
      canSelectFiles: false,
      canSelectFolders: true,
      openLabel: 'Create AppSpec here',
      defaultUri: roots[0]?.uri,
    });
    return chosen?.[0];
  }
  const base =
    roots.length > 1
      ? (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'In which workspace folder?' }))?.uri
      : roots[0]?.uri;
  if (!base) return undefined;
  const name = await vscode.window.showInputBox({
    title: `New ${template.label} AppSpec: new folder`,
    prompt: 'Folder name, relative to the workspace folder (created when missing)',
    value: suggestedFolder(template),
    validateInput: validateNewFolder,
  });
  if (name === undefined) return undefined;
  const folder = vscode.Uri.joinPath(base, ...name.trim().split(/[\\/]+/));
  await vscode.workspace.fs.createDirectory(folder);
  return folder;
}

/** Writes a starter AppSpec (and, for EC2, its hook scripts) into a chosen folder. */
export async function newAppSpec(ctx: Ctx, arg: unknown): Promise<vscode.Uri | undefined> {
  const pick = await vscode.window.showQuickPick(
    TEMPLATES.map((t) => ({ label: t.label, detail: t.detail, template: t })),
    { title: 'New AppSpec: compute platform' },
  );
  if (!pick) return undefined;
  let folder = arg instanceof vscode.Uri ? arg : undefined;
  if (folder && !(await isFolder(folder))) folder = vscode.Uri.joinPath(folder, '..');
  folder ??= await askFolder(pick.template);
  if (!folder) return undefined;
  const target = vscode.Uri.joinPath(folder, pick.template.fileName);
  if (await exists(target)) {
    const again = await vscode.window.showWarningMessage(
      `${vscode.workspace.asRelativePath(target)} already exists.`,
      'Open It',
    );
    if (again) await vscode.window.showTextDocument(target);
    return undefined;
  }
  const enc = new TextEncoder();
  await vscode.workspace.fs.writeFile(target, enc.encode(pick.template.content));
  for (const [rel, body] of Object.entries(pick.template.scripts ?? {})) {
    const uri = vscode.Uri.joinPath(folder, rel);
    if (await exists(uri)) continue;
    await vscode.workspace.fs.writeFile(uri, enc.encode(body));
    if (uri.scheme === 'file' && vscode.workspace.isTrusted) await fsp.chmod(uri.fsPath, 0o755).catch(() => undefined);
  }
  ctx.log.info(`created ${target.toString()}`);
  await vscode.window.showTextDocument(target);
  return target;
}
