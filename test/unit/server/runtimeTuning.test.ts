import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { isLean, LARGE_DOCUMENT_CHARS, noteDocumentLength } from '../../../server/src/runtimeTuning';

test('the server starts lean and switches to full speed for good once a large document appears', () => {
  assert.equal(isLean(), process.env.APPSPEC_SERVER_TUNING !== 'off');
  noteDocumentLength(600);
  noteDocumentLength(LARGE_DOCUMENT_CHARS - 1);
  assert.equal(isLean(), process.env.APPSPEC_SERVER_TUNING !== 'off', 'small documents keep it lean');
  noteDocumentLength(LARGE_DOCUMENT_CHARS);
  assert.equal(isLean(), false);
  noteDocumentLength(10);
  assert.equal(isLean(), false, 'one way');
});
