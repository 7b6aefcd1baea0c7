import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ecsResourcesShape } from '../../../../engine/rules/ecs/E6001-resources-shape';
import { ecsResourceName } from '../../../../engine/rules/ecs/W6002-resource-name';
import { ecsResourceType } from '../../../../engine/rules/ecs/E6003-resource-type';
import { ecsTaskDefinitionMissing } from '../../../../engine/rules/ecs/E6004-task-definition-missing';
import { ecsResourceNameCase } from '../../../../engine/rules/ecs/I6019-resource-name-case';
import { fixAndRerun, line, none, one, run } from './helpers';

const ECS = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 80
`;

test('E6001 quiet on one well-formed resource (YAML and JSON)', () => {
  none(ecsResourcesShape, ECS);
  none(
    ecsResourcesShape,
    '{"version": 0.0, "Resources": [{"TargetService": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": "<TASK_DEFINITION>"}}}]}',
    'appspec.json',
  );
});

test('E6001 fires on two resources', () => {
  const text =
    ECS + `  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: x\n`;
  const f = one(ecsResourcesShape, text);
  assert.match(f.message, /2 entries/);
  assert.equal(line(f), 9);
});

test('E6001 fires on two resources in JSON', () => {
  const svc = '{"TargetService": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": "<TASK_DEFINITION>"}}}';
  const f = one(ecsResourcesShape, `{\n"version": 0.0,\n"Resources": [\n${svc},\n${svc}\n]}`, 'appspec.json');
  assert.match(f.message, /one ECS service/);
  assert.equal(line(f), 4);
});

test('E6001 mapping fix makes a one-item list (YAML and JSON); other rules still see the resource', () => {
  const text =
    'version: 0.0\nResources:\n  TargetService:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: x\n';
  assert.equal(run(ecsTaskDefinitionMissing, text).length, 0);
  assert.equal(run(ecsResourceType, text.replace('AWS::ECS::Service', 'AWS::ECS::service')).length, 1);
  const { fixed, after } = fixAndRerun(ecsResourcesShape, text);
  assert.deepEqual(after, []);
  assert.equal(
    fixed,
    'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: x\n',
  );
  const json =
    '{"Resources": {"TargetService": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": "<TASK_DEFINITION>"}}}}';
  const r = fixAndRerun(ecsResourcesShape, json, 'appspec.json');
  assert.deepEqual(r.after, []);
  assert.equal(JSON.parse(r.fixed).Resources.length, 1);
});

test('E6001 fires when Resources is a mapping, not a list', () => {
  const f = one(ecsResourcesShape, 'version: 0.0\nResources:\n  TargetService:\n    Type: AWS::ECS::Service\n');
  assert.match(f.message, /must be a list/);
  assert.equal(line(f), 1);
});

test('E6001 fires when Type/Properties are not indented under TargetService', () => {
  const f = one(
    ecsResourcesShape,
    'version: 0.0\nResources:\n  - TargetService:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: x\n',
  );
  assert.match(f.message, /indented under `TargetService`/);
  assert.equal(line(f), 2);
});

test('E6001 misindent fix nests Type and Properties under the name', () => {
  const text =
    'version: 0.0\nResources:\n  - TargetService:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: x\n\n      # comment\nHooks: []\n';
  const { fixed, after } = fixAndRerun(ecsResourcesShape, text);
  assert.deepEqual(after, []);
  assert.equal(
    fixed,
    text
      .replace('    Type', '      Type')
      .replace('    Properties', '      Properties')
      .replace('      TaskDefinition', '        TaskDefinition')
      .replace('      # comment', '        # comment'),
  );
});

test('E6001 fires when Resources is missing (platform told by ECS hook events)', () => {
  const f = one(ecsResourcesShape, 'version: 0.0\nHooks:\n  - AfterAllowTestTraffic: CodeDeployHook_x\n');
  assert.match(f.message, /needs a `Resources` list/);
  assert.equal(line(f), 0);
});

test('W6002 quiet on TargetService, fires on TargetServices with a rename fix', () => {
  none(ecsResourceName, ECS);
  const text = ECS.replace('TargetService:', 'TargetServices:');
  const f = one(ecsResourceName, text);
  assert.match(f.message, /'TargetServices'.*`TargetService`/);
  assert.equal(line(f), 2);
  const { after } = fixAndRerun(ecsResourceName, text);
  assert.deepEqual(after, []);
});

test('a case difference in the resource name is I6019, not W6002', () => {
  const text = ECS.replace('TargetService:', 'targetService:');
  none(ecsResourceName, text);
  const f = one(ecsResourceNameCase, text);
  assert.match(f.message, /only in case/);
  assert.deepEqual(fixAndRerun(ecsResourceNameCase, text).after, []);
  none(ecsResourceNameCase, ECS);
  none(ecsResourceNameCase, ECS.replace('TargetService:', 'TargetServices:'));
});

test('E6003 quiet on AWS::ECS::Service, fires on a miscased type with a fix', () => {
  none(ecsResourceType, ECS);
  const text = ECS.replace('AWS::ECS::Service', 'AWS::ECS::service');
  const f = one(ecsResourceType, text);
  assert.match(f.message, /did you mean `AWS::ECS::Service`/);
  assert.equal(line(f), 3);
  assert.equal(f.fixes?.[0].isPreferred, true);
  assert.deepEqual(fixAndRerun(ecsResourceType, text).after, []);
});

test('E6003 fires on a missing Type and inserts it (YAML and JSON)', () => {
  const text = ECS.replace('      Type: AWS::ECS::Service\n', '');
  const f = one(ecsResourceType, text);
  assert.match(f.message, /no `Type`/);
  assert.equal(line(f), 2);
  const { fixed, after } = fixAndRerun(ecsResourceType, text);
  assert.deepEqual(after, []);
  assert.match(fixed, /\n {6}Type: AWS::ECS::Service\n/);
  const json = '{"Resources": [{"TargetService": {\n  "Properties": {"TaskDefinition": "<TASK_DEFINITION>"}\n}}]}';
  const r = fixAndRerun(ecsResourceType, json, 'appspec.json');
  assert.deepEqual(r.after, []);
  assert.deepEqual(JSON.parse(r.fixed).Resources[0].TargetService.Type, 'AWS::ECS::Service');
});

test('E6003 fires on a Lambda type in an ECS file', () => {
  const text = ECS + `Hooks:\n  - AfterAllowTestTraffic: fn\n`;
  // The first resource decides the platform; a second Lambda-typed one is mixed.
  const mixed = text.replace('Hooks:', '  - Fn:\n      Type: AWS::Lambda::Function\nHooks:');
  const found = run(ecsResourceType, mixed);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /one platform per AppSpec/);
});

test('E6004 quiet with TaskDefinition, fires without it and inserts the placeholder', () => {
  none(ecsTaskDefinitionMissing, ECS);
  const text = ECS.replace(/ {8}TaskDefinition:.*\n/, '');
  const f = one(ecsTaskDefinitionMissing, text);
  assert.match(f.message, /no `TaskDefinition`/);
  assert.equal(line(f), 4);
  const { fixed, after } = fixAndRerun(ecsTaskDefinitionMissing, text);
  assert.deepEqual(after, []);
  assert.match(fixed, /TaskDefinition: "<TASK_DEFINITION>"/);
});

test('E6004 fires on an empty TaskDefinition and on missing Properties', () => {
  const f = one(ecsTaskDefinitionMissing, ECS.replace(/TaskDefinition: .*/, 'TaskDefinition: ""'));
  assert.match(f.message, /empty/);
  assert.equal(line(f), 5);
  const g = one(
    ecsTaskDefinitionMissing,
    'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n',
  );
  assert.match(g.message, /no `Properties`/);
  assert.equal(line(g), 2);
});

test('E6004 in JSON: missing TaskDefinition inserted into a multi-line object', () => {
  const json = `{
  "Resources": [{
    "TargetService": {
      "Type": "AWS::ECS::Service",
      "Properties": {
        "LoadBalancerInfo": {"ContainerName": "a", "ContainerPort": 80}
      }
    }
  }]
}`;
  const f = one(ecsTaskDefinitionMissing, json, 'appspec.json');
  assert.equal(line(f), 4);
  const { fixed, after } = fixAndRerun(ecsTaskDefinitionMissing, json, 'appspec.json');
  assert.deepEqual(after, []);
  assert.equal(JSON.parse(fixed).Resources[0].TargetService.Properties.TaskDefinition, '<TASK_DEFINITION>');
});
