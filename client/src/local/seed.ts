/**
 * The demo account the local endpoint starts with: one application per compute platform with
 * realistic deployment groups, a simulated EC2 fleet, custom deployment configurations, revision
 * bundles in the local S3 store and a short deployment history (including a failure and its
 * automatic rollback).
 */
import { zipSync, strToU8 } from 'fflate';
import { ACCOUNT_ID as ACCOUNT, type Account } from './account';
import { customConfigs } from './configs';
import type { CreateOptions, DeploymentEngine } from './deployments';
import { seedCompute } from './compute/seed';
import { FAIL_TAG } from './plan/common';
import type { ApplicationRecord, Json } from './types';
export const SEED_BUCKET = 'checkout-web-revisions';

export function lambdaAppSpec(current: number, target: number, hooks = true): string {
  return [
    'version: 0.0',
    'Resources:',
    '  - ordersApi:',
    '      Type: AWS::Lambda::Function',
    '      Properties:',
    '        Name: orders-api',
    '        Alias: live',
    `        CurrentVersion: "${current}"`,
    `        TargetVersion: "${target}"`,
    ...(hooks
      ? [
          'Hooks:',
          '  - BeforeAllowTraffic: CodeDeployHook_orders_api_pre_traffic',
          '  - AfterAllowTraffic: CodeDeployHook_orders_api_post_traffic',
        ]
      : []),
    '',
  ].join('\n');
}

export function ecsAppSpec(revision: number): string {
  return [
    'version: 0.0',
    'Resources:',
    '  - TargetService:',
    '      Type: AWS::ECS::Service',
    '      Properties:',
    `        TaskDefinition: "arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/storefront:${revision}"`,
    '        LoadBalancerInfo:',
    '          ContainerName: "storefront"',
    '          ContainerPort: 8080',
    'Hooks:',
    '  - AfterAllowTestTraffic: "CodeDeployHook_storefront_smoke_test"',
    '',
  ].join('\n');
}

/** A small EC2 revision bundle: appspec.yml at the root plus its hook scripts. */
export function checkoutBundle(version: string): Uint8Array {
  const appspec = [
    'version: 0.0',
    'os: linux',
    'files:',
    '  - source: /app',
    '    destination: /opt/checkout-web',
    'hooks:',
    '  ApplicationStop:',
    '    - location: scripts/stop.sh',
    '      timeout: 60',
    '  BeforeInstall:',
    '    - location: scripts/install-deps.sh',
    '      timeout: 300',
    '  ApplicationStart:',
    '    - location: scripts/start.sh',
    '      timeout: 60',
    '  ValidateService:',
    '    - location: scripts/health-check.sh',
    '      timeout: 120',
    '',
  ].join('\n');
  const script = (body: string) => strToU8(`#!/bin/bash\nset -euo pipefail\n${body}\n`);
  return zipSync({
    'appspec.yml': strToU8(appspec),
    'app/VERSION': strToU8(`${version}\n`),
    'scripts/stop.sh': script('systemctl stop checkout-web || true'),
    'scripts/install-deps.sh': script('dnf install -y nodejs'),
    'scripts/start.sh': script('systemctl start checkout-web'),
    'scripts/health-check.sh': script('curl -fsS http://localhost:8080/health'),
  });
}

