import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { generalRules } from '../../../engine/rules/general';
import type { Rule } from '../../../engine/types';
import { check, ids, run, slice } from './helpers';

const rule = (id: string): Rule => generalRules.find((r) => r.id === id)!;
const EC2 = 'version: 0.0\nos: linux\n';
const LAMBDA =
  'version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties:\n        Name: f\n        Alias: live\n        CurrentVersion: "1"\n        TargetVersion: "2"\n';

test('every general rule has a doc, a title and a kebab-case name', () => {
  for (const r of generalRules) {
    assert.match(r.name, /^[a-z0-9.]+(-[a-z0-9.]+)*$/, r.id);
    assert.ok(r.doc.length > 60, r.id);
    assert.ok(r.title.length > 5, r.id);
    assert.equal(r.id[0], { error: 'E', warning: 'W', info: 'I', hint: 'I' }[r.severity], r.id);
  }
});

test('E0001 syntax error: fires at the position; quiet on valid YAML', () => {
  const text = 'version: 0.0\nos: [linux\n';
  const f = check(rule('E0001'), text);
  assert.ok(f.length > 0);
  assert.match(f[0].message, /YAML syntax error/);
  assert.deepEqual(check(rule('E0001'), EC2), []);
});

test('E0001 in JSON reports the JSON parser error once', () => {
  const text = '{\n  "version": 0.0\n  "Resources": []\n}\n';
  const f = check(rule('E0001'), text, 'appspec.json');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /^JSON syntax error/);
  assert.equal(f[0].range.start.line, 2);
});

test('E0002: empty, comment-only, list, scalar', () => {
  for (const text of ['', '  \n', '# nothing\n']) assert.match(check(rule('E0002'), text)[0].message, /empty/);
  assert.match(check(rule('E0002'), '- a\n- b\n')[0].message, /a list/);
  assert.match(check(rule('E0002'), 'hello\n')[0].message, /single value/);
  assert.deepEqual(check(rule('E0002'), EC2), []);
});

test('E0003 tabs: fires with a fix, and other parser noise on that line is not repeated', () => {
  const text = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n\t- location: a.sh\n';
  const f = check(rule('E0003'), text);
  assert.equal(f.length, 1);
  assert.equal(f[0].range.start.line, 4);
  assert.equal(f[0].fixes?.[0].edits?.[0].newText, '  ');
  assert.deepEqual(check(rule('E0003'), 'version: 0.0\nos: linux # a\ttab in a comment\n'), []);
  assert.ok(!run(text).some((d) => d.ruleId === 'E0001' && d.range.start.line === 4));
});

test('W0004 aliases on EC2 only; undefined aliases are E0005 instead', () => {
  const text = 'version: 0.0\nos: linux\nhooks:\n  BeforeInstall: &s\n    - location: a.sh\n  AfterInstall: *s\n';
  const f = check(rule('W0004'), text);
  assert.equal(f.length, 1);
  assert.equal(slice(text, f[0].range), '*s');
  assert.deepEqual(check(rule('W0004'), EC2), []);
  assert.ok(!ids(`${LAMBDA}x: &a 1\ny: *a\n`).includes('W0004'));
});

test('E0005 unquoted star: pattern: *.txt, in flow lists, and a lone *', () => {
  const text = 'version: 0.0\nos: linux\npermissions:\n  - object: /srv\n    pattern: *.txt\n    except: [*.log]\n';
  const f = check(rule('E0005'), text);
  assert.deepEqual(
    f.map((x) => slice(text, x.range)),
    ['*.txt', '*.log'],
  );
  assert.equal(f[0].fixes?.[0].edits?.[0].newText, '"*.txt"');
  assert.equal(
    check(rule('E0005'), 'version: 0.0\nos: linux\npermissions:\n  - object: /srv\n    pattern: *\n').length,
    1,
  );
  assert.deepEqual(
    check(rule('E0005'), 'version: 0.0\nos: linux\npermissions:\n  - object: /srv\n    pattern: "*.txt"\n'),
    [],
  );
});

test('W0006 backslashes in double quotes; E0017 for an unknown escape; quiet for single quotes and JSON', () => {
  const warn = check(
    rule('W0006'),
    'version: 0.0\nos: windows\nfiles:\n  - source: a\n    destination: "C:\\\\temp\\\\new"\n',
  );
  assert.equal(warn.length, 1);
  const bad = 'version: 0.0\nos: windows\nfiles:\n  - source: a\n    destination: "C:\\inetpub\\data"\n';
  assert.deepEqual(check(rule('W0006'), bad), []);
  const err = check(rule('E0017'), bad);
  assert.equal(err.length, 1);
  assert.match(err[0].message, /`\\i` is not a valid escape/);
  assert.equal(err[0].fixes?.[0].edits?.[0].newText, "'C:\\inetpub\\data'");
  assert.deepEqual(
    check(rule('E0017'), 'version: 0.0\nos: windows\nfiles:\n  - source: a\n    destination: "C:\\\\temp"\n'),
    [],
  );
  assert.deepEqual(
    check(rule('W0006'), "version: 0.0\nos: windows\nfiles:\n  - source: a\n    destination: 'C:\\inetpub'\n"),
    [],
  );
  assert.deepEqual(check(rule('W0006'), '{"a": "x\\\\y"}', 'appspec.json'), []);
  // The parser's own complaint about the bad escape is not repeated by E0001.
  assert.ok(
    !ids('version: 0.0\nos: windows\nfiles:\n  - source: a\n    destination: "C:\\inetpub"\n').includes('E0001'),
  );
});

