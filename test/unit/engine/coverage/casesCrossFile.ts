/**
 * Firing and quiet cases of the cross-file rules (9xxx): an ECS AppSpec against the task definition file beside it,
 * an EC2 AppSpec against the buildspec that builds its bundle. YAML and JSON AppSpecs, placeholders on both sides.
 */
import type { RuleCase } from './ruleCase';

/** An ECS AppSpec (YAML); `extra` goes under Properties. */
export function ecsYaml(container: string, port: string, extra = '', taskDefinition = '<TASK_DEFINITION>'): string {
  return `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: ${taskDefinition}
        LoadBalancerInfo:
          ContainerName: ${container}
          ContainerPort: ${port}
${extra}`;
}

export function ecsJson(container: string, port: string, network = false): string {
  const nc = network
    ? `,
          "NetworkConfiguration": {
            "AwsvpcConfiguration": { "Subnets": ["subnet-1234abcd"], "SecurityGroups": ["sg-1234abcd"], "AssignPublicIp": "DISABLED" }
          }`
    : '';
  return `{
  "version": 0.0,
  "Resources": [
    {
      "TargetService": {
        "Type": "AWS::ECS::Service",
        "Properties": {
          "TaskDefinition": "<TASK_DEFINITION>",
          "LoadBalancerInfo": {
            "ContainerName": ${JSON.stringify(container)},
            "ContainerPort": ${port}
          }${nc}
        }
      }
    }
  ]
}
`;
}

export const NETWORK = `        NetworkConfiguration:
          AwsvpcConfiguration:
            Subnets: [subnet-1234abcd]
            SecurityGroups: [sg-1234abcd]
            AssignPublicIp: DISABLED
`;

/** A task definition file: containers as [name, ports] (ports as JSON values); `mode` null leaves networkMode out. */
export function taskdef(containers: [string, unknown[]][], mode: string | null = 'awsvpc', family = 'web'): string {
  return JSON.stringify(
    {
      family,
      ...(mode === null ? {} : { networkMode: mode }),
      containerDefinitions: containers.map(([name, ports]) => ({
        name,
        image: '<IMAGE1_NAME>',
        essential: true,
        portMappings: ports.map((p) => ({ containerPort: p, protocol: 'tcp' })),
      })),
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
    },
    null,
    2,
  );
}

const WEB = { 'taskdef.json': taskdef([['web', [80]]]) };
const WEB_BRIDGE = { 'taskdef.json': taskdef([['web', [80]]], 'bridge') };

const EC2 = `version: 0.0
os: linux
files:
  - source: build
    destination: /srv/app
hooks:
  ApplicationStart:
    - location: scripts/start.sh
`;
const EC2_FILES = {
  'build/app.jar': 'jar',
  'scripts/start.sh': { content: '#!/bin/bash\necho ok\n', mode: 0o755 },
};
const buildspec = (artifacts: string) =>
  `version: 0.2\nphases:\n  build:\n    commands:\n      - make\nartifacts:\n${artifacts}`;

