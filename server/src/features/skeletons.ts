/**
 * Whole-file skeletons per platform and common blocks, as snippet bodies. Completion offers the
 * skeletons in an empty AppSpec; snippets/*.code-snippets carry the same bodies (a unit test
 * keeps them equal).
 */

export interface Skeleton {
  /** Snippet prefix, always starting with `appspec`. */
  prefix: string;
  label: string;
  description: string;
  format: 'yaml' | 'json';
  /** Whole-file skeleton (offered in empty documents) or a block. */
  whole: boolean;
  body: string[];
}

export const SKELETONS: readonly Skeleton[] = [
  {
    prefix: 'appspec-ec2',
    label: 'AppSpec for EC2/On-Premises',
    description: 'A complete EC2/On-Premises AppSpec: files, file_exists_behavior and three hooks.',
    format: 'yaml',
    whole: true,
    body: [
      'version: 0.0',
      'os: ${1|linux,windows|}',
      'files:',
      '  - source: ${2:/}',
      '    destination: ${3:/var/www/html}',
      'file_exists_behavior: ${4|OVERWRITE,DISALLOW,RETAIN|}',
      'hooks:',
      '  BeforeInstall:',
      '    - location: ${5:scripts/install_dependencies.sh}',
      '      timeout: ${6:300}',
      '  ApplicationStart:',
      '    - location: ${7:scripts/start_server.sh}',
      '      timeout: ${8:300}',
      '  ValidateService:',
      '    - location: ${9:scripts/validate_service.sh}',
      '      timeout: ${10:300}',
      '$0',
    ],
  },
  {
    prefix: 'appspec-ecs',
    label: 'AppSpec for Amazon ECS',
    description: 'A complete Amazon ECS AppSpec: the target service and a test-traffic hook.',
    format: 'yaml',
    whole: true,
    body: [
      'version: 0.0',
      'Resources:',
      '  - TargetService:',
      '      Type: AWS::ECS::Service',
      '      Properties:',
      '        TaskDefinition: "${1:<TASK_DEFINITION>}"',
      '        LoadBalancerInfo:',
      '          ContainerName: "${2:app}"',
      '          ContainerPort: ${3:80}',
      'Hooks:',
      '  - AfterAllowTestTraffic: "${4:CodeDeployHook_AfterAllowTestTraffic}"',
      '$0',
    ],
  },
  {
    prefix: 'appspec-lambda',
    label: 'AppSpec for AWS Lambda',
    description: 'A complete AWS Lambda AppSpec: the function alias, the two versions and both hooks.',
    format: 'yaml',
    whole: true,
    body: [
      'version: 0.0',
      'Resources:',
      '  - ${1:myLambdaFunction}:',
      '      Type: AWS::Lambda::Function',
      '      Properties:',
      '        Name: "${2:myLambdaFunction}"',
      '        Alias: "${3:live}"',
      '        CurrentVersion: "${4:1}"',
      '        TargetVersion: "${5:2}"',
      'Hooks:',
      '  - BeforeAllowTraffic: "${6:CodeDeployHook_BeforeAllowTraffic}"',
      '  - AfterAllowTraffic: "${7:CodeDeployHook_AfterAllowTraffic}"',
      '$0',
    ],
  },
  {
    prefix: 'appspec-hook',
    label: 'AppSpec EC2 hook with a script',
    description: 'A lifecycle event with one script (inside `hooks:`).',
    format: 'yaml',
    whole: false,
    body: [
      '${1|BeforeBlockTraffic,AfterBlockTraffic,ApplicationStop,BeforeInstall,AfterInstall,ApplicationStart,ValidateService,BeforeAllowTraffic,AfterAllowTraffic|}:',
      '  - location: ${2:scripts/run.sh}',
      '    timeout: ${3:300}',
      '    runas: ${4:root}',
    ],
  },
  {
    prefix: 'appspec-files-entry',
    label: 'AppSpec files entry',
    description: 'One `source`/`destination` mapping (inside `files:`).',
    format: 'yaml',
    whole: false,
    body: ['- source: ${1:/}', '  destination: ${2:/var/www/html}'],
  },
  {
    prefix: 'appspec-permissions-entry',
    label: 'AppSpec permissions entry',
    description: 'Owner, group and mode for installed files (inside `permissions:`).',
    format: 'yaml',
    whole: false,
    body: [
      '- object: ${1:/var/www/html}',
      '  pattern: "${2:**}"',
      '  owner: ${3:www-data}',
      '  group: ${4:www-data}',
      '  mode: ${5:644}',
      '  type:',
      '    - ${6|file,directory|}',
    ],
  },
  {
    prefix: 'appspec-ecs-network',
    label: 'AppSpec ECS network configuration',
    description: 'awsvpc subnets, security groups and public IP (inside `Properties:`).',
    format: 'yaml',
    whole: false,
    body: [
      'NetworkConfiguration:',
      '  AwsvpcConfiguration:',
      '    Subnets:',
      '      - "${1:subnet-0123456789abcdef0}"',
      '    SecurityGroups:',
      '      - "${2:sg-0123456789abcdef0}"',
      '    AssignPublicIp: "${3|DISABLED,ENABLED|}"',
    ],
  },
  {
    prefix: 'appspec-ecs',
    label: 'AppSpec for Amazon ECS',
    description: 'A complete Amazon ECS AppSpec in JSON: the target service and a test-traffic hook.',
    format: 'json',
    whole: true,
    body: [
      '{',
      '\t"version": 0.0,',
      '\t"Resources": [',
      '\t\t{',
      '\t\t\t"TargetService": {',
      '\t\t\t\t"Type": "AWS::ECS::Service",',
      '\t\t\t\t"Properties": {',
      '\t\t\t\t\t"TaskDefinition": "${1:<TASK_DEFINITION>}",',
      '\t\t\t\t\t"LoadBalancerInfo": {',
      '\t\t\t\t\t\t"ContainerName": "${2:app}",',
      '\t\t\t\t\t\t"ContainerPort": ${3:80}',
      '\t\t\t\t\t}',
      '\t\t\t\t}',
      '\t\t\t}',
      '\t\t}',
      '\t],',
      '\t"Hooks": [',
      '\t\t{',
      '\t\t\t"AfterAllowTestTraffic": "${4:CodeDeployHook_AfterAllowTestTraffic}"',
      '\t\t}',
      '\t]',
      '}',
    ],
  },
  {
    prefix: 'appspec-lambda',
    label: 'AppSpec for AWS Lambda',
    description: 'A complete AWS Lambda AppSpec in JSON: the function alias, the two versions and both hooks.',
    format: 'json',
    whole: true,
    body: [
      '{',
      '\t"version": 0.0,',
      '\t"Resources": [',
      '\t\t{',
      '\t\t\t"${1:myLambdaFunction}": {',
      '\t\t\t\t"Type": "AWS::Lambda::Function",',
      '\t\t\t\t"Properties": {',
      '\t\t\t\t\t"Name": "${2:myLambdaFunction}",',
      '\t\t\t\t\t"Alias": "${3:live}",',
      '\t\t\t\t\t"CurrentVersion": "${4:1}",',
      '\t\t\t\t\t"TargetVersion": "${5:2}"',
      '\t\t\t\t}',
      '\t\t\t}',
      '\t\t}',
      '\t],',
      '\t"Hooks": [',
      '\t\t{',
      '\t\t\t"BeforeAllowTraffic": "${6:CodeDeployHook_BeforeAllowTraffic}"',
      '\t\t},',
      '\t\t{',
      '\t\t\t"AfterAllowTraffic": "${7:CodeDeployHook_AfterAllowTraffic}"',
      '\t\t}',
      '\t]',
      '}',
    ],
  },
  {
    prefix: 'appspec-hook',
    label: 'AppSpec ECS/Lambda hook',
    description: 'One hook: a lifecycle event and its Lambda function (inside `"Hooks": [ ]`).',
    format: 'json',
    whole: false,
    body: [
      '{',
      '\t"${1|BeforeInstall,AfterInstall,AfterAllowTestTraffic,BeforeAllowTraffic,AfterAllowTraffic|}": "${2:CodeDeployHook_validate}"',
      '}',
    ],
  },
  {
    prefix: 'appspec-ecs-network',
    label: 'AppSpec ECS network configuration',
    description: 'awsvpc subnets, security groups and public IP (inside `"Properties"`).',
    format: 'json',
    whole: false,
    body: [
      '"NetworkConfiguration": {',
      '\t"AwsvpcConfiguration": {',
      '\t\t"Subnets": ["${1:subnet-0123456789abcdef0}"],',
      '\t\t"SecurityGroups": ["${2:sg-0123456789abcdef0}"],',
      '\t\t"AssignPublicIp": "${3|DISABLED,ENABLED|}"',
      '\t}',
      '}',
    ],
  },
];

/** The platform a whole-file skeleton is for. */
export function skeletonPlatform(s: Skeleton): 'ec2' | 'ecs' | 'lambda' | undefined {
  return s.prefix === 'appspec-ec2'
    ? 'ec2'
    : s.prefix === 'appspec-ecs'
      ? 'ecs'
      : s.prefix === 'appspec-lambda'
        ? 'lambda'
        : undefined;
}
