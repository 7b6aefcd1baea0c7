/**
 * The local endpoint's simulated Lambda (REST-JSON), ECS (JSON 1.1) and ELBv2 (query) reads, on
 * the same port as CodeDeploy: every answer and error body is checked against botocore's published
 * models (computeModels.ts), and through the unmodified SDK clients. Error texts asserted here are
 * the ones AWS sends (see docs/local-endpoint.md for their sources).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as ecs from '@aws-sdk/client-ecs';
import * as elb from '@aws-sdk/client-elastic-load-balancing-v2';
import * as lambda from '@aws-sdk/client-lambda';
import { checkResponse } from '../model/validate';
import { checkError, checkOutput, checkShape, formatIssues, loadModel, type Issue } from './computeModels';
import { startHarness, type Harness } from './helpers';

const LAMBDA = loadModel('lambda');
const ECS = loadModel('ecs');
const ELB = loadModel('elbv2');
const ARN = 'arn:aws:lambda:us-east-1:111122223333:function';

/** An answer body read loosely (the model check above is what holds it to the shapes). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

interface RawAnswer {
  status: number;
  errorType?: string;
  body: Record<string, unknown>;
}

/** A request as an SDK sends it, with the harness's access key id (the local endpoint checks that, not the signature). */
async function raw(
  h: Harness,
  method: string,
  path: string,
  init: { target?: string; body?: string } = {},
): Promise<RawAnswer> {
  const res = await fetch(`${h.endpoint.url}${path}`, {
    method,
    headers: {
      authorization: `AWS4-HMAC-SHA256 Credential=${h.settings.credentials?.accessKeyId ?? ''}/20261126/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=0`,
      ...(init.target ? { 'x-amz-target': init.target, 'content-type': 'application/x-amz-json-1.1' } : {}),
    },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  const text = await res.text();
  return {
    status: res.status,
    errorType: res.headers.get('x-amzn-errortype') ?? undefined,
    body: text ? JSON.parse(text) : {},
  };
}

function assertClean(issues: Issue[]): void {
  assert.equal(issues.length, 0, formatIssues(issues));
}

describe('simulated Lambda (REST-JSON 2015-03-31)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const ok = async (op: string, path: string) => {
    const r = await raw(h, 'GET', path);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assertClean(checkOutput(LAMBDA, op, r.body));
    return r.body as Body;
  };
  const fails = async (op: string, path: string, status: number, type: string, method = 'GET') => {
    const r = await raw(h, method, path);
    assert.equal(r.status, status);
    assert.equal(r.errorType, type, 'the error type travels in x-amzn-errortype');
    assertClean(checkError(LAMBDA, op, type, status, r.body));
    return r.body as { Type: string; Message?: string; message?: string };
  };

  it('GetFunction: $LATEST unqualified, a version or an alias as qualifier, the function by ARN', async () => {
    const latest = await ok('GetFunction', '/2015-03-31/functions/orders-api');
    assert.equal(latest.Configuration.Version, '$LATEST');
    assert.equal(latest.Configuration.FunctionArn, `${ARN}:orders-api`);
    const v3 = await ok('GetFunction', '/2015-03-31/functions/orders-api?Qualifier=3');
    assert.equal(v3.Configuration.Version, '3');
    assert.equal(v3.Configuration.FunctionArn, `${ARN}:orders-api:3`);
    const live = await ok('GetFunction', '/2015-03-31/functions/orders-api?Qualifier=live');
    assert.equal(live.Configuration.Version, '7', 'the seeded history left alias live on version 7');
    const byArn = await ok('GetFunction', `/2015-03-31/functions/${encodeURIComponent(`${ARN}:orders-api`)}`);
    assert.equal(byArn.Configuration.FunctionName, 'orders-api');
  });

  it('errors: unknown function or alias (404 ResourceNotFoundException, AWS wording), bad MaxItems, writes', async () => {
    const fn = await fails('GetFunction', '/2015-03-31/functions/no-such-fn', 404, 'ResourceNotFoundException');
    assert.deepEqual(fn, { Type: 'User', Message: `Function not found: ${ARN}:no-such-fn` });
    const version = await fails(
      'GetFunction',
      '/2015-03-31/functions/orders-api?Qualifier=99',
      404,
      'ResourceNotFoundException',
    );
    assert.equal(version.Message, `Function not found: ${ARN}:orders-api:99`);
    const alias = await fails(
      'GetAlias',
      '/2015-03-31/functions/orders-api/aliases/prod',
      404,
      'ResourceNotFoundException',
    );
    assert.equal(alias.Message, `Alias not found: ${ARN}:orders-api:prod`);
    await fails('GetAlias', '/2015-03-31/functions/nope/aliases/live', 404, 'ResourceNotFoundException');
    await fails(
      'ListVersionsByFunction',
      '/2015-03-31/functions/orders-api/versions?MaxItems=0',
      400,
      'InvalidParameterValueException',
    );
    await fails(
      'ListVersionsByFunction',
      '/2015-03-31/functions/orders-api/versions?Marker=garbage',
      400,
      'InvalidParameterValueException',
    );
    const write = await raw(h, 'PUT', '/2015-03-31/functions/orders-api/aliases/live');
    assert.equal(write.status, 404);
    assert.equal(write.errorType, 'UnknownOperationException');
  });

  it('GetAlias and ListAliases; ListVersionsByFunction pages (at most 50, $LATEST first); ListFunctions', async () => {
    const alias = await ok('GetAlias', '/2015-03-31/functions/orders-api/aliases/live');
    assert.deepEqual([alias.AliasArn, alias.Name, alias.FunctionVersion], [`${ARN}:orders-api:live`, 'live', '7']);
    const aliases = await ok('ListAliases', '/2015-03-31/functions/orders-api/aliases');
    assert.deepEqual(
      (aliases.Aliases as { Name: string }[]).map((a) => a.Name),
      ['live'],
    );
    const seen: string[] = [];
    let marker: string | undefined;
    do {
      const page = await ok(
        'ListVersionsByFunction',
        `/2015-03-31/functions/orders-api/versions?MaxItems=4${marker ? `&Marker=${encodeURIComponent(marker)}` : ''}`,
      );
      const versions = page.Versions as { Version: string }[];
      assert.ok(versions.length <= 4);
      seen.push(...versions.map((v) => v.Version));
      marker = page.NextMarker;
    } while (marker);
    assert.deepEqual(seen, ['$LATEST', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const big = await ok('ListVersionsByFunction', '/2015-03-31/functions/orders-api/versions?MaxItems=10000');
    assert.equal((big.Versions as unknown[]).length, 10);
    const fns = await ok('ListFunctions', '/2015-03-31/functions/');
    const names = (fns.Functions as { FunctionName: string }[]).map((f) => f.FunctionName);
    for (const n of ['orders-api', 'CodeDeployHook_orders_api_pre_traffic', 'CodeDeployHook_storefront_smoke_test'])
      assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
  });

  it('a missing permission is a 403 AccessDeniedException naming the action (function tag codedeploy-local:deny)', async () => {
    const r = await fails(
      'GetAlias',
      '/2015-03-31/functions/billing-ledger/aliases/live',
      403,
      'AccessDeniedException',
    );
    assert.match(
      r.Message ?? '',
      /is not authorized to perform: lambda:GetAlias on resource: arn:aws:lambda:us-east-1:111122223333:function:billing-ledger/,
    );
    await ok('GetFunction', '/2015-03-31/functions/billing-ledger');
  });

  it('the unmodified SDK reads the same answers and raises typed errors', async () => {
    const client = new lambda.LambdaClient({
      endpoint: h.endpoint.url,
      region: 'us-east-1',
      credentials: h.settings.credentials,
      maxAttempts: 1,
    });
    try {
      const a = await client.send(new lambda.GetAliasCommand({ FunctionName: 'orders-api', Name: 'live' }));
      assert.equal(a.FunctionVersion, '7');
      await assert.rejects(
        client.send(new lambda.GetFunctionCommand({ FunctionName: 'nope' })),
        (e: Error) => e.name === 'ResourceNotFoundException',
      );
      await assert.rejects(
        client.send(new lambda.ListAliasesCommand({ FunctionName: 'billing-ledger' })),
        (e: Error) => e.name === 'AccessDeniedException' && /lambda:ListAliases/.test(e.message),
      );
    } finally {
      client.destroy();
    }
  });
});

describe('simulated ECS (JSON 1.1) and ELBv2 (query)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ deniedActions: ['ecs:DescribeClusters'] });
  });
  after(() => h.close());

  const call = async (op: string, input: unknown) => {
    const r = await raw(h, 'POST', '/', {
      target: `AmazonEC2ContainerServiceV20141113.${op}`,
      body: JSON.stringify(input),
    });
    assertClean(checkResponse(ECS, op, r.status, r.body));
    return r;
  };

  it('DescribeTaskDefinition by family (latest ACTIVE), family:revision and ARN; unknown → ClientException', async () => {
    const latest = await call('DescribeTaskDefinition', { taskDefinition: 'storefront' });
    const td = latest.body.taskDefinition as {
      revision: number;
      containerDefinitions: { name: string; portMappings: { containerPort: number }[] }[];
    };
    assert.equal(td.revision, 43);
    assert.deepEqual(
      td.containerDefinitions.map((c) => [c.name, c.portMappings.map((p) => p.containerPort)]),
      [['storefront', [8080]]],
    );
    const byArn = await call('DescribeTaskDefinition', {
      taskDefinition: 'arn:aws:ecs:us-east-1:111122223333:task-definition/storefront:41',
    });
    assert.equal((byArn.body.taskDefinition as { revision: number }).revision, 41);
    const missing = await call('DescribeTaskDefinition', { taskDefinition: 'storefront:99' });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body, { __type: 'ClientException', message: 'Unable to describe task definition.' });
  });

  it('DescribeServices: found ones, the rest under failures MISSING; unknown cluster → ClusterNotFoundException', async () => {
    const r = await call('DescribeServices', { cluster: 'storefront-cluster', services: ['storefront', 'gone'] });
    const services = r.body.services as {
      serviceName: string;
      deploymentController: { type: string };
      taskDefinition: string;
    }[];
    assert.deepEqual(
      services.map((s) => [s.serviceName, s.deploymentController.type]),
      [['storefront', 'CODE_DEPLOY']],
    );
    assert.deepEqual(r.body.failures, [
      { arn: 'arn:aws:ecs:us-east-1:111122223333:service/storefront-cluster/gone', reason: 'MISSING' },
    ]);
    const noCluster = await call('DescribeServices', { cluster: 'nope', services: ['storefront'] });
    assert.deepEqual(noCluster.body, { __type: 'ClusterNotFoundException', message: 'Cluster not found.' });
    const tooMany = await call('DescribeServices', {
      cluster: 'storefront-cluster',
      services: Array.from({ length: 11 }, (_, i) => `s${i}`),
    });
    assert.equal(tooMany.body.__type, 'InvalidParameterException');
    const unsimulated = await call('CreateService', {});
    assert.equal(unsimulated.body.__type, 'ClientException', 'an ECS write: the simulation reads only');
    assert.match(String(unsimulated.body.message), /answers only the ECS reads/);
  });

  it('DescribeClusters refused by the permission switch names ecs:DescribeClusters', async () => {
    const r = await call('DescribeClusters', { clusters: ['storefront-cluster'] });
    assert.equal(r.body.__type, 'AccessDeniedException');
    assert.match(String(r.body.message), /not authorized to perform: ecs:DescribeClusters/);
  });

  it('the SDK reads DescribeClusters (an endpoint without the switch) and DescribeTargetGroups (XML)', async () => {
    const other = await startHarness();
    const cfg = {
      endpoint: other.endpoint.url,
      region: 'us-east-1',
      credentials: other.settings.credentials,
      maxAttempts: 1,
    };
    const e = new ecs.ECSClient(cfg);
    const b = new elb.ElasticLoadBalancingV2Client(cfg);
    try {
      const c = await e.send(new ecs.DescribeClustersCommand({ clusters: ['storefront-cluster', 'gone'] }));
      assert.deepEqual(
        c.clusters?.map((x) => [x.clusterName, x.status, x.activeServicesCount]),
        [['storefront-cluster', 'ACTIVE', 2]],
      );
      assert.deepEqual(
        c.failures?.map((f) => f.reason),
        ['MISSING'],
      );
      const tg = await b.send(
        new elb.DescribeTargetGroupsCommand({ Names: ['storefront-prod-tg-blue', 'storefront-prod-tg-green'] }),
      );
      const body = { TargetGroups: tg.TargetGroups, ...(tg.NextMarker ? { NextMarker: tg.NextMarker } : {}) };
      const issues: Issue[] = [];
      checkShape(ELB, 'DescribeTargetGroupsOutput', JSON.parse(JSON.stringify(body)), 'DescribeTargetGroups', issues);
      assertClean(issues);
      assert.deepEqual(
        tg.TargetGroups?.map((t) => [t.TargetGroupName, t.Port, t.Protocol]),
        [
          ['storefront-prod-tg-blue', 8080, 'HTTP'],
          ['storefront-prod-tg-green', 8080, 'HTTP'],
        ],
      );
      await assert.rejects(
        b.send(new elb.DescribeTargetGroupsCommand({ Names: ['storefront-prod-tg-blue', 'nope'] })),
        (err: Error) =>
          err.name === 'TargetGroupNotFoundException' && /One or more target groups not found/.test(err.message),
      );
      // The wire code the endpoint sends is the model's for that exception.
      const notFound = ELB.shapes.TargetGroupNotFoundException as { error?: { code?: string } };
      assert.equal(notFound.error?.code, 'TargetGroupNotFound');
    } finally {
      e.destroy();
      b.destroy();
      await other.close();
    }
  });
});
