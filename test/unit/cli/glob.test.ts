import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expandBraces, globMatcher, isGlob, splitGlobBase } from '../../../server/src/cli/glob';

test('brace groups expand, nested ones too', () => {
  assert.deepEqual(expandBraces('appspec.{yml,yaml}'), ['appspec.yml', 'appspec.yaml']);
  assert.deepEqual(expandBraces('{a,b{c,d}}/x'), ['a/x', 'bc/x', 'bd/x']);
  assert.deepEqual(expandBraces('no-braces'), ['no-braces']);
  assert.deepEqual(expandBraces('open{only'), ['open{only']);
});

test('* and ? stay inside one folder; ** crosses folders', () => {
  const m = globMatcher('deploy/*/appspec.yml');
  assert.ok(m('deploy/prod/appspec.yml'));
  assert.ok(!m('deploy/prod/eu/appspec.yml'));
  const deep = globMatcher('**/appspec.{yml,yaml}');
  assert.ok(deep('appspec.yml'));
  assert.ok(deep('a/b/c/appspec.yaml'));
  assert.ok(!deep('a/b/appspec.json'));
  assert.ok(globMatcher('app?pec.yml')('appspec.yml'));
  assert.ok(!globMatcher('app?pec.yml')('app/pec.yml'));
  assert.ok(globMatcher('deploy/**')('deploy/x/y.yml'));
});

test('character classes and literal dots', () => {
  assert.ok(globMatcher('svc-[ab]/appspec.yml')('svc-a/appspec.yml'));
  assert.ok(!globMatcher('svc-[ab]/appspec.yml')('svc-c/appspec.yml'));
  assert.ok(globMatcher('svc-[!ab]/x')('svc-c/x'));
  assert.ok(!globMatcher('*.yml')('appspecxyml'));
  assert.ok(globMatcher('a+b(1).yml')('a+b(1).yml'));
});

test('the literal base folder is where walking starts', () => {
  assert.deepEqual(splitGlobBase('deploy/**/appspec.yml'), { base: 'deploy', rest: '**/appspec.yml' });
  assert.deepEqual(splitGlobBase('*.yml'), { base: '.', rest: '*.yml' });
  assert.deepEqual(splitGlobBase('/srv/apps/*/appspec.yml'), { base: '/srv/apps', rest: '*/appspec.yml' });
  assert.ok(isGlob('a/*.yml') && isGlob('a/{x,y}') && !isGlob('a/b.yml'));
});
