/** Firing and quiet cases of the Lambda rules (7xxx). Lines: 3 resource, 4 Type, 5 Properties, 6 Name, 7 Alias, 8 CurrentVersion, 9 TargetVersion. */
import type { RuleCase } from './ruleCase';

export interface LambdaParts {
  type?: string;
  name?: string;
  alias?: string;
  current?: string;
  target?: string;
  tail?: string;
}

export function lambda(p: LambdaParts = {}): string {
  return (
    `version: 0.0\nResources:\n  - orders:\n      Type: ${p.type ?? 'AWS::Lambda::Function'}\n      Properties:\n` +
    `        Name: ${p.name ?? '"orders"'}\n        Alias: ${p.alias ?? '"live"'}\n` +
    `        CurrentVersion: ${p.current ?? '"1"'}\n        TargetVersion: ${p.target ?? '"2"'}\n${p.tail ?? ''}`
  );
}

export const LAMBDA_JSON =
  '{\n  "version": 0.0,\n  "Resources": [\n    { "orders": {\n      "Type": "AWS::Lambda::Function",\n' +
  '      "Properties": { "Name": "orders", "Alias": "live",\n        "CurrentVersion": "1", "TargetVersion": "2" } } }\n  ]\n}\n';

export const FIRES_LAMBDA: RuleCase[] = [
  {
    id: 'E7001',
    name: 'two functions',
    text: lambda({ tail: '  - other:\n      Type: AWS::Lambda::Function\n' }),
    line: 10,
  },
  { id: 'E7002', name: 'a mis-cased type', text: lambda({ type: 'aws::lambda::function' }), line: 4 },
  { id: 'E7003', name: 'no Alias', text: lambda().replace('        Alias: "live"\n', ''), line: 5 },
  { id: 'W7004', name: 'no CurrentVersion', text: lambda().replace('        CurrentVersion: "1"\n', ''), line: 5 },
  { id: 'E7005', name: '$LATEST', text: lambda({ target: '$LATEST' }), line: 9 },
  { id: 'E7005', name: 'an empty CurrentVersion in a filled-in file', text: lambda({ current: '""' }), line: 8 },
  {
    id: 'E7005',
    name: 'an empty CurrentVersion in a filled-in JSON file',
    text: LAMBDA_JSON.replace('"CurrentVersion": "1"', '"CurrentVersion": ""'),
    fileName: 'appspec.json',
    line: 7,
  },
  { id: 'I7006', name: 'versions as numbers', text: lambda({ current: '1', target: '2' }), line: 8 },
  { id: 'W7007', name: 'the same version', text: lambda({ current: '"2"' }), line: 9 },
  { id: 'E7008', name: 'a name with spaces', text: lambda({ name: '"order service"' }), line: 6 },
  { id: 'E7009', name: 'a digits-only alias', text: lambda({ alias: '"123"' }), line: 7 },
  {
    id: 'E7010',
    name: 'an ECS event',
    text: lambda({ tail: 'Hooks:\n  - BeforeInstall: "CodeDeployHook_x"\n' }),
    line: 11,
  },
  { id: 'I7011', name: 'a word as version', text: lambda({ current: 'CURRENT_VERSION' }), line: 8 },
  {
    id: 'I7011',
    name: 'a word as version (JSON)',
    text: LAMBDA_JSON.replace('"TargetVersion": "2"', '"TargetVersion": "TARGET_VERSION"'),
    fileName: 'appspec.json',
    line: 7,
  },
];

export const QUIET_LAMBDA: RuleCase[] = [
  { id: 'E7001', name: 'one function', text: lambda() },
  { id: 'E7002', name: 'AWS::Lambda::Function', text: lambda() },
  { id: 'E7003', name: 'all required keys', text: lambda() },
  { id: 'W7004', name: 'an empty CurrentVersion is not a missing one', text: lambda({ current: '""' }) },
  { id: 'E7005', name: 'string versions', text: LAMBDA_JSON, fileName: 'appspec.json' },
  {
    id: 'E7005',
    name: 'an empty CurrentVersion in a template (W1201)',
    text: lambda({ current: '""', name: '"<FUNCTION_NAME>"' }),
  },
  { id: 'I7006', name: 'quoted versions', text: lambda() },
  { id: 'W7007', name: 'different versions', text: lambda() },
  {
    id: 'E7008',
    name: 'a function ARN',
    text: lambda({ name: '"arn:aws:lambda:us-east-1:111122223333:function:orders"' }),
  },
  { id: 'E7009', name: 'an alias', text: lambda() },
  {
    id: 'E7010',
    name: 'a Lambda event',
    text: lambda({ tail: 'Hooks:\n  - BeforeAllowTraffic: "CodeDeployHook_x"\n' }),
  },
  { id: 'I7011', name: '$LATEST is E7005', text: lambda({ current: '$LATEST' }) },
];