test('E0007 binary and invalid UTF-8: one clear error and nothing else', () => {
  const bin = run('version: 0.0\u0000os: linux\n');
  assert.deepEqual(
    bin.map((d) => d.ruleId),
    ['E0007'],
  );
  assert.match(bin[0].message, /NUL bytes/);
  const bad = run('version: 0.0\nos: li\uFFFDnux\n');
  assert.deepEqual(
    bad.map((d) => d.ruleId),
    ['E0007'],
  );
  assert.match(bad[0].message, /UTF-8/);
  assert.deepEqual(check(rule('E0007'), EC2), []);
});

test('I0008 BOM in YAML, W0018 BOM in JSON, each with a removal fix', () => {
  const y = check(rule('I0008'), `\uFEFF${EC2}`);
  assert.equal(y.length, 1);
  assert.equal(y[0].fixes?.[0].edits?.[0].newText, '');
  assert.deepEqual(check(rule('W0018'), `\uFEFF${EC2}`), []);
  const j = check(rule('W0018'), '\uFEFF{"version": 0.0}', 'appspec.json');
  assert.equal(j.length, 1);
  assert.equal(j[0].fixes?.[0].edits?.[0].newText, '');
  assert.deepEqual(check(rule('I0008'), '\uFEFF{"version": 0.0}', 'appspec.json'), []);
  assert.deepEqual(check(rule('I0008'), EC2), []);
});

test('I0009 CRLF: once, with a conversion fix', () => {
  const text = 'version: 0.0\r\nos: linux\r\n';
  const f = check(rule('I0009'), text);
  assert.equal(f.length, 1);
  assert.equal(f[0].fixes?.[0].edits?.[0].newText, EC2);
  assert.deepEqual(check(rule('I0009'), EC2), []);
});

test('E0010 duplicate keys: error on the second, related info on the first; case differences are not duplicates', () => {
  const text =
    'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\nhooks:\n  ApplicationStart:\n    - location: b.sh\n';
  const f = check(rule('E0010'), text);
  assert.equal(f.length, 1);
  assert.equal(f[0].range.start.line, 5);
  assert.equal(f[0].related?.[0].range.start.line, 2);
  assert.deepEqual(check(rule('E0010'), 'version: 0.0\nos: linux\nOS: linux\n'), []);
});

test('I0011 too large: one info and nothing else', () => {
  const text = `version: 0.0\nos: linux\n${'# padding\n'.repeat(600_000)}`;
  const all = run(text);
  assert.deepEqual(
    all.map((d) => d.ruleId),
    ['I0011'],
  );
  assert.deepEqual(check(rule('I0011'), EC2), []);
});

test('E0012 not an AppSpec: one finding instead of a flood', () => {
  const cases: [string, RegExp][] = [
    ['version: 0.2\nphases:\n  build:\n    commands:\n      - make\n', /buildspec/],
    ['AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n', /CloudFormation/],
    ['Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n', /SAM/],
    ['Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n  Api:\n    Type: AWS::Serverless::Api\n', /SAM/],
    ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n', /Kubernetes/],
    ['version: "3"\nservices:\n  web:\n    image: nginx\n', /Docker Compose/],
    ['{"family": "web", "taskRoleArn": "arn:x", "containerDefinitions": []}', /task definition/],
  ];
  for (const [text, re] of cases) {
    const name = text.startsWith('{') ? 'appspec.json' : 'appspec.yml';
    const all = run(text, name);
    assert.deepEqual(
      all.map((d) => d.ruleId),
      ['E0012'],
      text,
    );
    assert.match(all[0].message, re);
  }
  assert.deepEqual(check(rule('E0012'), EC2), []);
  assert.deepEqual(check(rule('E0012'), LAMBDA), []);
});

test('E1001 version missing (EC2), and mis-cased Version', () => {
  const f = check(rule('E1001'), 'os: linux\n');
  assert.equal(f.length, 1);
  assert.equal(f[0].fixes?.[0].edits?.[0].newText, 'version: 0.0\n');
  const miscased = check(rule('E1001'), 'Version: 0.0\nos: linux\n');
  assert.match(miscased[0].message, /case-sensitive/);
  assert.deepEqual(check(rule('E1001'), EC2), []);
});

