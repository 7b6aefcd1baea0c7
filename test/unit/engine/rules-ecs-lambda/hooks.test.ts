import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ecsHookEventUnknown } from '../../../../engine/rules/ecs/E6014-hook-event-unknown';
import { lambdaHookEventUnknown } from '../../../../engine/rules/lambda/E7010-hook-event-unknown';
import { hookFunctionValue } from '../../../../engine/rules/ecs-lambda/E8001-hook-function-value';
import { hooksAsMap } from '../../../../engine/rules/ecs-lambda/W8002-hooks-as-map';
import { hookItemSeveralEvents } from '../../../../engine/rules/ecs-lambda/W8003-hook-item-several-events';
import { hookEventDuplicate } from '../../../../engine/rules/ecs-lambda/W8004-hook-event-duplicate';
import { hookFunctionPrefix } from '../../../../engine/rules/ecs-lambda/I8008-hook-function-prefix';
import { hooksShape } from '../../../../engine/rules/ecs-lambda/E8009-hooks-shape';
import { hookFunctionNotString } from '../../../../engine/rules/ecs-lambda/W8011-hook-function-not-string';
import { hookEventTemplatePlaceholder } from '../../../../engine/rules/ecs-lambda/W8012-hook-event-template-placeholder';
import { fixAndRerun, fixture, line, lintAll, none, one, parse, run } from './helpers';

const ECS_HEAD = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: <TASK_DEFINITION>
        LoadBalancerInfo:
          ContainerName: web
          ContainerPort: 80
Hooks:
`;
const LAMBDA_HEAD = `version: 0.0
Resources:
  - fn:
      Type: AWS::Lambda::Function
      Properties:
        Name: fn
        Alias: live
        CurrentVersion: "1"
        TargetVersion: "2"
Hooks:
`;
const HOOK_LINE = 10;

test('hook rules are quiet on the valid fixtures', () => {
  const rules = [
    ecsHookEventUnknown,
    hookFunctionValue,
    hooksAsMap,
    hookItemSeveralEvents,
    hookEventDuplicate,
    hooksShape,
    hookFunctionPrefix,
  ];
  for (const rule of rules) {
    none(rule, fixture('ecs/valid-full.yml'));
    none(rule, fixture('ecs/valid-full.json'), 'appspec.json');
    if (rule !== hookFunctionPrefix) none(rule, fixture('ecs/template-pipeline.yml'));
  }
  for (const rule of [
    lambdaHookEventUnknown,
    hookFunctionValue,
    hooksAsMap,
    hookItemSeveralEvents,
    hookEventDuplicate,
    hooksShape,
    hookFunctionPrefix,
  ]) {
    none(rule, fixture('lambda/valid.yml'));
    none(rule, fixture('lambda/valid.json'), 'appspec.json');
  }
});

test('E6014 case mistake and typo get a preferred rename that clears the finding', () => {
  for (const [bad, good] of [
    ['beforeInstall', 'BeforeInstall'],
    ['AfterAllowTestTrafic', 'AfterAllowTestTraffic'],
    ['Before_Allow_Traffic', 'BeforeAllowTraffic'],
  ]) {
    const text = ECS_HEAD + `  - ${bad}: CodeDeployHook_x\n`;
    const f = one(ecsHookEventUnknown, text);
    assert.match(f.message, new RegExp(`did you mean \`${good}\``));
    assert.equal(line(f), HOOK_LINE);
    assert.equal(f.fixes?.[0].isPreferred, true);
    const { after, fixed } = fixAndRerun(ecsHookEventUnknown, text);
    assert.deepEqual(after, []);
    assert.match(fixed, new RegExp(`- ${good}: CodeDeployHook_x`));
  }
});

