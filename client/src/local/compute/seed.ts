/**
 * The Lambda functions, ECS task definitions, services and clusters, and target groups of the demo
 * account, matching its deployment groups: `orders-api` (versions 1–9, alias `live`) and its hook
 * functions, `storefront` task definitions 40–43 on the `storefront-cluster` services, and the
 * groups' target groups. Hook functions follow the `CodeDeployHook_` naming that the managed
 * CodeDeploy policies require. The seeded deployment history then moves aliases and services.
 */
import { ACCOUNT_ID, type Account } from '../account';
import { DENY_TAG } from './access';
import { ComputeResources } from './resources';
import type { ComputeState, LambdaFunctionRecord, TargetGroupRecord } from './types';

const DAY = 86_400_000;
const VPC = 'vpc-0c3f2a1b9e8d7c6b5';
const ALB = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT_ID}:loadbalancer/app/storefront-alb/50dc6c495c0c9188`;
const CHECKOUT_ALB = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT_ID}:loadbalancer/app/checkout-web-alb/7e2a4c9d1b3f5a60`;

/** The hook functions the demo AppSpecs and the seeded history name. */
export const SEED_HOOK_FUNCTIONS = [
  'CodeDeployHook_orders_api_pre_traffic',
  'CodeDeployHook_orders_api_post_traffic',
  'CodeDeployHook_orders_api_fail_check',
  'CodeDeployHook_storefront_before_install',
  'CodeDeployHook_storefront_smoke_test',
  'CodeDeployHook_storefront_check_metrics',
];

export function seedCompute(account: Account, nowMs: number): void {
  const r = new ComputeResources(account);
  const st: ComputeState = r.state;
  const fn = (name: string, versions: number, extra: Partial<LambdaFunctionRecord> = {}): LambdaFunctionRecord => ({
    functionName: name,
    runtime: 'nodejs18.x',
    handler: 'index.handler',
    role: `arn:aws:iam::${ACCOUNT_ID}:role/${name.startsWith('CodeDeployHook_') ? 'codedeploy-hooks-exec' : `${name}-exec`}`,
    description: '',
    memorySize: 256,
    timeout: 30,
    lastModified: nowMs - DAY,
    publishedVersions: versions,
    tags: {},
    ...extra,
  });
  st.lambdaFunctions.push(
    fn('orders-api', 9, { description: 'Orders REST API', memorySize: 512, tags: { team: 'orders' } }),
    fn('orders-api-beta', 10, {
      description: 'Orders REST API (beta channel)',
      memorySize: 512,
      tags: { team: 'orders' },
    }),
    // A function another team owns: the demo's developer role may not read its versions and aliases.
    fn('billing-ledger', 3, {
      description: 'Owned by the payments team',
      tags: { team: 'payments', [DENY_TAG]: 'lambda:GetAlias,lambda:ListVersionsByFunction,lambda:ListAliases' },
    }),
    ...SEED_HOOK_FUNCTIONS.map((name) => fn(name, 1, { description: 'CodeDeploy lifecycle hook', timeout: 60 })),
  );
  // Aliases the deployment history does not create (orders-api's `live` comes from its deployments).
  account.setAlias('orders-api-beta', 'live', '7');
  account.setAlias('billing-ledger', 'live', '3');

  const registeredAt = (rev: number) => Math.floor((nowMs - (44 - rev) * 7 * DAY) / 1000);
  for (const revision of [40, 41, 42, 43]) {
    st.taskDefinitions.push({
      family: 'storefront',
      revision,
      status: 'ACTIVE',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      executionRoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/ecsTaskExecutionRole`,
      containerDefinitions: [
        {
          name: 'storefront',
          image: `${ACCOUNT_ID}.dkr.ecr.us-east-1.amazonaws.com/storefront:1.${revision}.0`,
          cpu: 0,
          essential: true,
          portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
          environment: [],
          mountPoints: [],
          volumesFrom: [],
        },
      ],
      registeredAt: registeredAt(revision),
    });
  }
  st.clusters.push({ clusterName: 'storefront-cluster', status: 'ACTIVE' });

  const tg = (name: string, lb: string, port: number, path: string): TargetGroupRecord => ({
    name,
    arn: r.targetGroupArn(name),
    protocol: 'HTTP',
    port,
    vpcId: VPC,
    targetType: lb === ALB ? 'ip' : 'instance',
    loadBalancerArns: [lb],
    healthCheckPath: path,
  });
  st.targetGroups.push(
    tg('storefront-prod-tg-blue', ALB, 8080, '/health'),
    tg('storefront-prod-tg-green', ALB, 8080, '/health'),
    tg('storefront-staging-tg-blue', ALB, 8080, '/health'),
    tg('storefront-staging-tg-green', ALB, 8080, '/health'),
    tg('checkout-web-prod-tg', CHECKOUT_ALB, 80, '/health'),
    tg('checkout-web-bg-tg', CHECKOUT_ALB, 80, '/health'),
  );
  const created = Math.floor((nowMs - 60 * DAY) / 1000);
  for (const [serviceName, group] of [
    ['storefront', 'storefront-prod'],
    ['storefront-staging', 'storefront-staging'],
  ]) {
    st.services.push({
      clusterName: 'storefront-cluster',
      serviceName,
      status: 'ACTIVE',
      taskDefinition: r.taskDefinitionArn({ family: 'storefront', revision: 40 }),
      desiredCount: 3,
      launchType: 'FARGATE',
      loadBalancers: [
        { targetGroupArn: r.targetGroupArn(`${group}-tg-blue`), containerName: 'storefront', containerPort: 8080 },
      ],
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: ['subnet-0a1b2c3d4e5f60718', 'subnet-0f1e2d3c4b5a69788'],
          securityGroups: ['sg-0123456789abcdef0'],
          assignPublicIp: 'DISABLED',
        },
      },
      createdAt: created,
      updatedAt: registeredAt(40),
    });
  }
  account.markDirty();
}
