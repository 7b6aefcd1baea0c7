import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ecsTaskDefinitionFormat } from '../../../../engine/rules/ecs/W6005-task-definition-format';
import { ecsLoadBalancerInfoMissing } from '../../../../engine/rules/ecs/E6006-load-balancer-info-missing';
import { ecsContainerPort } from '../../../../engine/rules/ecs/E6007-container-port';
import { ecsNetworkConfigurationIncomplete } from '../../../../engine/rules/ecs/E6008-network-configuration-incomplete';
import { ecsAssignPublicIp } from '../../../../engine/rules/ecs/E6009-assign-public-ip';
import { ecsNetworkLists } from '../../../../engine/rules/ecs/E6010-network-lists';
import { ecsCapacityProviderStrategy } from '../../../../engine/rules/ecs/E6011-capacity-provider-strategy';
import { ecsCapacityProviderMissing } from '../../../../engine/rules/ecs/W6012-capacity-provider-missing';
import { ecsPlatformVersion } from '../../../../engine/rules/ecs/I6013-platform-version';
import { ecsContainerName } from '../../../../engine/rules/ecs/E6015-container-name';
import { ecsNetworkIdFormat } from '../../../../engine/rules/ecs/W6016-network-id-format';
import { ecsTaskDefinitionArnMalformed } from '../../../../engine/rules/ecs/E6017-task-definition-arn-malformed';
import { ecsTaskDefinitionPlaceholder } from '../../../../engine/rules/ecs/I6018-task-definition-placeholder';
import { ecsContainerPortString } from '../../../../engine/rules/ecs/W6020-container-port-string';
import { fixAndRerun, fixture, line, none, one, run } from './helpers';

/** An ECS AppSpec whose Properties are `extra` (indented 8) after TaskDefinition. */
function ecs(props: string, td = '"arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"'): string {
  return `version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: ${td}\n${props}`;
}
const LBI = '        LoadBalancerInfo:\n          ContainerName: "web"\n          ContainerPort: 80\n';
const NET = (body: string) => `        NetworkConfiguration:\n          AwsvpcConfiguration:\n${body}`;
const FULL_NET =
  '            Subnets: ["subnet-0a1b2c3d"]\n            SecurityGroups: ["sg-0a1b2c3d"]\n            AssignPublicIp: DISABLED\n';

test('all ECS property rules are quiet on the valid fixtures', () => {
  const rules = [
    ecsTaskDefinitionFormat,
    ecsLoadBalancerInfoMissing,
    ecsContainerPort,
    ecsNetworkConfigurationIncomplete,
    ecsAssignPublicIp,
    ecsNetworkLists,
    ecsCapacityProviderStrategy,
    ecsCapacityProviderMissing,
    ecsPlatformVersion,
    ecsContainerName,
    ecsNetworkIdFormat,
  ];
  for (const rule of rules) {
    none(rule, fixture('ecs/valid-full.yml'));
    none(rule, fixture('ecs/valid-full.json'), 'appspec.json');
    none(rule, fixture('ecs/template-pipeline.yml'));
  }
});

test('W6005 quiet on ARNs and placeholders', () => {
  none(ecsTaskDefinitionFormat, ecs(LBI));
  none(ecsTaskDefinitionFormat, ecs(LBI, '<TASK_DEFINITION>'));
  none(ecsTaskDefinitionFormat, ecs(LBI, '"${TASK_DEF_ARN}"'));
  none(ecsTaskDefinitionFormat, ecs(LBI, '"{{ task_definition }}"'));
  none(ecsTaskDefinitionFormat, ecs(LBI, 'arn:aws-cn:ecs:cn-north-1:111122223333:task-definition/web_app-2:15'));
});

test('W6005 names the kind of mistake', () => {
  const cases: [string, RegExp][] = [
    ['taskdef.json', /file path/],
    ['web-task', /bare family name/],
    ['web-task:4', /`family:revision`/],
    ['arn:aws:iam::111122223333:role/deploy', /the ARN of a `role` in `iam`, not of an ECS task definition/],
    ['arn:aws:ecs:us-east-1:111122223333:task-definition/web', /no revision/],
  ];
  for (const [value, re] of cases) {
    const f = one(ecsTaskDefinitionFormat, ecs(LBI, value));
    assert.match(f.message, re, value);
    assert.equal(line(f), 5);
    none(ecsTaskDefinitionArnMalformed, ecs(LBI, value));
  }
});

