/**
 * Starter AppSpec files for "AppSpec: New AppSpec File…", one per compute platform. Each is
 * valid as written (the unit tests lint them); placeholders are plain values to replace.
 */

export interface AppSpecTemplate {
  platform: 'Server' | 'ECS' | 'Lambda';
  label: string;
  detail: string;
  fileName: string;
  content: string;
  /** Hook scripts the EC2 template refers to, created next to it (executable). */
  scripts?: Record<string, string>;
}

const script = (what: string) => `#!/bin/bash\nset -euo pipefail\n# ${what}\n`;

export const TEMPLATES: AppSpecTemplate[] = [
  {
    platform: 'Server',
    label: 'EC2/On-Premises',
    detail: 'files to copy and hook scripts run by the CodeDeploy agent',
    fileName: 'appspec.yml',
    content: [
      'version: 0.0',
      'os: linux',
      'files:',
      '  - source: /',
      '    destination: /opt/my-app',
      'file_exists_behavior: OVERWRITE',
      'hooks:',
      '  ApplicationStop:',
      '    - location: scripts/stop.sh',
      '      timeout: 60',
      '  AfterInstall:',
      '    - location: scripts/install.sh',
      '      timeout: 300',
      '  ApplicationStart:',
      '    - location: scripts/start.sh',
      '      timeout: 60',
      '  ValidateService:',
      '    - location: scripts/validate.sh',
      '      timeout: 120',
      '',
    ].join('\n'),
    scripts: {
      'scripts/stop.sh': script('Stop the running application (must succeed when nothing runs yet).'),
      'scripts/install.sh': script('Install dependencies and configure the new revision.'),
      'scripts/start.sh': script('Start the application in the background, with output redirected.'),
      'scripts/validate.sh': script('Check that the application answers (retry in a loop if it starts slowly).'),
    },
  },
  {
    platform: 'ECS',
    label: 'Amazon ECS',
    detail: 'blue/green replacement of a service task set',
    fileName: 'appspec.yml',
    content: [
      'version: 0.0',
      'Resources:',
      '  - TargetService:',
      '      Type: AWS::ECS::Service',
      '      Properties:',
      '        TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/my-service:1"',
      '        LoadBalancerInfo:',
      '          ContainerName: "my-container"',
      '          ContainerPort: 80',
      '',
    ].join('\n'),
  },
  {
    platform: 'Lambda',
    label: 'AWS Lambda',
    detail: 'shift an alias from one function version to another',
    fileName: 'appspec.yml',
    content: [
      'version: 0.0',
      'Resources:',
      '  - myFunction:',
      '      Type: AWS::Lambda::Function',
      '      Properties:',
      '        Name: "my-function"',
      '        Alias: "live"',
      '        CurrentVersion: "1"',
      '        TargetVersion: "2"',
      '',
    ].join('\n'),
  },
];
