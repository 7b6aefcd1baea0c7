import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { doc } from './helpers';

const platformOf = (text: string, name = 'appspec.yml') => doc(text, name).platform;

test('EC2: os, files, permissions, or hooks with script lists', () => {
  assert.equal(platformOf('version: 0.0\nos: linux\n').platform, 'ec2');
  assert.equal(platformOf('version: 0.0\nfiles:\n  - source: /\n    destination: /srv\n').platform, 'ec2');
  assert.equal(platformOf('version: 0.0\npermissions:\n  - object: /srv\n').platform, 'ec2');
  const hooksOnly = platformOf('version: 0.0\nhooks:\n  AfterInstall:\n    - location: a.sh\n');
  assert.equal(hooksOnly.platform, 'ec2');
  assert.match(hooksOnly.reason, /location/);
});

test('ECS: Type AWS::ECS::Service, or ECS properties, in any key case', () => {
  const ecs = platformOf('version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n');
  assert.equal(ecs.platform, 'ecs');
  assert.match(ecs.reason, /AWS::ECS::Service/);
  assert.equal(platformOf('resources:\n  - targetService:\n      type: AWS::ECS::Service\n').platform, 'ecs');
  assert.equal(
    platformOf(
      'version: 0.0\nResources:\n  - TargetService:\n      Properties:\n        TaskDefinition: <TASK_DEFINITION>\n',
    ).platform,
    'ecs',
  );
  assert.equal(platformOf('version: 0.0\nResources:\n  - TargetService: {}\n').platform, 'ecs');
});

test('Lambda: Type AWS::Lambda::Function (YAML and JSON), or Lambda properties', () => {
  assert.equal(platformOf('version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n').platform, 'lambda');
  assert.equal(
    platformOf('{"version":0.0,"Resources":[{"fn":{"Type":"AWS::Lambda::Function"}}]}', 'appspec.json').platform,
    'lambda',
  );
  assert.equal(
    platformOf(
      'version: 0.0\nResources:\n  - fn:\n      properties:\n        alias: live\n        targetversion: "2"\n',
    ).platform,
    'lambda',
  );
});

test('ECS from hooks alone when they name ECS-only events', () => {
  assert.equal(platformOf('version: 0.0\nHooks:\n  - AfterAllowTestTraffic: fn\n').platform, 'ecs');
});

test('unknown, with the reason', () => {
  const onlyVersion = platformOf('version: 0.0\n');
  assert.equal(onlyVersion.platform, 'unknown');
  assert.match(onlyVersion.reason, /only has `version`/);
  const otherType = platformOf('version: 0.0\nResources:\n  - x:\n      Type: AWS::S3::Bucket\n');
  assert.equal(otherType.platform, 'unknown');
  assert.match(otherType.reason, /AWS::S3::Bucket/);
  assert.match(platformOf('- a\n- b\n').reason, /list/);
  assert.match(platformOf('').reason, /empty/);
  const noType = platformOf('version: 0.0\nResources:\n  - thing:\n      Properties: {}\n');
  assert.equal(noType.platform, 'unknown');
  assert.match(noType.reason, /no `Type`/);
});

test('EC2 keys with the wrong case still point to EC2 (rules then explain the case)', () => {
  const p = platformOf('Version: 0.0\nOS: linux\n');
  assert.equal(p.platform, 'ec2');
  assert.match(p.reason, /different case/);
});

test('mixed document: Resources Type wins and the reason mentions the EC2 keys', () => {
  const p = platformOf('version: 0.0\nos: linux\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n');
  assert.equal(p.platform, 'ecs');
  assert.match(p.reason, /`os`/);
});

test('broken YAML: the platform is guessed from the text, and says so', () => {
  const p = platformOf('version: 0.0 os: linux\nhooks:\n  AfterInstall:\n  - location: a.sh\n');
  assert.equal(p.platform, 'ec2');
  assert.match(p.reason, /guessed from the text/);
  assert.equal(platformOf('Resources: [\n  {fn: {Type: AWS::Lambda::Function}\n').platform, 'lambda');
});
