import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
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

// V8's own view, in a child process (natives syntax): no optimising compiler while lean, back after the switch.
const PROBE = `
const t = require(${JSON.stringify(require.resolve('../../../server/src/runtimeTuning'))});
function hot(a) { return a * 2 + 1; }
function optimizes() {
  %PrepareFunctionForOptimization(hot); hot(1); hot(2); %OptimizeFunctionOnNextCall(hot); hot(3);
  return (%GetOptimizationStatus(hot) & 16) !== 0; // bit 16: optimised code
}
const before = optimizes();
t.noteDocumentLength(t.LARGE_DOCUMENT_CHARS);
console.log(JSON.stringify({ before, afterLarge: optimizes() }));
`;

function probe(env: NodeJS.ProcessEnv): { before: boolean; afterLarge: boolean } {
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', '-e', PROBE], { encoding: 'utf8', env });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { before: boolean; afterLarge: boolean };
}

test('V8 does not optimise while lean and does again after a large document (TurboFan really comes back)', () => {
  const env = { ...process.env };
  delete env.APPSPEC_SERVER_TUNING;
  assert.deepEqual(probe(env), { before: false, afterLarge: true });
});

test('APPSPEC_SERVER_TUNING=off keeps V8 defaults from the start', () => {
  assert.deepEqual(probe({ ...process.env, APPSPEC_SERVER_TUNING: 'off' }), { before: true, afterLarge: true });
});
