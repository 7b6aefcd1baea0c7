/**
 * The monitor (session + pure model) driven by the real local endpoint through the real SDK.
 * Simulated time moves only when the test advances the manual clock; nothing sleeps.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MonitorSession } from '../../client/src/monitor/session';
import type { MonitorViewState } from '../../client/src/monitor/model';
import type { Clock } from '../../client/src/monitor/poller';
import { planBundle, zipBundle } from '../../client/src/deploy/bundle';
import { appSpecContentInput, s3DeploymentInput } from '../../client/src/deploy/plan';
import { ecsSpec, lambdaSpec, startHarness, tempDir, type Harness } from './helpers';

describe('monitor on the local endpoint (real SDK over HTTP)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  /** A session on the harness clock; the test polls by hand instead of starting timers. */
  function session(id: string, finals: string[] = []): { s: MonitorSession; states: MonitorViewState[] } {
    const clock: Clock = { now: () => h.clock.now(), setTimeout: () => 0, clearTimeout: () => undefined };
    const states: MonitorViewState[] = [];
    const s = new MonitorSession({
      api: h.api,
      deploymentId: id,
      clock,
      onState: (st) => states.push(st),
      onFinal: (_d, o, sawItRun) => finals.push(sawItRun ? o.kind : `already ${o.kind}`),
    });
    return { s, states };
  }

  async function pollUntil(
    s: MonitorSession,
    stepMs: number,
    done: (st: MonitorViewState) => boolean,
    max = 200,
  ): Promise<MonitorViewState> {
    for (let i = 0; i < max; i++) {
      const outcome = await s.pollOnce();
      const st = s.state!;
      if (done(st) || outcome.final) return st;
      h.clock.advance(stepMs);
    }
    throw new Error('condition not reached');
  }

  it('Lambda canary: planned steps beside the actual series, bake countdown, then the end', async () => {
    const id = await h.api.createDeployment(
      appSpecContentInput(
        {
          application: 'orders-api-lambda',
          group: 'orders-api-live',
          config: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
        },
        lambdaSpec({ current: '7', target: '8' }),
      ),
    );
    const finals: string[] = [];
    const { s, states } = session(id, finals);
    const canary = await pollUntil(s, 5_000, (st) => (st.traffic?.green ?? 0) >= 10);
    assert.equal(canary.traffic?.kind, 'canary');
    assert.deepEqual(canary.traffic?.planned, [
      { atSeconds: 0, green: 10 },
      { atSeconds: 300, green: 100 },
    ]);
    assert.equal(canary.traffic?.green, 10);
    assert.equal(canary.traffic?.stepIndex, 0);
    const bake = canary.countdowns.find((c) => c.id === 'nextShift');
    assert.ok(bake, JSON.stringify(canary.countdowns));
    assert.ok(bake.remainingSeconds > 0 && bake.remainingSeconds <= 300, String(bake.remainingSeconds));
    assert.deepEqual(
      [canary.buttons.stop, canary.buttons.stopAndRollback, canary.buttons.continue.enabled],
      [true, true, false],
    );

    // Two minutes later the countdown has moved by two minutes.
    h.clock.advance(120_000);
    await s.pollOnce();
    const later = s.state!.countdowns.find((c) => c.id === 'nextShift');
    assert.equal(later?.endsAt, bake.endsAt);
    assert.equal(later?.remainingSeconds, bake.remainingSeconds - 120);

    const end = await pollUntil(s, 30_000, (st) => st.final);
    assert.equal(end.status, 'Succeeded');
    assert.equal(end.traffic?.green, 100);
    assert.deepEqual(end.buttons, {
      stop: false,
      stopAndRollback: false,
      continue: {
        enabled: false,
        waitType: undefined,
        label: 'Continue',
        reason: 'The deployment has ended (Succeeded).',
      },
      stopReason: 'The deployment has ended (Succeeded).',
    });
    assert.deepEqual(finals, ['succeeded']);
    // Watching it again later: the end is reported as already over (no "news" notification).
    const again: boolean[] = [];
    const late = new MonitorSession({
      api: h.api,
      deploymentId: id,
      onFinal: (_d, _o, sawItRun) => again.push(sawItRun),
    });
    const last = await late.pollOnce();
    assert.deepEqual([last.final, last.shifting], [true, false]);
    assert.deepEqual(again, [false]);
    const seen = [...new Set(end.traffic!.actual.map((p) => p.green))];
    assert.deepEqual(
      seen.filter((g) => g > 0),
      [10, 100],
    );
    assert.ok(states.length >= 3);
  });

  it('ECS READY_WAIT: Continue is offered with the stop countdown; continuing finishes the deployment', async () => {
    const id = await h.api.createDeployment(
      appSpecContentInput(
        { application: 'storefront-ecs', group: 'storefront-staging', config: 'CodeDeployDefault.ECSAllAtOnce' },
        ecsSpec(),
      ),
    );
    const { s } = session(id);
    const ready = await pollUntil(s, 5_000, (st) => st.status === 'Ready');
    assert.deepEqual(ready.buttons.continue, {
      enabled: true,
      waitType: 'READY_WAIT',
      label: 'Continue: reroute traffic',
    });
    const wait = ready.countdowns.find((c) => c.id === 'readyWait');
    assert.ok(wait);
    assert.match(wait.label, /Stops unless continued/);
    assert.equal(wait.remainingSeconds, 30 * 60);
    await s.continueDeployment();
    const end = await pollUntil(s, 5_000, (st) => st.final);
    assert.equal(end.status, 'Succeeded');
    assert.equal(end.targets[0].kind, 'ecs');
    assert.ok(end.targets[0].events.every((e) => e.status === 'Succeeded'));
  });

  it('EC2: a zipped revision folder uploaded to S3 deploys; a failing hook shows per-instance progress and its log', async () => {
    const root = tempDir('cd-rev-');
    try {
      fs.writeFileSync(
        path.join(root, 'appspec.yml'),
        [
          'version: 0.0',
          'os: linux',
          'hooks:',
          '  BeforeInstall:',
          '    - location: scripts/prepare.sh',
          '  ApplicationStart:',
          '    - location: scripts/fail-start.sh',
          '',
        ].join('\n'),
      );
      fs.mkdirSync(path.join(root, 'scripts'));
      fs.writeFileSync(path.join(root, 'scripts', 'prepare.sh'), '#!/bin/sh\ntrue\n', { mode: 0o755 });
      fs.writeFileSync(path.join(root, 'scripts', 'fail-start.sh'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
      const zip = zipBundle(planBundle(path.join(root, 'appspec.yml')));
      const upload = await h.api.uploadRevision('client-test-revisions', 'checkout-web/fail.zip', zip);
      assert.ok(upload.eTag);
      const id = await h.api.createDeployment(
        s3DeploymentInput(
          { application: 'checkout-web', group: 'checkout-web-prod', config: 'CodeDeployDefault.OneAtATime' },
          upload,
        ),
      );
      const finals: string[] = [];
      const { s } = session(id, finals);
      const end = await pollUntil(s, 10_000, (st) => st.final);
      assert.equal(end.status, 'Failed');
      assert.ok(end.ec2);
      assert.equal(end.ec2.total, 4);
      assert.ok(end.ec2.failed >= 1);
      assert.equal(end.ec2.minimumHealthy?.type, 'MOST_CONCURRENCY');
      const failedTarget = end.targets.find((t) => t.status === 'Failed');
      assert.ok(failedTarget);
      const ev = failedTarget.events.find((e) => e.status === 'Failed');
      assert.equal(ev?.name, 'ApplicationStart');
      assert.equal(ev?.errorCode, 'ScriptFailed');
      assert.match(ev?.logTail ?? '', /ApplicationStart check failed/);
      assert.ok(failedTarget.progress > 0 && failedTarget.progress < 1);
      assert.ok(end.ec2.eventNames.includes('BeforeInstall'));
      assert.ok(finals[0] === 'failed' || finals[0] === 'rolledBack', finals.join());
      assert.deepEqual([end.buttons.stop, end.buttons.continue.enabled], [false, false]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('Stop and roll back from the monitor stops the deployment', async () => {
    const id = await h.api.createDeployment(
      appSpecContentInput(
        {
          application: 'orders-api-lambda',
          group: 'orders-api-live',
          config: 'CodeDeployDefault.LambdaLinear10PercentEvery10Minutes',
        },
        lambdaSpec({ current: '8', target: '9' }),
      ),
    );
    const finals: string[] = [];
    const { s } = session(id, finals);
    const moving = await pollUntil(s, 5_000, (st) => (st.traffic?.green ?? 0) >= 10);
    assert.equal(moving.traffic?.kind, 'linear');
    assert.equal(moving.traffic?.stepCount, 10);
    assert.ok(moving.buttons.stopAndRollback);
    await s.stopDeployment(true);
    const end = await pollUntil(s, 5_000, (st) => st.final);
    assert.equal(end.status, 'Stopped');
    assert.ok(finals.length === 1 && (finals[0] === 'stopped' || finals[0] === 'rolledBack'), finals.join());
  });
});
