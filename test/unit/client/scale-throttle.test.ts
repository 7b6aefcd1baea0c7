import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEFAULT_RATES, parseThrottleSpec, Throttle } from '../../../client/src/local/throttle';
import { checkScaleOptions } from '../../../client/src/local/scaleSeed';
import { limitNonThrottling } from '../../../client/src/aws/retry';

test('--throttle specs: on, per-operation rates with bursts, and clear errors', () => {
  assert.deepEqual(parseThrottleSpec('on'), DEFAULT_RATES);
  const r = parseThrottleSpec('*=5,GetDeployment=1/3, ListDeploymentTargets=0.5');
  assert.deepEqual(r.default, { perSecond: 5, burst: 10 });
  assert.deepEqual(r.byOperation.GetDeployment, { perSecond: 1, burst: 3 });
  assert.deepEqual(r.byOperation.ListDeploymentTargets, { perSecond: 0.5, burst: 1 });
  assert.equal(parseThrottleSpec('GetDeployment=2').default.perSecond, Infinity, 'unnamed operations unlimited');
  for (const bad of ['', 'GetDeployment', 'GetDeployment=0', 'GetDeployment=-1', 'x=1', 'GetDeployment=1/0', '*=abc'])
    assert.throws(() => parseThrottleSpec(bad), /throttle/, bad);
});

test('token bucket: a burst, then the sustained rate; operations apart', () => {
  let now = 0;
  const t = new Throttle(parseThrottleSpec('GetDeployment=2/3'), () => now);
  assert.deepEqual(
    [1, 2, 3, 4].map(() => t.take('GetDeployment')),
    [true, true, true, false],
  );
  assert.equal(t.take('ListApplications'), true);
  now += 500; // one token back at 2 per second
  assert.deepEqual([t.take('GetDeployment'), t.take('GetDeployment')], [true, false]);
  assert.equal(t.refused.get('GetDeployment'), 2);
  assert.throws(() => t.check('GetDeployment'), { name: 'ThrottlingException', message: 'Rate exceeded' });
});

test('scale flags: whole numbers within the limits', () => {
  assert.doesNotThrow(() => checkScaleOptions({ fleet: 2000, history: 10000, apps: 1000 }));
  assert.throws(() => checkScaleOptions({ apps: 1001 }), /apps/);
  assert.throws(() => checkScaleOptions({ fleet: 1.5 }), /fleet/);
  assert.throws(() => checkScaleOptions({ history: -1 }), /history/);
});

test('retry policy: throttling goes to the SDK strategy, other errors stop after their attempts', async () => {
  const seen: string[] = [];
  const inner = {
    acquireInitialRetryToken: async () => ({ getRetryCount: () => 0 }),
    refreshRetryTokenForRetry: async (tok: { getRetryCount(): number }, info: { errorType: string }) => {
      seen.push(info.errorType);
      const n = tok.getRetryCount() + 1;
      return { getRetryCount: () => n };
    },
    recordSuccess: () => undefined,
  };
  const s = limitNonThrottling(inner, 2);
  let tok = await s.acquireInitialRetryToken('');
  tok = await s.refreshRetryTokenForRetry(tok, { errorType: 'TRANSIENT' });
  await assert.rejects(s.refreshRetryTokenForRetry(tok, { errorType: 'TRANSIENT' }));
  tok = await s.refreshRetryTokenForRetry(tok, { errorType: 'THROTTLING' });
  tok = await s.refreshRetryTokenForRetry(tok, { errorType: 'THROTTLING' });
  assert.deepEqual(seen, ['TRANSIENT', 'THROTTLING', 'THROTTLING']);
});
