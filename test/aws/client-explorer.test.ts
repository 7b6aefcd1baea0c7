/**
 * The explorer model driven by the real local endpoint through the real SDK: the seeded demo
 * account becomes the tree the user sees (applications → groups → deployments → targets → events).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadChildren, type ModelOptions, type NodeDescriptor } from '../../client/src/explorer/model';
import { startHarness, type Harness } from './helpers';

describe('explorer model on the local endpoint (real SDK over HTTP)', () => {
  let h: Harness;
  let opts: ModelOptions;
  before(async () => {
    h = await startHarness();
    opts = { now: h.clock.now() };
  });
  after(() => h.close());

  const children = async (n: NodeDescriptor): Promise<NodeDescriptor[]> => {
    assert.ok(n.children, `${n.label} has no children`);
    return loadChildren(h.api, n.children, opts);
  };
  const byLabel = (nodes: NodeDescriptor[], label: string): NodeDescriptor => {
    const n = nodes.find((x) => x.label === label);
    assert.ok(n, `no node ${label} among ${nodes.map((x) => x.label).join(', ')}`);
    return n;
  };

  it('lists the seeded applications with their platform icons, and no console links locally', async () => {
    const apps = await loadChildren(h.api, { kind: 'applications' }, opts);
    assert.deepEqual(
      apps.map((a) => [a.label, a.iconId]),
      [
        ['checkout-web', 'server'],
        ['orders-api-lambda', 'symbol-function'],
        ['storefront-ecs', 'layers'],
      ],
    );
    assert.ok(apps.every((a) => a.contextValue === 'application' && a.data.consoleUrl === undefined));
  });

  it('shows groups with config and target summary, and deployments newest first', async () => {
    const apps = await loadChildren(h.api, { kind: 'applications' }, opts);
    const groups = await children(byLabel(apps, 'checkout-web'));
    assert.deepEqual(
      groups.map((g) => g.label),
      ['checkout-web-bluegreen', 'checkout-web-prod'],
    );
    const prod = byLabel(groups, 'checkout-web-prod');
    assert.equal(prod.description, 'HalfAtATime · 1 EC2 tag filter');
    assert.match(prod.contextValue, /^deploymentGroup/);

    const ecsGroups = await children(byLabel(apps, 'storefront-ecs'));
    assert.equal(
      byLabel(ecsGroups, 'storefront-prod').description,
      'ECSLinear10PercentEvery1Minutes · storefront-cluster/storefront',
    );

    const deployments = await children(prod);
    const real = deployments.filter((d) => d.contextValue.startsWith('deployment'));
    assert.ok(real.length >= 2, 'the seeded history has two checkout deployments');
    const created = real.map((d) => d.data.deploymentId);
    const infos = await h.api.batchGetDeployments(created as string[]);
    const times = created.map((id) => infos.find((i) => i.deploymentId === id)!.createTime!.getTime());
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
      'newest first',
    );
    assert.ok(
      real.every((d) => d.iconId === 'pass' && /Succeeded · \d+d ago · by user/.test(d.description ?? '')),
      JSON.stringify(real.map((d) => d.description)),
    );
  });

  it('shows the failed Lambda release: its target, the failed hook with its error code and function', async () => {
    const apps = await loadChildren(h.api, { kind: 'applications' }, opts);
    const [group] = await children(byLabel(apps, 'orders-api-lambda'));
    const deployments = await children(group);
    const failed = deployments.find((d) => d.data.status === 'Failed');
    assert.ok(failed, 'the seeded history has a failed Lambda deployment');
    assert.equal(failed.iconId, 'error');
    assert.match(failed.tooltip ?? '', /HOOK_EXECUTION_FAILURE|failed/i);
    const targets = await children(failed);
    assert.equal(targets.length, 1);
    assert.equal(targets[0].label, 'orders-api');
    assert.equal(targets[0].collapsible, 'expanded');
    const events = await children(targets[0]);
    const bad = events.find((e) => e.contextValue === 'lifecycleEvent.failed');
    assert.ok(bad, events.map((e) => `${e.label}:${e.description}`).join(', '));
    assert.equal(bad.label, 'AfterAllowTraffic');
    assert.match(bad.description ?? '', /Failed · .* · ScriptFailed/);
    // The hook function reported Failed through PutLifecycleEventHookExecutionStatus (no log: it never ran here).
    assert.match(bad.tooltip ?? '', /CodeDeployHook_orders_api_post_traffic/);
    assert.match(bad.tooltip ?? '', /reported Failed/);
  });

  it('an unknown application becomes an error node, never an exception', async () => {
    const nodes = await loadChildren(h.api, { kind: 'groups', application: 'no-such-app' }, opts);
    assert.equal(nodes.length, 1);
    assert.equal(nodes[0].contextValue, 'error');
    assert.match(nodes[0].label, /Could not load/);
  });
});