export function seedAccount(account: Account, engine: DeploymentEngine, nowMs: number): void {
  const st = account.state;
  const day = 86_400_000;
  seedCompute(account, nowMs);
  const created = Math.floor((nowMs - 60 * day) / 1000);
  for (const c of customConfigs()) account.addConfig(c);
  const addGroup = (app: ApplicationRecord, name: string, info: Json, tags: { Key: string; Value: string }[]) =>
    account.addGroup(app, { ...info, deploymentGroupName: name }, tags);

  const zones = ['us-east-1a', 'us-east-1b'];
  const fleet = (prefix: string, app: string, env: string, n: number) => {
    for (let i = 0; i < n; i++) {
      st.instances.push({
        instanceId: `i-0${prefix}${(i + 1).toString(16).padStart(2, '0')}`,
        tags: [
          { Key: 'App', Value: app },
          { Key: 'Environment', Value: env },
          { Key: 'Name', Value: `${app}-${env}-${i + 1}` },
          { Key: 'Zone', Value: zones[i % zones.length] },
        ],
      });
    }
  };
  fleet('4c1e9a7b2f3d5e', 'checkout-web', 'production', 4);
  fleet('7d2b8c4e1a9f3b', 'checkout-web', 'bluegreen', 2);

  const role = `arn:aws:iam::${ACCOUNT}:role/CodeDeployServiceRole`;
  const rollbackOnFailure = { enabled: true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST'] };

  const checkout = account.addApplication('checkout-web', 'Server', created);
  addGroup(
    checkout,
    'checkout-web-prod',
    {
      serviceRoleArn: role,
      deploymentConfigName: 'CodeDeployDefault.HalfAtATime',
      ec2TagFilters: [{ Key: 'Environment', Value: 'production', Type: 'KEY_AND_VALUE' }],
      deploymentStyle: { deploymentType: 'IN_PLACE', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      loadBalancerInfo: { targetGroupInfoList: [{ name: 'checkout-web-prod-tg' }] },
      autoRollbackConfiguration: rollbackOnFailure,
      outdatedInstancesStrategy: 'UPDATE',
    },
    [{ Key: 'team', Value: 'payments' }],
  );
  addGroup(
    checkout,
    'checkout-web-bluegreen',
    {
      serviceRoleArn: role,
      deploymentConfigName: 'CodeDeployDefault.AllAtOnce',
      ec2TagFilters: [{ Key: 'Environment', Value: 'bluegreen', Type: 'KEY_AND_VALUE' }],
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      loadBalancerInfo: { targetGroupInfoList: [{ name: 'checkout-web-bg-tg' }] },
      blueGreenDeploymentConfiguration: {
        terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 5 },
        deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 60 },
        greenFleetProvisioningOption: { action: 'DISCOVER_EXISTING' },
      },
      autoRollbackConfiguration: rollbackOnFailure,
    },
    [],
  );

  const orders = account.addApplication('orders-api-lambda', 'Lambda', created);
  const ordersGroup = addGroup(
    orders,
    'orders-api-live',
    {
      serviceRoleArn: role,
      deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      autoRollbackConfiguration: rollbackOnFailure,
    },
    [{ Key: 'team', Value: 'orders' }],
  );

  const store = account.addApplication('storefront-ecs', 'ECS', created);
  const ecsGroup = (name: string, ready: Json, wait: number) =>
    addGroup(
      store,
      name,
      {
        serviceRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsCodeDeployRole`,
        deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
        deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
        ecsServices: [
          {
            serviceName: name === 'storefront-prod' ? 'storefront' : 'storefront-staging',
            clusterName: 'storefront-cluster',
          },
        ],
        loadBalancerInfo: {
          targetGroupPairInfoList: [
            {
              targetGroups: [{ name: `${name}-tg-blue` }, { name: `${name}-tg-green` }],
              prodTrafficRoute: {
                listenerArns: [
                  `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:listener/app/storefront-alb/50dc6c495c0c9188/f2f7dc8efc522ab2`,
                ],
              },
              testTrafficRoute: {
                listenerArns: [
                  `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:listener/app/storefront-alb/50dc6c495c0c9188/9b1c8e3a7d2f4a61`,
                ],
              },
            },
          ],
        },
        blueGreenDeploymentConfiguration: {
          terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: wait },
          deploymentReadyOption: ready,
        },
        autoRollbackConfiguration: rollbackOnFailure,
      },
      [],
    );
  ecsGroup('storefront-prod', { actionOnTimeout: 'CONTINUE_DEPLOYMENT', waitTimeInMinutes: 0 }, 5);
  ecsGroup('storefront-staging', { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 30 }, 0);

  // Revision bundles for EC2 in the local S3 store, so "redeploy" works on the seeded history.
  const s3rev = (version: string): Json => {
    const key = `checkout-web/checkout-web-${version}.zip`;
    const meta = account.s3?.put(SEED_BUCKET, key, checkoutBundle(version), 'application/zip');
    return {
      revisionType: 'S3',
      s3Location: {
        bucket: SEED_BUCKET,
        key,
        bundleType: 'zip',
        ...(meta ? { eTag: meta.eTag.replace(/"/g, '') } : {}),
      },
    };
  };
  const contentRev = (content: string): Json => ({ revisionType: 'AppSpecContent', appSpecContent: { content } });
  const past = (daysAgo: number) => ({ createdAtMs: nowMs - daysAgo * day, timeScale: 1 });
  const serverPlan = {
    platform: 'Server' as const,
    hooks: {
      ApplicationStop: ['scripts/stop.sh'],
      BeforeInstall: ['scripts/install-deps.sh'],
      ApplicationStart: ['scripts/start.sh'],
      ValidateService: ['scripts/health-check.sh'],
    },
  };

  // Each seeded deployment plays to its end before the next is created, so the history is consistent
  // (the Lambda alias, target revisions); seeded hooks are answered automatically.
  const create = (input: Json, opts: CreateOptions) => {
    engine.create(input, { ...opts, hookMode: 'auto' });
    engine.advanceAll(nowMs);
  };
  create(
    {
      applicationName: 'checkout-web',
      deploymentGroupName: 'checkout-web-prod',
      revision: s3rev('1.4.0'),
      description: 'Release 1.4.0',
    },
    { ...past(9), plan: serverPlan },
  );
  create(
    {
      applicationName: 'checkout-web',
      deploymentGroupName: 'checkout-web-prod',
      revision: s3rev('1.4.1'),
      description: 'Hotfix: coupon rounding',
    },
    { ...past(4), plan: serverPlan },
  );
  create(
    {
      applicationName: 'orders-api-lambda',
      deploymentGroupName: 'orders-api-live',
      revision: contentRev(lambdaAppSpec(6, 7)),
      description: 'orders-api v7',
    },
    past(6),
  );
  // A failed release and its automatic rollback, through the same failure switch users can set.
  ordersGroup.tags.push({ Key: FAIL_TAG, Value: 'AfterAllowTraffic' });
  create(
    {
      applicationName: 'orders-api-lambda',
      deploymentGroupName: 'orders-api-live',
      revision: contentRev(lambdaAppSpec(7, 8)),
      description: 'orders-api v8',
    },
    past(2),
  );
  ordersGroup.tags.pop();
  create(
    {
      applicationName: 'storefront-ecs',
      deploymentGroupName: 'storefront-prod',
      revision: contentRev(ecsAppSpec(41)),
      description: 'storefront task definition 41',
    },
    past(3),
  );
}
