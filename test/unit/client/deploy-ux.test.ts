/**
 * The deploy flow's and explorer's answers to a newcomer's first hour: configurations of the group's
 * platform only, the revision location asked once, the active-deployment refusal, the palette's
 * deployment pickers, the credential message, relative times, long errors in the tree.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { AwsUserError, type DeploymentInfo } from '../../../client/src/aws/api';
import { describeChain } from '../../../client/src/aws/credentialChain';
import { toUserError } from '../../../client/src/aws/errors';
import { credentialAdvice } from '../../../client/src/connection/model';
import { deploymentChoices } from '../../../client/src/deploy/deploymentChoices';
import { DeployMemory, MemoryStore } from '../../../client/src/deploy/memory';
import {
  activeDeploymentIn,
  configsFor,
  defaultRevisionKey,
  keyPrefixOf,
  validateNewFolder,
} from '../../../client/src/deploy/plan';
import { formatAge } from '../../../client/src/explorer/format';
import { errorNodes, wrapText } from '../../../client/src/explorer/model';

test('custom deployment configurations are offered only for their own compute platform', () => {
  const names = [
    'CodeDeployDefault.ECSAllAtOnce',
    'CodeDeployDefault.LambdaAllAtOnce',
    'orders-canary-25pct-2min',
    'shop-linear',
    'mystery',
  ];
  const platforms = new Map([
    ['orders-canary-25pct-2min', 'Lambda'],
    ['shop-linear', 'ECS'],
  ]);
  assert.deepEqual(configsFor(names, 'ECS', platforms), ['CodeDeployDefault.ECSAllAtOnce', 'mystery', 'shop-linear']);
  assert.deepEqual(configsFor(names, 'Lambda', platforms), [
    'CodeDeployDefault.LambdaAllAtOnce',
    'mystery',
    'orders-canary-25pct-2min',
  ]);
});

test('the revision location is asked once: later keys reuse its folder with a new time stamp', async () => {
  const now = new Date(Date.UTC(2026, 4, 6, 7, 8, 9));
  assert.equal(defaultRevisionKey('checkout-web', 'web app', now), 'checkout-web/web-app-20260506-070809.zip');
  assert.equal(keyPrefixOf('checkout-web/web-20260506-070809.zip', 'checkout-web'), '{application}');
  assert.equal(keyPrefixOf('releases/checkout-web/x.zip', 'checkout-web'), 'releases/{application}');
  assert.equal(keyPrefixOf('bundle.zip', 'checkout-web'), '');
  assert.equal(
    defaultRevisionKey('billing', 'api', now, 'releases/{application}'),
    'releases/billing/api-20260506-070809.zip',
  );
  assert.equal(defaultRevisionKey('billing', 'api', now, ''), 'api-20260506-070809.zip');
  const mem = new DeployMemory(new MemoryStore());
  assert.equal(mem.revisionLocation(), undefined);
  await mem.rememberRevisionLocation({ bucket: 'my-revisions', keyPrefix: '{application}' });
  assert.deepEqual(mem.revisionLocation(), { bucket: 'my-revisions', keyPrefix: '{application}' });
  assert.equal(mem.bucket(), 'my-revisions');
  await mem.rememberRevisionLocation(undefined);
  assert.equal(mem.revisionLocation(), undefined);
});

test('"already has an active deployment" names the deployment to watch or stop', () => {
  assert.equal(
    activeDeploymentIn("The Deployment Group 'storefront-prod' already has an active Deployment 'd-ABCDEF123'"),
    'd-ABCDEF123',
  );
  assert.equal(activeDeploymentIn('Something else'), undefined);
});

test('New AppSpec File: a new folder stays inside the workspace', () => {
  assert.equal(validateNewFolder('services/orders'), undefined);
  assert.match(validateNewFolder('') ?? '', /Type a folder name/);
  assert.match(validateNewFolder('../outside') ?? '', /inside the workspace/);
  assert.match(validateNewFolder('/etc') ?? '', /relative/);
  assert.match(validateNewFolder('a|b') ?? '', /character/);
});

test('the palette offers active deployments (Watch: recent ones too), newest first', () => {
  const d = (id: string, status: string, minutesAgo: number, extra: Partial<DeploymentInfo> = {}): DeploymentInfo => ({
    deploymentId: id,
    applicationName: 'shop',
    deploymentGroupName: 'web',
    status: status as 'InProgress',
    createTime: new Date(Date.UTC(2026, 0, 1, 12, 0) - minutesAgo * 60_000),
    computePlatform: 'ECS',
    ...extra,
  });
  const now = Date.UTC(2026, 0, 1, 12, 0);
  const list = [
    d('d-OLDDONE01', 'Succeeded', 600),
    d('d-RUNNING01', 'InProgress', 5),
    d('d-READY0001', 'Ready', 30),
    d('d-LAMBDA001', 'InProgress', 1, { computePlatform: 'Lambda' }),
    d('d-RUNNING01', 'InProgress', 5),
  ];
  assert.deepEqual(
    deploymentChoices(list, 'stop', now).map((c) => c.id),
    ['d-LAMBDA001', 'd-RUNNING01', 'd-READY0001'],
  );
  assert.deepEqual(
    deploymentChoices(list, 'continue', now).map((c) => c.id),
    ['d-READY0001'],
  );
  assert.deepEqual(
    deploymentChoices(list, 'watch', now).map((c) => c.id),
    ['d-LAMBDA001', 'd-RUNNING01', 'd-READY0001', 'd-OLDDONE01'],
  );
  const ready = deploymentChoices(list, 'continue', now)[0];
  assert.equal(ready.description, 'shop / web · Ready (waiting to reroute traffic)');
  assert.equal(ready.detail, 'created 30m ago');
});

test('the default credential chain: the message says which sources were tried and what to do', () => {
  const facts = {
    env: { AWS_EC2_METADATA_DISABLED: 'true' },
    configPath: '/home/u/.aws/config',
    credentialsPath: '/home/u/.aws/credentials',
    configText: '[profile dev]\nregion = eu-west-1\n',
  };
  assert.deepEqual(describeChain(facts), [
    'environment variables: AWS_ACCESS_KEY_ID is not set',
    'shared files: no [default] profile in /home/u/.aws/config',
    'instance role: not tried (AWS_EC2_METADATA_DISABLED=true)',
  ]);
  assert.match(
    describeChain({ ...facts, env: { AWS_PROFILE: 'dev', AWS_ACCESS_KEY_ID: 'x' } })[1],
    /profile "dev" is in \/home\/u\/.aws\/config but gave no usable credentials/,
  );
  assert.match(describeChain({ ...facts, configText: undefined })[1], /neither .* nor .* exists/);
  const err = toUserError(
    Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }),
    { kind: 'aws', region: 'us-east-1' },
    { chainReport: describeChain(facts).join('; ') },
  );
  assert.match(err.message, /^The default credential chain found no AWS credentials\. It tried environment variables/);
  assert.match(err.message, /Pick a profile/);
  // The notification shows that message as it is: no 'profile "default"' wrapped around it.
  const advice = credentialAdvice(err, { kind: 'aws', region: 'us-east-1' });
  assert.equal(advice?.message, err.message);
  assert.doesNotMatch(advice?.message ?? '', /profile "default"/);
  // A named profile keeps its own wording.
  const named = credentialAdvice(new AwsUserError('nope', 'CredentialsProviderError', 'pick-profile'), {
    kind: 'aws',
    profile: 'dev',
    region: 'us-east-1',
  });
  assert.match(named?.message ?? '', /^The credentials of profile "dev"/);
});

test('relative times read the same way throughout: hours below a day, then days', () => {
  const now = Date.UTC(2026, 0, 3, 12, 0);
  assert.equal(formatAge(now - 23 * 3_600_000, now), '23h ago');
  assert.equal(formatAge(now - 47 * 3_600_000, now), '1d ago');
  assert.equal(formatAge(now - 49 * 3_600_000, now), '2d ago');
});

test('a long error in the tree is shown in full on detail rows', () => {
  const message =
    'The default credential chain found no AWS credentials. It tried environment variables: AWS_ACCESS_KEY_ID is not set; shared files: neither ~/.aws/credentials nor ~/.aws/config exists.';
  const nodes = errorNodes({ kind: 'applications' }, new Error(message));
  assert.equal(nodes[0].contextValue, 'error');
  const details = nodes.slice(1);
  assert.ok(details.length >= 2, 'the message takes several rows');
  assert.equal(details.map((n) => n.label).join(' '), message);
  assert.ok(details.every((n) => n.label.length <= 72 && n.contextValue === 'errorDetail'));
  assert.equal(errorNodes({ kind: 'applications' }, new Error('Short.')).length, 1);
  assert.deepEqual(wrapText('a '.repeat(3).trim(), 3), ['a a', 'a']);
});

test("an error's detail rows do not hide the view's welcome content for a failed top level", async () => {
  const { explorerState } = await import('../../../client/src/explorer/welcome');
  const top = errorNodes(
    { kind: 'applications' },
    new AwsUserError(
      'The default credential chain found no AWS credentials. It tried environment variables: AWS_ACCESS_KEY_ID is not set; shared files: neither a nor b exists.',
      'CredentialsProviderError',
      'pick-profile',
    ),
  );
  assert.ok(top.length > 1);
  assert.equal(explorerState(top, { kind: 'aws', region: 'us-east-1' }), 'credentials');
});
