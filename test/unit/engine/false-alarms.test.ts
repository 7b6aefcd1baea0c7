/**
 * False alarms found on unseen real AppSpec files, each with a case that used to misfire and one
 * that must still fire. The policy under test: no error on a valid file or an unfilled template;
 * a real mistake is still flagged (a warning counts as flagged).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Diagnosis } from '../../../server/src/engine/types';
import { run } from './helpers';

const errors = (found: Diagnosis[]) => found.filter((d) => d.severity === 'error');
const show = (found: Diagnosis[]) =>
  found.map((d) => `${d.range.start.line + 1} ${d.severity} ${d.ruleId} ${d.message}`).join('\n');
const onLine = (found: Diagnosis[], line: number) => found.filter((d) => d.range.start.line + 1 === line);

const ECS = (props: string, tail = '') =>
  `version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n${props}${tail}`;
const ECS_OK =
  '        TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"\n' +
  '        LoadBalancerInfo:\n          ContainerName: "web"\n          ContainerPort: 80\n';
const LAMBDA = (props: string, tail = '') =>
  `version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties:\n${props}${tail}`;
const LAMBDA_OK =
  '        Name: "fn"\n        Alias: "live"\n        CurrentVersion: "1"\n        TargetVersion: "2"\n';
const EC2 = (body: string) => `version: 0.0\nos: linux\n${body}`;

// 1. Empty `Hooks:` in ECS/Lambda.

test('1: an empty `Hooks:` (entries commented out) is not an error on ECS or Lambda', () => {
  const ecs = run(ECS(ECS_OK, 'Hooks:\n#  - BeforeInstall: "CheckFn"\n'));
  assert.deepEqual(errors(ecs), [], show(ecs));
  const lambda = run(LAMBDA(LAMBDA_OK, 'Hooks:\n'));
  assert.deepEqual(errors(lambda), [], show(lambda));
});

test('1: `Hooks` holding a number is still an error', () => {
  const found = run(LAMBDA(LAMBDA_OK, 'Hooks: 5\n'));
  assert.ok(
    errors(found).some((d) => d.range.start.line + 1 === 10),
    show(found),
  );
});

// 2. Leading-zero names with 8 or 9 on EC2.

test('2: `source: 00010358` is a folder name on EC2, not the number 10358', () => {
  const found = run(EC2('files:\n  - source: 00010358\n    destination: /srv/app\n'));
  assert.deepEqual(errors(found), [], show(found));
});

test('2: a leading-zero number of digits 0-7 stays a number (`source: 0644` is still an error)', () => {
  const found = run(EC2('files:\n  - source: 0644\n    destination: /srv/app\n'));
  assert.ok(
    errors(found).some((d) => d.ruleId === 'E1101' && /number 644/.test(d.message)),
    show(found),
  );
});
