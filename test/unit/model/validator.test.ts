/** The service-model validator itself (test/model): what it must catch, and what it must let through. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { COMMON_ERRORS, EXTRA_ENUM_VALUES, NEWER_THAN_BOTOCORE } from '../../model/exceptions';
import { HOSTILE_HEADER, startJudge } from '../../model/judge';
import { loadBotocoreModel, loadJudgeModel } from '../../model/serviceModel';
import { diffAgainst, newerErrors } from '../../model/v3Schema';
import { checkRequest, checkResponse, type Issue } from '../../model/validate';

const model = loadJudgeModel();
const paths = (issues: Issue[]) => issues.map((i) => `${i.path}: ${i.problem}`);

const group = {
  applicationName: 'shop',
  deploymentGroupId: 'a1b2c3d4-0000-4000-8000-000000000001',
  deploymentGroupName: 'shop-prod',
  computePlatform: 'ECS',
  loadBalancerInfo: {
    targetGroupPairInfoList: [
      { targetGroups: [{ name: 'blue' }, { name: 'green' }], prodTrafficRoute: { listenerArns: ['arn:l'] } },
    ],
  },
  deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
};

describe('service model validator', () => {
  it('reads botocore’s model with every operation, error lists and enums', () => {
    assert.ok(Object.keys(model.operations).length >= 47);
    assert.ok(model.operations.PutLifecycleEventHookExecutionStatus.errors?.length);
    assert.deepEqual(model.shapes.ComputePlatform.enum, ['Server', 'Lambda', 'ECS']);
    assert.match(model.source, /^botocore \d/);
  });

  it('accepts a response in the model’s shape', () => {
    assert.deepEqual(checkResponse(model, 'GetDeploymentGroup', 200, { deploymentGroupInfo: group }), []);
  });

  it('catches an unknown member and names the members it expected', () => {
    const bad = { ...group, loadBalancerInfo: { targetGroupPairInfos: [] } };
    const issues = checkResponse(model, 'GetDeploymentGroup', 200, { deploymentGroupInfo: bad });
    assert.deepEqual(paths(issues), ['$.deploymentGroupInfo.loadBalancerInfo.targetGroupPairInfos: unknown member']);
    assert.match(issues[0].expected, /targetGroupPairInfoList/);
  });

  it('catches a value outside the enum', () => {
    const issues = checkResponse(model, 'GetDeployment', 200, { deploymentInfo: { creator: 'autoRollback' } });
    assert.deepEqual(paths(issues), ['$.deploymentInfo.creator: value "autoRollback" is not in the enum']);
    assert.match(issues[0].expected, /codeDeployRollback/);
  });

  it('catches wrong types: string for number, milliseconds for a timestamp, fraction for an integer, object for a list', () => {
    const issues = checkResponse(model, 'GetDeployment', 200, {
      deploymentInfo: {
        createTime: 1764147600000,
        completeTime: '2026-11-26T09:00:00Z',
        deploymentOverview: { Succeeded: 1.5 },
        ignoreApplicationStopFailures: 'false',
        targetInstances: { tagFilters: { Key: 'x' } },
      },
    });
    assert.deepEqual(paths(issues), [
      '$.deploymentInfo.createTime: 1764147600000 looks like milliseconds, not seconds',
      '$.deploymentInfo.completeTime: string "2026-11-26T09:00:00Z"',
      '$.deploymentInfo.deploymentOverview.Succeeded: number 1.5',
      '$.deploymentInfo.ignoreApplicationStopFailures: string "false"',
      '$.deploymentInfo.targetInstances.tagFilters: object {"Key":"x"}',
    ]);
  });

  it('catches a missing required member and sizes outside min/max', () => {
    assert.deepEqual(paths(checkRequest(model, 'CreateDeployment', { deploymentGroupName: 'g' })), [
      '$.applicationName: missing required member',
    ]);
    assert.deepEqual(paths(checkRequest(model, 'GetApplication', { applicationName: 'x'.repeat(101) })), [
      '$.applicationName: 101 characters, more than 100',
    ]);
    assert.deepEqual(paths(checkRequest(model, 'GetApplication', { applicationName: '' })), [
      '$.applicationName: 0 characters, fewer than 1',
    ]);
  });

  it('catches an error type outside the operation’s list, and accepts listed and common errors', () => {
    const wrong = checkResponse(model, 'CreateDeploymentGroup', 400, {
      __type: 'InvalidTagFilterException',
      message: 'x',
    });
    assert.deepEqual(paths(wrong), ['$.__type: InvalidTagFilterException is not an error of CreateDeploymentGroup']);
    assert.match(wrong[0].expected, /InvalidEC2TagException/);
    const listed = { __type: 'com.amazonaws.codedeploy#DeploymentDoesNotExistException', message: 'no' };
    assert.deepEqual(checkResponse(model, 'GetDeployment', 400, listed), []);
    assert.deepEqual(checkResponse(model, 'GetDeployment', 400, { __type: 'ValidationException', message: 'x' }), []);
    assert.deepEqual(paths(checkResponse(model, 'GetDeployment', 400, { __type: 'Oops', message: 'x', code: 1 })), [
      '$.__type: Oops is not an error of GetDeployment',
      '$.code: unknown member',
    ]);
  });

  it('UnknownOperationException for an operation of the model is a mismatch', () => {
    const issues = checkResponse(model, 'RegisterOnPremisesInstance', 400, { __type: 'UnknownOperationException' });
    assert.deepEqual(paths(issues), [
      '$.__type: UnknownOperationException is not an error of RegisterOnPremisesInstance',
    ]);
  });

  it('a 200 answer to an operation the model lacks is a mismatch; prototype names are not operations or members', () => {
    assert.equal(checkResponse(model, 'LaunchRockets', 200, {}).length, 1);
    assert.equal(checkResponse(model, 'constructor', 200, {}).length, 1);
    assert.deepEqual(checkResponse(model, 'constructor', 400, { __type: 'UnknownOperationException' }), []);
    assert.deepEqual(paths(checkRequest(model, 'ListApplications', JSON.parse('{"__proto__":1,"constructor":2}'))), [
      '$.__proto__: unknown member',
      '$.constructor: unknown member',
    ]);
    assert.deepEqual(checkResponse(model, 'LaunchRockets', 400, { __type: 'UnknownOperationException' }), []);
  });

  it('accepts MOST_CONCURRENCY in answers only, as documented', () => {
    const config = { deploymentConfigInfo: { minimumHealthyHosts: { type: 'MOST_CONCURRENCY', value: 1 } } };
    assert.deepEqual(checkResponse(model, 'GetDeploymentConfig', 200, config), []);
    const req = { deploymentConfigName: 'c', minimumHealthyHosts: { type: 'MOST_CONCURRENCY', value: 1 } };
    assert.equal(checkRequest(model, 'CreateDeploymentConfig', req).length, 1);
  });

  it('every exception carries its evidence', () => {
    for (const e of [...EXTRA_ENUM_VALUES, ...COMMON_ERRORS]) assert.ok(e.evidence.length > 40, JSON.stringify(e));
  });

  it('NEWER_THAN_BOTOCORE is exactly what the v3 client’s model adds to botocore’s', () => {
    const diff = diffAgainst(loadBotocoreModel().shapes);
    assert.deepEqual(diff.members.sort(), NEWER_THAN_BOTOCORE.members.map((m) => m.at).sort());
    assert.deepEqual(diff.enumValues, NEWER_THAN_BOTOCORE.enumValues);
    assert.deepEqual(diff.required, NEWER_THAN_BOTOCORE.required);
    assert.deepEqual(newerErrors(loadBotocoreModel().operations), NEWER_THAN_BOTOCORE.errors);
  });

  it('accepts an error the v3 commands document beyond botocore’s list for that operation only', () => {
    const body = { __type: 'InvalidTargetFilterNameException', message: 'x' };
    assert.deepEqual(checkResponse(model, 'ListDeploymentTargets', 400, body), []);
    assert.equal(checkResponse(model, 'GetDeploymentTarget', 400, body).length, 1);
  });

  it('types the newer members from the v3 schema (enum, structure, boolean)', () => {
    assert.deepEqual(
      paths(checkResponse(model, 'GetDeployment', 200, { deploymentInfo: { deploymentMode: 'SIDEWAYS' } })),
      ['$.deploymentInfo.deploymentMode: value "SIDEWAYS" is not in the enum'],
    );
    const zonal = {
      zonalConfig: { minimumHealthyHostsPerZone: { type: 'HOST_COUNT', value: 1 }, monitorDurationInSeconds: 60 },
    };
    assert.deepEqual(checkResponse(model, 'GetDeploymentConfig', 200, { deploymentConfigInfo: zonal }), []);
    assert.equal(
      checkResponse(model, 'GetDeploymentGroup', 200, { deploymentGroupInfo: { terminationHookEnabled: 'yes' } })
        .length,
      1,
    );
  });
});

describe('the validating proxy (judge)', () => {
  let upstream: http.Server;
  let answer: { status: number; body: unknown } = { status: 200, body: {} };
  let url = '';
  before(async () => {
    upstream = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => upstream.close(() => r())));

  async function call(judgeUrl: string, op: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(judgeUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `CodeDeploy_20141006.${op}`,
        ...headers,
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  }

  it('passes answers through unchanged and records response mismatches with operation and path', async () => {
    const judge = await startJudge(url);
    try {
      answer = { status: 200, body: { deploymentInfo: { creator: 'autoRollback' } } };
      const r = await call(judge.url, 'GetDeployment', { deploymentId: 'd-1' });
      assert.deepEqual(r, answer);
      assert.deepEqual(
        judge.mismatches.map((m) => `${m.operation} ${m.direction} ${m.path}`),
        ['GetDeployment response $.deploymentInfo.creator'],
      );
      assert.throws(() => judge.assertClean(), /GetDeployment response at \$\.deploymentInfo\.creator/);
    } finally {
      await judge.close();
    }
  });

  it('a model-breaking request fails only when the endpoint accepted it; hostile input skips the request check', async () => {
    const judge = await startJudge(url);
    try {
      answer = { status: 400, body: { __type: 'InvalidDeploymentIdException', message: 'bad' } };
      await call(judge.url, 'GetDeployment', { deploymentId: 5 });
      assert.equal(judge.mismatches.length, 0, 'refused: fine');
      answer = { status: 200, body: {} };
      await call(judge.url, 'GetDeployment', { deploymentId: 5 }, { [HOSTILE_HEADER]: 'hostile' });
      assert.equal(judge.mismatches.length, 0, 'hostile: request not judged');
      await call(judge.url, 'GetDeployment', { deploymentId: 5, extra: true });
      assert.deepEqual(
        judge.mismatches.map((m) => `${m.direction} ${m.path}`),
        ['request $.deploymentId', 'request $.extra'],
      );
      assert.deepEqual(judge.calls.GetDeployment, { ok: 2, error: 1 });
    } finally {
      await judge.close();
    }
  });
});