test('E1002 version not 0.0 (EC2); 0 and 0.0 pass; placeholders skipped', () => {
  for (const v of ['1', '1.1', '0.1', '1.0.0', ''])
    assert.equal(check(rule('E1002'), `version: ${v}\nos: linux\n`).length, 1, v);
  for (const v of ['0', '0.0', '0.00', '${APPSPEC_VERSION}'])
    assert.deepEqual(check(rule('E1002'), `version: ${v}\nos: linux\n`), [], v);
});

test('E1003 quoted version on EC2 (error), I1004 on ECS/Lambda (info)', () => {
  const q = check(rule('E1003'), 'version: "0.0"\nos: linux\n');
  assert.equal(q.length, 1);
  assert.equal(q[0].fixes?.[0].edits?.[0].newText, '0.0');
  assert.deepEqual(check(rule('E1003'), EC2), []);
  const lam = LAMBDA.replace('version: 0.0', "version: '0.0'");
  assert.ok(ids(lam).includes('I1004'));
  assert.ok(!ids(lam).includes('E1003'));
  assert.ok(!ids(LAMBDA).includes('I1004'));
});

test('W1007 version missing or not 0.0 on ECS/Lambda is a warning', () => {
  const one = run(LAMBDA.replace('version: 0.0', 'version: 1'));
  assert.equal(one.find((d) => d.ruleId === 'W1007')?.severity, 'warning');
  assert.ok(!one.some((d) => d.ruleId === 'E1002'));
  assert.ok(ids(LAMBDA.replace('version: 0.0\n', '')).includes('W1007'));
  assert.ok(!ids(LAMBDA).includes('W1007'));
});

test('E1005 mixed platform: EC2 keys with Resources; non-AppSpec resource types', () => {
  const mixed = `${LAMBDA}os: linux\n`;
  const f = check(rule('E1005'), mixed);
  assert.equal(f.length, 1);
  assert.equal(f[0].related?.[0].range.start.line, 9);
  const bucket = check(rule('E1005'), 'version: 0.0\nResources:\n  - b:\n      Type: AWS::S3::Bucket\n');
  assert.match(bucket[0].message, /AWS::S3::Bucket/);
  assert.deepEqual(check(rule('E1005'), LAMBDA), []);
});

test('I1006 platform unknown: says why; quiet once the platform is known', () => {
  const all = run('version: 0.0\n');
  const f = all.find((d) => d.ruleId === 'I1006')!;
  assert.match(f.message, /could not be told/);
  assert.ok(!ids(EC2).includes('I1006'));
});

test('valid documents of each platform raise no general errors or warnings', () => {
  const ecs =
    'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: "<TASK_DEFINITION>"\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 8080\nHooks:\n  - AfterAllowTestTraffic: CodeDeployHook_check\n';
  for (const text of [EC2, LAMBDA, ecs]) {
    const bad = run(text).filter((d) => /^[EW][01]/.test(d.ruleId));
    assert.deepEqual(bad, [], text);
  }
});

test('W0013 a .json file holding YAML; quiet for real JSON', () => {
  const yamlText = 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n';
  const f = check(rule('W0013'), yamlText, 'appspec.json');
  assert.equal(f.length, 1);
  assert.equal(f[0].range.start.line, 0);
  assert.deepEqual(check(rule('W0013'), '{"version": 0.0}', 'appspec.json'), []);
  assert.deepEqual(check(rule('W0013'), yamlText), []);
});

test('W1007 also notes `version: 0` on ECS/Lambda; EC2 accepts 0 silently', () => {
  assert.match(
    run(LAMBDA.replace('version: 0.0', 'version: 0')).find((d) => d.ruleId === 'W1007')!.message,
    /written `0`/,
  );
  assert.ok(!ids('version: 0\nos: linux\n').some((id) => /^[EW]1/.test(id)));
});

test('E0001 explains common YAML mistakes in AppSpec terms', () => {
  const oneLine = check(rule('E0001'), 'version: 0.0 os: linux\n');
  assert.match(oneLine[0].message, /put each key on its own line/);
  const twoDocs = check(rule('E0001'), 'version: 0.0\nos: linux\n---\nos: windows\n');
  assert.match(twoDocs[0].message, /more than one YAML document/);
  assert.equal(twoDocs[0].range.start.line, 2);
});

test('absurdly deep nesting is a clear error, not a crash', () => {
  const out = run(`version: 0.0\nos: linux\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
  assert.ok(out.some((d) => d.ruleId === 'E0001' && /nested too deeply/.test(d.message)));
});

test('W0006 reports a double-quoted key once', () => {
  assert.equal(check(rule('W0006'), 'version: 0.0\nos: windows\n"C:\\\\x": 1\n').length, 1);
});