test('E6017 a task definition ARN with a broken field is an error that names the field; W6005 stays quiet', () => {
  const cases: [string, RegExp][] = [
    ['arn:aws:ecs:us-east-1::task-definition/web:3', /the account field is empty/],
    ['arn:aws:ecs:us-east-1:1234:task-definition/web:1', /the account `1234` is not 12 digits/],
    ['arn:aws:ecs::111122223333:task-definition/web:1', /the region field is empty/],
    ['arn:aws:ecs:us-east-1:task-definition/web:3', /4 colon-separated fields before `task-definition\/`/],
    ['arn:aws:ecs:us-east-1:111122223333:task-definition/web:latest', /the revision `latest` is not a positive number/],
  ];
  for (const [value, re] of cases) {
    const f = one(ecsTaskDefinitionArnMalformed, ecs(LBI, value));
    assert.match(f.message, re, value);
    assert.doesNotMatch(f.message, /ecs service/i, value);
    assert.equal(line(f), 5);
    none(ecsTaskDefinitionFormat, ecs(LBI, value));
  }
  none(ecsTaskDefinitionArnMalformed, ecs(LBI));
  none(ecsTaskDefinitionArnMalformed, ecs(LBI, 'arn:aws-cn:ecs:cn-north-1:111122223333:task-definition/web_app-2:15'));
  const json = fixture('ecs/valid-full.json').replace(/"arn:aws:ecs:([a-z0-9-]+):\d{12}:/, '"arn:aws:ecs:$1::');
  assert.equal(line(one(ecsTaskDefinitionArnMalformed, json, 'appspec.json')), 7);
});

test('I6018 an upper-case TaskDefinition token is a placeholder (information)', () => {
  const f = one(ecsTaskDefinitionPlaceholder, ecs(LBI, 'TASK_DEFINITION_ARN_PLACEHOLDER'));
  assert.match(f.message, /looks like a placeholder/);
  none(ecsTaskDefinitionFormat, ecs(LBI, 'TASK_DEFINITION_ARN_PLACEHOLDER'));
  none(ecsTaskDefinitionPlaceholder, ecs(LBI, 'web-task'));
});

test('W6005 in JSON', () => {
  const json = fixture('ecs/valid-full.json').replace(/"arn:aws:ecs:[^"]+"/, '"checkout"');
  const f = one(ecsTaskDefinitionFormat, json, 'appspec.json');
  assert.match(f.message, /'checkout' is a bare family name/);
  assert.equal(line(f), 7);
});

test('E6006 fires on missing LoadBalancerInfo and on a missing ContainerPort (with fix)', () => {
  none(ecsLoadBalancerInfoMissing, ecs(LBI));
  const f = one(ecsLoadBalancerInfoMissing, ecs(''));
  assert.match(f.message, /no `LoadBalancerInfo`/);
  assert.equal(line(f), 4);
  const text = ecs('        LoadBalancerInfo:\n          ContainerName: "web"\n');
  const g = one(ecsLoadBalancerInfoMissing, text);
  assert.match(g.message, /no `ContainerPort`/);
  assert.equal(line(g), 6);
  const { fixed, after } = fixAndRerun(ecsLoadBalancerInfoMissing, text);
  assert.deepEqual(after, []);
  assert.match(fixed, /\n {10}ContainerPort: 80/);
});

test('E6006 fills an empty LoadBalancerInfo, and works in JSON', () => {
  const text = ecs('        LoadBalancerInfo:\n');
  const f = one(ecsLoadBalancerInfoMissing, text);
  assert.match(f.message, /is empty/);
  const first = fixAndRerun(ecsLoadBalancerInfoMissing, text);
  // After adding ContainerName, ContainerPort is still missing: one more finding with its own fix.
  assert.equal(first.after.length, 1);
  assert.match(first.after[0].message, /no `ContainerPort`/);
  const second = fixAndRerun(ecsLoadBalancerInfoMissing, first.fixed);
  assert.deepEqual(second.after, []);
  const json =
    '{"Resources": [{"TargetService": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": "<TASK_DEFINITION>", "LoadBalancerInfo": {"ContainerPort": 80}}}}]}';
  const g = one(ecsLoadBalancerInfoMissing, json, 'appspec.json');
  assert.match(g.message, /no `ContainerName`/);
  const r = fixAndRerun(ecsLoadBalancerInfoMissing, json, 'appspec.json');
  assert.deepEqual(r.after, []);
  assert.equal(
    JSON.parse(r.fixed).Resources[0].TargetService.Properties.LoadBalancerInfo.ContainerName,
    '<CONTAINER_NAME>',
  );
});

test('E6007 ContainerPort: numbers pass, a quoted number is W6020 (with fix), others are errors', () => {
  none(ecsContainerPort, ecs(LBI));
  none(ecsContainerPort, ecs(LBI.replace('80', '<CONTAINER_PORT>')));
  const quoted = ecs(LBI.replace('80', '"8080"'));
  none(ecsContainerPort, quoted);
  const w = one(ecsContainerPortString, quoted);
  assert.match(w.message, /string '8080'/);
  assert.equal(line(w), 8);
  const { fixed, after } = fixAndRerun(ecsContainerPortString, quoted);
  assert.deepEqual(after, []);
  assert.match(fixed, /ContainerPort: 8080\n/);
  none(ecsContainerPortString, ecs(LBI));
  for (const bad of ['0', '70000', '80.5', 'http', '[80]', '"70000"']) {
    const e = one(ecsContainerPort, ecs(LBI.replace('80', bad)));
    assert.match(e.message, /port/);
    none(ecsContainerPortString, ecs(LBI.replace('80', bad)));
  }
});

test('W6020 in JSON: "443" warns and the fix unquotes it', () => {
  const json = fixture('ecs/valid-full.json').replace('"ContainerPort": 443', '"ContainerPort": "443"');
  const w = one(ecsContainerPortString, json, 'appspec.json');
  assert.equal(line(w), 10);
  const { fixed, after } = fixAndRerun(ecsContainerPortString, json, 'appspec.json');
  assert.deepEqual(after, []);
  assert.equal(JSON.parse(fixed).Resources[0].TargetService.Properties.LoadBalancerInfo.ContainerPort, 443);
});

test('E6008 all-or-none network configuration', () => {
  none(ecsNetworkConfigurationIncomplete, ecs(LBI + NET(FULL_NET)));
  const f = one(ecsNetworkConfigurationIncomplete, ecs(LBI + NET('            Subnets: ["subnet-1"]\n')));
  assert.match(f.message, /missing `SecurityGroups` and `AssignPublicIp`/);
  assert.equal(line(f), 10);
  const g = one(
    ecsNetworkConfigurationIncomplete,
    ecs(LBI + '        NetworkConfiguration:\n          Subnets: ["subnet-1"]\n'),
  );
  assert.match(g.message, /no `AwsvpcConfiguration`/);
  assert.equal(line(g), 9);
  const h = one(ecsNetworkConfigurationIncomplete, ecs(LBI + '        NetworkConfiguration:\n'));
  assert.match(h.message, /empty/);
});

test('E6009 AssignPublicIp values, with case fix', () => {
  none(ecsAssignPublicIp, ecs(LBI + NET(FULL_NET)));
  const text = ecs(LBI + NET(FULL_NET.replace('DISABLED', 'disabled')));
  const f = one(ecsAssignPublicIp, text);
  assert.match(f.message, /'disabled'.*did you mean `DISABLED`/);
  assert.equal(line(f), 13);
  assert.equal(f.fixes?.[0].isPreferred, true);
  assert.deepEqual(fixAndRerun(ecsAssignPublicIp, text).after, []);
  const b = one(ecsAssignPublicIp, ecs(LBI + NET(FULL_NET.replace('DISABLED', 'true'))));
  assert.match(b.message, /did you mean `ENABLED`/);
  assert.deepEqual(fixAndRerun(ecsAssignPublicIp, ecs(LBI + NET(FULL_NET.replace('DISABLED', 'true')))).after, []);
  const c = one(ecsAssignPublicIp, ecs(LBI + NET(FULL_NET.replace('DISABLED', 'PUBLIC'))));
  assert.equal(c.fixes, undefined);
});

test('E6010 Subnets/SecurityGroups lists, limits and the split fix', () => {
  none(ecsNetworkLists, ecs(LBI + NET(FULL_NET)));
  const text = ecs(LBI + NET(FULL_NET.replace('["subnet-0a1b2c3d"]', 'subnet-1, subnet-2')));
  const f = one(ecsNetworkLists, text);
  assert.match(f.message, /must be a list of subnet IDs/);
  assert.equal(line(f), 11);
  const { fixed, after } = fixAndRerun(ecsNetworkLists, text);
  assert.deepEqual(after, []);
  assert.match(fixed, /Subnets: \["subnet-1", "subnet-2"\]/);
  const six = JSON.stringify(['sg-1', 'sg-2', 'sg-3', 'sg-4', 'sg-5', 'sg-6']);
  const g = one(ecsNetworkLists, ecs(LBI + NET(FULL_NET.replace('["sg-0a1b2c3d"]', six))));
  assert.match(g.message, /6 security groups; ECS allows at most 5/);
  const h = one(ecsNetworkLists, ecs(LBI + NET(FULL_NET.replace('["sg-0a1b2c3d"]', '[]'))));
  assert.match(h.message, /empty/);
  const i = one(ecsNetworkLists, ecs(LBI + NET(FULL_NET.replace('["sg-0a1b2c3d"]', '["sg-1", ""]'))));
  assert.match(i.message, /non-empty security group ID/);
});

test('E6011 capacity provider strategy numbers', () => {
  const cps = (items: string) => ecs(LBI + '        CapacityProviderStrategy:\n' + items);
  none(
    ecsCapacityProviderStrategy,
    cps(
      '          - CapacityProvider: FARGATE\n            Base: 1\n            Weight: 1\n          - CapacityProvider: FARGATE_SPOT\n            Base: 0\n            Weight: 2\n',
    ),
  );
  none(ecsCapacityProviderStrategy, cps('          - CapacityProvider: FARGATE\n'));
  const two = one(
    ecsCapacityProviderStrategy,
    cps(
      '          - CapacityProvider: FARGATE\n            Base: 1\n            Weight: 1\n          - CapacityProvider: FARGATE_SPOT\n            Base: 2\n',
    ),
  );
  assert.match(two.message, /Only one capacity provider/);
  assert.equal(line(two), 14);
  const zero = one(
    ecsCapacityProviderStrategy,
    cps('          - CapacityProvider: FARGATE\n            Weight: 0\n          - CapacityProvider: FARGATE_SPOT\n'),
  );
  assert.match(zero.message, /`Weight` 0/);
  assert.equal(line(zero), 9);
  const big = one(
    ecsCapacityProviderStrategy,
    cps('          - CapacityProvider: FARGATE\n            Weight: 1001\n'),
  );
  assert.match(big.message, /`Weight` '1001' must be a whole number from 0 to 1000/);
  const neg = one(ecsCapacityProviderStrategy, cps('          - CapacityProvider: FARGATE\n            Base: -1\n'));
  assert.match(neg.message, /`Base`/);
  const map = one(ecsCapacityProviderStrategy, cps('          CapacityProvider: FARGATE\n'));
  assert.match(map.message, /must be a list/);
});

test('W6012 item without CapacityProvider, with insert fix', () => {
  const text = ecs(LBI + '        CapacityProviderStrategy:\n          - Base: 1\n            Weight: 1\n');
  const f = one(ecsCapacityProviderMissing, text);
  assert.match(f.message, /no `CapacityProvider`/);
  assert.equal(line(f), 10);
  const { after, fixed } = fixAndRerun(ecsCapacityProviderMissing, text);
  assert.deepEqual(after, []);
  assert.match(fixed, /\n {12}CapacityProvider: "FARGATE"/);
  none(
    ecsCapacityProviderMissing,
    ecs(LBI + '        CapacityProviderStrategy:\n          - CapacityProvider: FARGATE\n'),
  );
});

test('I6013 PlatformVersion hint', () => {
  none(ecsPlatformVersion, ecs(LBI + '        PlatformVersion: LATEST\n'));
  none(ecsPlatformVersion, ecs(LBI + '        PlatformVersion: 1.4.0\n'));
  const f = one(ecsPlatformVersion, ecs(LBI + '        PlatformVersion: 1.4\n'));
  assert.match(f.message, /'1.4' is not a Fargate platform version/);
  assert.equal(line(f), 9);
  const text = ecs(LBI + '        PlatformVersion: latest\n');
  assert.deepEqual(fixAndRerun(ecsPlatformVersion, text).after, []);
  assert.equal(run(ecsPlatformVersion, text)[0].ruleId, 'I6013');
});

test('E6015 ContainerName must be a container name', () => {
  none(ecsContainerName, ecs(LBI));
  none(ecsContainerName, ecs(LBI.replace('"web"', '<CONTAINER_NAME>')));
  const f = one(ecsContainerName, ecs(LBI.replace('"web"', '"spring-petclinic-2.6.0-SNAPSHOT.jar"')));
  assert.match(f.message, /not a valid ECS container name.*image or file name/);
  assert.equal(line(f), 7);
  const json = fixture('ecs/valid-full.json').replace('"checkout-web"', '"nginx:1.27"');
  assert.equal(line(one(ecsContainerName, json, 'appspec.json')), 9);
});

test('W6016 subnet and security group IDs', () => {
  none(ecsNetworkIdFormat, ecs(LBI + NET(FULL_NET)));
  none(ecsNetworkIdFormat, ecs(LBI + NET(FULL_NET.replace('["subnet-0a1b2c3d"]', '[PRIVATE_SUBNET_A, "<SUBNET>"]'))));
  const f = one(ecsNetworkIdFormat, ecs(LBI + NET(FULL_NET.replace('["sg-0a1b2c3d"]', '["web-servers"]'))));
  assert.match(f.message, /'web-servers' in `SecurityGroups` does not look like a security group ID \(`sg-…`\)/);
  assert.equal(line(f), 12);
});

test('W6016 wants the whole ID shape: subnet-/sg- and 8 or 17 hex digits', () => {
  for (const id of ['subnet-0123456789abcdef0', 'subnet-0a1b2c3d', 'subnet-xxxxxxxx', 'subnet-placeholder-1']) {
    none(ecsNetworkIdFormat, ecs(LBI + NET(FULL_NET.replace('"subnet-0a1b2c3d"', `"${id}"`))));
    none(ecsNetworkLists, ecs(LBI + NET(FULL_NET.replace('"subnet-0a1b2c3d"', `"${id}"`))));
  }
  for (const id of ['subnet-1', 'subnet-0A1B2C3D', 'subnet-0123456789']) {
    const f = one(ecsNetworkIdFormat, ecs(LBI + NET(FULL_NET.replace('"subnet-0a1b2c3d"', `"${id}"`))));
    assert.match(f.message, /not a whole subnet ID/, id);
    none(ecsNetworkLists, ecs(LBI + NET(FULL_NET.replace('"subnet-0a1b2c3d"', `"${id}"`))));
  }
});

test('E6010 an ID with an availability zone (or anything) pasted after it, or with spaces, is an error with a fix', () => {
  const pasted = ecs(LBI + NET(FULL_NET.replace('"subnet-0a1b2c3d"', '"subnet-04f68f28589ae0ec2 - us-east-1a"')));
  const f = one(ecsNetworkLists, pasted);
  assert.match(f.message, /not one subnet ID: the text after `subnet-04f68f28589ae0ec2`/);
  assert.equal(line(f), 11);
  none(ecsNetworkIdFormat, pasted);
  const { fixed, after } = fixAndRerun(ecsNetworkLists, pasted);
  assert.deepEqual(after, []);
  assert.match(fixed, /Subnets: \["subnet-04f68f28589ae0ec2"\]/);
  const spaced = ecs(LBI + NET(FULL_NET.replace('"sg-0a1b2c3d"', '"web servers"')));
  assert.match(one(ecsNetworkLists, spaced).message, /contains spaces/);
  none(ecsNetworkIdFormat, spaced);
  const json = fixture('ecs/valid-full.json');
  const m = /"(subnet-[0-9a-f]+)"/.exec(json);
  assert.ok(m, 'the JSON fixture lists a subnet');
  const jsonPasted = json.replace(`"${m[1]}"`, `"${m[1]},subnet-0a1b2c3d"`);
  assert.match(one(ecsNetworkLists, jsonPasted, 'appspec.json').message, /not one subnet ID/);
});
