/** Cases each rule must stay quiet on: near misses of what it reports. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseAppSpec } from '../../../../engine/document';
import { ec2Rules } from '../../../../engine/rules/ec2';
import { lintEc2, realFs, withId } from './helpers';
import { QUIET } from './quietCases';

const H = 'version: 0.0\nos: linux\n';

for (const q of QUIET) {
  test(`${q.id} stays quiet: ${q.name}`, () => {
    const found = withId(lintEc2(q.text), q.id);
    assert.deepEqual(
      found.map((d) => `${d.range.start.line + 1}: ${d.message}`),
      [],
    );
  });
}

test('EC2 rules do not run on ECS or Lambda AppSpecs', () => {
  const ecs =
    'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 80\nHooks:\n  - BeforeInstall: fn\n';
  assert.deepEqual(
    lintEc2(ecs)
      .filter((d) => /^[EWI][2-5]\d{3}$/.test(d.ruleId))
      .map((d) => d.ruleId),
    [],
  );
});

test('odd shapes and broken YAML do not make any EC2 rule throw', () => {
  for (const text of [
    '',
    '- a\n- b\n',
    'just text',
    H + 'files: [\n',
    H + 'hooks:\n  BeforeInstall:\n    - location:\n      - [\n',
    H +
      'permissions:\n  - object:\n      nested: {a: 1}\n    mode: [1]\n    context: x\n    acls: {a: 1}\n    type: [[file]]\n',
    H + 'files:\n  - source: [a]\n    destination: {x: 1}\n  - ~\n',
    H +
      'hooks:\n  ? [a]\n  : x\n  BeforeInstall:\n    - location: [a]\n      timeout: [1]\n      runas: {}\n      sudo: [x]\n',
    '{}',
    '[]',
    '~',
  ]) {
    const doc = parseAppSpec('untitled:appspec.yml', text, 0);
    for (const rule of ec2Rules)
      assert.doesNotThrow(
        () => rule.check(doc, { fileName: 'appspec.yml', bundleRoot: '/nonexistent', fs: realFs }),
        `${rule.id} on ${JSON.stringify(text)}`,
      );
  }
});
