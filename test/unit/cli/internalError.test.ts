/** A rule that throws while the CLI runs: its findings are missing, so the run says so and exits 2. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseAppSpec } from '../../../engine/document';
import {
  reportInternalError,
  setInternalErrorHandler,
  type InternalErrorHandler,
} from '../../../engine/internalErrors';
import { lint } from '../../../engine/lint';
import { allRules } from '../../../engine/rules';
import { createEngine, decodeBytes, type CliEngine } from '../../../server/src/cli/engine';
import { runCli, type CliIo } from '../../../server/src/cli/run';
import { THROWING_RULE } from '../engine/helpers';
import { ERROR_EC2, makeTree, removeTree } from './cliHarness';

/** The real CLI engine, with one more rule that throws. */
function engineWithThrowingRule(): CliEngine {
  const real = createEngine();
  return {
    ...real,
    lint(bytes, absPath) {
      const doc = parseAppSpec(`file://${absPath}`, decodeBytes(bytes), 0);
      return lint(doc, { fileName: path.basename(absPath) }, undefined, { rules: [...allRules, THROWING_RULE] });
    },
  };
}

function run(args: string[], cwd: string, debug = false): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: () => new Uint8Array(),
    isTty: false,
    debug,
  };
  return { status: runCli(args, io, engineWithThrowingRule()), stdout, stderr };
}

test('a rule that throws: the other findings are printed, stderr names the rule and the file, exit 2', () => {
  const d = makeTree({ 'appspec.yml': ERROR_EC2 });
  const outside: unknown[] = [];
  const mine: InternalErrorHandler = (e) => outside.push(e);
  const previous = setInternalErrorHandler(mine);
  try {
    const r = run(['appspec.yml'], d);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /appspec\.yml:2:5 error E2001 /, 'the findings of the other rules are there');
    assert.match(
      r.stderr,
      /appspec-lint: internal error: rule E9999 failed on file:\/\/.*appspec\.yml.*\(Error: boom\)/,
    );
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack without APPSPEC_LINT_DEBUG');
    assert.match(run(['appspec.yml'], d, true).stderr, /\n\s+at /, 'the stack with APPSPEC_LINT_DEBUG');
    // The CLI puts back the handler it found.
    reportInternalError('a check', 'file:///x', new Error('later'));
    assert.equal(outside.length, 1);
  } finally {
    setInternalErrorHandler(previous);
    removeTree(d);
  }
});
