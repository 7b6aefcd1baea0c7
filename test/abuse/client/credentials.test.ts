/**
 * Credentials never leak into messages or logs: a profile whose `credential_process` fails (its
 * command line carries a token, its stderr prints keys) is used through the real SDK against the
 * local endpoint; the error the user sees and every line the AWS layer logs hold neither the command,
 * its arguments, its stderr nor anything secret-looking. The output channel writer redacts too.
 */
import { test, after, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AwsUserError } from '../../../client/src/aws/api';
import { createCodeDeployApi } from '../../../client/src/aws/sdkApi';
import { redactSecrets } from '../../../client/src/aws/redact';
import { errorMessage } from '../../../client/src/logFailure';
import { redactingLog } from '../../../client/src/redactedLog';
import { leakedLines, watchAwsLog } from '../../helpers/awsLogWatch';
import { startHarness, type Harness } from '../../aws/helpers';

const ACCESS_KEY = 'AKIAIOSFODNN7LEAKED1';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYLEAKEDKEY1';
const SESSION_TOKEN = `IQoJb3JpZ2luX2VjE${'Ab1'.repeat(60)}`;
const ARG_TOKEN = 'hunter2-cli-argument';
const STDERR_MARK = 'stderr-of-the-credential-helper';

const log = watchAwsLog([ARG_TOKEN, STDERR_MARK, SECRET_KEY, SESSION_TOKEN]);
let h: Harness;
let dir: string;
const savedEnv = { ...process.env };

before(async () => {
  h = await startHarness();
  dir = mkdtempSync(path.join(tmpdir(), 'appspec-abuse-cred-'));
  const helper = path.join(dir, 'helper.sh');
  writeFileSync(
    helper,
    `#!/bin/sh\necho "${STDERR_MARK}: ${ACCESS_KEY} ${SECRET_KEY} ${SESSION_TOKEN}" >&2\nexit 3\n`,
    { mode: 0o755 },
  );
  const config = path.join(dir, 'config');
  writeFileSync(
    config,
    `[profile leaky]\nregion = us-east-1\ncredential_process = ${helper} --token ${ARG_TOKEN}\n`,
  );
  process.env.AWS_CONFIG_FILE = config;
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
});

after(async () => {
  process.env = savedEnv;
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

function assertClean(text: string): void {
  for (const bad of [ARG_TOKEN, STDERR_MARK, SECRET_KEY, SESSION_TOKEN, ACCESS_KEY, 'helper.sh', '--token']) {
    assert.ok(!text.includes(bad), `"${bad}" leaked into: ${text}`);
  }
}

test('a failing credential_process: the message names the profile, not the command or its output', async () => {
  const api = createCodeDeployApi({ kind: 'aws', region: 'us-east-1', profile: 'leaky', endpoint: h.endpoint.url });
  const before = log.lines.length;
  try {
    const err = await api.listApplications().then(
      () => assert.fail('the profile has no usable credentials'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof AwsUserError, String(err));
    assert.match(err.message, /Profile "leaky"/);
    assert.match(err.message, /credential_process/);
    assertClean(err.message);
    assertClean(errorMessage(err));
  } finally {
    api.dispose();
  }
  const logged = log.lines.slice(before);
  assert.ok(logged.length > 0, 'the failure is logged');
  for (const line of logged) assertClean(line);
});

test('redaction removes keys, tokens, named secrets and command output', () => {
  const text = [
    `Command failed: /opt/helper --token ${ARG_TOKEN}\n${STDERR_MARK}`,
    `key ${ACCESS_KEY} secret ${SECRET_KEY} token ${SESSION_TOKEN}`,
    'aws_secret_access_key = abc123 "SessionToken": "xyz" credential_process=/bin/get-creds',
    'Authorization: AWS4-HMAC-SHA256 Credential=AKIDX/20260101/us-east-1/codedeploy/aws4_request, Signature=deadbeef',
  ].join('\n');
  const out = redactSecrets(text);
  for (const bad of [ARG_TOKEN, STDERR_MARK, SECRET_KEY, SESSION_TOKEN, ACCESS_KEY, 'abc123', 'xyz', '/bin/get-creds', 'deadbeef'])
    assert.ok(!out.includes(bad), `${bad} in ${out}`);
  assert.deepEqual(leakedLines(out.split('\n'), []), []);
  // Ordinary text is left alone: ids, hashes, paths.
  const plain = 'd-ABCDEF123 etag 0123456789abcdef0123456789abcdef01234567 /tmp/x/appspec.yml';
  assert.equal(redactSecrets(plain), plain);
});

test('the output channel writer redacts every write', () => {
  const written: unknown[][] = [];
  const channel = {
    name: 'CodeDeploy',
    info: (...a: unknown[]) => written.push(a),
    error: (...a: unknown[]) => written.push(a),
    appendLine: (...a: unknown[]) => written.push(a),
  };
  const log = redactingLog(channel);
  log.info(`using ${ACCESS_KEY}`);
  log.error(new Error(`Command failed: helper --token ${ARG_TOKEN}\n${STDERR_MARK}`));
  log.appendLine(`aws_session_token=${SESSION_TOKEN}`);
  assert.equal(log.name, 'CodeDeploy');
  assert.equal(written.length, 3);
  for (const args of written) assertClean(args.map(String).join(' '));
});
