/** Redeploying Lambda AppSpec content: where the alias points decides whether the same versions can go again. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkLambdaRedeploy, lambdaResource, withVersions } from '../../../client/src/deploy/redeployLambda';

const YAML = `version: 0.0
Resources:
  - myFunction:
      Type: AWS::Lambda::Function
      Properties:
        Name: orders-api
        Alias: live
        CurrentVersion: "8"
        TargetVersion: "9"
Hooks:
  - BeforeAllowTraffic: check
`;

test('reads the Lambda resource of YAML and JSON content; other content is not one', () => {
  assert.deepEqual(lambdaResource(YAML), { functionName: 'orders-api', alias: 'live', current: '8', target: '9' });
  const json = JSON.stringify({
    version: 0.0,
    Resources: [
      {
        fn: {
          Type: 'AWS::Lambda::Function',
          Properties: { Name: 'f', Alias: 'a', CurrentVersion: 1, TargetVersion: '2' },
        },
      },
    ],
  });
  assert.deepEqual(lambdaResource(json), { functionName: 'f', alias: 'a', current: '1', target: '2' });
  assert.equal(lambdaResource('version: 0.0\nos: linux\n'), undefined);
  assert.equal(lambdaResource('{ not yaml: ['), undefined);
});

test('the alias decides: at CurrentVersion ok, at TargetVersion the same deployment again, elsewhere stale', () => {
  const r = lambdaResource(YAML)!;
  assert.deepEqual(checkLambdaRedeploy(r, '8'), { kind: 'ok' });
  assert.deepEqual(checkLambdaRedeploy(r, '9'), { kind: 'aliasAtTarget', aliasNow: '9' });
  assert.deepEqual(checkLambdaRedeploy(r, '7'), { kind: 'aliasElsewhere', aliasNow: '7' });
  assert.deepEqual(checkLambdaRedeploy(r, undefined), { kind: 'unknown' });
});

test('versions are rewritten in place: YAML keeps its other lines, JSON stays JSON', () => {
  const swapped = withVersions(YAML, '9', '8');
  assert.deepEqual(lambdaResource(swapped), { functionName: 'orders-api', alias: 'live', current: '9', target: '8' });
  assert.match(swapped, /CurrentVersion: "9"\n\s+TargetVersion: "8"/);
  assert.match(swapped, /- BeforeAllowTraffic: check/);
  const json = JSON.stringify({
    Resources: [{ fn: { Properties: { Name: 'f', Alias: 'a', CurrentVersion: '1', TargetVersion: '2' } } }],
  });
  const out = withVersions(json, '2', '3');
  assert.deepEqual(JSON.parse(out).Resources[0].fn.Properties, {
    Name: 'f',
    Alias: 'a',
    CurrentVersion: '2',
    TargetVersion: '3',
  });
});
