// Documents the benchmark works on, generated fresh each run (nothing copied from elsewhere).

export function ec2Small() {
  return `version: 0.0
os: linux
files:
  - source: /dist
    destination: /var/www/app
  - source: config/app.env
    destination: /etc/app
file_exists_behavior: OVERWRITE
permissions:
  - object: /var/www/app
    pattern: "**"
    owner: app
    group: app
    mode: 755
    type:
      - directory
hooks:
  ApplicationStop:
    - location: scripts/stop.sh
      timeout: 60
  BeforeInstall:
    - location: scripts/before.sh
      timeout: 120
  AfterInstall:
    - location: scripts/after.sh
      timeout: 300
      runas: app
  ApplicationStart:
    - location: scripts/start.sh
      timeout: 60
`;
}

export function ecsSmall() {
  return `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: "arn:aws:ecs:eu-west-1:111122223333:task-definition/web:12"
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 8080
        PlatformVersion: "1.4.0"
        NetworkConfiguration:
          AwsvpcConfiguration:
            Subnets: ["subnet-1234abcd", "subnet-5678efgh"]
            SecurityGroups: ["sg-12345678"]
            AssignPublicIp: "DISABLED"
Hooks:
  - BeforeInstall: "CodeDeployHook_BeforeInstall"
  - AfterAllowTestTraffic: "CodeDeployHook_TestTraffic"
  - AfterAllowTraffic: "CodeDeployHook_AfterAllow"
`;
}

export function lambdaSmall() {
  return `version: 0.0
Resources:
  - checkout:
      Type: AWS::Lambda::Function
      Properties:
        Name: "checkout-handler"
        Alias: "live"
        CurrentVersion: "7"
        TargetVersion: "8"
Hooks:
  - BeforeAllowTraffic: "CodeDeployHook_PreTraffic"
  - AfterAllowTraffic: "CodeDeployHook_PostTraffic"
`;
}

/** An EC2 AppSpec of about `lines` lines: many files, permissions and hook scripts. */
export function ec2Stress(lines = 12000) {
  const out = ['version: 0.0', 'os: linux', 'file_exists_behavior: OVERWRITE', 'files:'];
  const nFiles = Math.floor((lines * 0.35) / 2);
  for (let i = 0; i < nFiles; i++) out.push(`  - source: build/part${i}`, `    destination: /opt/app/part${i}`);
  out.push('permissions:');
  const nPerm = Math.floor((lines * 0.3) / 6);
  for (let i = 0; i < nPerm; i++) {
    out.push(
      `  - object: /opt/app/part${i}`,
      '    owner: app',
      '    group: app',
      `    mode: ${i % 2 ? 644 : 755}`,
      '    type:',
      '      - directory',
    );
  }
  out.push('hooks:');
  const events = ['ApplicationStop', 'BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService'];
  let i = 0;
  while (out.length < lines - 3) {
    const ev = events[Math.floor(i / 1) % events.length];
    if (i < events.length) out.push(`  ${ev}:`);
    else break;
    const per = Math.floor((lines - out.length) / (events.length - i) / 3);
    for (let k = 0; k < per && out.length < lines - 3; k++)
      out.push(`    - location: scripts/${ev}-${k}.sh`, `      timeout: ${(k % 5) + 1}`, '      runas: app');
    i++;
  }
  return out.join('\n') + '\n';
}

/** A valid EC2, ECS or Lambda AppSpec variant for throughput runs. */
export function variant(i) {
  const k = i % 3;
  if (k === 0) return ec2Small().replace('/var/www/app', `/var/www/app${i}`);
  if (k === 1) return ecsSmall().replace('web:12', `web:${i + 1}`);
  return lambdaSmall().replace('checkout-handler', `checkout-${i}`);
}
