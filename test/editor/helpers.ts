/** Helpers shared by the in-editor suites: waiting, workspace files, diagnostics, extension activation. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';

export const EXTENSION_ID = 'appspec-tools.appspec-codedeploy';

/** Polls `fn` until it returns something other than undefined/false; fails with `what` at the deadline. */
export async function waitFor<T>(
  fn: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      assert.fail(`timed out after ${timeoutMs / 1000}s waiting for ${what}${detail}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is open');
  return folder.uri;
}

export function wsUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
  await ext.activate();
  return ext;
}

/** What the extension's activate() returned, once its language client has started. */
export async function extensionApi(): Promise<ExtensionApi> {
  const api = (await activateExtension()).exports as ExtensionApi;
  await api.ready;
  return api;
}

/**
 * Waits until the language server has published diagnostics for the document's current version
 * (`appspec/settled`), so an empty list means "checked and clean", not "not checked yet".
 */
export async function validatedDiagnostics(doc: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  const api = await extensionApi();
  await waitFor(
    async () => {
      const client = api.languageClient();
      const server = api.languageServer();
      if (!client || !server) return undefined;
      const { version } = await server.settled({ uri: client.code2ProtocolConverter.asUri(doc.uri) });
      return version === doc.version ? true : undefined;
    },
    `the server to publish ${vscode.workspace.asRelativePath(doc.uri)} version ${doc.version}`,
  );
  // The language server's diagnostics: the client's own "CodeDeploy account" source is checked in account.test.ts.
  return vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source !== 'CodeDeploy account');
}

/** The rule ID of a diagnostic (`code` may be a string or `{ value, target }`). */
export function ruleId(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  return (
    ds.map((d) => `${ruleId(d)}@${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join('\n') ||
    '(none)'
  );
}

/** Opens a document (which makes the language server validate it) and waits until `expectIds` are all reported. */
export async function diagnosticsWith(
  relative: string,
  expectIds: string[],
  timeoutMs = 60_000,
): Promise<vscode.Diagnostic[]> {
  const uri = wsUri(relative);
  await vscode.workspace.openTextDocument(uri);
  let last: readonly vscode.Diagnostic[] = [];
  try {
    return await waitFor(
      () => {
        last = vscode.languages.getDiagnostics(uri);
        const ids = new Set(last.map(ruleId));
        return expectIds.every((id) => ids.has(id)) ? [...last] : undefined;
      },
      `diagnostics ${expectIds.join(', ')} on ${relative}`,
      timeoutMs,
    );
  } catch (e) {
    throw new Error(`${(e as Error).message}\nreported so far:\n${describeDiagnostics(last)}`);
  }
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Runs a command that must exist; a clear message if the extension does not register it. */
export async function commandResult<T>(command: string, ...args: unknown[]): Promise<T> {
  const all = await vscode.commands.getCommands(true);
  assert.ok(all.includes(command), `command ${command} is registered`);
  return (await vscode.commands.executeCommand(command, ...args)) as T;
}
