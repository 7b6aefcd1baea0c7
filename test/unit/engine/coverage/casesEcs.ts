/** Firing and quiet cases of the ECS rules (6xxx). Lines: 3 resource, 4 Type, 5 Properties, 6 TaskDefinition, 7-9 LoadBalancerInfo, 10+ more. */
import type { RuleCase } from './ruleCase';

const ARN = '"arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"';
export const NET =
  '        NetworkConfiguration:\n          AwsvpcConfiguration:\n            Subnets: ["subnet-0a1b2c3d"]\n' +
  '            SecurityGroups: ["sg-0a1b2c3d"]\n            AssignPublicIp: DISABLED\n';

export interface EcsParts {
  resource?: string;
  type?: string;
  td?: string;
  name?: string;
  port?: string;
  /** More lines of Properties (indented 8). */
  extra?: string;
  /** Lines after the resource (from column 0), e.g. `Hooks:`. */
  tail?: string;
}

export function ecs(p: EcsParts = {}): string {
  return (
    `version: 0.0\nResources:\n  - ${p.resource ?? 'TargetService'}:\n      Type: ${p.type ?? 'AWS::ECS::Service'}\n` +
    `      Properties:\n        TaskDefinition: ${p.td ?? ARN}\n        LoadBalancerInfo:\n` +
    `          ContainerName: ${p.name ?? '"web"'}\n          ContainerPort: ${p.port ?? '80'}\n${p.extra ?? ''}${p.tail ?? ''}`
  );
}

export const ECS_JSON =
  '{\n  "version": 0.0,\n  "Resources": [\n    { "TargetService": {\n      "Type": "AWS::ECS::Service",\n' +
  `      "Properties": {\n        "TaskDefinition": ${ARN},\n` +
  '        "LoadBalancerInfo": { "ContainerName": "web", "ContainerPort": 80 } } } }\n  ]\n}\n';

export const FIRES_ECS: RuleCase[] = [
  { id: 'E6001', name: 'two resources', text: ecs({ tail: '  - Other:\n      Type: AWS::ECS::Service\n' }), line: 10 },
  {
    id: 'E6001',
    name: 'Type and Properties beside the name',
    text: ecs().replace('      Type:', '    Type:').replace('      Properties:', '    Properties:'),
    line: 3,
  },
  { id: 'W6002', name: 'TargetServices', text: ecs({ resource: 'TargetServices' }), line: 3 },
  { id: 'E6003', name: 'a mis-cased type', text: ecs({ type: 'aws::ecs::service' }), line: 4 },
  { id: 'E6004', name: 'no TaskDefinition', text: ecs().replace(`        TaskDefinition: ${ARN}\n`, ''), line: 5 },
  { id: 'W6005', name: 'a file name', text: ecs({ td: 'taskdef.json' }), line: 6 },
  { id: 'E6006', name: 'no ContainerPort', text: ecs().replace('          ContainerPort: 80\n', ''), line: 7 },
  { id: 'E6007', name: 'port 70000', text: ecs({ port: '70000' }), line: 9 },
  {
    id: 'E6007',
    name: 'port 0 in JSON',
    text: ECS_JSON.replace('"ContainerPort": 80', '"ContainerPort": 0'),
    fileName: 'appspec.json',
    line: 8,
  },
  {
    id: 'E6008',
    name: 'AwsvpcConfiguration without SecurityGroups',
    text: ecs({ extra: NET.replace('            SecurityGroups: ["sg-0a1b2c3d"]\n', '') }),
    line: 11,
  },
  { id: 'E6009', name: 'AssignPublicIp true', text: ecs({ extra: NET.replace('DISABLED', 'true') }), line: 14 },
  {
    id: 'E6010',
    name: 'subnets as one string',
    text: ecs({ extra: NET.replace('["subnet-0a1b2c3d"]', '"subnet-0a1b2c3d,subnet-0e1f2a3b"') }),
    line: 12,
  },
  {
    id: 'E6010',
    name: 'an availability zone pasted after the subnet',
    text: ecs({ extra: NET.replace('"subnet-0a1b2c3d"', '"subnet-04f68f28589ae0ec2 - us-east-1a"') }),
    line: 12,
  },
  {
    id: 'E6010',
    name: 'a security group with spaces (JSON)',
    text: ECS_JSON.replace(
      '} } } }',
      '},\n        "NetworkConfiguration": { "AwsvpcConfiguration": { "Subnets": ["subnet-0a1b2c3d"],\n          "SecurityGroups": ["sg-0a1b2c3d sg-0e1f2a3b"], "AssignPublicIp": "DISABLED" } } } } }',
    ),
    fileName: 'appspec.json',
    line: 10,
  },
  {
    id: 'E6011',
    name: 'two bases',
    text: ecs({
      extra:
        '        CapacityProviderStrategy:\n          - CapacityProvider: FARGATE\n            Base: 1\n          - CapacityProvider: FARGATE_SPOT\n            Base: 2\n',
    }),
    line: 14,
  },
  {
    id: 'W6012',
    name: 'strategy item without provider',
    text: ecs({ extra: '        CapacityProviderStrategy:\n          - Weight: 1\n' }),
    line: 11,
  },
  { id: 'I6013', name: 'lower-case latest', text: ecs({ extra: '        PlatformVersion: latest\n' }), line: 10 },
  {
    id: 'E6014',
    name: 'an EC2 event',
    text: ecs({ tail: 'Hooks:\n  - ApplicationStart: "CodeDeployHook_x"\n' }),
    line: 11,
  },
  { id: 'E6015', name: 'an image as container name', text: ecs({ name: '"nginx:1.27"' }), line: 8 },
  {
    id: 'W6016',
    name: 'a security group name',
    text: ecs({ extra: NET.replace('"sg-0a1b2c3d"', '"web-servers"') }),
    line: 13,
  },
  {
    id: 'W6016',
    name: 'a shortened subnet ID',
    text: ecs({ extra: NET.replace('"subnet-0a1b2c3d"', '"subnet-0a1b"') }),
    line: 12,
  },
  {
    id: 'E6017',
    name: 'an empty account field',
    text: ecs({ td: '"arn:aws:ecs:us-east-1::task-definition/web:3"' }),
    line: 6,
  },
  {
    id: 'E6017',
    name: 'an empty account field (JSON)',
    text: ECS_JSON.replace(':111122223333:', '::'),
    fileName: 'appspec.json',
    line: 7,
  },
  { id: 'I6018', name: 'an upper-case token', text: ecs({ td: 'TASK_DEFINITION_ARN_PLACEHOLDER' }), line: 6 },
  { id: 'I6019', name: 'targetService', text: ecs({ resource: 'targetService' }), line: 3 },
  {
    id: 'I6019',
    name: 'targetService (JSON)',
    text: ECS_JSON.replace('"TargetService"', '"targetService"'),
    fileName: 'appspec.json',
    line: 4,
  },
  {
    id: 'I6018',
    name: 'an upper-case token (JSON)',
    text: ECS_JSON.replace(/"arn:aws:ecs:[^"]+"/, '"TASK_DEF_ARN"'),
    fileName: 'appspec.json',
    line: 7,
  },
  { id: 'W6020', name: 'a quoted port', text: ecs({ port: '"80"' }), line: 9 },
  {
    id: 'W6020',
    name: 'a quoted port (JSON)',
    text: ECS_JSON.replace('"ContainerPort": 80', '"ContainerPort": "80"'),
    fileName: 'appspec.json',
    line: 8,
  },
];

