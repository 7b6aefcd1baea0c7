/**
 * The client against answers in the shape AWS documents (API reference and AWS CLI examples: fractional
 * epoch seconds, `deploymentTargetType` values, ECS `taskSetsInfo` with `identifer`, traffic weights as
 * percentages such as `"trafficWeight": 100.0`). The fixtures in test/fixtures/aws are our own values in
 * that exact shape; each is first checked against the service model, then served over HTTP to the
 * product's CodeDeployApi (the real SDK parses them) and fed through the explorer, monitor and traffic
 * models.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { createCodeDeployApi } from '../../client/src/aws/sdkApi';
import type { CodeDeployApi } from '../../client/src/aws/api';
import { describeTarget } from '../../client/src/explorer/targets';
import { eventNodes, groupNodes, targetNodes, targetSummary } from '../../client/src/explorer/model';
import { buildViewState, EMPTY_HISTORY } from '../../client/src/monitor/model';
import { greenPercent } from '../../client/src/monitor/traffic';
import { startJudge, type Judge } from '../model/judge';
import { loadJudgeModel } from '../model/serviceModel';
import { checkResponse } from '../model/validate';

const DIR = path.resolve(__dirname, '../../../test/fixtures/aws');
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(DIR, `${name}.json`), 'utf8')) as Record<string, unknown>;

/** Which fixture answers which operation (and, for per-deployment calls, which deployment). */
const ANSWERS: { op: string; file: string; deploymentId?: string }[] = [
  { op: 'GetDeployment', file: 'get-deployment-lambda-canary', deploymentId: 'd-7QX2K9ABC' },
  { op: 'GetDeployment', file: 'get-deployment-ecs-linear', deploymentId: 'd-3MZ8W1DEF' },
  { op: 'GetDeployment', file: 'get-deployment-ec2-failed', deploymentId: 'd-5HN4T6GHI' },
  { op: 'BatchGetDeploymentTargets', file: 'batch-get-deployment-targets-lambda', deploymentId: 'd-7QX2K9ABC' },
  { op: 'BatchGetDeploymentTargets', file: 'batch-get-deployment-targets-ecs', deploymentId: 'd-3MZ8W1DEF' },
  { op: 'BatchGetDeploymentTargets', file: 'batch-get-deployment-targets-ec2', deploymentId: 'd-5HN4T6GHI' },
  { op: 'ListDeploymentTargets', file: 'list-deployment-targets', deploymentId: 'd-5HN4T6GHI' },
  { op: 'GetDeploymentConfig', file: 'get-deployment-config-one-at-a-time' },
  { op: 'GetDeploymentGroup', file: 'get-deployment-group-ecs' },
];

/** BatchGetDeploymentGroups carries the same DeploymentGroupInfo as GetDeploymentGroup. */
function answer(op: string, input: Record<string, unknown>): unknown {
  if (op === 'BatchGetDeploymentGroups') {
    return { deploymentGroupsInfo: [fixture('get-deployment-group-ecs').deploymentGroupInfo] };
  }
  const hit = ANSWERS.find((a) => a.op === op && (!a.deploymentId || a.deploymentId === input.deploymentId));
  return hit ? fixture(hit.file) : undefined;
}

