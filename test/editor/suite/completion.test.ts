import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, labelOf, waitFor, wsUri } from '../helpers';

const CASES = [
  {
    file: 'complete-ec2/appspec.yml',
    platform: 'EC2/On-Premises',
    position: new vscode.Position(3, 2), // the empty line under `hooks:`
    include: ['ApplicationStop', 'BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService'],
    exclude: ['AfterAllowTestTraffic'],
  },
  {
    file: 'complete-ecs/appspec.yaml',
    platform: 'ECS',
    position: new vscode.Position(10, 4), // after `  - ` under `Hooks:`
    include: ['BeforeInstall', 'AfterInstall', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic'],
    exclude: ['ApplicationStart', 'ValidateService'],
  },
  {
    file: 'complete-lambda/appspec.yml',
    platform: 'Lambda',
    position: new vscode.Position(10, 4),
    include: ['BeforeAllowTraffic', 'AfterAllowTraffic'],
    exclude: ['BeforeInstall', 'AfterAllowTestTraffic', 'ApplicationStart'],
  },
];

describe('completion', () => {
  before(async () => {
    await activateExtension();
  });

  for (const c of CASES) {
    it(`offers the ${c.platform} lifecycle hook names`, async () => {
      const uri = wsUri(c.file);
      await vscode.workspace.openTextDocument(uri);
      const labels = await waitFor(
        async () => {
          const list = await vscode.commands.executeCommand<vscode.CompletionList>(
            'vscode.executeCompletionItemProvider',
            uri,
            c.position,
          );
          const l = (list?.items ?? []).map(labelOf);
          return c.include.every((x) => l.includes(x)) ? l : undefined;
        },
        `completion items ${c.include.join(', ')} in ${c.file}`,
      );
      for (const x of c.exclude)
        assert.ok(!labels.includes(x), `${x} is not offered for ${c.platform} (got ${labels.join(', ')})`);
    });
  }
});