test('E6014 EC2 events on ECS name the closest ECS event; reserved events are explained', () => {
  const f = one(ecsHookEventUnknown, ECS_HEAD + '  - ValidateService: CodeDeployHook_x\n');
  assert.match(f.message, /EC2\/On-Premises lifecycle event.*closest ECS event is `AfterAllowTraffic`/);
  assert.equal(f.fixes?.[0].isPreferred, false);
  const g = one(ecsHookEventUnknown, ECS_HEAD + '  - AllowTraffic: CodeDeployHook_x\n');
  assert.match(g.message, /run by CodeDeploy itself/);
  const h = one(ecsHookEventUnknown, ECS_HEAD + '  - Deploy: CodeDeployHook_x\n');
  assert.match(h.message, /Unknown ECS lifecycle event 'Deploy'/);
});

test('E6014 swapped event and function get a swap fix', () => {
  const text = ECS_HEAD + '  - CodeDeployHook_check: AfterAllowTestTraffic\n';
  const f = one(ecsHookEventUnknown, text);
  assert.match(f.message, /look swapped.*`AfterAllowTestTraffic: CodeDeployHook_check`/);
  const { fixed, after } = fixAndRerun(ecsHookEventUnknown, text);
  assert.deepEqual(after, []);
  assert.match(fixed, /- AfterAllowTestTraffic: CodeDeployHook_check\n$/);
});

test('E6014 in JSON', () => {
  const json = fixture('ecs/valid-full.json').replace('"BeforeInstall"', '"BeforeInstal"');
  const f = one(ecsHookEventUnknown, json, 'appspec.json');
  assert.equal(line(f), 25);
  const { fixed, after } = fixAndRerun(ecsHookEventUnknown, json, 'appspec.json');
  assert.deepEqual(after, []);
  assert.ok(JSON.parse(fixed).Hooks[0].BeforeInstall);
});

test('E7010 Lambda accepts only BeforeAllowTraffic/AfterAllowTraffic', () => {
  none(
    lambdaHookEventUnknown,
    LAMBDA_HEAD + '  - BeforeAllowTraffic: CodeDeployHook_a\n  - AfterAllowTraffic: CodeDeployHook_b\n',
  );
  const f = one(lambdaHookEventUnknown, LAMBDA_HEAD + '  - AfterAllowTestTraffic: CodeDeployHook_a\n');
  assert.match(f.message, /an ECS lifecycle event/);
  assert.equal(line(f), HOOK_LINE);
  const g = one(lambdaHookEventUnknown, LAMBDA_HEAD + '  - BeforeInstall: CodeDeployHook_a\n');
  assert.match(g.message, /EC2\/On-Premises and ECS lifecycle event.*`BeforeAllowTraffic`/);
  const text = LAMBDA_HEAD + '  - afterallowtraffic: CodeDeployHook_a\n';
  assert.deepEqual(fixAndRerun(lambdaHookEventUnknown, text).after, []);
});

test('E8001 hook value: empty, list, EC2 scripts, bad names', () => {
  const empty = one(hookFunctionValue, ECS_HEAD + '  - BeforeInstall:\n');
  assert.match(empty.message, /has no function/);
  assert.equal(line(empty), HOOK_LINE);
  const many = one(hookFunctionValue, ECS_HEAD + '  - BeforeInstall: [a, b]\n');
  assert.match(many.message, /lists 2 entries/);
  const scripts = one(
    hookFunctionValue,
    LAMBDA_HEAD.replace(
      'Hooks:\n',
      'Hooks:\n  BeforeAllowTraffic:\n    - location: scripts/check.sh\n      timeout: 60\n',
    ),
  );
  assert.match(scripts.message, /EC2-style scripts/);
  const spaced = one(hookFunctionValue, ECS_HEAD + '  - BeforeInstall: "my function"\n');
  assert.match(spaced.message, /contains whitespace/);
  const other = one(hookFunctionValue, ECS_HEAD + '  - BeforeInstall: "arn:aws:iam::111122223333:role/x"\n');
  assert.match(other.message, /another service/);
  none(hookFunctionValue, ECS_HEAD + '  - BeforeInstall: 42\n');
  const num = one(hookFunctionNotString, ECS_HEAD + '  - BeforeInstall: 42\n');
  assert.match(num.message, /the number 42/);
  assert.deepEqual(fixAndRerun(hookFunctionNotString, ECS_HEAD + '  - BeforeInstall: 42\n').after, []);
  none(hookFunctionNotString, ECS_HEAD + '  - BeforeInstall: "42"\n');
  none(hookFunctionValue, ECS_HEAD + '  - BeforeInstall: "123456789012:function:CodeDeployHook_x:live"\n');
});

