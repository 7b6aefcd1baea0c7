/**
 * The CLI on the same hostile inputs as the language server: it reports diagnostics or a clear
 * error, exits with a meaningful code, and never prints a stack trace.
 */
import { test, after, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import { hostileInputs } from '../../helpers/hostileInputs';
import { hasStackTrace, makeTree, removeTree, runCli } from './cliHarness';

const dirs: string[] = [];
after(() => dirs.forEach(removeTree));

interface JsonProblem {
  line: number;
  column: number;
  severity: string;
  message: string;
}

describe('appspec-lint on hostile files', () => {
  for (const input of hostileInputs()) {
    test(input.name, { timeout: 120_000 }, () => {
      const dir = makeTree({ [input.fileName]: input.bytes });
      dirs.push(dir);
      const r = runCli(['--format', 'json', input.fileName], { cwd: dir, timeoutMs: 110_000 });
      assert.ok(!hasStackTrace(r.stderr) && !hasStackTrace(r.stdout), `stack trace:\n${r.stderr.slice(0, 2000)}`);
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}; stderr: ${r.stderr.slice(0, 500)}`);
      const problems = JSON.parse(r.stdout) as JsonProblem[];
      for (const p of problems) assert.ok(p.line >= 1 && p.column >= 1, JSON.stringify(p));
      if (input.expect)
        assert.ok(
          problems.some((p) => input.expect!.test(p.message)),
          `expected a finding matching ${input.expect}: ${JSON.stringify(problems.map((p) => p.message))}`,
        );
      const errors = problems.filter((p) => p.severity === 'error').length;
      assert.equal(r.status, errors > 0 ? 1 : 0, 'exit code follows the errors');
      if (input.mustError) assert.ok(errors > 0, JSON.stringify(problems));
    });
  }

  test('the same inputs through standard input', { timeout: 120_000 }, () => {
    for (const input of hostileInputs().filter((i) => i.bytes.length < 2_000_000)) {
      const r = runCli(['--stdin-filename', input.fileName, '-'], { input: input.bytes, timeoutMs: 110_000 });
      assert.ok(r.status === 0 || r.status === 1, `${input.name}: exit ${r.status}; ${r.stderr.slice(0, 300)}`);
      assert.ok(!hasStackTrace(r.stderr), `${input.name}: ${r.stderr.slice(0, 1000)}`);
    }
  });

  test('a folder as --config, a missing folder and an odd path name give clear errors', () => {
    const dir = makeTree({ 'appspec.yml': 'version: 0.0\nos: linux\n', 'cfg/x': '' });
    dirs.push(dir);
    const r1 = runCli(['--config', 'cfg', 'appspec.yml'], { cwd: dir });
    assert.equal(r1.status, 2);
    assert.match(r1.stderr, /cfg: is a folder/);
    const r2 = runCli(['no/such/dir/'], { cwd: dir });
    assert.equal(r2.status, 2);
    assert.match(r2.stderr, /no such file or folder/);
    const r3 = runCli(['\u0001weird\u00ff.yml'], { cwd: dir });
    assert.equal(r3.status, 2);
    for (const r of [r1, r2, r3]) assert.ok(!hasStackTrace(r.stderr), r.stderr);
  });
});
