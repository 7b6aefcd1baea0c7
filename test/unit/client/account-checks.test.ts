/**
 * The account checks over the engine's parsed model and an in-memory account (unit level: a fake
 * reader; the same checks against the local endpoint's simulated Lambda/ECS through the real SDK are
 * in test/aws/account-checks.test.ts). Findings must sit at the line of the value they are about.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { accountTargets, didYouMean, parseAppSpec } from '../../../engine/index';
import { runAccountChecks, type AccountFinding, type EcsGroupTarget } from '../../../client/src/account/checks';
import { MissingPermissionError, type AccountReader } from '../../../client/src/aws/accountApi';

interface Model {
  functions: Record<
    string,
    { versions: number; aliases: Record<string, { v: string; weights?: Record<string, number> }> }
  >;
  taskDefs: Record<string, { containers: { name: string; ports: number[] }[]; status?: string }>;
  services: Record<string, string[]>;
  targetGroups: string[];
  denied: string[];
}

function account(m: Partial<Model> = {}): AccountReader {
  const model: Model = {
    functions: {
      'orders-api': { versions: 9, aliases: { live: { v: '7' } } },
      CodeDeployHook_pre: { versions: 1, aliases: {} },
    },
    taskDefs: { 'storefront:43': { containers: [{ name: 'storefront', ports: [8080] }] } },
    services: { 'storefront-cluster': ['storefront'] },
    targetGroups: ['tg-blue', 'tg-green'],
    denied: [],
    ...m,
  };
  const deny = (action: string) => {
    if (model.denied.includes(action)) throw new MissingPermissionError(action, `not allowed ${action}`);
  };
  return {
    async getFunction(n) {
      deny('lambda:GetFunction');
      return model.functions[n] ? { name: n, arn: `arn:aws:lambda:us-east-1:1:function:${n}` } : undefined;
    },
    async versionExists(n, v) {
      deny('lambda:GetFunction');
      const f = model.functions[n];
      return f ? Number(v) >= 1 && Number(v) <= f.versions : undefined;
    },
    async getAlias(n, a) {
      deny('lambda:GetAlias');
      const al = model.functions[n]?.aliases[a];
      return al ? { name: a, functionVersion: al.v, weights: al.weights ?? {} } : undefined;
    },
    async listPublishedVersions(n) {
      const f = model.functions[n];
      return f ? Array.from({ length: f.versions }, (_, i) => String(f.versions - i)) : undefined;
    },
    async listAliases(n) {
      const f = model.functions[n];
      return f
        ? Object.entries(f.aliases).map(([name, a]) => ({ name, functionVersion: a.v, weights: {} }))
        : undefined;
    },
    async listFunctions() {
      return Object.keys(model.functions).map((name) => ({ name, arn: name }));
    },
    async describeTaskDefinition(ref) {
      deny('ecs:DescribeTaskDefinition');
      const key = ref.replace(/^arn:.*:task-definition\//, '');
      const td = model.taskDefs[key];
      const [family, rev] = key.split(':');
      return td
        ? { arn: ref, family, revision: Number(rev), status: td.status ?? 'ACTIVE', containers: td.containers }
        : undefined;
    },
    async describeServices(cluster, names) {
      const list = model.services[cluster];
      if (!list) return undefined;
      return {
        found: names
          .filter((n) => list.includes(n))
          .map((n) => ({
            name: n,
            arn: n,
            status: 'ACTIVE',
            deploymentController: 'CODE_DEPLOY',
            targetGroupArns: [],
          })),
        missing: names.filter((n) => !list.includes(n)),
      };
    },
    async describeClusters() {
      return { found: [], missing: [] };
    },
    async describeTargetGroups(names) {
      return {
        found: names.filter((n) => model.targetGroups.includes(n)).map((n) => ({ name: n, arn: n })),
        missing: names.filter((n) => !model.targetGroups.includes(n)),
      };
    },
  };
}

async function check(text: string, reader = account(), ecsGroup?: EcsGroupTarget, uri = 'file:///w/appspec.yml') {
  const doc = parseAppSpec(uri, text);
  const { findings } = await runAccountChecks(accountTargets(doc), reader, {
    where: 'the test account',
    didYouMean,
    ecsGroup,
  });
  return findings;
}

const lambdaYaml = (current: string, target: string, hooks = ['CodeDeployHook_pre']) =>
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
    ...hooks.map((h) => `  - BeforeAllowTraffic: ${h}`),
    '',
  ].join('\n');

const at = (f: AccountFinding) => `${f.range.start.line + 1}:${f.range.start.character + 1}`;

test('Lambda: a CurrentVersion that is not where the alias points is an error at that line, with a fix from the alias', async () => {
  const [f, ...rest] = await check(lambdaYaml('6', '8'));
  assert.deepEqual(rest, []);
  assert.equal(f.code, 'lambda-current-version-stale');
  assert.equal(f.severity, 'error');
  assert.equal(at(f), '8:25', 'the value of CurrentVersion (line 8)');
  assert.match(f.message, /CurrentVersion is 6, but alias `live` of `orders-api` points to version 7/);
  assert.deepEqual(f.fixes?.[0], {
    title: 'Set CurrentVersion to "7" (where the alias points now)',
    range: f.range,
    newText: '"7"',
    preferred: true,
  });
});

test('Lambda: the matching AppSpec has no finding (YAML and JSON)', async () => {
  assert.deepEqual(await check(lambdaYaml('7', '8')), []);
  const json = JSON.stringify(
    {
      version: 0.0,
      Resources: [
        {
          fn: {
            Type: 'AWS::Lambda::Function',
            Properties: { Name: 'orders-api', Alias: 'live', CurrentVersion: '7', TargetVersion: '9' },
          },
        },
      ],
    },
    null,
    2,
  );
  assert.deepEqual(await check(json, account(), undefined, 'file:///w/appspec.json'), []);
});

test('Lambda: JSON with a stale CurrentVersion is flagged at its line; a quoted value keeps its quotes', async () => {
  const json = [
    '{',
    '  "version": 0.0,',
    '  "Resources": [{ "fn": { "Type": "AWS::Lambda::Function", "Properties": {',
    '    "Name": "orders-api", "Alias": "live",',
    '    "CurrentVersion": "5",',
    '    "TargetVersion": 8',
    '  } } }]',
    '}',
  ].join('\n');
  const [f] = await check(json, account(), undefined, 'file:///w/appspec.json');
  assert.equal(f.code, 'lambda-current-version-stale');
  assert.equal(f.range.start.line, 4);
  assert.equal(f.fixes?.[0].newText, '"7"');
});

test('Lambda: TargetVersion must be published and other than the alias version; fixes offer the newest', async () => {
  const [same] = await check(lambdaYaml('7', '7'));
  assert.equal(same.code, 'lambda-target-version-current');
  assert.equal(at(same), '9:24');
  assert.deepEqual(
    same.fixes?.map((x) => x.newText),
    ['"9"', '"8"', '"6"'],
  );
  const [unpublished] = await check(lambdaYaml('7', '12'));
  assert.equal(unpublished.code, 'lambda-target-version-unpublished');
  assert.match(unpublished.message, /Version 12 of `orders-api` is not published/);
});

test('Lambda: a missing function, alias or hook function is an error at its value, with did-you-mean fixes', async () => {
  const missingFn = await check(lambdaYaml('7', '8').replace('Name: orders-api', 'Name: orders-apj'));
  assert.equal(missingFn[0].code, 'lambda-function-not-found');
  assert.equal(missingFn[0].range.start.line, 5);
  assert.equal(missingFn[0].fixes?.[0].newText, 'orders-api');
  const missingAlias = await check(lambdaYaml('7', '8').replace('Alias: live', 'Alias: lvie'));
  assert.equal(missingAlias[0].code, 'lambda-alias-not-found');
  assert.equal(missingAlias[0].fixes?.[0].newText, 'live');
  const hook = await check(lambdaYaml('7', '8', ['CodeDeployHook_pre', 'CodeDeployHook_post']));
  assert.deepEqual(
    hook.map((f) => [f.code, f.range.start.line]),
    [['hook-function-not-found', 11]],
  );
});

test('Lambda: an alias that splits traffic is a warning', async () => {
  const reader = account({
    functions: {
      'orders-api': { versions: 9, aliases: { live: { v: '7', weights: { '8': 0.1 } } } },
      CodeDeployHook_pre: { versions: 1, aliases: {} },
    },
  });
  const [f] = await check(lambdaYaml('7', '8'), reader);
  assert.equal(f.code, 'lambda-alias-shifting');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /version 8 gets 10%/);
});

test('a missing IAM permission gives one information finding naming the action, never an error', async () => {
  const findings = await check(lambdaYaml('6', '8'), account({ denied: ['lambda:GetAlias'] }));
  assert.equal(findings.length, 1, findings.map((f) => f.message).join('\n'));
  assert.equal(findings[0].severity, 'info');
  assert.equal(findings[0].code, 'account-permission-missing');
  assert.match(findings[0].message, /not allowed lambda:GetAlias/);
  const two = await check(lambdaYaml('6', '8'), account({ denied: ['lambda:GetAlias', 'lambda:GetFunction'] }));
  assert.equal(two.length, 1);
  assert.match(two[0].message, /lambda:GetFunction/);
  assert.ok(two.every((f) => f.severity === 'info'));
});

test('placeholders are not looked up', async () => {
  const text = lambdaYaml('<CURRENT>', '${TARGET}').replace('Name: orders-api', 'Name: "{{FUNCTION}}"');
  assert.deepEqual(await check(text), []);
});

const ecsYaml = (td: string, container: string, port: string) =>
  [
    'version: 0.0',
    'Resources:',
    '  - TargetService:',
    '      Type: AWS::ECS::Service',
    '      Properties:',
    `        TaskDefinition: "${td}"`,
    '        LoadBalancerInfo:',
    `          ContainerName: "${container}"`,
    `          ContainerPort: ${port}`,
    '',
  ].join('\n');

test('ECS: the task definition exists and has the container and the port', async () => {
  const td = 'arn:aws:ecs:us-east-1:111122223333:task-definition/storefront:43';
  assert.deepEqual(await check(ecsYaml(td, 'storefront', '8080')), []);
  const [container] = await check(ecsYaml(td, 'storefrnt', '8080'));
  assert.equal(container.code, 'ecs-container-not-found');
  assert.equal(at(container), '8:26');
  assert.equal(container.fixes?.[0].newText, '"storefront"');
  const [port] = await check(ecsYaml(td, 'storefront', '80'));
  assert.equal(port.code, 'ecs-container-port-not-mapped');
  assert.equal(at(port), '9:26');
  assert.deepEqual(
    port.fixes?.map((f) => f.newText),
    ['8080'],
  );
  const [missing] = await check(ecsYaml(td.replace(':43', ':99'), 'storefront', '8080'));
  assert.equal(missing.code, 'ecs-task-definition-not-found');
  assert.equal(missing.range.start.line, 5);
  assert.deepEqual(
    await check(ecsYaml('<TASK_DEFINITION>', 'storefront', '8080')),
    [],
    'a placeholder is not looked up',
  );
});

test("ECS: the deployment group's cluster, service and target groups must exist", async () => {
  const td = 'storefront:43';
  const group = (g: Partial<EcsGroupTarget>): EcsGroupTarget => ({
    group: 'prod',
    cluster: 'storefront-cluster',
    service: 'storefront',
    targetGroups: ['tg-blue', 'tg-green'],
    ...g,
  });
  assert.deepEqual(await check(ecsYaml(td, 'storefront', '8080'), account(), group({})), []);
  const codes = async (g: Partial<EcsGroupTarget>) =>
    (await check(ecsYaml(td, 'storefront', '8080'), account(), group(g))).map((f) => f.code);
  assert.deepEqual(await codes({ cluster: 'other' }), ['ecs-cluster-not-found']);
  assert.deepEqual(await codes({ service: 'gone' }), ['ecs-service-not-found']);
  assert.deepEqual(await codes({ targetGroups: ['tg-blue', 'tg-gone'] }), ['ecs-target-group-not-found']);
});

test('EC2 AppSpecs have nothing in the account to check', async () => {
  assert.deepEqual(await check('version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /srv\n'), []);
});
