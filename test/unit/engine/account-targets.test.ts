/** What the account checks read from an AppSpec, and which account-backed value a cursor is in. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { accountCompletionContext, accountTargets, parseAppSpec } from '../../../engine/index';

const lambda = [
  'version: 0.0',
  'Resources:',
  '  - fn:',
  '      Type: AWS::Lambda::Function',
  '      Properties:',
  '        name: orders-api',
  "        Alias: 'live'",
  '        CurrentVersion: "7"',
  '        TargetVersion: 8',
  'Hooks:',
  '  - BeforeAllowTraffic: CodeDeployHook_pre',
  '  - AfterAllowTraffic: <HOOK>',
  '',
].join('\n');

test('Lambda: name, alias, versions and hooks with their ranges and quoting; placeholders left out', () => {
  const t = accountTargets(parseAppSpec('file:///a/appspec.yml', lambda));
  assert.equal(t.platform, 'lambda');
  const [r] = t.lambda;
  assert.equal(r.resource, 'fn');
  assert.equal(r.name?.value, 'orders-api', 'keys are matched case-insensitively, as AWS does');
  assert.deepEqual(r.alias && { v: r.alias.value, q: r.alias.quote, line: r.alias.range.start.line }, {
    v: 'live',
    q: 'single',
    line: 6,
  });
  assert.deepEqual(r.currentVersion && [r.currentVersion.value, r.currentVersion.quote, r.currentVersion.numeric], [
    '7',
    'double',
    false,
  ]);
  assert.deepEqual(r.targetVersion && [r.targetVersion.value, r.targetVersion.numeric], ['8', true]);
  assert.deepEqual(
    t.hooks.map((h) => [h.event, h.function.value]),
    [['BeforeAllowTraffic', 'CodeDeployHook_pre']],
  );
});

test('ECS: task definition, container and port; EC2: nothing', () => {
  const ecs = accountTargets(
    parseAppSpec(
      'file:///a/appspec.yaml',
      'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: "td:3"\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 80\n',
    ),
  );
  assert.deepEqual(
    ecs.ecs.map((e) => [
      e.taskDefinition?.value,
      e.containerName?.value,
      e.containerPort?.value,
      e.containerPort?.range.start.line,
    ]),
    [['td:3', 'web', '80', 8]],
  );
  const ec2 = accountTargets(parseAppSpec('file:///a/appspec.yml', 'version: 0.0\nos: linux\n'));
  assert.deepEqual([ec2.lambda, ec2.ecs, ec2.hooks], [[], [], []]);
});

test('completion context: the value under the cursor, an empty value after the colon, nothing elsewhere', () => {
  const doc = parseAppSpec('file:///a/appspec.yml', lambda);
  const offsetOf = (needle: string, delta = 0) => lambda.indexOf(needle) + delta;
  const target = accountCompletionContext(doc, offsetOf('TargetVersion: 8', 'TargetVersion: '.length + 1));
  assert.equal(target?.kind, 'TargetVersion');
  assert.equal(target?.functionName, 'orders-api');
  assert.equal(target?.alias, 'live');
  assert.equal(target?.currentVersion, '7');
  assert.equal(accountCompletionContext(doc, offsetOf('Alias', 2)), undefined, 'on the key itself');
  assert.equal(accountCompletionContext(doc, offsetOf('CodeDeployHook_pre', 3))?.kind, 'Hook');

  const empty =
    'version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties:\n        Name: orders-api\n        Alias: \n';
  const ctx = accountCompletionContext(
    parseAppSpec('file:///a/appspec.yml', empty),
    empty.indexOf('Alias: ') + 'Alias: '.length,
  );
  assert.equal(ctx?.kind, 'Alias');
  assert.deepEqual(ctx?.range.start, ctx?.range.end, 'an empty range at the cursor');
});
