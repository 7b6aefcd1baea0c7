import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { resourceMisindented } from '../../../../engine/rules/ecs-lambda/E8010-resource-misindented';
import { ecsResourcesShape } from '../../../../engine/rules/ecs/E6001-resources-shape';
import { fixAndRerun, line, lintAll, none, one, run } from './helpers';

const MISINDENTED = `version: 0.0
Resources:
  - orders:
    Type: AWS::Lambda::Function
    Properties:
      Name: orders
      Alias: live
      CurrentVersion: "1"
      TargetVersion: "2"
`;

test('E8010 reports a misindented resource in a file whose platform could not be told', () => {
  const f = one(resourceMisindented, MISINDENTED);
  assert.match(f.message, /indented under `orders`/);
  assert.equal(line(f), 2);
  const { fixed, after } = fixAndRerun(resourceMisindented, MISINDENTED);
  assert.deepEqual(after, []);
  // Once indented, the platform is known and the Lambda rules find nothing wrong.
  const rest = lintAll(fixed).filter((d) => d.severity === 'error' || d.severity === 'warning');
  assert.deepEqual(
    rest.map((d) => d.ruleId),
    [],
  );
});

test('E8010 is quiet on a resource without Type/Properties siblings', () => {
  none(resourceMisindented, 'version: 0.0\nResources:\n  - orders:\n');
});

test('E8010 a resource without a name line gets one (named after the Lambda function)', () => {
  const text = `version: 0.0
Resources:
  - Type: AWS::Lambda::Function
    Properties:
      Name: orders
      Alias: live
      CurrentVersion: "1"
      TargetVersion: "2"
`;
  const f = one(resourceMisindented, text);
  assert.match(f.message, /no name: write `- orders:`/);
  assert.equal(line(f), 2);
  const { fixed, after } = fixAndRerun(resourceMisindented, text);
  assert.deepEqual(after, []);
  assert.match(fixed, /\n {2}- orders:\n {6}Type: AWS::Lambda::Function\n {6}Properties:\n {8}Name: orders\n/);
  assert.deepEqual(
    lintAll(fixed)
      .filter((d) => d.severity === 'error' || d.severity === 'warning')
      .map((d) => d.ruleId),
    [],
  );
});

test('E8010 a nameless ECS resource is named TargetService (also when a second, well-formed resource sets the platform)', () => {
  const text =
    'version: 0.0\nResources:\n  - Properties:\n      TaskDefinition: <TASK_DEFINITION>\n    Type: AWS::ECS::Service\n';
  const { fixed, after } = fixAndRerun(resourceMisindented, text);
  assert.deepEqual(after, []);
  assert.match(
    fixed,
    /- TargetService:\n {6}Properties:\n {8}TaskDefinition: <TASK_DEFINITION>\n {6}Type: AWS::ECS::Service\n/,
  );
  const mixed = text + '  - TargetService:\n      Type: AWS::ECS::Service\n';
  const found = run(ecsResourcesShape, mixed);
  assert.deepEqual(
    found.map((f) => [line(f), f.message.slice(0, 40)]),
    [
      [2, 'This resource has no name: write `- Targ'],
      [5, '`Resources` has 2 entries, but a deploym'],
    ],
  );
});

test('E8010 stays quiet on other YAML with a Resources list', () => {
  none(resourceMisindented, 'Resources:\n  - name:\n    type: bucket\n    properties:\n      size: 3\n');
});