test('E8001 unwraps a one-function list (block, flow and JSON)', () => {
  for (const hooks of ['  - BeforeInstall:\n      - CodeDeployHook_x\n', '  - BeforeInstall: [CodeDeployHook_x]\n']) {
    const text = ECS_HEAD + hooks;
    const f = one(hookFunctionValue, text);
    assert.match(f.message, /is a list; it must be the single function name 'CodeDeployHook_x'/);
    const { fixed, after } = fixAndRerun(hookFunctionValue, text);
    assert.deepEqual(after, []);
    assert.match(fixed, /- BeforeInstall: CodeDeployHook_x\n$/);
  }
  const json = fixture('lambda/valid.json').replace('"CodeDeployHook_ThumbPre"', '["CodeDeployHook_ThumbPre"]');
  const f = one(hookFunctionValue, json, 'appspec.json');
  assert.equal(line(f), 16);
  const { fixed, after } = fixAndRerun(hookFunctionValue, json, 'appspec.json');
  assert.deepEqual(after, []);
  assert.equal(JSON.parse(fixed).Hooks[0].BeforeAllowTraffic, 'CodeDeployHook_ThumbPre');
});

test('W8002 map form warns; the fix rewrites it as a list (YAML and JSON)', () => {
  const text = ECS_HEAD + '  BeforeInstall: CodeDeployHook_a\n  AfterInstall: CodeDeployHook_b\n';
  const f = one(hooksAsMap, text);
  assert.match(f.message, /written as a mapping/);
  assert.equal(line(f), 9);
  const { fixed, after } = fixAndRerun(hooksAsMap, text);
  assert.deepEqual(after, []);
  assert.deepEqual(parse(fixed).yaml?.toJS().Hooks, [
    { BeforeInstall: 'CodeDeployHook_a' },
    { AfterInstall: 'CodeDeployHook_b' },
  ]);
  const json = fixture('lambda/valid.json').replace(
    '[\n    { "BeforeAllowTraffic": "CodeDeployHook_ThumbPre" }\n  ]',
    '{\n    "BeforeAllowTraffic": "CodeDeployHook_ThumbPre",\n    "AfterAllowTraffic": "CodeDeployHook_ThumbPost"\n  }',
  );
  one(hooksAsMap, json, 'appspec.json');
  const r = fixAndRerun(hooksAsMap, json, 'appspec.json');
  assert.deepEqual(r.after, []);
  assert.deepEqual(JSON.parse(r.fixed).Hooks, [
    { BeforeAllowTraffic: 'CodeDeployHook_ThumbPre' },
    { AfterAllowTraffic: 'CodeDeployHook_ThumbPost' },
  ]);
  none(hooksAsMap, ECS_HEAD + '  - BeforeInstall: CodeDeployHook_a\n');
});