export const FIRES_CROSS_FILE: RuleCase[] = [
  { id: 'E9001', name: 'container name differs (YAML)', text: ecsYaml('webapp', '80'), files: WEB, line: 8 },
  {
    id: 'E9001',
    name: 'container name differs (JSON)',
    fileName: 'appspec.json',
    text: ecsJson('webapp', '80'),
    files: WEB,
    line: 10,
  },
  {
    id: 'E9001',
    name: 'container name differs, the task definition file named by the setting',
    text: ecsYaml('web', '80'),
    files: { 'taskdef.json': taskdef([['web', [80]]]), 'infra/prod-taskdef.json': taskdef([['api', [80]]]) },
    config: '{ "taskDefinitionFile": "infra/prod-taskdef.json" }',
    line: 8,
  },
  { id: 'E9002', name: 'port not mapped (YAML)', text: ecsYaml('web', '8080'), files: WEB, line: 9 },
  {
    id: 'E9002',
    name: 'port not mapped (JSON)',
    fileName: 'appspec.json',
    text: ecsJson('web', '8080'),
    files: WEB,
    line: 11,
  },
  {
    id: 'E9002',
    name: 'container without port mappings',
    text: ecsYaml('web', '80'),
    files: { 'taskdef.json': taskdef([['web', []]]) },
    line: 9,
  },
  { id: 'E9003', name: 'bridge network mode (YAML)', text: ecsYaml('web', '80', NETWORK), files: WEB_BRIDGE, line: 10 },
  {
    id: 'E9003',
    name: 'no network mode (JSON)',
    fileName: 'appspec.json',
    text: ecsJson('web', '80', true),
    files: { 'taskdef.json': taskdef([['web', [80]]], null) },
    line: 13,
  },
  {
    id: 'W9004',
    name: 'the file named by the setting does not exist',
    text: ecsYaml('web', '80'),
    files: WEB,
    config: '{ "taskDefinitionFile": "taskdef-prod.json" }',
    line: 6,
  },
  {
    id: 'W9101',
    name: 'the artifact leaves out the AppSpec',
    text: EC2,
    files: { ...EC2_FILES, 'buildspec.yml': buildspec('  files:\n    - build/**/*\n    - scripts/**/*\n') },
    line: 1,
  },
  {
    id: 'W9101',
    name: 'the artifact puts the AppSpec in a subfolder (buildspec in a parent folder)',
    text: EC2,
    appspecDir: 'deploy',
    files: {
      'deploy/build/app.jar': 'jar',
      'deploy/scripts/start.sh': { content: '#!/bin/bash\n', mode: 0o755 },
      'buildspec.yml': buildspec("  files:\n    - '**/*'\n"),
    },
    line: 1,
  },
  {
    id: 'W9102',
    name: 'the artifact leaves out a hook script',
    text: EC2,
    files: { ...EC2_FILES, 'buildspec.yml': buildspec('  files:\n    - appspec.yml\n    - build/**/*\n') },
    line: 8,
  },
  {
    id: 'W9102',
    name: 'discard-paths flattens the scripts folder',
    text: EC2,
    files: {
      ...EC2_FILES,
      'buildspec.yml': buildspec("  files:\n    - '**/*'\n  discard-paths: yes\n"),
    },
    line: 8,
  },
  {
    id: 'W9103',
    name: 'the artifact leaves out a files source',
    text: EC2,
    files: { ...EC2_FILES, 'buildspec.yml': buildspec('  files:\n    - appspec.yml\n    - scripts/*\n') },
    line: 4,
  },
];

