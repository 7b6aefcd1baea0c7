/** Minimum healthy hosts → batch size, and when an in-place deployment gives up (pure, no endpoint). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { batching } from '../../client/src/local/plan/server';
import { buildScript } from '../../client/src/local/plan';
import type { FleetMember } from '../../client/src/local/types';

const fleet = (n: number): FleetMember[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `i-0${String(i).padStart(16, '0')}`,
    arn: `arn:aws:ec2:us-east-1:111122223333:instance/i-0${String(i).padStart(16, '0')}`,
  }));

const group = {
  ec2TagFilters: [{ Key: 'App', Value: 'web', Type: 'KEY_AND_VALUE' }],
  deploymentStyle: { deploymentType: 'IN_PLACE' },
};

function outcome(n: number, config: object, failEvent?: string): { fail?: string; failedTargets: number } {
  const { ops } = buildScript({
    plan: { platform: 'Server', hooks: {} },
    group,
    groupTags: failEvent ? [{ Key: 'codedeploy-local:fail-hook', Value: failEvent }] : [],
    config: config as Record<string, unknown>,
    fleet: fleet(n),
    region: 'us-east-1',
    now: 0,
    seq: 1,
  });
  const fail = ops.find((o) => o.k === 'fail');
  const failedTargets = ops.filter((o) => o.k === 'target' && o.status === 'Failed').length;
  return { fail: fail && fail.k === 'fail' ? fail.code : undefined, failedTargets };
}

describe('minimum healthy hosts', () => {
  it('sizes batches like the predefined configurations', () => {
    assert.deepEqual(batching({ minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 50 } }, 9), {
      batch: 4,
      minHealthy: 5,
    });
    assert.deepEqual(batching({ minimumHealthyHosts: { type: 'HOST_COUNT', value: 0 } }, 4), {
      batch: 4,
      minHealthy: 0,
    });
    assert.deepEqual(batching({ minimumHealthyHosts: { type: 'MOST_CONCURRENCY', value: 1 } }, 4), {
      batch: 1,
      minHealthy: 3,
    });
    assert.deepEqual(batching({ minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 75 } }, 4), {
      batch: 1,
      minHealthy: 3,
    });
    assert.equal(batching({ minimumHealthyHosts: { type: 'HOST_COUNT', value: 4 } }, 4), undefined);
  });

  it('OneAtATime stops at the first failed instance; AllAtOnce fails only when every instance fails', () => {
    const one = { minimumHealthyHosts: { type: 'MOST_CONCURRENCY', value: 1 } };
    const all = { minimumHealthyHosts: { type: 'HOST_COUNT', value: 0 } };
    const half = { minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 50 } };
    assert.deepEqual(outcome(4, one, 'Install'), { fail: 'HEALTH_CONSTRAINTS', failedTargets: 1 });
    assert.deepEqual(outcome(4, all, 'Install'), { fail: 'HEALTH_CONSTRAINTS', failedTargets: 4 });
    assert.deepEqual(outcome(4, half, 'Install'), { fail: 'HEALTH_CONSTRAINTS', failedTargets: 2 });
    assert.deepEqual(outcome(4, half), { fail: undefined, failedTargets: 0 });
  });

  it('fails with HEALTH_CONSTRAINTS_INVALID when the fleet is too small, NO_INSTANCES when nothing matches', () => {
    assert.equal(
      outcome(2, { minimumHealthyHosts: { type: 'HOST_COUNT', value: 3 } }).fail,
      'HEALTH_CONSTRAINTS_INVALID',
    );
    assert.equal(outcome(0, { minimumHealthyHosts: { type: 'HOST_COUNT', value: 0 } }).fail, 'NO_INSTANCES');
  });
});