test('W8003 two events in one item; the fix splits them (block and flow)', () => {
  const text = ECS_HEAD + '  - BeforeInstall: CodeDeployHook_a\n    AfterInstall: CodeDeployHook_b\n';
  const f = one(hookItemSeveralEvents, text);
  assert.match(f.message, /`AfterInstall` shares a list item with `BeforeInstall`/);
  assert.equal(line(f), HOOK_LINE + 1);
  const { fixed, after } = fixAndRerun(hookItemSeveralEvents, text);
  assert.deepEqual(after, []);
  assert.equal(parse(fixed).yaml?.toJS().Hooks.length, 2);
  const flow = ECS_HEAD + '  - {BeforeInstall: CodeDeployHook_a, AfterInstall: CodeDeployHook_b}\n';
  const r = fixAndRerun(hookItemSeveralEvents, flow);
  assert.deepEqual(r.after, []);
  assert.deepEqual(parse(r.fixed).yaml?.toJS().Hooks, [
    { BeforeInstall: 'CodeDeployHook_a' },
    { AfterInstall: 'CodeDeployHook_b' },
  ]);
  const json = fixture('lambda/valid.json').replace(
    '{ "BeforeAllowTraffic": "CodeDeployHook_ThumbPre" }',
    '{ "BeforeAllowTraffic": "CodeDeployHook_ThumbPre", "AfterAllowTraffic": "CodeDeployHook_ThumbPost" }',
  );
  const j = fixAndRerun(hookItemSeveralEvents, json, 'appspec.json');
  assert.deepEqual(j.after, []);
  assert.deepEqual(JSON.parse(j.fixed).Hooks, [
    { BeforeAllowTraffic: 'CodeDeployHook_ThumbPre' },
    { AfterAllowTraffic: 'CodeDeployHook_ThumbPost' },
  ]);
});

test('W8004 the same event twice across items', () => {
  const f = one(
    hookEventDuplicate,
    ECS_HEAD +
      '  - BeforeInstall: CodeDeployHook_a\n  - AfterInstall: CodeDeployHook_c\n  - BeforeInstall: CodeDeployHook_b\n',
  );
  assert.match(f.message, /`BeforeInstall` is already hooked above/);
  assert.equal(line(f), HOOK_LINE + 2);
  assert.equal(f.related?.[0].range.start.line, HOOK_LINE);
});

test('E8009 Hooks that are not a list of Event: function entries', () => {
  const f = one(hooksShape, ECS_HEAD.replace('Hooks:\n', 'Hooks: CodeDeployHook_a\n'));
  assert.match(f.message, /must be a list/);
  assert.equal(line(f), 9);
  const g = one(hooksShape, ECS_HEAD + '  - BeforeInstall\n');
  assert.match(g.message, /'BeforeInstall' is a bare value/);
  assert.equal(line(g), HOOK_LINE);
  none(hooksShape, ECS_HEAD);
});

test('I8008 is a hint about the CodeDeployHook_ prefix, silent on placeholders', () => {
  const f = one(
    hookFunctionPrefix,
    LAMBDA_HEAD + '  - BeforeAllowTraffic: "arn:aws:lambda:us-east-1:111122223333:function:preTrafficCheck"\n',
  );
  assert.match(f.message, /runs `preTrafficCheck`.*CodeDeployHook_/);
  assert.equal(line(f), HOOK_LINE);
  none(hookFunctionPrefix, LAMBDA_HEAD + '  - BeforeAllowTraffic: "${PRE_TRAFFIC_FN}"\n');
  assert.equal(hookFunctionPrefix.severity, 'hint');
  assert.equal(run(hookFunctionPrefix, fixture('ecs/template-pipeline.yml')).length, 0);
});

test('the sample template placeholder `LifeCycleEvent: ""` is one warning, not errors', () => {
  const text = [
    'version: 0.0',
    'Resources:',
    '  - MyFunction:',
    '      Type: AWS::Lambda::Function',
    '      Properties:',
    '        Name: "orders"',
    '        Alias: "live"',
    '        CurrentVersion: "1"',
    '        TargetVersion: "2"',
    'Hooks:',
    '    - LifeCycleEvent: ""',
    '',
  ].join('\n');
  none(lambdaHookEventUnknown, text);
  const f = one(hookEventTemplatePlaceholder, text);
  assert.equal(line(f), 10);
  assert.match(f.message, /placeholder of the AWS sample template/);
  none(hookFunctionValue, text);
  const all = lintAll(text);
  assert.deepEqual(
    all.filter((d) => d.severity === 'error').map((d) => d.ruleId),
    [],
  );
  // A real event left empty is still an error.
  const empty = text.replace('LifeCycleEvent', 'BeforeAllowTraffic');
  assert.equal(one(hookFunctionValue, empty).ruleId, 'E8001');
});