describe('documented answers through the client models', () => {
  let server: http.Server;
  let judge: Judge;
  let api: CodeDeployApi;
  const now = 1767398500_000;

  before(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const op = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
        const body = answer(op, JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>);
        res.writeHead(body ? 200 : 400, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(body ?? { __type: 'DeploymentDoesNotExistException', message: 'not in the fixtures' }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    judge = await startJudge(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    api = createCodeDeployApi({
      kind: 'aws',
      region: 'us-west-2',
      endpoint: judge.url,
      credentials: { accessKeyId: 'AKIDFIXTURES', secretAccessKey: 'fixtures' },
    });
  });
  after(async () => {
    api.dispose();
    await judge.close();
    await new Promise<void>((r) => server.close(() => r()));
    judge.assertClean();
  });

  it('every fixture is in the exact shape of the service model', () => {
    const model = loadJudgeModel();
    for (const a of ANSWERS) {
      assert.deepEqual(checkResponse(model, a.op, 200, fixture(a.file)), [], a.file);
    }
  });

  it('Lambda canary: targetVersionWeight is a percentage (10.0 = 10 %), step 1 of 2, 10 % on the new version', async () => {
    const d = await api.getDeployment('d-7QX2K9ABC');
    const targets = await api.batchGetDeploymentTargets('d-7QX2K9ABC', ['billing-fn']);
    assert.equal(greenPercent(d, targets), 10);
    assert.deepEqual(describeTarget(targets[0]), {
      label: 'billing-fn',
      detail: 'live 7 → 8 (10%)',
      icon: 'symbol-function',
    });
    const view = buildViewState({ deployment: d, targets, history: EMPTY_HISTORY, now });
    assert.equal(view.traffic?.kind, 'canary');
    assert.equal(view.traffic?.green, 10);
    assert.deepEqual(
      view.traffic?.planned.map((s) => s.green),
      [10, 100],
    );
    assert.equal(view.traffic?.stepLabel, 'Step 1 of 2: 10% planned, 10% now');
    assert.equal(view.targets[0].kind, 'lambda');
    assert.deepEqual(
      view.targets[0].events.map((e) => `${e.name} ${e.status}`),
      ['BeforeAllowTraffic Succeeded', 'AllowTraffic InProgress', 'AfterAllowTraffic Pending'],
    );
  });

  it('ECS linear: trafficWeight is a percentage (Green 30.0 of Blue 70.0), step 3 of 10, target groups by name', async () => {
    const d = await api.getDeployment('d-3MZ8W1DEF');
    const targets = await api.batchGetDeploymentTargets('d-3MZ8W1DEF', ['catalog-cluster:catalog-svc']);
    assert.equal(greenPercent(d, targets), 30);
    assert.equal(describeTarget(targets[0]).detail, 'green 30%');
    const view = buildViewState({ deployment: d, targets, history: EMPTY_HISTORY, now });
    assert.equal(view.traffic?.kind, 'linear');
    assert.equal(view.traffic?.stepIndex, 2);
    assert.equal(view.traffic?.stepCount, 10);
    assert.equal(view.targets[0].kind, 'ecs');
    assert.deepEqual(
      targets[0].ecsTarget?.taskSetsInfo?.map((s) => `${s.taskSetLabel} ${s.targetGroup?.name} ${s.trafficWeight}`),
      ['Blue catalog-tg-1 70', 'Green catalog-tg-2 30'],
    );
    // An in-progress shift: Stop and Stop-and-roll-back are offered, Continue is not.
    assert.deepEqual(
      [view.buttons.stop, view.buttons.stopAndRollback, view.buttons.continue.enabled],
      [true, true, false],
    );
  });

  it('EC2 failed in-place deployment: fractional epoch seconds, the failed script with its log, OneAtATime = MOST_CONCURRENCY 1', async () => {
    const d = await api.getDeployment('d-5HN4T6GHI');
    const ids = await api.listDeploymentTargets('d-5HN4T6GHI');
    assert.deepEqual(ids, ['i-0aa11bb22cc33dd44', 'i-0ee55ff66aa77bb88']);
    const targets = await api.batchGetDeploymentTargets('d-5HN4T6GHI', ids);
    const config = await api.getDeploymentConfig('CodeDeployDefault.OneAtATime');
    const view = buildViewState({ deployment: d, targets, config, history: EMPTY_HISTORY, now });
    assert.equal(view.statusClass, 'failed');
    assert.deepEqual(view.error, { code: 'HEALTH_CONSTRAINTS', message: d.errorInformation?.message });
    assert.equal(view.elapsed, '1m 12s');
    assert.deepEqual(
      {
        total: view.ec2?.total,
        failed: view.ec2?.failed,
        skipped: view.ec2?.skipped,
        mh: view.ec2?.minimumHealthy?.label,
      },
      { total: 2, failed: 1, skipped: 1, mh: '1 at a time' },
    );
    const failed = view.targets[0].events.find((e) => e.status === 'Failed');
    assert.deepEqual(
      { name: failed?.name, code: failed?.errorCode, script: failed?.scriptName, duration: failed?.duration },
      { name: 'BeforeInstall', code: 'ScriptFailed', script: 'scripts/stop_old.sh', duration: '1m 05s' },
    );
    assert.match(failed?.logTail ?? '', /unit not loaded/);
    const nodes = targetNodes('d-5HN4T6GHI', targets, { now });
    assert.deepEqual(
      nodes.map((n) => `${n.label}: ${n.description}`),
      ['i-0aa11bb22cc33dd44: Failed · blue', 'i-0ee55ff66aa77bb88: Skipped · blue'],
    );
    const events = eventNodes('d-5HN4T6GHI', targets[0], { now });
    assert.equal(events[2].description, 'Failed · 1m 05s · ScriptFailed');
    assert.equal(events[2].contextValue, 'lifecycleEvent.failed');
    assert.equal(events[0].description, 'Succeeded · 237ms');
  });

  it('ECS deployment group: targetGroupPairInfoList and cluster/service in the explorer', async () => {
    const [group] = await api.batchGetDeploymentGroups('catalog-ecs', ['catalog-prod']);
    assert.equal(group.loadBalancerInfo?.targetGroupPairInfoList?.[0]?.targetGroups?.length, 2);
    assert.equal(targetSummary(group), 'catalog-cluster/catalog-svc');
    const [node] = groupNodes('catalog-ecs', [group], { now });
    assert.equal(node.label, 'catalog-prod');
    assert.equal(node.description, 'ECSLinear10PercentEvery1Minutes · catalog-cluster/catalog-svc');
  });
});
