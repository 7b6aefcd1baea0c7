/**
 * What the fuzzer starts from: valid AppSpecs written for it (EC2 Linux/Windows, ECS YAML/JSON,
 * Lambda YAML/JSON) and the vocabulary mutations draw from (keys, values, YAML specials).
 */

export const SEED_DOCS: readonly { fileName: string; text: string }[] = [
  {
    fileName: 'appspec.yml',
    text: `version: 0.0
os: linux
files:
  - source: /build/output
    destination: /var/www/shop
  - source: config/nginx.conf
    destination: /etc/nginx/conf.d
file_exists_behavior: OVERWRITE
permissions:
  - object: /var/www/shop
    pattern: "**"
    owner: www-data
    group: www-data
    mode: 755
    type:
      - directory
  - object: /var/www/shop
    pattern: "*.html"
    except: [private.html]
    mode: 644
    acls:
      - u:deploy:rw
    type:
      - file
hooks:
  ApplicationStop:
    - location: scripts/stop.sh
      timeout: 60
      runas: root
  BeforeInstall:
    - location: scripts/prepare.sh
  AfterInstall:
    - location: scripts/migrate.sh
      timeout: 600
      runas: deploy
  ApplicationStart:
    - location: scripts/start.sh
      timeout: 120
  ValidateService:
    - location: scripts/health.sh
      timeout: 30
`,
  },
  {
    fileName: 'appspec.yaml',
    text: `version: 0.0
os: windows
files:
  - source: \\site
    destination: C:\\inetpub\\wwwroot
hooks:
  BeforeInstall:
    - location: scripts\\stop-iis.ps1
      timeout: 300
  AfterInstall:
    - location: scripts\\start-iis.bat
`,
  },
  {
    fileName: 'appspec.yaml',
    text: `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/shop:7"
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 8080
        PlatformVersion: "LATEST"
        NetworkConfiguration:
          AwsvpcConfiguration:
            Subnets: ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
            SecurityGroups: ["sg-01234567"]
            AssignPublicIp: "DISABLED"
        CapacityProviderStrategy:
          - Base: 1
            CapacityProvider: "FARGATE"
            Weight: 2
Hooks:
  - BeforeInstall: "CodeDeployHook_pre"
  - AfterAllowTestTraffic: "CodeDeployHook_test"
  - AfterAllowTraffic: "arn:aws:lambda:us-east-1:111122223333:function:CodeDeployHook_post"
`,
  },
  {
    fileName: 'appspec.json',
    text: `{
  "version": 0.0,
  "Resources": [
    {
      "TargetService": {
        "Type": "AWS::ECS::Service",
        "Properties": {
          "TaskDefinition": "<TASK_DEFINITION>",
          "LoadBalancerInfo": { "ContainerName": "api", "ContainerPort": 3000 }
        }
      }
    }
  ],
  "Hooks": [{ "BeforeAllowTraffic": "CodeDeployHook_smoke" }]
}
`,
  },
  {
    fileName: 'appspec.yml',
    text: `version: 0.0
Resources:
  - orders:
      Type: AWS::Lambda::Function
      Properties:
        Name: "orders-handler"
        Alias: "live"
        CurrentVersion: "4"
        TargetVersion: "5"
Hooks:
  - BeforeAllowTraffic: "CodeDeployHook_before"
  - AfterAllowTraffic: "CodeDeployHook_after"
`,
  },
  {
    fileName: 'appspec.json',
    text: `{"version":0.0,"Resources":[{"fn":{"Type":"AWS::Lambda::Function","Properties":{"Name":"billing","Alias":"prod","CurrentVersion":"1","TargetVersion":"2"}}}],"Hooks":[{"AfterAllowTraffic":"CodeDeployHook_check"}]}
`,
  },
];

export const KEYS = [
  'version',
  'os',
  'files',
  'source',
  'destination',
  'file_exists_behavior',
  'permissions',
  'object',
  'pattern',
  'except',
  'owner',
  'group',
  'mode',
  'acls',
  'context',
  'name',
  'type',
  'range',
  'hooks',
  'location',
  'timeout',
  'runas',
  'sudo',
  'Resources',
  'TargetService',
  'Type',
  'Properties',
  'TaskDefinition',
  'LoadBalancerInfo',
  'ContainerName',
  'ContainerPort',
  'Hooks',
  'Name',
  'Alias',
  'CurrentVersion',
  'TargetVersion',
  'BeforeInstall',
  'AfterInstall',
  'ApplicationStart',
  'ApplicationStop',
  'ValidateService',
  'BeforeAllowTraffic',
  'AfterAllowTraffic',
  'AfterAllowTestTraffic',
  'Install',
  'Version',
  'OS',
  'HOOKS',
  'resources',
  'taskDefinition',
  '',
  '?',
  '<<',
  '-',
  '"quoted key"',
  "'k'",
  '[a, b]',
  '{a: 1}',
  '日本',
  'x'.repeat(300),
];
export const VALUES = [
  '0.0',
  '"0.0"',
  '0',
  '1',
  '-1',
  '0644',
  '0o755',
  '1e309',
  '.inf',
  '.nan',
  'true',
  'false',
  'yes',
  'null',
  '~',
  '',
  '[]',
  '{}',
  '[1, 2',
  '{a: ',
  '"unterminated',
  "'single'",
  '"C:\\x\\q"',
  '*.txt',
  '*alias',
  '&anchor v',
  '!!binary aGk=',
  '!Ref X',
  '|',
  '>-',
  '- item',
  'a: b: c',
  '<TASK_DEFINITION>',
  '${ECS_TASK}',
  'arn:aws:ecs:::',
  'linux',
  'windows',
  'OVERWRITE',
  'u:bob:rwx',
  's0-s1:c0.c1023',
  '#comment',
  '% x',
  '@x',
  '`x`',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '💥',
  '9'.repeat(400),
  'é',
  'AWS::ECS::Service',
  'AWS::Lambda::Function',
];
export const SPECIALS = [
  '---',
  '...',
  '%YAML 1.2',
  '%TAG ! tag:x,2000:',
  '? complex',
  ': value',
  '- - - nested',
  '&a [1, 2]',
  '*a',
  '<<: *a',
  'key: &b {x: 1}',
  'other: *b',
  '\t',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '#',
  '|+',
  '>2',
  '!!map',
  '!!seq',
  '!!str',
  '\r',
  '\r\n',
  '\u0085',
  '\u00a0',
  '\ufffd',
  'a:\tb',
  '  ',
  '\\',
  '\u0001',
  '//',
  '/*',
  '}{',
];