export const QUIET_CROSS_FILE: RuleCase[] = [
  { id: 'E9001', name: 'container in the file (YAML)', text: ecsYaml('web', '80'), files: WEB },
  {
    id: 'E9001',
    name: 'container in the file (JSON)',
    fileName: 'appspec.json',
    text: ecsJson('web', '80'),
    files: WEB,
  },
  {
    id: 'E9001',
    name: 'container name a placeholder in the AppSpec',
    text: ecsYaml('<CONTAINER_NAME>', '80'),
    files: WEB,
  },
  {
    id: 'E9001',
    name: 'container name a placeholder in the file',
    text: ecsYaml('web', '80'),
    files: { 'taskdef.json': taskdef([['${CONTAINER_NAME}', [80]]]) },
  },
  {
    id: 'E9001',
    name: 'the AppSpec deploys another family than the file',
    text: ecsYaml('api', '80', '', 'arn:aws:ecs:us-east-1:111122223333:task-definition/api:3'),
    files: WEB,
  },
  { id: 'E9001', name: 'no task definition file', text: ecsYaml('web', '80'), files: {} },
  {
    id: 'E9001',
    name: 'a task definition file that does not parse',
    text: ecsYaml('api', '80'),
    files: { 'taskdef.json': '{ "containerDefinitions": [ { "name": "web", ' },
  },
  { id: 'E9002', name: 'port mapped (YAML)', text: ecsYaml('web', '80'), files: WEB },
  { id: 'E9002', name: 'port mapped (JSON)', fileName: 'appspec.json', text: ecsJson('web', '80'), files: WEB },
  { id: 'E9002', name: 'port a placeholder in the AppSpec', text: ecsYaml('web', '<CONTAINER_PORT>'), files: WEB },
  {
    id: 'E9002',
    name: 'port a placeholder in the file',
    text: ecsYaml('web', '8080'),
    files: { 'taskdef.json': taskdef([['web', ['${PORT}']]]) },
  },
  {
    id: 'E9002',
    name: 'port inside a containerPortRange',
    text: ecsYaml('web', '8085'),
    files: {
      'taskdef.json': JSON.stringify({
        family: 'web',
        networkMode: 'awsvpc',
        containerDefinitions: [{ name: 'web', portMappings: [{ containerPortRange: '8080-8090' }] }],
      }),
    },
  },
  { id: 'E9003', name: 'awsvpc (YAML)', text: ecsYaml('web', '80', NETWORK), files: WEB },
  { id: 'E9003', name: 'awsvpc (JSON)', fileName: 'appspec.json', text: ecsJson('web', '80', true), files: WEB },
  { id: 'E9003', name: 'no NetworkConfiguration with bridge mode', text: ecsYaml('web', '80'), files: WEB_BRIDGE },
  {
    id: 'E9003',
    name: 'network mode a placeholder',
    text: ecsYaml('web', '80', NETWORK),
    files: { 'taskdef.json': taskdef([['web', [80]]], '${NETWORK_MODE}') },
  },
  {
    id: 'W9004',
    name: 'the file named by the setting exists',
    text: ecsYaml('web', '80'),
    files: { 'infra/taskdef.json': taskdef([['web', [80]]]) },
    config: '{ "taskDefinitionFile": "infra/taskdef.json" }',
  },
  {
    id: 'W9101',
    name: 'the artifact holds everything',
    text: EC2,
    files: { ...EC2_FILES, 'buildspec.yml': buildspec("  files:\n    - '**/*'\n") },
  },
  {
    id: 'W9101',
    name: 'base-directory is the AppSpec folder (buildspec in a parent folder)',
    text: EC2,
    appspecDir: 'deploy',
    files: {
      'deploy/build/app.jar': 'jar',
      'deploy/scripts/start.sh': { content: '#!/bin/bash\n', mode: 0o755 },
      'buildspec.yml': buildspec("  files:\n    - '**/*'\n  base-directory: deploy\n"),
    },
  },
  {
    id: 'W9101',
    name: 'a pattern with an environment variable is not judged',
    text: EC2,
    files: { ...EC2_FILES, 'buildspec.yml': buildspec('  files:\n    - $APP_DIR/**/*\n') },
  },
  { id: 'W9101', name: 'no buildspec', text: EC2, files: EC2_FILES },
  {
    id: 'W9102',
    name: 'the scripts are listed',
    text: EC2,
    files: {
      ...EC2_FILES,
      'buildspec.yml': buildspec('  files:\n    - appspec.yml\n    - build/**/*\n    - scripts/**/*\n'),
    },
  },
  {
    id: 'W9102',
    name: 'the scripts folder named whole',
    text: EC2,
    files: { ...EC2_FILES, 'buildspec.yml': buildspec('  files:\n    - appspec.yml\n    - build\n    - scripts\n') },
  },
  {
    id: 'W9103',
    name: 'the source folder is listed',
    text: EC2,
    files: {
      ...EC2_FILES,
      'buildspec.yml': buildspec('  files:\n    - appspec.yml\n    - build/*\n    - scripts/*\n'),
    },
  },
  {
    id: 'W9103',
    name: 'a source built by the build, taken by a folder pattern',
    text: EC2.replace('source: build', 'source: target/app.jar'),
    files: {
      'scripts/start.sh': EC2_FILES['scripts/start.sh'],
      'buildspec.yml': buildspec("  files:\n    - appspec.yml\n    - 'target/**/*'\n    - scripts/*\n"),
    },
  },
];

/** A Lambda AppSpec (YAML). */
export function lambdaYaml(alias: string, current = '1', hook = 'CodeDeployHook_preTraffic'): string {
  return `version: 0.0
Resources:
  - myFunction:
      Type: AWS::Lambda::Function
      Properties:
        Name: my-function
        Alias: ${alias}
        CurrentVersion: "${current}"
        TargetVersion: "2"
Hooks:
  - BeforeAllowTraffic: ${hook}
`;
}

function lambdaJson(alias: string): string {
  return JSON.stringify(
    {
      version: 0.0,
      Resources: [
        {
          myFunction: {
            Type: 'AWS::Lambda::Function',
            Properties: { Name: 'my-function', Alias: alias, CurrentVersion: '1', TargetVersion: '2' },
          },
        },
      ],
      Hooks: [{ BeforeAllowTraffic: 'CodeDeployHook_preTraffic' }],
    },
    null,
    2,
  );
}

/** A SAM template with CloudFormation short tags. */
export const SAM = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  Stage:
    Type: String
