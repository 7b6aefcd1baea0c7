import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID, waitFor } from '../helpers';

describe('activation', () => {
  it('activates in a workspace with AppSpec files', async () => {
    const ext = await activateExtension();
    assert.equal(ext.id, EXTENSION_ID);
    assert.equal(ext.isActive, true);
  });

  it('registers the contributed CodeDeploy and AppSpec commands', async () => {
    await activateExtension();
    const contributed = (
      (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes?.commands ?? []) as { command: string }[]
    ).map((c) => c.command);
    assert.ok(contributed.length >= 10, 'package.json contributes the command table');
    const missing = await waitFor(async () => {
      const all = new Set(await vscode.commands.getCommands(true));
      const m = contributed.filter((c) => !all.has(c));
      return m.length === 0 ? m : undefined;
    }, 'every contributed command to be registered').catch(async () => {
      const all = new Set(await vscode.commands.getCommands(true));
      return contributed.filter((c) => !all.has(c));
    });
    assert.deepEqual(missing, [], `commands contributed but not registered: ${missing.join(', ')}`);
  });
});
