import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as K from '../../../engine/knowledge';
import { didYouMean, editDistance } from '../../../engine/suggest';

test('EC2 events: run order, reserved events, previous-revision events', () => {
  const names = K.EC2_EVENTS.map((e) => e.name);
  assert.deepEqual(names.slice(1, 5), ['BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic', 'ApplicationStop']);
  assert.deepEqual(
    K.EC2_EVENTS.map((e) => e.order),
    names.map((_, i) => i),
  );
  assert.deepEqual(K.reservedEventNames('ec2').sort(), [
    'AllowTraffic',
    'BlockTraffic',
    'DownloadBundle',
    'End',
    'Install',
    'Start',
  ]);
  assert.deepEqual(
    K.EC2_EVENTS.filter((e) => e.revision === 'previous').map((e) => e.name),
    ['BeforeBlockTraffic', 'AfterBlockTraffic', 'ApplicationStop'],
  );
  assert.equal(K.scriptableEventNames('ec2').length, 9);
});

test('ECS and Lambda events', () => {
  assert.deepEqual(K.scriptableEventNames('ecs'), [
    'BeforeInstall',
    'AfterInstall',
    'AfterAllowTestTraffic',
    'BeforeAllowTraffic',
    'AfterAllowTraffic',
  ]);
  assert.deepEqual(K.scriptableEventNames('lambda'), ['BeforeAllowTraffic', 'AfterAllowTraffic']);
  assert.equal(K.findEvent('ecs', 'TestTraffic')?.name, 'AllowTestTraffic');
  assert.ok(K.ECS_EVENTS.every((e) => !e.inPlace && e.blueGreen));
});

test('deployment configs: Lambda singular Every1Minute, ECS plural', () => {
  const names = K.DEPLOYMENT_CONFIGS.map((c) => c.name);
  assert.ok(names.includes('CodeDeployDefault.LambdaLinear10PercentEvery1Minute'));
  assert.ok(names.includes('CodeDeployDefault.ECSLinear10PercentEvery1Minutes'));
  const canary = K.DEPLOYMENT_CONFIGS.find((c) => c.name === 'CodeDeployDefault.LambdaCanary10Percent30Minutes')!;
  assert.deepEqual([canary.kind, canary.percent, canary.intervalMinutes], ['canary', 10, 30]);
  assert.equal(K.deploymentConfigsFor('ec2').length, 3);
});

test('didYouMean: case-insensitive first, separators, then edit distance', () => {
  assert.equal(didYouMean('afterinstall', ['AfterInstall', 'BeforeInstall']), 'AfterInstall');
  assert.equal(didYouMean('FileExistsBehavior', ['files', 'file_exists_behavior']), 'file_exists_behavior');
  assert.equal(didYouMean('AfterInstal', ['AfterInstall', 'BeforeInstall']), 'AfterInstall');
  assert.equal(didYouMean('destnation', ['source', 'destination']), 'destination');
  assert.equal(didYouMean('sourec', ['source', 'destination']), 'source');
  assert.equal(didYouMean('completely-different', ['os', 'files']), undefined);
  assert.equal(didYouMean('os', ['os']), undefined);
  assert.equal(didYouMean('', ['os']), undefined);
  assert.equal(editDistance('ab', 'ba'), 1);
  assert.equal(editDistance('kitten', 'sitting'), 3);
});
