/**
 * The appspec-lint task type: definition → CLI arguments, and the `$appspec-lint` problem matcher of package.json
 * read against what the CLI really prints when the task runs it.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintTaskArgs, PROBLEM_MATCHER, TASK_TYPE } from '../../../client/src/tasks/lintTask';
import { CLI, REPO_ROOT, cleanBundle, makeTree, removeTree, ERROR_EC2 } from '../cli/cliHarness';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const dirs: string[] = [];
after(() => dirs.forEach(removeTree));

test('a bare definition checks the whole folder without colours', () => {
  assert.deepEqual(lintTaskArgs({ type: TASK_TYPE }), { args: ['--no-color', '--', '.'], problems: [] });
});

test('every option of the definition becomes its CLI option; paths come after --', () => {
  const { args, problems } = lintTaskArgs({
    type: TASK_TYPE,
    paths: ['deploy', '-odd-name', 'services/**/appspec.yml'],
    config: 'ci/appspec-lint.json',
    maxWarnings: 0,
    quiet: true,
    workspaceChecks: false,
    rules: { W4001: 'off', E2001: 'warning' },
  });
  assert.deepEqual(problems, []);
  assert.deepEqual(args, [
    '--no-color',
    '--config',
    'ci/appspec-lint.json',
    '--max-warnings',
    '0',
    '--quiet',
    '--no-workspace-checks',
    '--rule',
    'W4001=off',
    '--rule',
    'E2001=warning',
    '--',
    'deploy',
    '-odd-name',
    'services/**/appspec.yml',
  ]);
  assert.deepEqual(lintTaskArgs({ type: TASK_TYPE, quiet: false, workspaceChecks: true }).args, [
    '--no-color',
    '--',
    '.',
  ]);
});

test('wrong values are named and left out, never passed on', () => {
  const { args, problems } = lintTaskArgs({
    type: TASK_TYPE,
    paths: ['ok', 3, ''],
    config: 7,
    maxWarnings: -1,
    quiet: 'yes',
    workspaceChecks: 'no',
    rules: { W4001: 'loud', 'x; rm': 'off' },
  });
  assert.deepEqual(args, ['--no-color', '--', 'ok']);
  assert.equal(problems.length, 7, problems.join('\n'));
  for (const field of ['paths', 'config', 'maxWarnings', 'quiet', 'workspaceChecks', 'rules'])
    assert.ok(
      problems.some((p) => p.includes(`"${field}"`)),
      `${field} is named`,
    );
  assert.deepEqual(lintTaskArgs({ type: TASK_TYPE, paths: 'deploy' }).args, ['--no-color', '--', '.']);
  assert.deepEqual(lintTaskArgs(null).args, ['--no-color', '--', '.']);
});

test('package.json declares the task type and the problem matcher the provider uses', () => {
  const definitions = pkg.contributes.taskDefinitions as { type: string; properties: Record<string, unknown> }[];
  const def = definitions.find((d) => d.type === TASK_TYPE);
  assert.ok(def, `taskDefinitions has ${TASK_TYPE}`);
  assert.deepEqual(Object.keys(def.properties).sort(), [
    'config',
    'maxWarnings',
    'paths',
    'quiet',
    'rules',
    'workspaceChecks',
  ]);
  const matchers = pkg.contributes.problemMatchers as { name: string; owner: string; source: string }[];
  const matcher = matchers.find((m) => `$${m.name}` === PROBLEM_MATCHER);
  assert.ok(matcher, `problemMatchers has ${PROBLEM_MATCHER}`);
  assert.equal(matcher.owner, 'appspec-lint');
  assert.equal(matcher.source, 'appspec-lint');
});

test('the problem matcher reads every finding the CLI prints for the task, with its position, severity and rule', () => {
  const matcher = (
    pkg.contributes.problemMatchers as {
      name: string;
      fileLocation: string[];
      pattern: Record<string, string | number>;
    }[]
  ).find((m) => `$${m.name}` === PROBLEM_MATCHER)!;
  // Relative to the folder the task runs in, as the CLI prints them. (Not autoDetect: it checks each file on disk
  // asynchronously, and VS Code stops reading a task's output 100 ms after the process ends.)
  assert.deepEqual(matcher.fileLocation, ['relative', '${workspaceFolder}']);
  const regexp = new RegExp(matcher.pattern.regexp as string);
  const group = (m: RegExpExecArray, k: string) => m[matcher.pattern[k] as number];

  const dir = makeTree({
    ...Object.fromEntries(Object.entries(cleanBundle()).map(([k, v]) => [`web/${k}`, v])),
    'web/appspec.yml': ERROR_EC2 + 'notes: x\n',
    'space name/appspec.yml': 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: missing.sh\n',
  });
  dirs.push(dir);
  const env = { ...process.env, NO_COLOR: '1' };
  const { args } = lintTaskArgs({ type: TASK_TYPE });
  const text = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env });
  const json = spawnSync(process.execPath, [CLI, '--format', 'json', '.'], { cwd: dir, encoding: 'utf8', env });
  assert.equal(text.status, 1, text.stderr);
  const expected = (
    JSON.parse(json.stdout) as {
      file: string;
      line: number;
      column: number;
      severity: string;
      ruleId: string;
      message: string;
    }[]
  ).map((p) => `${p.file}|${p.line}|${p.column}|${p.severity}|${p.ruleId}|${p.message}`);
  assert.ok(expected.length >= 3, json.stdout);
  const lines = text.stdout.split('\n').filter(Boolean);
  const matched = lines.map((line) => {
    const m = regexp.exec(line);
    assert.ok(m, `the matcher reads: ${line}`);
    return ['file', 'line', 'column', 'severity', 'code', 'message'].map((k) => group(m, k)).join('|');
  });
  assert.deepEqual(matched, expected);
  // The summary goes to stderr, so the matcher never sees it as a problem.
  assert.ok(!regexp.test(text.stderr.trim()), text.stderr);
});
