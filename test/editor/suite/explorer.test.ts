import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, commandResult, extensionApi, waitFor } from '../helpers';

interface SnapshotNode {
  id: string;
  label: string;
  description?: string;
  contextValue: string;
  childNodes?: SnapshotNode[];
}

function find(nodes: SnapshotNode[] | undefined, label: string): SnapshotNode | undefined {
  for (const n of nodes ?? []) {
    if (n.label === label) return n;
    const inner = find(n.childNodes, label);
    if (inner) return inner;
  }
  return undefined;
}

function outline(nodes: SnapshotNode[] | undefined, indent = ''): string {
  return (nodes ?? [])
    .map(
      (n) =>
        `${indent}${n.label}${n.description ? ` — ${n.description}` : ''}\n${outline(n.childNodes, indent + '  ')}`,
    )
    .join('');
}

describe('CodeDeploy explorer (local endpoint)', () => {
  before(async () => {
    await activateExtension();
    assert.equal(
      vscode.workspace.getConfiguration('codedeploy').get('connection'),
      'local',
      'the test workspace selects the local endpoint',
    );
  });

  it('lists the applications of each compute platform with their deployment groups and deployments', async () => {
    let tree: SnapshotNode[] = [];
    await waitFor(async () => {
      tree = (await commandResult<SnapshotNode[]>('codedeploy.internal.getTreeSnapshot', { depth: 3 })) ?? [];
      return ['checkout-web', 'orders-api-lambda', 'storefront-ecs'].every((a) => find(tree, a)) ? tree : undefined;
    }, 'the seeded applications in the explorer').catch((e) => {
      throw new Error(`${(e as Error).message}\ntree:\n${outline(tree)}`);
    });
    const lambda = find(tree, 'orders-api-lambda')!;
    const group = find(lambda.childNodes, 'orders-api-live');
    assert.ok(group, `orders-api-live under orders-api-lambda:\n${outline(tree)}`);
    const ecs = find(tree, 'storefront-ecs')!;
    for (const g of ['storefront-prod', 'storefront-staging'])
      assert.ok(find(ecs.childNodes, g), `${g} under storefront-ecs:\n${outline(tree)}`);
    const checkout = find(tree, 'checkout-web')!;
    assert.ok(
      find(checkout.childNodes, 'checkout-web-prod'),
      `checkout-web-prod under checkout-web:\n${outline(tree)}`,
    );
  });

  it('shows the deployment history of a group, including the failed release', async () => {
    const tree = await commandResult<SnapshotNode[]>('codedeploy.internal.getTreeSnapshot', { depth: 4 });
    const group = find(find(tree, 'orders-api-lambda')?.childNodes, 'orders-api-live');
    const deployments = (group?.childNodes ?? []).filter(
      (n) => /^d-[A-Z0-9]+/.test(n.label) || /d-[A-Z0-9]{6,}/.test(`${n.label} ${n.description ?? ''}`),
    );
    assert.ok(deployments.length >= 2, `at least the two seeded deployments under orders-api-live:\n${outline(tree)}`);
    const text = outline(group?.childNodes);
    assert.match(text, /fail/i, `a failed deployment is shown:\n${text}`);
  });
});

describe('CodeDeploy explorer through its TreeDataProvider', () => {
  type Provider = vscode.TreeDataProvider<unknown>;
  let tree: Provider;
  /** The children of `parent` with the TreeItem VS Code would render for each. */
  async function children(parent?: unknown): Promise<{ node: unknown; item: vscode.TreeItem }[]> {
    const nodes = (await tree.getChildren(parent)) ?? [];
    return Promise.all(nodes.map(async (node) => ({ node, item: await tree.getTreeItem(node) })));
  }
  const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label);
  const named = (rows: { node: unknown; item: vscode.TreeItem }[], label: string) => {
    const row = rows.find((r) => labelOf(r.item) === label);
    assert.ok(row, `${label} among ${rows.map((r) => labelOf(r.item)).join(', ')}`);
    return row;
  };

  before(async () => {
    tree = (await extensionApi()).explorer;
  });

  it('renders applications, groups and deployments as TreeItems with ids, icons, context values and states', async () => {
    const apps = await waitFor(async () => {
      const rows = await children();
      return rows.some((r) => labelOf(r.item) === 'orders-api-lambda') ? rows : undefined;
    }, 'the seeded applications from getChildren()');
    for (const { item } of apps) {
      assert.ok(item instanceof vscode.TreeItem);
      assert.ok(item.id, `${labelOf(item)} has an id`);
      assert.ok(item.iconPath instanceof vscode.ThemeIcon, `${labelOf(item)} has a theme icon`);
    }
    const lambda = named(apps, 'orders-api-lambda');
    assert.equal(lambda.item.contextValue, 'application');
    assert.equal(lambda.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);

    const groups = await children(lambda.node);
    const live = named(groups, 'orders-api-live');
    assert.match(live.item.contextValue ?? '', /^deploymentGroup/);
    assert.ok(live.item.tooltip instanceof vscode.MarkdownString, 'a markdown tooltip');

    const deployments = (await children(live.node)).filter((r) => /^deployment\b/.test(r.item.contextValue ?? ''));
    assert.ok(deployments.length >= 2, 'the seeded deployments of orders-api-live');
    const failed = deployments.find((r) =>
      /fail/i.test(
        `${r.item.description ?? ''} ${r.item.tooltip instanceof vscode.MarkdownString ? r.item.tooltip.value : ''}`,
      ),
    );
    assert.ok(
      failed,
      `a failed deployment: ${deployments.map((r) => `${labelOf(r.item)} ${r.item.description}`).join('; ')}`,
    );

    // The context menu's "Watch Deployment" gets the node, as VS Code passes it.
    const id =
      labelOf(failed.item)?.match(/d-[A-Z0-9]+/)?.[0] ??
      (failed.node as { data?: { deploymentId?: string } }).data?.deploymentId;
    assert.ok(id, 'the deployment node carries its id');
    await vscode.commands.executeCommand('codedeploy.watchDeployment', failed.node);
    const state = await waitFor(
      () => commandResult<{ status: string } | undefined>('codedeploy.internal.getMonitorState', id),
      `the monitor of ${id}`,
    );
    assert.equal(state.status, 'Failed');
  });
});
