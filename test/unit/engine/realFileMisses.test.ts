/**
 * The misses and noise found on real AppSpecs from public repositories (issue 14), end to end through the whole
 * engine, in YAML and (where the mistake can be made there) JSON: each reported once, on the right line, with an
 * accurate message; each near miss quiet. One structural mistake gives one finding.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintText } from '../../../engine/lint';
import { createNodeFs } from '../../../engine/nodeFs';
import type { Diagnosis } from '../../../engine/types';
import { bundleOf } from './coverage/ruleCase';
import { ecs, ECS_JSON } from './coverage/casesEcs';
import { lambda, LAMBDA_JSON } from './coverage/casesLambda';
import { run } from './helpers';

const show = (found: Diagnosis[]) =>
  found.map((d) => `${d.range.start.line + 1} ${d.severity} ${d.ruleId} ${d.message}`).join('\n');
const flagged = (found: Diagnosis[]) => found.filter((d) => d.severity === 'error' || d.severity === 'warning');
const errors = (found: Diagnosis[]) => found.filter((d) => d.severity === 'error');
const EC2 = 'version: 0.0\nos: linux\n';

test('digit-string sources are looked up as written (00010358, 0755), not as numbers', () => {
  const fs = createNodeFs({ git: false });
  for (const name of ['00010358', '0755']) {
    const text = `${EC2}files:\n  - source: ${name}\n    destination: /srv/app\n`;
    const there = lintText(text, {
      fileName: 'appspec.yml',
      ctx: { bundleRoot: bundleOf({ [`${name}/a.txt`]: 'a' }), fs },
    });
    assert.deepEqual(
      there.filter((d) => d.ruleId === 'W5005'),
      [],
      `${name}: the folder exists\n${show(there)}`,
    );
    const missing = lintText(text, {
      fileName: 'appspec.yml',
      ctx: { bundleRoot: bundleOf({ '10358/a': 'a', '755/a': 'a' }), fs },
    });
    const w = missing.find((d) => d.ruleId === 'W5005');
    assert.ok(w && w.message.includes(`\`source: ${name}\``) && w.message.includes(`\`${name}\``), show(missing));
  }
});

test('a subnet with an availability zone pasted in is an error; whole IDs pass (YAML and JSON)', () => {
  const net = (subnet: string) =>
    ecs({
      extra: `        NetworkConfiguration:\n          AwsvpcConfiguration:\n            Subnets: ["${subnet}"]\n            SecurityGroups: ["sg-0a1b2c3d"]\n            AssignPublicIp: DISABLED\n`,
    });
  const bad = run(net('subnet-04f68f28589ae0ec2 - us-east-1a'));
  assert.deepEqual(
    errors(bad).map((d) => [d.ruleId, d.range.start.line + 1]),
    [['E6010', 12]],
    show(bad),
  );
  assert.deepEqual(flagged(run(net('subnet-04f68f28589ae0ec2'))), []);
  const json = ECS_JSON.replace(
    '} } } }',
    '},\n        "NetworkConfiguration": { "AwsvpcConfiguration": { "Subnets": ["subnet-04f68f28589ae0ec2 - us-east-1a"],\n          "SecurityGroups": ["sg-0a1b2c3d"], "AssignPublicIp": "DISABLED" } } } } }',
  );
  const j = run(json, 'appspec.json');
  assert.deepEqual(
    errors(j).map((d) => [d.ruleId, d.range.start.line + 1]),
    [['E6010', 9]],
    show(j),
  );
});

test('a files source that is an instance path is reported without a workspace; a bundle folder is not', () => {
  for (const source of ['/opt/codedeploy-agent/deployment-root/app', '/var/www/html']) {
    const found = run(`${EC2}files:\n  - source: ${source}\n    destination: /var/www/html\n`);
    assert.deepEqual(
      flagged(found).map((d) => [d.ruleId, d.range.start.line + 1]),
      [['W2024', 4]],
      show(found),
    );
  }
  assert.deepEqual(flagged(run(`${EC2}files:\n  - source: /dist\n    destination: /var/www/html\n`)), []);
});

test('Resources: [] with version 0.0 is an error even though the platform cannot be told (YAML and JSON)', () => {
  const y = run('version: 0.0\nResources: []\n');
  assert.deepEqual(
    y.map((d) => [d.ruleId, d.severity]),
    [['E8013', 'error']],
    show(y),
  );
  const j = run('{\n  "version": 0.0,\n  "Resources": []\n}\n', 'appspec.json');
  assert.deepEqual(
    j.map((d) => [d.ruleId, d.severity]),
    [['E8013', 'error']],
    show(j),
  );
});

test('a task definition ARN with an empty account is an error that does not call it an ECS service ARN', () => {
  for (const [text, name, line] of [
    [ecs({ td: '"arn:aws:ecs:us-east-1::task-definition/web:3"' }), 'appspec.yml', 6],
    [ECS_JSON.replace(':111122223333:', '::'), 'appspec.json', 7],
  ] as const) {
    const found = run(text, name);
    assert.deepEqual(
      flagged(found).map((d) => [d.ruleId, d.severity, d.range.start.line + 1]),
      [['E6017', 'error', line]],
      show(found),
    );
    assert.match(found[0].message, /account field is empty/);
    assert.doesNotMatch(found[0].message, /the ARN of the ecs service|`ecs` service/i);
  }
});

test('.sh and .py hook scripts under os: windows are errors; .ps1 and .bat are not', () => {
  for (const [loc, kind] of [
    ['scripts/install.sh', 'shell script'],
    ['scripts/check.py', 'Python script'],
  ]) {
    const found = run(`version: 0.0\nos: windows\nhooks:\n  AfterInstall:\n    - location: ${loc}\n`);
    assert.deepEqual(
      errors(found).map((d) => [d.ruleId, d.range.start.line + 1]),
      [['E4018', 5]],
      show(found),
    );
    assert.ok(found[0].message.includes(kind));
  }
  for (const loc of ['scripts/install.ps1', 'scripts/install.bat'])
    assert.deepEqual(flagged(run(`version: 0.0\nos: windows\nhooks:\n  AfterInstall:\n    - location: ${loc}\n`)), []);
});

test('a misindented Properties gives one finding, never "Properties is missing the required key Properties"', () => {
  const full = ecs();
  const variants: [string, string, string][] = [
    [
      'Type/Properties beside the name',
      full
        .replace('      Type:', '    Type:')
        .replace(/\n {6}Properties:/, '\n    Properties:')
        .replace(/\n {8}/g, '\n      ')
        .replace(/\n {6}(?=Container)/g, '\n        '),
      'E6001',
    ],
    ['Properties as its own list item', full.replace('      Properties:', '  - Properties:'), 'E6001'],
    [
      'Properties beside the resource name',
      full
        .replace('      Properties:', '    Properties:')
        .replace(/\n {8}/g, '\n      ')
        .replace(/\n {6}(?=Container)/g, '\n        '),
      'E6001',
    ],
    [
      'Properties empty, its keys beside it',
      full
        .replace(/\n {8}(TaskDefinition|LoadBalancerInfo)/g, '\n      $1')
        .replace(/\n {10}Container/g, '\n        Container'),
      'E8014',
    ],
    ['LoadBalancerInfo empty, its keys beside it', full.replace(/\n {10}Container/g, '\n        Container'), 'E8014'],
    [
      'Properties inside Properties',
      full
        .replace('      Properties:\n', '      Properties:\n        Properties:\n')
        .replace(/\n {8}(TaskDefinition|LoadBalancerInfo)/g, '\n          $1')
        .replace(/\n {10}Container/g, '\n            Container'),
      'E8015',
    ],
    [
      'Lambda Properties beside the name',
      lambda()
        .replace('      Properties:', '    Properties:')
        .replace(/\n {8}/g, '\n      '),
      'E7001',
    ],
    ['Lambda Properties empty, its keys beside it', lambda().replace(/\n {8}/g, '\n      '), 'E8014'],
  ];
  for (const [what, text, id] of variants) {
    const found = run(text);
    assert.deepEqual(
      flagged(found).map((d) => [d.ruleId, d.severity]),
      [[id, 'error']],
      `${what}:\n${text}\n${show(found)}`,
    );
    assert.doesNotMatch(show(found), /missing the required key `Properties`/, what);
  }
});

test('EC2 misindentation: script keys beside their event, section entries at the top level: one finding each', () => {
  const event = run(`${EC2}hooks:\n  ApplicationStart:\n  location: scripts/start.sh\n  timeout: 300\n`);
  assert.deepEqual(
    flagged(event).map((d) => [d.ruleId, d.range.start.line + 1]),
    [['E4019', 4]],
    show(event),
  );
  const files = run(`${EC2}files:\nsource: /\ndestination: /var/www\n`);
  assert.deepEqual(
    flagged(files).map((d) => [d.ruleId, d.range.start.line + 1]),
    [['W2025', 3]],
    show(files),
  );
});

test('[YOUR_…] and […] placeholders are treated like <…>: no error, no warning (YAML and JSON)', () => {
  const yaml = ecs({
    td: '"[YOUR_TASK_DEFINITION_ARN]"',
    name: '"[YOUR_ContainerName]"',
    extra: '        PlatformVersion: "[Version number, ex: 1.3.0]"\n',
  });
  assert.deepEqual(flagged(run(yaml)), [], show(run(yaml)));
  const unquoted = ecs({ td: '[YOUR_TASK_DEFINITION_ARN]', name: '[YOUR_ContainerName]' });
  assert.deepEqual(flagged(run(unquoted)), [], show(run(unquoted)));
  const json = ECS_JSON.replace(/"arn:aws:ecs:[^"]+"/, '"[YOUR_TASK_DEFINITION_ARN]"').replace(
    '"web"',
    '"[Your container Name]"',
  );
  assert.deepEqual(flagged(run(json, 'appspec.json')), [], show(run(json, 'appspec.json')));
  // A real one-item list and a character class are not placeholders.
  assert.ok(run(ecs({ tail: 'Hooks:\n  - BeforeInstall: [CodeDeployHook_x]\n' })).some((d) => d.ruleId === 'E8001'));
  assert.ok(run(ecs({ name: '"[a-z]"' })).some((d) => d.ruleId === 'E6015'));
});

test('an empty CurrentVersion: the positive-integer error in a filled-in file, a blank template value in a template', () => {
  const filled = run(lambda({ current: '""' }));
  assert.deepEqual(
    flagged(filled).map((d) => [d.ruleId, d.severity, d.range.start.line + 1]),
    [['E7005', 'error', 8]],
    show(filled),
  );
  const template = run(lambda({ current: '""', name: '"<FUNCTION_NAME>"' }));
  assert.deepEqual(
    flagged(template).map((d) => [d.ruleId, d.severity, d.range.start.line + 1]),
    [['W1201', 'warning', 8]],
    show(template),
  );
  assert.match(template[0].message, /E7005/);
  const json = run(LAMBDA_JSON.replace('"CurrentVersion": "1"', '"CurrentVersion": ""'), 'appspec.json');
  assert.deepEqual(
    flagged(json).map((d) => [d.ruleId, d.severity]),
    [['E7005', 'error']],
    show(json),
  );
  const target = run(lambda({ target: '""' }));
  assert.deepEqual(
    flagged(target).map((d) => d.ruleId),
    ['E7005'],
    show(target),
  );
});

test('a glob in a permission object is reported; a literal object with a pattern is not', () => {
  const base = `${EC2}files:\n  - source: /\n    destination: /var/www\npermissions:\n`;
  const glob = run(`${base}  - object: /var/www/**/*\n    owner: www-data\n`);
  assert.deepEqual(
    flagged(glob).map((d) => [d.ruleId, d.range.start.line + 1]),
    [['W3023', 7]],
    show(glob),
  );
  assert.deepEqual(flagged(run(`${base}  - object: /var/www\n    pattern: "**"\n    owner: www-data\n`)), []);
});

test('a // comment in a JSON AppSpec is reported on its own line, with nothing else', () => {
  for (const [text, line] of [
    [LAMBDA_JSON.replace('"version": 0.0,', '// the format version\n  "version": 0.0,'), 2],
    [LAMBDA_JSON.replace('"Resources": [', '"Resources": [ // one function'), 3],
    [LAMBDA_JSON.replace('"Resources": [', '"Resources": [ /* one\n function */'), 3],
  ] as const) {
    const found = run(text, 'appspec.json');
    assert.deepEqual(
      found.map((d) => [d.ruleId, d.range.start.line + 1]),
      [['W0015', line]],
      `${text}\n${show(found)}`,
    );
    assert.match(found[0].message, /a comment/);
  }
  const url = run(
    LAMBDA_JSON.replace('"orders", "Alias"', '"arn:aws:lambda:us-east-1:111122223333:function:orders", "Alias"'),
    'appspec.json',
  );
  assert.deepEqual(flagged(url), [], show(url));
});

test('JSON files of other tools get the not-an-AppSpec finding, not "version must be 0.0"', () => {
  const others = [
    '{\n  "version": "1.0",\n  "settings": [{ "id": "year", "type": "INTEGER" }],\n  "dependencies": { "R": [] },\n  "license": { "key": "MIT" }\n}\n',
    '{\n  "UserAgent": "aws-amplify-cli/2.0",\n  "Version": "1.0",\n  "auth": { "plugins": {} }\n}\n',
    '{\n  "aws_project_region": "us-east-1",\n  "aws_cognito_region": "us-east-1"\n}\n',
    '{\n  "name": "my-app",\n  "version": "2.1.0",\n  "description": "app spec of another tool",\n  "entry": "index.js"\n}\n',
  ];
  for (const text of others) {
    const found = run(text, 'appspec.json');
    assert.deepEqual(
      found.map((d) => d.ruleId),
      ['E0012'],
      show(found),
    );
  }
  // A broken AppSpec with version 0.0 keeps every check.
  assert.ok(run('{\n  "version": 0.0,\n  "Resource": []\n}\n', 'appspec.json').some((d) => d.ruleId !== 'E0012'));
  assert.ok(run('{\n  "version": 1,\n  "Resources": []\n}\n', 'appspec.json').every((d) => d.ruleId !== 'E0012'));
});

test('a YAML syntax mistake is reported once, not once per message and following line', () => {
  const text =
    `${EC2}hooks:\n  BeforeInstall:\n  location: scripts/install.sh\n  timeout: 300\n  runas: root\n` +
    '    - location: scripts/start.sh\n      timeout: 300\n  ApplicationStop:\n    - location: scripts/stop.sh\n';
  const found = run(text);
  assert.deepEqual(
    found.map((d) => d.ruleId),
    ['E0001'],
    show(found),
  );
  assert.ok(found[0].range.start.line + 1 >= 6 && found[0].range.start.line + 1 <= 9, show(found));
  // Two mistakes far apart are two findings.
  const two = run(
    `${EC2}hooks:\n  BeforeInstall:\n    - location: a.sh\n      timeout: a: b\n` +
      '#\n'.repeat(4) +
      'files:\n  - source: x: y\n    destination: /srv\n',
  );
  assert.deepEqual(
    two.map((d) => [d.ruleId, d.range.start.line + 1]),
    [
      ['E0001', 6],
      ['E0001', 12],
    ],
    show(two),
  );
});
