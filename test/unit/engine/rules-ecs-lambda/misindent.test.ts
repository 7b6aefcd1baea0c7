import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { resourceMisindented } from '../../../../server/src/engine/rules/ecs/E8010-resource-misindented';
import { fixAndRerun, line, lintAll, none, one } from './helpers';

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
