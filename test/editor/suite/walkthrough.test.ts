import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID, waitFor } from '../helpers';

const WALKTHROUGH = `${EXTENSION_ID}#codedeploy.getStarted`;
const STEPS = ['openAppSpec', 'fixProblem', 'connect', 'deploy', 'watch'];

describe('Get Started walkthrough', () => {
  before(async () => {
    await activateExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens in the Welcome editor through workbench.action.openWalkthrough', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
    await waitFor(
      () => vscode.window.tabGroups.activeTabGroup.activeTab?.label === 'Welcome',
      `the Welcome editor (active tab: ${vscode.window.tabGroups.activeTabGroup.activeTab?.label})`,
      30_000,
    );
  });

  it('has each of its steps registered with the workbench (an unknown step is refused)', async () => {
    // The workbench registers contributed walkthroughs a few seconds after the extension appears; a step it does not
    // know makes welcome.markStepIncomplete throw, whatever the step's saved progress.
    const mark = (command: string, step: string) =>
      Promise.resolve(vscode.commands.executeCommand(command, `${WALKTHROUGH}#${step}`));
    await waitFor(
      () => mark('welcome.markStepIncomplete', STEPS[0]).then(() => true),
      `step ${STEPS[0]} of ${WALKTHROUGH} registered`,
      60_000,
    );
    for (const step of STEPS) {
      await mark('welcome.markStepIncomplete', step);
      await mark('welcome.markStepComplete', step);
    }
    await assert.rejects(mark('welcome.markStepIncomplete', 'noSuchStep'), /does not exist/);
  });
});
