import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { keyCase } from '../../../../engine/rules/ecs-lambda/I8005-key-case';
import { unknownKey } from '../../../../engine/rules/ecs-lambda/W8006-unknown-key';
import { ec2OnlyKey } from '../../../../engine/rules/ecs-lambda/W8007-ec2-only-key';
import { applyFix, fixAndRerun, fixture, line, none, one, parse, run } from './helpers';

const LOWER_LAMBDA = `resources:
  - orders:
      type: AWS::Lambda::Function
      properties:
        name: orders
        alias: live
        currentversion: "1"
        targetVersion: "2"
hooks:
  - BeforeAllowTraffic: CodeDeployHook_pre
`;

test('key rules are quiet on the valid fixtures', () => {
  for (const rule of [keyCase, unknownKey, ec2OnlyKey]) {
    none(rule, fixture('ecs/valid-full.yml'));
    none(rule, fixture('ecs/valid-full.json'), 'appspec.json');
    none(rule, fixture('ecs/template-pipeline.yml'));
    none(rule, fixture('lambda/valid.yml'));
    none(rule, fixture('lambda/valid.json'), 'appspec.json');
  }
});

test('I8005 suggests PascalCase for every lower/camelCase key, and the fixes clear them', () => {
  const found = run(keyCase, LOWER_LAMBDA);
  assert.deepEqual(
    found.map((f) => f.message.match(/spelling is `(\w+)`/)?.[1]),
    ['Resources', 'Hooks', 'Type', 'Properties', 'Name', 'Alias', 'CurrentVersion', 'TargetVersion'],
  );
  const current = found.find((f) => f.message.includes('CurrentVersion'))!;
  assert.match(current.message, /Key 'currentversion' works/);
  assert.equal(line(current), 6);
  let text = LOWER_LAMBDA;
  // Apply the fixes one at a time (bottom-up keeps earlier ranges valid).
  for (const f of [...found].sort((a, b) => b.range.start.line - a.range.start.line))
    text = applyFix(text, f.fixes![0]);
  assert.deepEqual(run(keyCase, text), []);
  assert.deepEqual(Object.keys(parse(text).yaml?.toJS().Resources[0].orders.Properties), [
    'Name',
    'Alias',
    'CurrentVersion',
    'TargetVersion',
  ]);
});

test('I8005 in JSON (camelCase network keys) keeps the quotes', () => {
  const json = fixture('ecs/valid-full.json').replace('"AwsvpcConfiguration"', '"awsvpcConfiguration"');
  const f = one(keyCase, json, 'appspec.json');
  assert.equal(line(f), 14);
  const { fixed, after } = fixAndRerun(keyCase, json, 'appspec.json');
  assert.deepEqual(after, []);
  assert.ok(JSON.parse(fixed).Resources[0].TargetService.Properties.NetworkConfiguration.AwsvpcConfiguration);
});

test('W8006 unknown keys with did-you-mean and "belongs under"', () => {
  const text = fixture('ecs/valid-full.yml').replace('LoadBalancerInfo:', 'LoadBalancerInfos:');
  const f = one(unknownKey, text);
  assert.match(f.message, /Unknown key 'LoadBalancerInfos' in `Properties`; did you mean `LoadBalancerInfo`\?/);
  assert.equal(line(f), 7);
  assert.deepEqual(fixAndRerun(unknownKey, text).after, []);
  const misplaced = fixture('ecs/valid-full.yml').replace(
    '        PlatformVersion: "1.4.0"\n',
    '        ContainerName: "x"\n',
  );
  const g = one(unknownKey, misplaced);
  assert.match(g.message, /`ContainerName` belongs under `Properties.LoadBalancerInfo`/);
  const top = one(unknownKey, fixture('lambda/valid.yml') + 'Description: nightly\n');
  assert.match(top.message, /at the top level; expected one of `version`, `Resources`, `Hooks`/);
  const ecsInLambda = one(
    unknownKey,
    fixture('lambda/valid.yml').replace(
      '        Alias: "live"\n',
      '        Alias: "live"\n        TaskDefinition: x\n',
    ),
  );
  assert.match(ecsInLambda.message, /'TaskDefinition' in `Properties`/);
  const json = fixture('lambda/valid.json').replace('"Alias"', '"Aliass"');
  const j = one(unknownKey, json, 'appspec.json');
  assert.equal(line(j), 8);
  assert.equal(
    JSON.parse(fixAndRerun(unknownKey, json, 'appspec.json').fixed).Resources[0].thumbnailer.Properties.Alias,
    'prod_v2',
  );
});

test('W8006 does not flag the resource name, even when Type/Properties are misindented', () => {
  none(
    unknownKey,
    'version: 0.0\nResources:\n  - TargetService:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: x\n',
  );
});

test('W8007 EC2-only keys: warning, unnecessary tag, YAML removal fix', () => {
  const text = fixture('lambda/valid.yml').replace(
    'version: 0.0\n',
    'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /srv\n',
  );
  const found = run(ec2OnlyKey, text);
  assert.deepEqual(
    found.map((f) => f.message.match(/`(\w+)`/)?.[1]),
    ['os', 'files'],
  );
  assert.match(
    found[0].message,
    /`os` is used only by EC2\/On-Premises deployments; it has no effect in a Lambda AppSpec/,
  );
  assert.equal(line(found[1]), 2);
  assert.deepEqual(found[0].tags, ['unnecessary']);
  const once = applyFix(text, found[1].fixes![0]);
  assert.deepEqual(Object.keys(parse(once).yaml?.toJS()), ['version', 'os', 'Resources', 'Hooks']);
  assert.equal(run(ec2OnlyKey, once).length, 1);
  assert.equal(run(ec2OnlyKey, applyFix(once, run(ec2OnlyKey, once)[0].fixes![0])).length, 0);
  const json = '{"version": 0.0, "permissions": [], "Resources": [{"TargetService": {"Type": "AWS::ECS::Service"}}]}';
  const j = one(ec2OnlyKey, json, 'appspec.json');
  assert.equal(j.fixes, undefined);
  assert.match(j.message, /ECS AppSpec/);
});
