/** Where the extension finds the access key of a local endpoint it did not start, and what it says when it is refused. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { findLocalAccessKey } from '../../../client/src/connection/localKey';
import { apiSettings } from '../../../client/src/connection/model';
import { toUserError } from '../../../client/src/aws/errors';

const noFile = () => Promise.reject(Object.assign(new Error('missing'), { code: 'ENOENT' }));

test('the key comes from CODEDEPLOY_LOCAL_ACCESS_KEY_ID, else from ~/.codedeploy-local/access-key-id', async () => {
  const fromEnv = await findLocalAccessKey({ CODEDEPLOY_LOCAL_ACCESS_KEY_ID: ' LOCALENV1234 ' }, noFile, '/home/u');
  assert.deepEqual(fromEnv, {
    accessKeyId: 'LOCALENV1234',
    source: 'the environment variable CODEDEPLOY_LOCAL_ACCESS_KEY_ID',
  });
  const read: string[] = [];
  const fromFile = await findLocalAccessKey({}, (f) => (read.push(f), Promise.resolve('LOCALFILE5678\n')), '/home/u');
  assert.equal(fromFile.accessKeyId, 'LOCALFILE5678');
  assert.deepEqual(read, [path.join('/home/u', '.codedeploy-local', 'access-key-id')]);
  const none = await findLocalAccessKey({}, noFile, '/home/u');
  assert.equal(none.accessKeyId, undefined);
  assert.match(none.source, /CODEDEPLOY_LOCAL_ACCESS_KEY_ID is not set and .*access-key-id does not exist/);
});

test('the settings carry the embedded endpoint key, or the external key and where it came from', () => {
  const embedded = apiSettings(
    { kind: 'local', region: 'us-east-1' },
    { url: 'http://127.0.0.1:1', accessKeyId: 'LOCALEMBEDDED' },
  );
  assert.equal(embedded.credentials?.accessKeyId, 'LOCALEMBEDDED');
  assert.equal(embedded.localKeySource, undefined);
  const external = apiSettings({ kind: 'local', region: 'us-east-1', endpoint: 'http://127.0.0.1:4566' }, undefined, {
    accessKeyId: 'LOCALEXT',
    source: '/home/u/.codedeploy-local/access-key-id',
  });
  assert.equal(external.credentials?.accessKeyId, 'LOCALEXT');
  const refused = toUserError(
    { name: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' },
    external,
  );
  assert.equal(refused.action, 'check-endpoint');
  assert.match(refused.message, /refused the access key id .*taken from \/home\/u\/\.codedeploy-local\/access-key-id/);
  assert.match(refused.message, /CODEDEPLOY_LOCAL_ACCESS_KEY_ID/);
  assert.ok(!refused.message.includes('LOCALEXT'), 'the key itself is not in the message');
});
