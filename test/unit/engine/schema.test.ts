import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { schemaFindings } from '../../../engine/schema';
import { doc, slice } from './helpers';

function findings(text: string, name = 'appspec.yml') {
  return schemaFindings(doc(text, name)).map((f) => ({ ...f, text: slice(text, f.range, name) }));
}

const ECS = (props: string) =>
  `version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n${props}`;

test('valid documents of every platform have no schema findings', () => {
  assert.deepEqual(
    findings(
      'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /srv\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 60\n      runas: root\n',
    ),
    [],
  );
  assert.deepEqual(
    findings(
      ECS(
        '        TaskDefinition: arn:aws:ecs:us-east-1:111122223333:task-definition/web:3\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 80\n',
      ),
    ),
    [],
  );
  assert.deepEqual(
    findings(
      '{"version": 0.0, "Resources": [{"fn": {"Type": "AWS::Lambda::Function", "Properties": {"Name": "f", "Alias": "live", "CurrentVersion": "1", "TargetVersion": "2"}}}]}',
      'appspec.json',
    ),
    [],
  );
});

test('unknown key: reported on the key, with did-you-mean and a rename fix', () => {
  const text = 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /srv\n    destnation: /x\n';
  const f = findings(text).find((x) => x.ruleId === 'W1104')!;
  assert.equal(f.text, 'destnation');
  assert.match(f.message, /Did you mean `destination`/);
  assert.equal(f.fixes?.[0].edits?.[0].newText, 'destination');
});

test('wrong type: reported on the value', () => {
  const text = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: [1, 2]\n';
  const f = findings(text).find((x) => x.ruleId === 'E1101')!;
  assert.equal(f.text, '[1, 2]');
  assert.match(f.message, /`timeout` must be/);
});

test('wrong type: files as a mapping', () => {
  const text = 'version: 0.0\nos: linux\nfiles:\n  source: /\n  destination: /srv\n';
  const f = findings(text).find((x) => x.ruleId === 'E1101')!;
  assert.match(f.message, /`files` must be a list/);
  assert.equal(f.range.start.line, 3);
});

test('missing required key: reported on the parent key (or the list item)', () => {
  const text = 'version: 0.0\nos: linux\npermissions:\n  - object: /srv\n    context:\n      name: u\n';
  const f = findings(text).find((x) => x.ruleId === 'E1102')!;
  assert.equal(f.text, 'context');
  assert.match(f.message, /required key `type`/);
  const item = findings('version: 0.0\nos: linux\nfiles:\n  - source: /\n').find((x) => x.ruleId === 'E1102')!;
  assert.equal(item.text, 'source');
  assert.match(item.message, /item 1 of `files`.*`destination`/i);
  const top = findings('version: 0.0\nfiles: []\n').find((x) => x.ruleId === 'E1102')!;
  assert.match(top.message, /`os`/);
  assert.equal(top.text, 'version');
});

test('enum: value range, did-you-mean and fix', () => {
  const text = 'version: 0.0\nos: Linux\nfile_exists_behavior: overwrite\n';
  const fs = findings(text).filter((x) => x.ruleId === 'E1103');
  assert.deepEqual(
    fs.map((f) => f.text),
    ['Linux', 'overwrite'],
  );
  assert.match(fs[1].message, /Did you mean `OVERWRITE`/);
  assert.equal(fs[0].fixes?.[0].edits?.[0].newText, 'linux');
});

test('ECS/Lambda: keys in any case are matched to the canonical key', () => {
  const text =
    'version: 0.0\nresources:\n  - targetService:\n      type: AWS::ECS::Service\n      properties:\n        taskDefinition: x\n        loadBalancerInfo:\n          containerName: web\n          containerPort: 80\n';
  assert.deepEqual(findings(text), []);
});

test('ECS hook event names are checked on the key', () => {
  const text = `${ECS('        TaskDefinition: x\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 80\n')}Hooks:\n  - BeforeInstal: fn\n`;
  const f = findings(text).find((x) => x.ruleId === 'E1103')!;
  assert.equal(f.text, 'BeforeInstal');
  assert.match(f.message, /Did you mean `BeforeInstall`/);
});

