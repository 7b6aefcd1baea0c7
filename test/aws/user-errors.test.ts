/** AwsUserError mapping (units and real failures) and the profile list for the connection picker. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { AwsUserError, type ConnectionSettings } from '../../client/src/aws/api';
import { scrub, toUserError } from '../../client/src/aws/errors';
import { listProfiles, profilesFromText } from '../../client/src/aws/profiles';
import { chunk, createCodeDeployApi } from '../../client/src/aws/sdkApi';
import { startHarness, tempDir, type Harness } from './helpers';

const aws = (profile?: string): ConnectionSettings => ({ kind: 'aws', region: 'eu-west-1', profile });

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('toUserError', () => {
  it('expired token with a profile → sso-login with the exact command', () => {
    const e = toUserError(
      {
        name: 'ExpiredTokenException',
        message: 'The security token included in the request is expired',
        $fault: 'client',
      },
      aws('dev-admin'),
    );
    assert.ok(e instanceof AwsUserError);
    assert.equal(e.code, 'ExpiredTokenException');
    assert.equal(e.action, 'sso-login');
    assert.ok(e.message.includes('`aws sso login --profile dev-admin`'), e.message);
  });

  it('SSO token problems from the credential provider → sso-login', () => {
    const e = toUserError(
      {
        name: 'CredentialsProviderError',
        message:
          'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.',
      },
      aws('work'),
    );
    assert.equal(e.action, 'sso-login');
    assert.equal(e.code, 'CredentialsProviderError');
    assert.match(e.message, /aws sso login --profile work/);
  });

  it('no credentials and no profile → pick-profile', () => {
    const e = toUserError(
      { name: 'CredentialsProviderError', message: 'Could not load credentials from any providers' },
      aws(),
    );
    assert.equal(e.action, 'pick-profile');
    const x = toUserError({ name: 'ExpiredToken', message: 'expired' }, aws());
    assert.equal(x.action, 'pick-profile');
    assert.equal(x.code, 'ExpiredToken');
  });

  it('connection refused → check-endpoint naming the endpoint', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const e = toUserError(err, { kind: 'local', region: 'us-east-1', endpoint: 'http://127.0.0.1:9' });
    assert.equal(e.action, 'check-endpoint');
    assert.equal(e.code, 'ECONNREFUSED');
    assert.match(e.message, /http:\/\/127\.0\.0\.1:9.*connection refused/);
    const wrapped = toUserError({ name: 'AggregateError', message: '', errors: [{ code: 'ECONNREFUSED' }] }, aws());
    assert.equal(wrapped.action, 'check-endpoint');
  });

  it('throttling after retries → retry', () => {
    const e = toUserError(
      {
        name: 'ThrottlingException',
        message: 'Rate exceeded',
        $fault: 'client',
        $metadata: { attempts: 5, httpStatusCode: 400 },
      },
      aws('p'),
    );
    assert.equal(e.action, 'retry');
    assert.equal(e.code, 'ThrottlingException');
    assert.match(e.message, /5 attempts/);
  });

  it('service exceptions keep their name as code and their message', () => {
    const e = toUserError(
      {
        name: 'DeploymentGroupDoesNotExistException',
        message: 'No Deployment Group found for name: x',
        $fault: 'client',
      },
      aws('p'),
    );
    assert.equal(e.code, 'DeploymentGroupDoesNotExistException');
    assert.equal(e.message, 'No Deployment Group found for name: x');
    assert.equal(e.action, undefined);
    const same = new AwsUserError('m', 'C', 'retry');
    assert.equal(toUserError(same), same);
  });

  it('never lets credentials through', () => {
    const settings: ConnectionSettings = {
      kind: 'aws',
      region: 'us-east-1',
      credentials: {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN',
      },
    };
    const e = toUserError(
      {
        name: 'InvalidSignatureException',
        message:
          'Bad signature for AKIAIOSFODNN7EXAMPLE using wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY token FwoGZXIvYXdzEXAMPLETOKEN',
        $fault: 'client',
      },
      settings,
    );
    for (const secret of [
      'AKIAIOSFODNN7EXAMPLE',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'FwoGZXIvYXdzEXAMPLETOKEN',
    ])
      assert.ok(!e.message.includes(secret), e.message);
    assert.equal(e.action, 'pick-profile');
    assert.equal(scrub('aws_secret_access_key = abc123'), 'aws_secret_access_key=****');
  });

  it('splits batches at the API limits', () => {
    assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(chunk([], 25), []);
  });
});

describe('real failures through createCodeDeployApi', () => {
  const dir = tempDir('cd-aws-config-');
  const saved = { ...process.env };
  let h: Harness;
  before(async () => {
    h = await startHarness({ seed: false });
    fs.writeFileSync(
      path.join(dir, 'config'),
      [
        '[default]',
        'region = us-east-1',
        '[profile work-sso]',
        'sso_start_url = https://example-corp.awsapps.com/start',
        'sso_region = us-east-1',
        'sso_account_id = 111122223333',
        'sso_role_name = Deployer',
        'region = eu-west-1',
        '[profile no-keys]',
        'region = eu-central-1',
        '[sso-session corp]',
        'sso_start_url = https://example-corp.awsapps.com/start',
        '[profile static]',
        'region = us-east-1',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(dir, 'credentials'),
      // The static profile holds the harness endpoint's own key (contract C1), as a user's profile would.
      `[static]\naws_access_key_id = ${h.settings.credentials?.accessKeyId}\naws_secret_access_key = static-local-secret\n[ci-only]\naws_access_key_id = AKIDCI\naws_secret_access_key = ci-secret\n`,
    );
    process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
    process.env.HOME = dir; // no SSO token cache
    delete process.env.AWS_PROFILE;
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
  });
  after(async () => {
    process.env = saved;
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists profile names from AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, SSO marked, no secrets', async () => {
    const profiles = await listProfiles();
    assert.deepEqual(
      profiles.map((p) => [p.name, p.sso]),
      [
        ['default', false],
        ['ci-only', false],
        ['no-keys', false],
        ['static', false],
        ['work-sso', true],
      ],
    );
    assert.equal(profiles.find((p) => p.name === 'work-sso')?.region, 'eu-west-1');
    assert.ok(!JSON.stringify(profiles).includes('secret'));
    assert.deepEqual(profilesFromText('', ''), []);
  });

  it('a refused connection becomes check-endpoint', async () => {
    const port = await closedPort();
    const api = createCodeDeployApi({
      kind: 'local',
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    await assert.rejects(api.listApplications(), (e: unknown) => {
      assert.ok(e instanceof AwsUserError);
      assert.equal(e.action, 'check-endpoint');
      assert.match(e.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
      return true;
    });
    api.dispose();
  });

  it('a service that keeps throttling is retried with backoff, then reported as retry', async () => {
    let calls = 0;
    const srv = http.createServer((req, res) => {
      calls++;
      req.resume();
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }));
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    const port = (srv.address() as net.AddressInfo).port;
    const api = createCodeDeployApi({
      kind: 'local',
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    try {
      await assert.rejects(api.listDeploymentConfigs(), (e: unknown) => {
        assert.ok(e instanceof AwsUserError);
        assert.equal(e.action, 'retry');
        assert.equal(e.code, 'ThrottlingException');
        return true;
      });
      assert.ok(calls >= 2, `retried (${calls} calls)`);
    } finally {
      api.dispose();
      await new Promise<void>((r) => srv.close(() => r()));
    }
  });

  it('an SSO profile without a session asks for `aws sso login --profile work-sso`', async () => {
    const port = await closedPort();
    const api = createCodeDeployApi({
      kind: 'aws',
      region: 'eu-west-1',
      profile: 'work-sso',
      endpoint: `http://127.0.0.1:${port}`,
    });
    await assert.rejects(api.listApplications(), (e: unknown) => {
      assert.ok(e instanceof AwsUserError, String(e));
      assert.equal(e.action, 'sso-login', e.message);
      assert.ok(e.message.includes('aws sso login --profile work-sso'), e.message);
      return true;
    });
    api.dispose();
  });

  it('a profile without keys asks to pick another profile', async () => {
    const port = await closedPort();
    const api = createCodeDeployApi({
      kind: 'aws',
      region: 'eu-central-1',
      profile: 'no-keys',
      endpoint: `http://127.0.0.1:${port}`,
    });
    await assert.rejects(api.listApplications(), { name: 'AwsUserError', action: 'pick-profile' });
    api.dispose();
  });

  it('a static profile signs requests that reach the endpoint', async () => {
    const api = createCodeDeployApi({ kind: 'aws', region: 'us-east-1', profile: 'static', endpoint: h.endpoint.url });
    assert.deepEqual(await api.listApplications(), []);
    api.dispose();
  });
});
