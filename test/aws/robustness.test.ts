/** Garbage in: every operation answers with a typed error (never a crash, never a hang), and state stays usable. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as http from 'node:http';
import { CreateApplicationCommand } from '@aws-sdk/client-codedeploy';
import { HOSTILE_HEADER } from '../model/judge';
import { signedHeaders, startHarness, type Harness } from './helpers';
import { serviceModel } from './localModel';

/** Every operation of the published model (botocore's copy); the deleting ones run last. */
const ALL_OPERATIONS = Object.keys(serviceModel().operations);
const DELETING = ALL_OPERATIONS.filter((op) => /^(Delete|Deregister)/.test(op));
const OPERATIONS = ALL_OPERATIONS.filter((op) => !DELETING.includes(op));

const BODIES: unknown[] = [
  {},
  { applicationName: 5, deploymentGroupName: ['x'], deploymentId: { a: 1 }, nextToken: 7 },
  {
    applicationName: 'checkout-web',
    deploymentGroupName: 'checkout-web-prod',
    revision: 'S3',
    deploymentIds: 'd-AAAAAAAAA',
  },
  {
    applicationName: 'checkout-web',
    deploymentGroupName: 'checkout-web-prod',
    revision: { revisionType: 'S3', s3Location: 'x' },
  },
  {
    applicationName: 'storefront-ecs',
    deploymentGroupName: 'storefront-prod',
    revision: { revisionType: 'AppSpecContent', appSpecContent: { content: 42 } },
  },
  {
    applicationName: 'orders-api-lambda',
    deploymentGroupName: 'orders-api-live',
    revision: { revisionType: 'AppSpecContent', appSpecContent: { content: '\u0000\u0001{{{' } },
  },
  {
    applicationNames: [null, 3],
    deploymentGroupNames: [{}],
    targetIds: [1, 2],
    instanceIds: 'i-1',
    Tags: 'x',
    TagKeys: 5,
    ResourceArn: 9,
  },
  {
    applicationName: 'x'.repeat(5000),
    createTimeRange: 'yesterday',
    includeOnlyStatuses: 'Failed',
    targetFilters: [1],
  },
  { deploymentId: 'd-AAAAAAAAA', deploymentWaitType: 9, autoRollbackEnabled: 'yes' },
  {
    computePlatform: {},
    applicationName: 'fuzz-app',
    deploymentConfigName: 'fuzz-config',
    minimumHealthyHosts: 'many',
    trafficRoutingConfig: 3,
  },
  {
    applicationName: 'checkout-web',
    deploymentGroupName: 'fuzz-group',
    serviceRoleArn: 'arn:aws:iam::111122223333:role/r',
    ec2TagFilters: 'App=web',
    deploymentStyle: 5,
    autoRollbackConfiguration: [],
    blueGreenDeploymentConfiguration: { deploymentReadyOption: 'now' },
    loadBalancerInfo: { targetGroupPairInfos: 'tg' },
    ecsServices: {},
  },
  {
    applicationName: 'checkout-web',
    deploymentGroupName: 'fuzz-group-2',
    serviceRoleArn: 'r',
    ec2TagFilters: [{ Key: 'App' }],
    deploymentStyle: { deploymentType: 'SIDEWAYS' },
  },
  {
    deploymentConfigName: 'fuzz-lambda',
    computePlatform: 'Lambda',
    trafficRoutingConfig: { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: 0, linearInterval: 1 } },
  },
  {
    deploymentConfigName: 'fuzz-server',
    computePlatform: 'Server',
    minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 100 },
  },
];

/** The harness endpoint's access key (contract C1), set once it has started. */
let auth: Record<string, string> = {};

function call(url: string, op: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `CodeDeploy_20141006.${op}`,
          // Garbage on purpose: the model validator checks only the answers (test/model/judge.ts).
          [HOSTILE_HEADER]: 'hostile',
          ...auth,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('robustness of the local endpoint', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    auth = signedHeaders(h);
  });
  after(() => h.close());

  async function garbage(operations: string[]): Promise<string[]> {
    const problems: string[] = [];
    for (const op of operations) {
      for (const body of BODIES) {
        const r = await call(h.endpoint.url, op, body);
        if (
          r.status !== 200 &&
          (r.status !== 400 || typeof r.json.__type !== 'string' || typeof r.json.message !== 'string')
        ) {
          problems.push(
            `${op} ${JSON.stringify(body).slice(0, 80)} → ${r.status} ${JSON.stringify(r.json).slice(0, 120)}`,
          );
        }
      }
    }
    return problems;
  }

  it('answers every operation with garbage input by a 200 or a typed 400, never a 500', async () => {
    assert.deepEqual(await garbage(OPERATIONS), []);
    // Still fully usable afterwards, and time still advances.
    h.clock.advance(60 * 60_000);
    assert.ok((await h.api.listApplications()).includes('checkout-web'));
    const configs = await h.api.listDeploymentConfigs();
    assert.ok(configs.length > 10);
    assert.ok(
      !configs.includes('fuzz-lambda') && !configs.includes('fuzz-server'),
      'invalid configurations were not stored',
    );
    assert.deepEqual(await h.api.listDeploymentGroups('checkout-web'), ['checkout-web-bluegreen', 'checkout-web-prod']);
    assert.deepEqual(await garbage(DELETING), []);
    // The bodies name the seeded applications, so DeleteApplication removed them: the endpoint still works.
    const { applicationId } = await h.raw.send(new CreateApplicationCommand({ applicationName: 'after-garbage' }));
    assert.ok(applicationId);
    assert.ok((await h.api.listApplications()).includes('after-garbage'));
  });
});
