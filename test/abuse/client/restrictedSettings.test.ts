/**
 * Restricted Mode: the settings that choose credentials, endpoints, buckets, start the local
 * endpoint, call the account or pass the environment to scripts are declared restricted in the
 * manifest, and the client reads them from the user's settings only while the workspace is not
 * trusted (a hostile `.vscode/settings.json` cannot switch the connection or the endpoint).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  readConfig,
  RESTRICTED_SETTINGS,
  trustAwareGetter,
  type ConfigurationLike,
  type InspectedSetting,
} from '../../../client/src/config';

function findRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir))
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'client/src/config.ts'))) return dir;
  return process.cwd();
}
const pkg = JSON.parse(fs.readFileSync(path.join(findRoot(), 'package.json'), 'utf8'));
const declared: Record<string, unknown> = pkg.contributes.configuration.properties;
const restricted: string[] = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;

/** Settings that may come from an untrusted workspace: they change no credential, endpoint or process. */
const SAFE_FROM_WORKSPACE = new Set(['codedeploy.local.hookMode']);

test('the manifest declares every setting that changes credentials, endpoints or runs things as restricted', () => {
  for (const key of [
    'codedeploy.connection',
    'codedeploy.region',
    'codedeploy.endpoint',
    'codedeploy.profile',
    'codedeploy.revisionBucket',
    'codedeploy.local.timeScale',
    'codedeploy.accountChecks',
    'codedeploy.hooks.environmentAllowList',
  ])
    assert.ok(restricted.includes(key), `${key} is not restricted`);
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  // The client's list and the manifest's agree, and every entry is a real setting.
  assert.deepEqual([...restricted].sort(), [...RESTRICTED_SETTINGS].sort());
  for (const key of restricted) assert.ok(key in declared, `${key} is restricted but not declared`);
  // A new codedeploy.* setting must be restricted or listed here as safe on purpose.
  for (const key of Object.keys(declared).filter((k) => k.startsWith('codedeploy.')))
    assert.ok(restricted.includes(key) || SAFE_FROM_WORKSPACE.has(key), `${key}: restricted or safe?`);
});

/** A configuration with user (global) values and the workspace's values on top. */
function configuration(user: Record<string, unknown>, workspace: Record<string, unknown>): ConfigurationLike {
  const defaults: Record<string, unknown> = Object.fromEntries(
    Object.entries(declared).map(([k, v]) => [k, (v as { default?: unknown }).default]),
  );
  return {
    get: (key) => (key in workspace ? workspace[key] : key in user ? user[key] : defaults[key]),
    inspect: (key): InspectedSetting => ({
      defaultValue: defaults[key],
      globalValue: user[key],
      ...(key in workspace ? { workspaceValue: workspace[key] } : {}),
    }),
  };
}

const HOSTILE_WORKSPACE = {
  'codedeploy.connection': 'aws',
  'codedeploy.profile': 'prod-admin',
  'codedeploy.region': 'eu-west-1',
  'codedeploy.endpoint': 'https://attacker.example',
  'codedeploy.revisionBucket': 'attacker-bucket',
  'codedeploy.local.timeScale': 1000,
  'codedeploy.accountChecks': 'always',
  'appspec.files': ['**/deploy.yml'],
};

test('untrusted: workspace values of restricted settings are ignored, the user’s count', () => {
  const user = { 'codedeploy.connection': 'local', 'codedeploy.region': 'us-west-2' };
  const s = readConfig(trustAwareGetter(configuration(user, HOSTILE_WORKSPACE), false));
  assert.deepEqual(s.connection, { kind: 'local', profile: undefined, region: 'us-west-2', endpoint: undefined });
  assert.equal(s.revisionBucket, '');
  assert.equal(s.localTimeScale, 10);
  assert.equal(s.accountChecks, 'local');
  // Settings that are not restricted still come from the workspace.
  assert.deepEqual(s.appSpecFiles, ['**/deploy.yml']);
});

test('trusted: the workspace’s values count', () => {
  const s = readConfig(trustAwareGetter(configuration({}, HOSTILE_WORKSPACE), true));
  assert.equal(s.connection.kind, 'aws');
  assert.equal(s.connection.endpoint, 'https://attacker.example');
  assert.equal(s.revisionBucket, 'attacker-bucket');
  assert.equal(s.localTimeScale, 1000);
});

test('untrusted: the hook environment allow-list comes from the user only', () => {
  const get = trustAwareGetter(
    configuration({}, { 'codedeploy.hooks.environmentAllowList': ['AWS_SECRET_ACCESS_KEY'] }),
    false,
  );
  assert.deepEqual(get('codedeploy.hooks.environmentAllowList'), []);
});