test('limits: Resources with two items, ContainerPort out of range', () => {
  const two =
    'version: 0.0\nResources:\n  - a:\n      Type: AWS::Lambda::Function\n      Properties: {Name: f, Alias: a, TargetVersion: "2"}\n  - b:\n      Type: AWS::Lambda::Function\n      Properties: {Name: f, Alias: a, TargetVersion: "2"}\n';
  assert.ok(findings(two).some((x) => x.ruleId === 'E1105' && /at most 1 item/.test(x.message)));
  const port = findings(
    ECS(
      '        TaskDefinition: x\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 70000\n',
    ),
  );
  assert.ok(port.some((x) => x.ruleId === 'E1105' && x.text === '70000'));
});

test('placeholders are never reported', () => {
  const text = ECS(
    '        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo:\n          ContainerName: "{{CONTAINER}}"\n          ContainerPort: ${PORT}\n        NetworkConfiguration:\n          AwsvpcConfiguration:\n            Subnets: ${SUBNETS}\n            SecurityGroups: ["<SG>"]\n            AssignPublicIp: <PUBLIC_IP>\n',
  );
  assert.deepEqual(findings(text), []);
});

test('an empty value points at the key, not at a zero-width spot', () => {
  const text = ECS('        TaskDefinition: x\n        LoadBalancerInfo:\n');
  const f = findings(text).find((x) => x.ruleId === 'E1101')!;
  assert.equal(f.text, 'LoadBalancerInfo');
});

test('a key in the wrong place says where it belongs', () => {
  const text =
    'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /srv\n    file_exists_behavior: OVERWRITE\n';
  const f = findings(text).find((x) => x.ruleId === 'W1104')!;
  assert.equal(f.text, 'file_exists_behavior');
  assert.match(f.message, /belongs at the top level/);
  const loc = findings(
    'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      destination: /x\n',
  ).find((x) => x.ruleId === 'W1104')!;
  assert.match(loc.message, /belongs in an item of `files`/);
});

test('enum values carry markdown descriptions for hover and completion', async () => {
  const ec2 = (await import('../../../schemas/ec2.schema.json')).default as {
    properties: { os: { markdownEnumDescriptions: string[]; enum: string[] } };
  };
  assert.equal(ec2.properties.os.markdownEnumDescriptions.length, ec2.properties.os.enum.length);
});

test('fixes keep JSON quoting', () => {
  const text =
    '{"version": 0.0, "Resources": [{"f": {"Type": "AWS::Lambda::Function", "Properties": {"Name": "a", "Alias": "b", "TargetVersion": "2", "currentVersoin": "1"}}}]}';
  const f = findings(text, 'appspec.json').find((x) => x.ruleId === 'W1104')!;
  assert.equal(f.fixes?.[0].edits?.[0].newText, '"CurrentVersion"');
  const ecs =
    '{"version": 0.0, "Resources": [{"TargetService": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": "x", "LoadBalancerInfo": {"ContainerName": "w", "ContainerPort": 80}, "NetworkConfiguration": {"AwsvpcConfiguration": {"Subnets": ["s"], "SecurityGroups": ["g"], "AssignPublicIp": "enabled"}}}}}]}';
  const e = findings(ecs, 'appspec.json').find((x) => x.ruleId === 'E1103')!;
  assert.equal(e.fixes?.[0].edits?.[0].newText, '"ENABLED"');
});

test('YAML merge keys (<<: *base) are merged, not reported as unknown keys', () => {
  const text =
    'version: 0.0\nos: linux\nx-defaults: &d\n  timeout: 60\n  runas: root\nhooks:\n  AfterInstall:\n    - <<: *d\n      location: a.sh\n';
  const fs = findings(text);
  assert.deepEqual(
    fs.map((f) => f.text),
    ['x-defaults'],
  );
});
