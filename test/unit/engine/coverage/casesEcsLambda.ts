/** Firing and quiet cases of the rules ECS and Lambda share (8xxx). */
import type { RuleCase } from './ruleCase';
import { ECS_JSON, ecs } from './casesEcs';
import { LAMBDA_JSON, lambda } from './casesLambda';

const hooks = (lines: string) => ecs({ tail: `Hooks:\n${lines}` });

export const FIRES_ECS_LAMBDA: RuleCase[] = [
  {
    id: 'E8001',
    name: 'a list of functions',
    text: hooks('  - BeforeInstall: [CodeDeployHook_a, CodeDeployHook_b]\n'),
    line: 11,
  },
  { id: 'W8002', name: 'hooks as a map', text: hooks('  BeforeInstall: "CodeDeployHook_x"\n'), line: 10 },
  {
    id: 'W8003',
    name: 'two events in one item',
    text: hooks('  - BeforeInstall: "CodeDeployHook_a"\n    AfterInstall: "CodeDeployHook_b"\n'),
    line: 12,
  },
  {
    id: 'W8004',
    name: 'the same event twice',
    text: hooks('  - BeforeInstall: "CodeDeployHook_a"\n  - BeforeInstall: "CodeDeployHook_b"\n'),
    line: 12,
  },
  {
    id: 'I8005',
    name: 'lower-case hooks',
    text: ecs({ tail: 'hooks:\n  - BeforeInstall: "CodeDeployHook_x"\n' }),
    line: 10,
  },
  { id: 'W8006', name: 'a misspelt property', text: ecs({ extra: '        PlatformVersoin: LATEST\n' }), line: 10 },
  { id: 'W8007', name: 'os in an ECS file', text: ecs({ tail: 'os: linux\n' }), line: 10 },
  {
    id: 'I8008',
    name: 'a hook function without the managed-policy prefix',
    text: hooks('  - BeforeInstall: "check-deploy"\n'),
    line: 11,
  },
  { id: 'E8009', name: 'Hooks is a number', text: lambda({ tail: 'Hooks: 5\n' }), line: 10 },
  {
    id: 'E8010',
    name: 'Type and Properties beside the name, platform unknown',
    text: lambda().replace('      Type:', '    Type:').replace('      Properties:', '    Properties:'),
    line: 3,
  },
  { id: 'W8011', name: 'a number as function', text: hooks('  - BeforeInstall: 42\n'), line: 11 },
  {
    id: 'W8012',
    name: 'the sample template event',
    text: lambda({ tail: 'Hooks:\n  - LifeCycleEvent: ""\n' }),
    line: 11,
  },
  { id: 'E8013', name: 'Resources: []', text: 'version: 0.0\nResources: []\n', line: 2 },
  {
    id: 'E8013',
    name: 'Resources: [] (JSON)',
    text: '{\n  "version": 0.0,\n  "Resources": []\n}\n',
    fileName: 'appspec.json',
    line: 3,
  },
  {
    id: 'E8014',
    name: 'Properties empty, its keys beside it',
    text: ecs()
      .replace(/\n {8}(TaskDefinition|LoadBalancerInfo)/g, '\n      $1')
      .replace(/\n {10}Container/g, '\n        Container'),
    line: 5,
  },
  {
    id: 'E8014',
    name: 'LoadBalancerInfo empty, its keys beside it',
    text: ecs().replace(/\n {10}Container/g, '\n        Container'),
    line: 7,
  },
  {
    id: 'E8015',
    name: 'Properties inside Properties',
    text: ecs()
      .replace('      Properties:\n', '      Properties:\n        Properties:\n')
      .replace(/\n {8}(TaskDefinition|LoadBalancerInfo)/g, '\n          $1')
      .replace(/\n {10}Container/g, '\n            Container'),
    line: 6,
  },
];

const LAMBDA_HOOKS_JSON = (hook: string) =>
  LAMBDA_JSON.replace('} } }\n  ]\n}', `} } }\n  ],\n  "Hooks": [\n    ${hook}\n  ]\n}`);

FIRES_ECS_LAMBDA.push(
  {
    id: 'W8011',
    name: 'a number as function (JSON)',
    text: LAMBDA_HOOKS_JSON('{ "BeforeAllowTraffic": 42 }'),
    fileName: 'appspec.json',
    line: 10,
  },
  {
    id: 'W8012',
    name: 'the sample template event (JSON)',
    text: LAMBDA_HOOKS_JSON('{ "LifeCycleEvent": "" }'),
    fileName: 'appspec.json',
    line: 10,
  },
);

export const QUIET_ECS_LAMBDA: RuleCase[] = [
  {
    id: 'W8011',
    name: 'a function name (JSON)',
    text: LAMBDA_HOOKS_JSON('{ "BeforeAllowTraffic": "CodeDeployHook_check" }'),
    fileName: 'appspec.json',
  },
  { id: 'E8001', name: 'one function name', text: hooks('  - BeforeInstall: "CodeDeployHook_x"\n') },
  {
    id: 'E8001',
    name: 'a one-item list is flagged, a bracket placeholder is not',
    text: hooks('  - BeforeInstall: "[YOUR_HOOK_FUNCTION]"\n'),
  },
  { id: 'W8002', name: 'hooks as a list', text: hooks('  - BeforeInstall: "CodeDeployHook_x"\n') },
  {
    id: 'W8003',
    name: 'one event per item',
    text: hooks('  - BeforeInstall: "CodeDeployHook_a"\n  - AfterInstall: "CodeDeployHook_b"\n'),
  },
  {
    id: 'W8004',
    name: 'distinct events',
    text: hooks('  - BeforeInstall: "CodeDeployHook_a"\n  - AfterInstall: "CodeDeployHook_b"\n'),
  },
  { id: 'I8005', name: 'PascalCase', text: hooks('  - BeforeInstall: "CodeDeployHook_x"\n') },
  { id: 'W8006', name: 'known keys (JSON)', text: ECS_JSON, fileName: 'appspec.json' },
  { id: 'W8007', name: 'no EC2 keys', text: ecs() },
  { id: 'I8008', name: 'CodeDeployHook_ prefix', text: hooks('  - BeforeInstall: "CodeDeployHook_x"\n') },
  {
    id: 'E8009',
    name: 'Hooks as a list',
    text: lambda({ tail: 'Hooks:\n  - BeforeAllowTraffic: "CodeDeployHook_x"\n' }),
  },
  {
    id: 'E8010',
    name: 'platform unknown for another reason',
    text: 'version: 0.0\nResources:\n  - orders:\n      Type: Custom::Thing\n',
  },
  { id: 'W8011', name: 'a quoted number', text: hooks('  - BeforeInstall: "42"\n') },
  { id: 'W8012', name: 'a real event', text: lambda({ tail: 'Hooks:\n  - BeforeAllowTraffic: "CodeDeployHook_x"\n' }) },
  {
    id: 'E8013',
    name: 'a Resources mapping of another tool',
    text: 'version: 0.0\nResources:\n  - orders:\n      Type: Custom::Thing\n',
  },
  { id: 'E8014', name: 'keys under their parents', text: ecs() },
  { id: 'E8014', name: 'an empty PlatformVersion is a leaf', text: ecs({ extra: '        PlatformVersion:\n' }) },
  { id: 'E8015', name: 'one Properties', text: ecs() },
];
