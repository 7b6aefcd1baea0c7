/**
 * Stop and roll back, as the monitor shows it, against the real local endpoint through the real SDK:
 * the stopped deployment's traffic is history, one rollback line links both deployments, and the
 * rollback's monitor says which version it restores. Also the palette's deployment listing and the
 * custom configurations' platforms. Manual clock; nothing sleeps.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appSpecContentInput } from '../../client/src/deploy/plan';
import { ACTIVE_STATUSES } from '../../client/src/deploy/deploymentChoices';
import type { MonitorViewState } from '../../client/src/monitor/model';
import type { Clock } from '../../client/src/monitor/poller';
import { MonitorSession } from '../../client/src/monitor/session';
import { ecsSpec, lambdaSpec, startHarness, type Harness } from './helpers';

describe('monitor after stop and roll back (local endpoint, real SDK)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  function session(id: string): MonitorSession {
    const clock: Clock = { now: () => h.clock.now(), setTimeout: () => 0, clearTimeout: () => undefined };
    return new MonitorSession({ api: h.api, deploymentId: id, clock });
  }

  async function pollUntil(s: MonitorSession, stepMs: number, done: (st: MonitorViewState) => boolean) {
    for (let i = 0; i < 300; i++) {
      const outcome = await s.pollOnce();
      if (done(s.state!) || outcome.final) return s.state!;
      h.clock.advance(stepMs);
    }
    throw new Error('condition not reached');
  }

  const line = (st: MonitorViewState) =>
    (st.rollback?.parts ?? []).map((p) => ('text' in p ? p.text : `[${p.deploymentId}]`)).join('');

  it('ECS: the stopped deployment keeps no live split; the rollback restores the earlier task definition', async () => {
    const id = await h.api.createDeployment(
      appSpecContentInput({ application: 'storefront-ecs', group: 'storefront-prod' }, ecsSpec()),
    );
    const s = session(id);
    const shifting = await pollUntil(s, 3_000, (st) => (st.traffic?.green ?? 0) >= 10);
    assert.equal(shifting.traffic?.ended, false);
    assert.equal(shifting.versions?.to, 'task definition storefront:42');
    assert.match(shifting.versions?.from ?? '', /^task definition storefront:\d+$/);
    const before = shifting.versions!.from!;
    await h.api.stopDeployment(id, true);
    const stopped = await pollUntil(s, 2_000, (st) => st.final);
    assert.equal(stopped.status, 'Stopped');
    assert.equal(stopped.traffic?.ended, true);
    assert.match(stopped.traffic!.stepLabel, /^Stopped at step 1 of 10, with 10% of traffic on the replacement/);
    const rollbackId = stopped.rollback?.otherId;
    assert.ok(rollbackId && rollbackId !== id, JSON.stringify(stopped.rollback));
    assert.equal(
      line(stopped),
      `[${id}] was stopped. Rollback [${rollbackId}] moves storefront-cluster:storefront back to ${before}.`,
    );
    assert.ok(
      stopped.messages.every((m) => !m.includes(rollbackId)),
      `no repeat of the rollback: ${stopped.messages.join(' | ')}`,
    );

    const r = session(rollbackId);
    const restoring = await pollUntil(r, 3_000, (st) => st.final);
    assert.deepEqual(
      { from: restoring.versions?.from, to: restoring.versions?.to },
      { from: 'task definition storefront:42', to: before },
    );
    assert.equal(
      line(restoring),
      `Rollback of [${id}]: restores ${before} of storefront-cluster:storefront, replacing task definition storefront:42.`,
    );
    assert.equal(restoring.traffic?.greenLabel, 'Restored version (green)');
  });

  it('Lambda: the rollback moves the alias back, and says so in versions', async () => {
    const id = await h.api.createDeployment(
      appSpecContentInput(
        { application: 'orders-api-lambda', group: 'orders-api-live' },
        lambdaSpec({ name: 'rollback-probe', current: '9', target: '10' }),
      ),
    );
    const s = session(id);
    await pollUntil(s, 3_000, (st) => (st.traffic?.green ?? 0) > 0);
    await h.api.stopDeployment(id, true);
    const stopped = await pollUntil(s, 2_000, (st) => st.final);
    const rollbackId = stopped.rollback!.otherId;
    assert.match(line(stopped), /moves rollback-probe \(alias live\) back to version 9\.$/);
    const restoring = await pollUntil(session(rollbackId), 3_000, (st) => st.final);
    assert.deepEqual(restoring.versions, {
      subject: 'rollback-probe (alias live)',
      from: 'version 10',
      to: 'version 9',
    });
    assert.match(line(restoring), /restores version 9 of rollback-probe \(alias live\), replacing version 10\.$/);
  });

  it('lists active and recent deployments across applications for the palette', async () => {
    const id = await h.api.createDeployment(
      appSpecContentInput({ application: 'storefront-ecs', group: 'storefront-staging' }, ecsSpec()),
    );
    const active = await h.api.listRecentDeployments({ statuses: ACTIVE_STATUSES });
    assert.ok(active.includes(id), `${id} in ${active.join()}`);
    const infos = await h.api.batchGetDeployments(active);
    assert.ok(
      infos.every((d) => ACTIVE_STATUSES.includes(d.status!)),
      infos.map((d) => d.status).join(),
    );
    const recent = await h.api.listRecentDeployments({ since: new Date(h.clock.now() - 86_400_000), limit: 5 });
    assert.ok(recent.length > 0 && recent.length <= 5);
    assert.ok(recent.includes(id));
    await h.api.stopDeployment(id, false);
  });

  it('custom deployment configurations report their compute platform (the picker filters on it)', async () => {
    const info = await h.api.getDeploymentConfig('orders-canary-25pct-2min');
    assert.equal(info.computePlatform, 'Lambda');
  });
});
