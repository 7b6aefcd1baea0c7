import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, commandResult, waitFor } from '../helpers';

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
