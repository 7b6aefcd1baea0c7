/**
 * The account checks end to end: the product's AWS layer (`api.account()`: the SDK's Lambda, ECS and
 * ELBv2 clients over HTTP) against the local endpoint's simulated account, and the simulation staying
 * consistent with deployments (a Lambda alias follows the traffic shift; an ECS service takes the
 * deployed task definition).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as cd from '@aws-sdk/client-codedeploy';
import { accountTargets, didYouMean, parseAppSpec } from '../../engine/index';
import { runAccountChecks, type EcsGroupTarget } from '../../client/src/account/checks';
import { ecsGroupTarget } from '../../client/src/account/ecsChecks';
import { lookAt } from '../../client/src/account/look';
import { CachedAccountReader } from '../../client/src/aws/accountCache';
import { createAccountReader } from '../../client/src/aws/accountSdk';
import { clientConfig } from '../../client/src/aws/sdkApi';
import type { AccountReader } from '../../client/src/aws/accountApi';
import { contentRevision, ecsSpec, lambdaSpec, runToEnd, runUntil, startHarness, type Harness } from './helpers';

const ENGINE = { parseAppSpec, accountTargets, didYouMean, accountCompletionContext: () => undefined };

const lambdaAppSpec = (current: string, target: string) =>
  [
    'version: 0.0',
    'Resources:',
    '  - ordersApi:',
    '      Type: AWS::Lambda::Function',
    '      Properties:',
    '        Name: orders-api',
    '        Alias: live',
    `        CurrentVersion: "${current}"`,
    `        TargetVersion: "${target}"`,
    'Hooks:',
    '  - BeforeAllowTraffic: CodeDeployHook_orders_api_pre_traffic',
    '  - AfterAllowTraffic: CodeDeployHook_orders_api_post_traffic',
    '',
  ].join('\n');

async function findings(
  reader: AccountReader,
  text: string,
  uri = 'file:///demo/appspec.yml',
  ecsGroup?: EcsGroupTarget,
) {
  const doc = parseAppSpec(uri, text);
  return (await runAccountChecks(accountTargets(doc), reader, { where: 'the local endpoint', didYouMean, ecsGroup }))
    .findings;
}

describe('account checks against the simulated Lambda and ECS (real SDK over HTTP)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('a Lambda AppSpec whose CurrentVersion differs from the alias is flagged at that line; the matching one has no finding', async () => {
    const reader = h.api.account();
    const stale = await findings(reader, lambdaAppSpec('6', '8'));
    assert.deepEqual(
      stale.map((f) => [f.code, f.severity, f.range.start.line + 1]),
      [['lambda-current-version-stale', 'error', 8]],
    );
    assert.equal(stale[0].fixes?.[0].newText, '"7"', 'the fix writes the alias version');
    assert.deepEqual(await findings(reader, lambdaAppSpec('7', '8')), []);
  });

  it("the demo's Lambda example (examples/lambda-function) shows a stale CurrentVersion with its quick fix, and only that", async () => {
    const file = path.join(__dirname, '..', '..', '..', 'examples', 'lambda-function', 'appspec.json');
    const text = fs.readFileSync(file, 'utf8');
    const list = await findings(h.api.account(), text, 'file:///demo/lambda-function/appspec.json');
    assert.deepEqual(
      list.map((f) => [f.code, text.split('\n')[f.range.start.line].trim()]),
      [['lambda-current-version-stale', '"CurrentVersion": "6",']],
    );
    assert.equal(list[0].fixes?.[0].newText, '"7"');
  });

  it('the same in JSON; TargetVersion unpublished or equal to the alias, a missing hook function', async () => {
    const json = JSON.stringify(
      {
        version: 0.0,
        Resources: [
          {
            f: {
              Type: 'AWS::Lambda::Function',
              Properties: { Name: 'orders-api', Alias: 'live', CurrentVersion: '5', TargetVersion: '8' },
            },
          },
        ],
      },
      null,
      2,
    );
    const [f] = await findings(h.api.account(), json, 'file:///demo/appspec.json');
    assert.equal(f.code, 'lambda-current-version-stale');
    assert.equal(json.split('\n')[f.range.start.line].trim(), '"CurrentVersion": "5",');
    const codes = async (text: string) => (await findings(h.api.account(), text)).map((x) => x.code);
    assert.deepEqual(await codes(lambdaAppSpec('7', '12')), ['lambda-target-version-unpublished']);
    assert.deepEqual(await codes(lambdaAppSpec('7', '7')), ['lambda-target-version-current']);
    assert.deepEqual(await codes(lambdaAppSpec('7', '8').replace('post_traffic', 'post_trafic')), [
      'hook-function-not-found',
    ]);
  });

  it('ECS: the seeded task definition and the group storefront-prod (service, cluster, target groups) pass; a wrong container or port does not', async () => {
    const [info] = await h.api.batchGetDeploymentGroups('storefront-ecs', ['storefront-prod']);
    const group = ecsGroupTarget(info);
    assert.deepEqual(group, {
      group: 'storefront-prod',
      cluster: 'storefront-cluster',
      service: 'storefront',
      targetGroups: ['storefront-prod-tg-blue', 'storefront-prod-tg-green'],
    });
    const spec = ecsSpec({ AfterAllowTestTraffic: 'CodeDeployHook_storefront_smoke_test' });
    assert.deepEqual(await findings(h.api.account(), spec, 'file:///s/appspec.yaml', group), []);
    const wrong = spec.replace('"storefront"', '"storefront-web"').replace('8080', '80');
    assert.deepEqual(
      (await findings(h.api.account(), wrong, 'file:///s/appspec.yaml', group)).map((f) => [
        f.code,
        f.range.start.line + 1,
      ]),
      [['ecs-container-not-found', 8]],
    );
    const port = spec.replace('8080', '80');
    assert.deepEqual(
      (await findings(h.api.account(), port, 'file:///s/appspec.yaml')).map((f) => [f.code, f.range.start.line + 1]),
      [['ecs-container-port-not-mapped', 9]],
    );
    const missing = await findings(h.api.account(), spec, 'file:///s/appspec.yaml', {
      ...group!,
      service: 'storefront-canary',
      targetGroups: ['storefront-prod-tg-blue', 'storefront-canary-tg'],
    });
    assert.deepEqual(
      missing.map((f) => f.code),
      ['ecs-service-not-found', 'ecs-target-group-not-found'],
    );
  });

  it('within the TTL a second look makes no call; the session says when the account was read (injected clock)', async () => {
    const clock = { t: 1_000, now: () => clock.t };
    const sdk = createAccountReader(h.settings, clientConfig(h.settings, {}));
    let calls = 0;
    const counting = new Proxy(sdk, {
      get: (target, prop) => {
        const v = target[prop as keyof typeof target];
        return typeof v === 'function'
          ? (...a: unknown[]) => (calls++, (v as (...x: unknown[]) => unknown).apply(target, a))
          : v;
      },
    });
    const cache = new CachedAccountReader(counting, { ttlMs: 60_000, clock });
    try {
      const first = await lookAt(
        ENGINE,
        cache,
        { uri: 'file:///d/appspec.yml', text: lambdaAppSpec('6', '8') },
        { where: 'here' },
      );
      assert.equal(first?.lookedAt, 1_000);
      const afterFirst = calls;
      assert.ok(afterFirst >= 3, `function, alias, version and hooks were read (${afterFirst} calls)`);
      clock.t = 30_000;
      const second = await lookAt(
        ENGINE,
        cache,
        { uri: 'file:///d/appspec.yml', text: lambdaAppSpec('6', '8') },
        { where: 'here' },
      );
      assert.equal(calls, afterFirst, 'no call within the TTL');
      assert.equal(second?.lookedAt, 1_000, 'the answers are from the first look');
      assert.deepEqual(
        second?.findings.map((f) => f.code),
        ['lambda-current-version-stale'],
      );
      clock.t = 61_001;
      await lookAt(ENGINE, cache, { uri: 'file:///d/appspec.yml', text: lambdaAppSpec('6', '8') }, { where: 'here' });
      assert.ok(calls > afterFirst, 'read again once the TTL passed');
    } finally {
      sdk.dispose();
    }
  });
});

describe('missing IAM permissions (the endpoint refuses lambda:GetAlias)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ deniedActions: ['lambda:GetAlias'] });
  });
  after(() => h.close());

  it('give one information finding naming the action and no error', async () => {
    const list = await findings(h.api.account(), lambdaAppSpec('6', '8'));
    assert.deepEqual(
      list.map((f) => [f.code, f.severity]),
      [['account-permission-missing', 'info']],
    );
    assert.match(list[0].message, /not allowed lambda:GetAlias/);
  });
});

describe('the simulated resources follow deployments', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('Lambda: the alias splits traffic during a canary and points to TargetVersion at the end; the AppSpec then is stale', async () => {
    const id = (
      await h.raw.send(
        new cd.CreateDeploymentCommand({
          applicationName: 'orders-api-lambda',
          deploymentGroupName: 'orders-api-live',
          revision: contentRevision(lambdaSpec({ current: '7', target: '9' })),
        }),
      )
    ).deploymentId!;
    const fresh = () => (h.api.account().invalidate(), h.api.account());
    let split: Record<string, number> | undefined;
    await runToEnd(h, id, 20_000, 400, async () => {
      const a = await fresh().getAlias('orders-api', 'live');
      if (a && Object.keys(a.weights).length) split ??= a.weights;
    });
    assert.deepEqual(split, { '9': 0.1 }, 'LambdaCanary10Percent5Minutes: version 9 gets 10% first');
    const alias = await fresh().getAlias('orders-api', 'live');
    assert.deepEqual(alias, { name: 'live', functionVersion: '9', weights: {} });
    assert.deepEqual(
      (await findings(fresh(), lambdaAppSpec('7', '9'))).map((f) => f.code),
      ['lambda-current-version-stale', 'lambda-target-version-current'],
    );
    assert.deepEqual(await findings(fresh(), lambdaAppSpec('9', '8')), []);
  });

  it('Lambda: a deployment of a function the account did not know publishes it with its versions', async () => {
    const id = (
      await h.raw.send(
        new cd.CreateDeploymentCommand({
          applicationName: 'orders-api-lambda',
          deploymentGroupName: 'orders-api-live',
          revision: contentRevision(lambdaSpec({ name: 'inventory-api', current: '2', target: '3' })),
        }),
      )
    ).deploymentId!;
    await runToEnd(h, id, 20_000);
    const a = h.api.account();
    a.invalidate();
    assert.ok(await a.getFunction('inventory-api'));
    assert.deepEqual(await a.listPublishedVersions('inventory-api'), ['3', '2', '1']);
    assert.equal((await a.getAlias('inventory-api', 'live'))?.functionVersion, '3');
  });

  it("ECS: a successful deployment makes its task definition and target group the service's; a rolled back one does not", async () => {
    const service = async () => {
      h.api.account().invalidate();
      return (await h.api.account().describeServices('storefront-cluster', ['storefront']))!.found[0];
    };
    const before = await service();
    assert.match(before.taskDefinition ?? '', /storefront:41$/, 'the seeded history deployed revision 41');
    const deploy = async (hooks: Record<string, string>) =>
      (
        await h.raw.send(
          new cd.CreateDeploymentCommand({
            applicationName: 'storefront-ecs',
            deploymentGroupName: 'storefront-prod',
            revision: contentRevision(ecsSpec(hooks).replace('storefront:42', 'storefront:43')),
          }),
        )
      ).deploymentId!;
    const failed = await deploy({ AfterAllowTestTraffic: 'CodeDeployHook_fail_check' });
    assert.equal((await runToEnd(h, failed, 30_000)).status, 'Failed');
    const rollbackId = (await h.api.getDeployment(failed)).rollbackInfo?.rollbackDeploymentId;
    if (rollbackId) await runToEnd(h, rollbackId, 30_000);
    assert.match(
      (await service()).taskDefinition ?? '',
      /storefront:41$/,
      'a failed deployment leaves the service alone',
    );
    const ok = await deploy({});
    await runUntil(h, ok, 'Succeeded', 30_000);
    const after = await service();
    assert.match(after.taskDefinition ?? '', /storefront:43$/);
    assert.notDeepEqual(
      after.targetGroupArns,
      before.targetGroupArns,
      'the replacement task set serves from the other target group',
    );
  });

  it('an old state file without the simulated resources gets them when the demo account is loaded', async () => {
    const other = await startHarness();
    await other.close({ keepData: true });
    const file = `${other.dataDir}/state.json`;
    const state = JSON.parse(fs.readFileSync(file, 'utf8'));
    delete state.compute;
    fs.writeFileSync(file, JSON.stringify(state));
    const again = await startHarness({ dataDir: other.dataDir });
    try {
      assert.ok(await again.api.account().getFunction('CodeDeployHook_orders_api_pre_traffic'));
      assert.equal((await again.api.account().describeTaskDefinition('storefront'))?.revision, 43);
    } finally {
      await again.close();
    }
  });
});