export const QUIET_ECS: RuleCase[] = [
  { id: 'E6001', name: 'one resource', text: ecs() },
  { id: 'W6002', name: 'TargetService', text: ecs() },
  { id: 'E6003', name: 'AWS::ECS::Service', text: ecs() },
  { id: 'E6004', name: 'a pipeline placeholder', text: ecs({ td: '<TASK_DEFINITION>' }) },
  { id: 'W6005', name: 'an ARN', text: ecs() },
  { id: 'W6005', name: 'a bracket placeholder', text: ecs({ td: '"[YOUR_TASK_DEFINITION_ARN]"' }) },
  { id: 'E6006', name: 'complete LoadBalancerInfo', text: ecs() },
  { id: 'E6007', name: 'port 80 in JSON', text: ECS_JSON, fileName: 'appspec.json' },
  { id: 'E6008', name: 'complete network configuration', text: ecs({ extra: NET }) },
  { id: 'E6009', name: 'DISABLED', text: ecs({ extra: NET }) },
  {
    id: 'E6010',
    name: 'two whole IDs',
    text: ecs({ extra: NET.replace('["subnet-0a1b2c3d"]', '["subnet-0a1b2c3d", "subnet-04f68f28589ae0ec2"]') }),
  },
  {
    id: 'E6011',
    name: 'one base',
    text: ecs({
      extra:
        '        CapacityProviderStrategy:\n          - CapacityProvider: FARGATE\n            Base: 1\n            Weight: 1\n          - CapacityProvider: FARGATE_SPOT\n            Base: 0\n            Weight: 1\n',
    }),
  },
  {
    id: 'W6012',
    name: 'provider given',
    text: ecs({
      extra: '        CapacityProviderStrategy:\n          - CapacityProvider: FARGATE\n            Weight: 1\n',
    }),
  },
  { id: 'I6013', name: 'LATEST', text: ecs({ extra: '        PlatformVersion: LATEST\n' }) },
  { id: 'E6014', name: 'an ECS event', text: ecs({ tail: 'Hooks:\n  - AfterAllowTestTraffic: "CodeDeployHook_x"\n' }) },
  { id: 'E6015', name: 'a container name', text: ecs() },
  { id: 'E6015', name: 'a bracket placeholder', text: ecs({ name: '"[YOUR_ContainerName]"' }) },
  {
    id: 'W6016',
    name: 'whole IDs of 8 and 17 digits',
    text: ecs({ extra: NET.replace('"sg-0a1b2c3d"', '"sg-0123456789abcdef0"') }),
  },
  {
    id: 'E6017',
    name: 'a well-formed ARN in another partition',
    text: ecs({ td: 'arn:aws-cn:ecs:cn-north-1:111122223333:task-definition/web:3' }),
  },
  { id: 'I6018', name: 'an ARN', text: ecs() },
  { id: 'I6019', name: 'TargetService', text: ecs() },
  { id: 'W6020', name: 'an unquoted port', text: ecs() },
];
