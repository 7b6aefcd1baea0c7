/**
 * The explorer's deployment list of a group on the real local endpoint through the real SDK: pages of
 * ListDeployments with "Load more" (only the next page is fetched), and the group filters passed to the
 * service (includeOnlyStatuses, createTimeRange), paging within a filter included.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as cd from '@aws-sdk/client-codedeploy';
import { GroupDeploymentList, type DeploymentFilter } from '../../client/src/explorer/deploymentList';
import { loadChildren, type ExplorerApi, type NodeDescriptor } from '../../client/src/explorer/model';
import { contentRevision, lambdaSpec, runToEnd, startHarness, type Harness } from './helpers';

const HOUR = 3_600_000;

describe('explorer deployment list: paging and filters (real SDK, local endpoint)', () => {
  let h: Harness;
  /** Oldest first, with the status each ended in. */
  const made: { id: string; status: string; createdAt: number }[] = [];
  const calls: string[] = [];
  let api: ExplorerApi;

  before(async () => {
    h = await startHarness({ seed: false });
    await h.raw.send(new cd.CreateApplicationCommand({ applicationName: 'pager', computePlatform: 'Lambda' }));
    await h.raw.send(
      new cd.CreateDeploymentGroupCommand({
        applicationName: 'pager',
        deploymentGroupName: 'live',
        serviceRoleArn: 'arn:aws:iam::111122223333:role/r',
      }),
    );
    for (let i = 0; i < 23; i++) {
      const id = await h.api.createDeployment({
        applicationName: 'pager',
        deploymentGroupName: 'live',
        revision: contentRevision(lambdaSpec({ name: `fn-${i}`, current: '1', target: '2' })),
      });
      if (i % 4 === 0) await h.api.stopDeployment(id, false);
      const end = await runToEnd(h, id, 5_000);
      made.push({ id, status: end.status ?? '', createdAt: end.createTime!.getTime() });
      h.clock.advance(2 * HOUR);
    }
    // The product's API, counting what the explorer asks for.
    api = {
      ...h.api,
      listDeployments: (a, g, token, filter) => {
        calls.push(`list${token ? ' +token' : ''}`);
        return h.api.listDeployments(a, g, token, filter);
      },
      batchGetDeployments: (ids) => {
        calls.push(`get ${ids.length}`);
        return h.api.batchGetDeployments(ids);
      },
    };
  });
  after(() => h.close());

  const load = async (list: GroupDeploymentList): Promise<NodeDescriptor[]> =>
    loadChildren(
      api,
      { kind: 'deployments', application: 'pager', group: 'live' },
      {
        now: h.clock.now(),
        deploymentList: () => list,
      },
    );
  const ids = (nodes: NodeDescriptor[]) => nodes.filter((n) => n.data.deploymentId).map((n) => n.data.deploymentId);
  const hasMore = (nodes: NodeDescriptor[]) => nodes.some((n) => n.contextValue === 'loadMore');

  it('shows the first page, and each "Load more" fetches only the next page', async () => {
    assert.deepEqual(
      made.map((m) => m.status),
      made.map((_, i) => (i % 4 === 0 ? 'Stopped' : 'Succeeded')),
    );
    const newestFirst = made.map((m) => m.id).reverse();
    const list = new GroupDeploymentList('pager', 'live');
    calls.length = 0;
    const first = await load(list);
    assert.deepEqual(ids(first), newestFirst.slice(0, 10));
    assert.ok(hasMore(first));
    assert.deepEqual(calls, ['list', 'get 10']);
    calls.length = 0;
    list.requestMore();
    const second = await load(list);
    assert.deepEqual(ids(second), newestFirst.slice(0, 20));
    assert.ok(hasMore(second));
    assert.deepEqual(calls, ['list +token', 'get 10'], 'the shown pages are not fetched again');
    list.requestMore();
    const all = await load(list);
    assert.deepEqual(ids(all), newestFirst);
    assert.ok(!hasMore(all));
    // Nothing is running: a refresh lists the first page and fetches no deployment again.
    calls.length = 0;
    assert.deepEqual(ids(await load(list)), newestFirst);
    assert.deepEqual(calls, ['list']);
  });

  it('filters by status on the service side, and pages within the filter', async () => {
    const stopped = new GroupDeploymentList('pager', 'live', { statuses: ['Stopped'] });
    const nodes = await load(stopped);
    const expected = made
      .filter((m) => m.status === 'Stopped')
      .map((m) => m.id)
      .reverse();
    assert.equal(expected.length, 6);
    assert.deepEqual(ids(nodes), expected);
    assert.ok(nodes.every((n) => !n.data.status || n.data.status === 'Stopped'));
    assert.ok(!hasMore(nodes));

    const succeeded = new GroupDeploymentList('pager', 'live', { statuses: ['Succeeded'] });
    const page1 = await load(succeeded);
    assert.equal(ids(page1).length, 10);
    assert.ok(hasMore(page1));
    succeeded.requestMore();
    const both = await load(succeeded);
    assert.deepEqual(
      ids(both),
      made
        .filter((m) => m.status === 'Succeeded')
        .map((m) => m.id)
        .reverse(),
    );
    assert.ok(!hasMore(both));
  });

  it('filters by creation time window, combined with statuses', async () => {
    const now = h.clock.now();
    const filter: DeploymentFilter = { window: '24h' };
    const recent = await load(new GroupDeploymentList('pager', 'live', filter));
    const expected = made
      .filter((m) => m.createdAt >= now - 24 * HOUR)
      .map((m) => m.id)
      .reverse();
    assert.ok(expected.length > 10 && expected.length < made.length, `${expected.length} in the window`);
    assert.deepEqual(ids(recent), expected.slice(0, 10));
    const both = await load(new GroupDeploymentList('pager', 'live', { window: '24h', statuses: ['Stopped'] }));
    assert.deepEqual(
      ids(both),
      made
        .filter((m) => m.createdAt >= now - 24 * HOUR && m.status === 'Stopped')
        .map((m) => m.id)
        .reverse(),
    );
    const none = await load(new GroupDeploymentList('pager', 'live', { window: '1h', statuses: ['Failed'] }));
    assert.equal(none.length, 1);
    assert.equal(none[0].label, 'No deployments match the filter (Failed · last hour)');
  });
});
