/**
 * The account reads' cache: answers reused within the time-to-live (injected clock), in-flight
 * calls shared, "not found" and missing permissions cached, failures not, refresh forgets, and a
 * session tells how old the answers it used are. A counting fake reader stands in for AWS.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CachedAccountReader } from '../../../client/src/aws/accountCache';
import {
  MissingPermissionError,
  NotCachedError,
  missingAction,
  type AccountReader,
} from '../../../client/src/aws/accountApi';
import { accountOffers } from '../../../client/src/account/offers';
import { AwsUserError } from '../../../client/src/aws/api';

function fakeReader(behaviour: Partial<AccountReader> = {}) {
  const calls: string[] = [];
  const base: AccountReader = {
    getFunction: async (n) => (n === 'missing' ? undefined : { name: n, arn: `arn:${n}` }),
    versionExists: async () => true,
    getAlias: async (_f, a) => ({ name: a, functionVersion: '7', weights: {} }),
    listPublishedVersions: async () => ['2', '1'],
    listAliases: async () => [],
    listFunctions: async () => [],
    describeTaskDefinition: async () => undefined,
    describeServices: async () => ({ found: [], missing: [] }),
    describeClusters: async () => ({ found: [], missing: [] }),
    describeTargetGroups: async () => ({ found: [], missing: [] }),
    ...behaviour,
  };
  const reader = new Proxy(base, {
    get(target, prop: string) {
      const fn = target[prop as keyof AccountReader] as (...a: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) => {
        calls.push(`${prop}(${args.join(',')})`);
        return fn(...args);
      };
    },
  });
  return { reader, calls };
}

test('the same read within the TTL is answered from the cache; after it, the account is asked again', async () => {
  const clock = { t: 1_000_000, now: () => clock.t };
  const { reader, calls } = fakeReader();
  const cache = new CachedAccountReader(reader, { ttlMs: 60_000, clock });
  assert.equal((await cache.getAlias('orders-api', 'live'))?.functionVersion, '7');
  clock.t += 59_999;
  await cache.getAlias('orders-api', 'live');
  await cache.getFunction('missing');
  await cache.getFunction('missing');
  assert.deepEqual(calls, ['getAlias(orders-api,live)', 'getFunction(missing)'], '"not found" is cached too');
  clock.t += 1;
  await cache.getAlias('orders-api', 'live');
  assert.equal(calls.length, 3, 'expired after ttlMs');
});

test('calls in flight are shared; a failure is not cached, a missing permission is', async () => {
  const clock = { t: 0, now: () => clock.t };
  let fail = true;
  const { reader, calls } = fakeReader({
    getFunction: async () => {
      if (fail) throw new AwsUserError('Cannot reach Lambda', 'ECONNREFUSED');
      return { name: 'f', arn: 'a' };
    },
    getAlias: async () => {
      throw new MissingPermissionError('lambda:GetAlias', 'not allowed');
    },
  });
  const cache = new CachedAccountReader(reader, { ttlMs: 60_000, clock });
  const [a, b] = await Promise.allSettled([cache.getFunction('f'), cache.getFunction('f')]);
  assert.equal(a.status, 'rejected');
  assert.equal(b.status, 'rejected');
  assert.equal(calls.length, 1, 'two reads at once, one call');
  fail = false;
  assert.equal((await cache.getFunction('f'))?.name, 'f', 'the failure was not kept');
  await assert.rejects(cache.getAlias('f', 'live'), MissingPermissionError);
  await assert.rejects(cache.getAlias('f', 'live'), MissingPermissionError);
  assert.equal(calls.filter((c) => c.startsWith('getAlias')).length, 1, 'the refusal is cached');
  cache.invalidate();
  await assert.rejects(cache.getAlias('f', 'live'));
  assert.equal(calls.filter((c) => c.startsWith('getAlias')).length, 2, 'invalidate() forgets it');
});

test('a session reports when the oldest answer it used was fetched', async () => {
  const clock = { t: 10_000, now: () => clock.t };
  const { reader } = fakeReader();
  const cache = new CachedAccountReader(reader, { ttlMs: 60_000, clock });
  await cache.getFunction('old');
  clock.t = 40_000;
  const s = cache.session();
  assert.equal(s.oldest(), undefined);
  await s.reader.getFunction('new');
  assert.equal(s.oldest(), 40_000);
  await s.reader.getFunction('old');
  assert.equal(s.oldest(), 10_000, 'the cached answer is from t=10000');
});

test('the missing action is read from AWS refusals, never from other errors', () => {
  const lambda = Object.assign(
    new Error(
      'User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: lambda:GetAlias on resource: arn:aws:lambda:us-east-1:1:function:f because no identity-based policy allows the lambda:GetAlias action',
    ),
    { name: 'AccessDeniedException' },
  );
  assert.equal(missingAction(lambda, 'lambda:X'), 'lambda:GetAlias');
  const ecs = Object.assign(new Error('User: x is not authorized to perform: ecs:DescribeServices on resource: y'), {
    name: 'ClientException',
  });
  assert.equal(missingAction(ecs, 'ecs:X'), 'ecs:DescribeServices');
  const bare = Object.assign(new Error("You don't have authorization to perform the requested action."), {
    name: 'AccessDeniedException',
  });
  assert.equal(
    missingAction(bare, 'ecs:DescribeTaskDefinition'),
    'ecs:DescribeTaskDefinition',
    'falls back to the called action',
  );
  const notFound = Object.assign(new Error('Unable to describe task definition.'), { name: 'ClientException' });
  assert.equal(missingAction(notFound, 'ecs:X'), undefined);
  assert.equal(
    missingAction(Object.assign(new Error('Function not found'), { name: 'ResourceNotFoundException' }), 'x'),
    undefined,
  );
});

test('the cache-only view (completion) never calls: cold reads reject, warm ones answer until the TTL ends', async () => {
  const clock = { t: 0, now: () => clock.t };
  const { reader, calls } = fakeReader();
  const cache = new CachedAccountReader(reader, { ttlMs: 60_000, clock });
  const view = cache.cachedOnly();
  await assert.rejects(view.listPublishedVersions('orders-api'), NotCachedError);
  assert.deepEqual(calls, [], 'a cold read does not call');
  await cache.listPublishedVersions('orders-api');
  assert.deepEqual(await view.listPublishedVersions('orders-api'), ['2', '1']);
  clock.t = 60_000;
  await assert.rejects(view.listPublishedVersions('orders-api'), NotCachedError);
  assert.equal(calls.length, 1);
});

test('completion offers: the alias version first for CurrentVersion, published versions but the current for TargetVersion, hooks first', async () => {
  const { reader } = fakeReader({
    listPublishedVersions: async () => ['9', '8', '7', '6'],
    listFunctions: async () => [
      { name: 'orders-api', arn: 'a' },
      { name: 'CodeDeployHook_pre', arn: 'b' },
    ],
  });
  const ctx = { functionName: 'orders-api', alias: 'live', currentVersion: '6' };
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const current = await accountOffers({ kind: 'CurrentVersion', range, ...ctx }, reader);
  assert.deepEqual(
    current.map((o) => [o.label, o.preselect ?? false]),
    [
      ['7', true],
      ['9', false],
      ['8', false],
      ['6', false],
    ],
  );
  const target = await accountOffers({ kind: 'TargetVersion', range, ...ctx }, reader);
  assert.deepEqual(
    target.map((o) => o.label),
    ['9', '8', '6'],
    'never the version alias live is on (7)',
  );
  const hooks = await accountOffers({ kind: 'Hook', range }, reader);
  assert.deepEqual(
    hooks.map((o) => o.label),
    ['CodeDeployHook_pre', 'orders-api'],
  );
});
