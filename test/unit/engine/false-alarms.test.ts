/**
 * False alarms found on unseen real AppSpec files, each with a case that used to misfire and one
 * that must still fire. The policy under test: no error on a valid file or an unfilled template;
 * a real mistake is still flagged (a warning counts as flagged).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { hasPlaceholder, isBracePlaceholder } from '../../../engine/ast';
import { PLACEHOLDER_NOTE } from '../../../engine/subject';
import type { Diagnosis } from '../../../engine/types';
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

// 3. Blank values in unedited templates: warnings, message unchanged.

test('3: blank ECS values (TaskDefinition, ContainerPort, Subnets, AssignPublicIp) are warnings', () => {
  const text = ECS(
    '        TaskDefinition: ""\n        LoadBalancerInfo:\n          ContainerName: "web"\n          ContainerPort: ""\n' +
      '        NetworkConfiguration:\n          AwsvpcConfiguration:\n            Subnets: ["", ""]\n' +
      '            SecurityGroups: ["sg-0123456789abcdef0"]\n            AssignPublicIp: ""\n',
  );
  const found = run(text);
  assert.deepEqual(errors(found), [], show(found));
  for (const line of [6, 9, 12, 14]) assert.ok(onLine(found, line).length > 0, `line ${line} flagged:\n${show(found)}`);
  const td = onLine(found, 6)[0];
  assert.equal(td.ruleId, 'W1201', 'a blank value is reported as the template warning W1201');
  assert.equal(td.severity, 'warning');
  assert.match(td.message, /fill it in before deploying; E6004\)/, 'the message names the rule it stands for');
  assert.ok(!td.message.includes('placeholder'), 'a blank value is not called a placeholder');
});

test('3: blank Lambda values and blank EC2 source/location/type are warnings', () => {
  const lambda = run(
    LAMBDA('        Name: ""\n        Alias: ""\n        CurrentVersion: ""\n        TargetVersion: ""\n'),
  );
  assert.deepEqual(errors(lambda), [], show(lambda));
  for (const line of [6, 7, 9]) assert.ok(onLine(lambda, line).length > 0, `line ${line} flagged:\n${show(lambda)}`);
  const ec2 = run(
    EC2(
      'files:\n  - source:\n    destination: /srv\npermissions:\n  - object: /srv\n    type:\n      -\n' +
        'hooks:\n  BeforeInstall:\n    - location:\n      timeout: 60\n',
    ),
  );
  assert.deepEqual(errors(ec2), [], show(ec2));
  for (const line of [4, 9, 12]) assert.ok(onLine(ec2, line).length > 0, `line ${line} flagged:\n${show(ec2)}`);
});

test('3: missing keys stay errors (no `TaskDefinition`, no `location`)', () => {
  const ecs = run(ECS('        LoadBalancerInfo:\n          ContainerName: "web"\n          ContainerPort: 80\n'));
  assert.ok(
    errors(ecs).some((d) => d.ruleId === 'E6004'),
    show(ecs),
  );
  const ec2 = run(EC2('hooks:\n  BeforeInstall:\n    - timeout: 60\n'));
  assert.ok(errors(ec2).length > 0, show(ec2));
});

test('3: a resource left empty by misindented Type/Properties (E8010) stays an error', () => {
  const found = run(
    LAMBDA(LAMBDA_OK).replace('      Type:', '    Type:').replace('      Properties:', '    Properties:'),
  );
  assert.ok(
    errors(found).some((d) => d.ruleId === 'E8010'),
    show(found),
  );
});

// 4. Bare UPPER_SNAKE placeholders.

test('4: bare UPPER_SNAKE placeholders are warnings that say a script may replace them', () => {
  const text = ECS(
    '        TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"\n' +
      '        LoadBalancerInfo:\n          ContainerName: "web"\n          ContainerPort: CONTAINER_PORT\n' +
      '        NetworkConfiguration:\n          AwsvpcConfiguration:\n            Subnets: ["subnet-0123456789abcdef0"]\n' +
      '            SecurityGroups: ["sg-0123456789abcdef0"]\n            AssignPublicIp: ASSIGN_PUBLIC_IP\n' +
      '        CapacityProviderStrategy:\n          - CapacityProvider: FARGATE\n            Base: BASE_COUNT\n' +
      '            Weight: "WEIGHT_VALUE"\n',
  );
  const found = run(text);
  assert.deepEqual(errors(found), [], show(found));
  for (const line of [9, 14, 17, 18]) {
    const hits = onLine(found, line);
    assert.ok(hits.length > 0, `line ${line} flagged:\n${show(found)}`);
    assert.ok(
      hits.some((d) => d.ruleId === 'W1202' && d.message.includes(PLACEHOLDER_NOTE.replace(/\)$/, ''))),
      show(hits),
    );
  }
});

test('4: real mistakes stay errors (`os: LINUX`, `ContainerPort: 70000`, `ContainerPort: PORT`)', () => {
  assert.ok(errors(run(EC2('').replace('os: linux', 'os: LINUX'))).length > 0);
  for (const port of ['70000', 'PORT']) {
    const found = run(
      ECS(
        `        TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"\n        LoadBalancerInfo:\n          ContainerName: "web"\n          ContainerPort: ${port}\n`,
      ),
    );
    assert.ok(
      errors(found).some((d) => d.range.start.line + 1 === 9),
      `${port}:\n${show(found)}`,
    );
  }
});

// 5. Unquoted {{VAR}}.

test('5: `{{VAR}}` parses as a flow mapping and counts as a placeholder', () => {
  const d = parseDocument('a: {{TASK_DEFINITION}}\nb: {x: y}\nc: {{x}: 1}\n');
  const [a, b, c] = (d.contents as unknown as { items: { value: unknown }[] }).items.map((p) => p.value);
  assert.ok(isBracePlaceholder(a) && hasPlaceholder(a));
  assert.ok(!hasPlaceholder(b));
  assert.ok(!hasPlaceholder(c));
});

test('5: an ECS template with unquoted `{{VAR}}` values has no errors; a real flow mapping still does', () => {
  const template = run(
    ECS(
      '        TaskDefinition: {{TASK_DEFINITION}}\n        LoadBalancerInfo:\n' +
        '          ContainerName: {{CONTAINER_NAME}}\n          ContainerPort: {{CONTAINER_PORT}}\n',
    ),
  );
  assert.deepEqual(errors(template), [], show(template));
  const broken = run(
    ECS(
      '        TaskDefinition: {arn: x}\n        LoadBalancerInfo:\n          ContainerName: "web"\n          ContainerPort: {port: 80}\n',
    ),
  );
  assert.ok(onLine(errors(broken), 6).length > 0, show(broken));
  assert.ok(onLine(errors(broken), 9).length > 0, show(broken));
});

// 8. One report per line.

test('8: a blank value gets one finding, not a rule finding plus a schema finding', () => {
  const ecs = run(
    ECS(
      '        TaskDefinition: ""\n        LoadBalancerInfo:\n          ContainerName: "web"\n          ContainerPort: 80\n' +
        '        NetworkConfiguration:\n          AwsvpcConfiguration:\n            Subnets: ["subnet-0123456789abcdef0"]\n' +
        '            SecurityGroups: ["sg-0123456789abcdef0"]\n            AssignPublicIp: ""\n',
    ),
  );
  assert.deepEqual(
    onLine(ecs, 6).map((d) => [d.ruleId, /E6004/.test(d.message)]),
    [['W1201', true]],
  );
  assert.deepEqual(
    onLine(ecs, 14).map((d) => [d.ruleId, /E6009/.test(d.message)]),
    [['W1201', true]],
  );
  const lambda = run(
    LAMBDA('        Name: ""\n        Alias: "live"\n        CurrentVersion: "1"\n        TargetVersion: "2"\n'),
  );
  assert.deepEqual(
    onLine(lambda, 6).map((d) => [d.ruleId, /E7003/.test(d.message)]),
    [['W1201', true]],
  );
});

test('8: a schema finding on a line without a rule finding is kept', () => {
  const found = run(EC2('permissions:\n  - object: /srv\n    owner: [a, b]\n'));
  assert.ok(
    onLine(found, 5).some((d) => d.ruleId === 'E1101'),
    show(found),
  );
});

// 6. A hook event dedented to column 1 inside an indented `hooks:` block.

test('6: a dedented lifecycle event is named on its own line, not only where the parser stopped', () => {
  const found = run(
    EC2(
      'hooks:\n  BeforeInstall:\n    - location: a.sh\nApplicationStart:\n    - location: b.sh\n      timeout: 60\n' +
        '  ValidateService:\n    - location: c.sh\n',
    ),
  );
  const hit = onLine(found, 6).find((d) => d.ruleId === 'E0001');
  assert.ok(hit && /`ApplicationStart`.*Indent it under `hooks:`/.test(hit.message), show(found));
  assert.ok(
    onLine(found, 9).some((d) => d.ruleId === 'E0001'),
    show(found),
  );
});

test('6: an indentation error below a non-event top-level key gets only the syntax error', () => {
  const found = run(
    EC2('files:\n  - source: /\n    destination: /srv\nhooks:\n  BeforeInstall:\n    - location: a.sh\n   bad: 1\n'),
  );
  assert.ok(
    found.some((d) => d.ruleId === 'E0001'),
    show(found),
  );
  assert.ok(!found.some((d) => /lifecycle event but starts/.test(d.message)), show(found));
});

// 7. A `.json` AppSpec that only YAML accepts.

const LAMBDA_JSON = (extra: string) =>
  '{\n  "version": 0.0,\n  "Resources": [\n    {"fn": {"Type": "AWS::Lambda::Function", "Properties": ' +
  `{"Name": "f", "Alias": "live", "CurrentVersion": "1", "TargetVersion": "2"${extra}}}}\n  ]\n}\n`;

test('7: a trailing comma in a .json AppSpec is a W0015 warning at the comma', () => {
  const text = LAMBDA_JSON(',');
  const found = run(text, 'appspec.json');
  const hit = found.find((d) => d.ruleId === 'W0015');
  assert.ok(hit, show(found));
  assert.equal(hit.severity, 'warning');
  assert.equal(hit.range.start.line + 1, 4);
  assert.match(hit.message, /trailing comma/);
  const d = text.split('\n')[3];
  assert.equal(d[hit.range.start.character], ',');
});

test('7: strict JSON, YAML in a .json file (W0013) and flow YAML in a .yml file get no W0015', () => {
  assert.ok(!run(LAMBDA_JSON(''), 'appspec.json').some((d) => d.ruleId === 'W0015'));
  const yamlInJson = run('version: 0.0\nResources:\n  - fn: {Type: AWS::Lambda::Function}\n', 'appspec.json');
  assert.ok(!yamlInJson.some((d) => d.ruleId === 'W0015'), show(yamlInJson));
  assert.ok(!run(LAMBDA_JSON(','), 'appspec.yml').some((d) => d.ruleId === 'W0015'));
});
