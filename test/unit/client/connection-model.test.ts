import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  apiSettings,
  applyPick,
  connectionKey,
  credentialAdvice,
  pickEntries,
  ssoLoginCommand,
  statusText,
} from '../../../client/src/connection/model';
import { AwsUserError } from '../../../client/src/aws/api';

test('status bar text', () => {
  assert.equal(statusText({ kind: 'local', region: 'us-east-1' }), 'CodeDeploy: Local');
  assert.equal(statusText({ kind: 'aws', profile: 'dev', region: 'eu-west-1' }), 'dev · eu-west-1');
  assert.equal(statusText({ kind: 'aws', region: 'eu-west-1' }), 'default · eu-west-1');
});

test('settings for the API: local uses the in-process endpoint with explicit dummy credentials', () => {
  const s = apiSettings(
    { kind: 'local', region: 'eu-west-1' },
    { url: 'http://127.0.0.1:4000', s3Url: 'http://127.0.0.1:4001' },
  );
  assert.equal(s.kind, 'local');
  assert.equal(s.endpoint, 'http://127.0.0.1:4000');
  assert.equal(s.s3Endpoint, 'http://127.0.0.1:4001');
  assert.ok(s.credentials);
  assert.throws(() => apiSettings({ kind: 'local', region: 'x' }));
  assert.deepEqual(apiSettings({ kind: 'aws', profile: 'p', region: 'eu-west-1' }), {
    kind: 'aws',
    region: 'eu-west-1',
    profile: 'p',
    endpoint: undefined,
  });
});

test('quick pick: local, profiles with SSO marked, regions; picking changes the choice', () => {
  const entries = pickEntries({ kind: 'aws', profile: 'dev', region: 'eu-west-1' }, [
    { name: 'prod', sso: true, region: 'us-west-2' },
    { name: 'dev' },
  ]);
  const labels = entries.map((e) => e.label);
  assert.equal(labels[0], '$(server-process) Local endpoint');
  assert.ok(labels.includes('$(organization) prod'));
  assert.match(entries.find((e) => e.label === '$(organization) prod')?.description ?? '', /SSO · us-west-2/);
  assert.match(entries.find((e) => e.label === '$(key) dev')?.description ?? '', /current/);
  assert.ok(labels.includes('$(globe) ap-south-1'));
  const prod = entries.find((e) => e.label === '$(organization) prod')?.action;
  assert.ok(prod);
  assert.deepEqual(applyPick({ kind: 'aws', profile: 'dev', region: 'eu-west-1' }, prod), {
    kind: 'aws',
    profile: 'prod',
    region: 'us-west-2',
    endpoint: undefined,
  });
  assert.deepEqual(
    applyPick({ kind: 'aws', profile: 'dev', region: 'eu-west-1' }, { type: 'region', region: 'ap-south-1' }),
    { kind: 'aws', profile: 'dev', region: 'ap-south-1' },
  );
  assert.equal(applyPick({ kind: 'aws', profile: 'dev', region: 'eu-west-1' }, { type: 'local' }).kind, 'local');
  // No regions offered while local.
  assert.equal(
    pickEntries({ kind: 'local', region: 'us-east-1' }, []).some((e) => e.action?.type === 'region'),
    false,
  );
});

test('expired SSO credentials advise `aws sso login` with the profile, quoted when needed', () => {
  const c = { kind: 'aws' as const, profile: 'my team', region: 'eu-west-1' };
  const advice = credentialAdvice(
    new AwsUserError('The SSO session associated with this profile has expired', 'ExpiredTokenException', 'sso-login'),
    c,
  );
  assert.equal(advice?.ssoLogin, true);
  assert.equal(ssoLoginCommand('my team'), "aws sso login --profile 'my team'");
  assert.equal(ssoLoginCommand('dev'), 'aws sso login --profile dev');
  const expired = credentialAdvice(
    Object.assign(new Error('The security token included in the request is expired'), {
      name: 'ExpiredTokenException',
    }),
    c,
  );
  assert.deepEqual([expired?.ssoLogin, expired?.pickProfile], [false, true]);
  assert.equal(credentialAdvice(new Error('ApplicationDoesNotExistException'), c), undefined);
  assert.equal(credentialAdvice(new AwsUserError('x', 'y', 'sso-login'), { kind: 'local', region: 'r' }), undefined);
  assert.equal(connectionKey({ kind: 'aws', profile: 'dev', region: 'eu-west-1' }), 'aws:dev:eu-west-1');
  // Pointing the local connection at a running endpoint, or back at the built-in one, is a change of connection.
  assert.notEqual(
    connectionKey({ kind: 'local', region: 'r', endpoint: 'http://127.0.0.1:4566' }),
    connectionKey({ kind: 'local', region: 'r' }),
  );
});

test('typed settings: defaults and bad values', async () => {
  const { readConfig } = await import('../../../client/src/config');
  const s = readConfig(() => undefined);
  assert.deepEqual(s.connection, { kind: 'none', profile: undefined, region: 'us-east-1', endpoint: undefined });
  assert.equal(s.localTimeScale, 10);
  assert.equal(s.localHookMode, 'auto');
  assert.deepEqual(s.appSpecFiles, []);
  const values: Record<string, unknown> = {
    'codedeploy.connection': 'aws',
    'codedeploy.profile': ' dev ',
    'codedeploy.region': 'eu-west-1',
    'codedeploy.local.timeScale': 0,
    'appspec.files': ['**/deploy/*.yml', 3, ''],
    'appspec.trace.server': 'verbose',
  };
  const t = readConfig((k) => values[k]);
  assert.deepEqual(t.connection, { kind: 'aws', profile: 'dev', region: 'eu-west-1', endpoint: undefined });
  assert.equal(t.localTimeScale, 10, 'a time scale below 1 falls back to the default');
  assert.deepEqual(t.appSpecFiles, ['**/deploy/*.yml']);
  assert.equal(t.traceServer, 'verbose');
  assert.equal(readConfig((k) => (k === 'codedeploy.connection' ? 'bogus' : undefined)).connection.kind, 'none');
  assert.equal(readConfig((k) => (k === 'codedeploy.local.hookMode' ? 'manual' : undefined)).localHookMode, 'manual');
  assert.equal(readConfig((k) => (k === 'codedeploy.local.hookMode' ? 'sometimes' : undefined)).localHookMode, 'auto');
});