Resources:
  MyFunction:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: my-function
      Handler: index.handler
      Runtime: nodejs20.x
      Role: !GetAtt FunctionRole.Arn
      Environment:
        Variables:
          STAGE: !Ref Stage
          TABLE: !Sub '\${AWS::StackName}-table'
      AutoPublishAlias: live
      DeploymentPreference:
        Type: Canary10Percent5Minutes
        Hooks:
          PreTraffic: !Ref PreTrafficHook
  PreTrafficHook:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: CodeDeployHook_preTraffic
      Handler: hook.handler
      Runtime: nodejs20.x
      Policies: !If [IsProd, [AWSLambdaBasicExecutionRole], !Ref AWS::NoValue]
`;

/** A CloudFormation template (JSON) with an alias fixed on version 3. */
export const CFN_JSON = JSON.stringify(
  {
    Resources: {
      Fn: {
        Type: 'AWS::Lambda::Function',
        Properties: { FunctionName: 'my-function', Role: { 'Fn::GetAtt': ['R', 'Arn'] } },
      },
      Live: {
        Type: 'AWS::Lambda::Alias',
        Properties: { FunctionName: { Ref: 'Fn' }, Name: 'live', FunctionVersion: '3' },
      },
    },
  },
  null,
  2,
);

FIRES_CROSS_FILE.push(
  {
    id: 'W9201',
    name: 'alias differs from AutoPublishAlias (YAML)',
    text: lambdaYaml('prod'),
    files: { 'template.yaml': SAM },
    line: 7,
  },
  {
    id: 'W9201',
    name: 'alias differs from an AWS::Lambda::Alias (JSON)',
    fileName: 'appspec.json',
    text: lambdaJson('prod'),
    files: { 'template.json': CFN_JSON },
    line: 9,
  },
  {
    id: 'W9202',
    name: 'CurrentVersion differs from the alias version',
    text: lambdaYaml('live', '1'),
    files: { 'template.json': CFN_JSON },
    line: 8,
  },
  {
    id: 'W9203',
    name: 'PreTraffic hook differs',
    text: lambdaYaml('live', '1', 'CodeDeployHook_other'),
    files: { 'template.yaml': SAM },
    line: 11,
  },
);

QUIET_CROSS_FILE.push(
  {
    id: 'W9201',
    name: 'alias matches AutoPublishAlias (YAML)',
    text: lambdaYaml('live'),
    files: { 'template.yaml': SAM },
  },
  {
    id: 'W9201',
    name: 'alias matches (JSON)',
    fileName: 'appspec.json',
    text: lambdaJson('live'),
    files: { 'template.json': CFN_JSON },
  },
  { id: 'W9201', name: 'alias a placeholder', text: lambdaYaml('${ALIAS}'), files: { 'template.yaml': SAM } },
  {
    id: 'W9201',
    name: 'alias computed by the template',
    text: lambdaYaml('prod'),
    files: { 'template.yaml': SAM.replace('AutoPublishAlias: live', 'AutoPublishAlias: !Ref Stage') },
  },
  {
    id: 'W9202',
    name: 'CurrentVersion is the alias version',
    text: lambdaYaml('live', '3'),
    files: { 'template.json': CFN_JSON },
  },
  { id: 'W9202', name: 'SAM alias version unknown', text: lambdaYaml('live', '1'), files: { 'template.yaml': SAM } },
  { id: 'W9203', name: 'hooks agree', text: lambdaYaml('live'), files: { 'template.yaml': SAM } },
  {
    id: 'W9203',
    name: 'hook a placeholder in the template',
    text: lambdaYaml('live', '1', 'x'),
    files: { 'template.yaml': SAM.replace('PreTraffic: !Ref PreTrafficHook', 'PreTraffic: !Sub "${Hook}"') },
  },
);

QUIET_CROSS_FILE.push(
  {
    id: 'W9101',
    name: 'a build command copies the AppSpec into the artifact folder',
    text: EC2,
    appspecDir: 'deploy',
    files: {
      'deploy/scripts/start.sh': { content: '#!/bin/bash\n', mode: 0o755 },
      'buildspec.yml':
        'version: 0.2\nphases:\n  build:\n    commands:\n      - mkdir -p dist && cp -r deploy/appspec.yml deploy/scripts dist/\nartifacts:\n  files:\n    - "**/*"\n  base-directory: dist\n',
    },
  },
  {
    id: 'W9102',
    name: 'a build command copies the scripts folder',
    text: EC2,
    files: {
      ...EC2_FILES,
      'buildspec.yml': buildspec('  files:\n    - appspec.yml\n    - build/**/*\n').replace(
        '- make',
        '- make && cp -r scripts out/',
      ),
    },
  },
);
