import { test, describe, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseAppSpec } from '../../../engine/document';
import { lint } from '../../../engine/lint';
import { nodeFs } from '../../../engine/nodeFs';
import { allRules } from '../../../engine/rules';
import { DOCS_BASE_URL } from '../../../engine/types';
import {
  CLEAN_EC2,
  ERROR_EC2,
  WARNING_EC2,
  cleanBundle,
  hasStackTrace,
  makeTree,
  removeTree,
  runCli,
  runCliUnprivileged,
} from './cliHarness';

const TEXT_LINE = /^(.+):(\d+):(\d+) (error|warning|info|hint) ([EWI]\d{4}) (.+)$/;
const dirs: string[] = [];
const tree = (files: Record<string, string | Buffer>): string => {
  const d = makeTree(files);
  dirs.push(d);
  return d;
};
after(() => dirs.forEach(removeTree));

interface JsonProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  ruleId: string;
  message: string;
  related?: { file: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: unknown } }[];
}

/** What the editor's engine reports for the same file, in the CLI's JSON shape. */
function engineFindings(abs: string, shown: string, workspaceChecks = true): JsonProblem[] {
  const doc = parseAppSpec(pathToFileURL(abs).href, fs.readFileSync(abs, 'utf8'), 0);
  const ctx = {
    fileName: path.basename(abs),
    bundleRoot: path.dirname(abs),
    ...(workspaceChecks ? { fs: nodeFs } : {}),
  };
  return lint(doc, ctx, { workspaceChecks }).map((d) => ({
    file: shown,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    ruleId: d.ruleId,
    message: d.message,
    ...(d.related?.length
      ? {
          related: d.related.map((r) => ({
            file: r.uri ? path.relative(path.dirname(abs), fileURLToPath(r.uri)).split(path.sep).join('/') : shown,
            line: r.range.start.line + 1,
            column: r.range.start.character + 1,
            endLine: r.range.end.line + 1,
            endColumn: r.range.end.character + 1,
            message: r.message,
          })),
        }
      : {}),
  }));
}

/** The files a run checked (clean ones included), from the SARIF artifacts list. */
function checkedFiles(args: string[], cwd: string): string[] {
  const r = runCli(['--format', 'sarif', ...args], { cwd });
  return (JSON.parse(r.stdout).runs[0].artifacts as { location: { uri: string } }[])
    .map((a) => decodeURIComponent(a.location.uri))
    .sort();
}

/** The engine's findings for a document written into a fresh bundle (the CLI must print exactly these). */
function expectFor(text: string): { dir: string; findings: JsonProblem[] } {
  const dir = tree({ ...cleanBundle(), 'appspec.yml': text });
  return { dir, findings: engineFindings(path.join(dir, 'appspec.yml'), 'appspec.yml') };
}

const asText = (p: JsonProblem): string => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.ruleId} ${p.message}`;

describe('appspec-lint basics', () => {
  test('--version prints the package version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8'));
    const r = runCli(['--version']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout.trim(), pkg.version);
  });

  test('--help describes usage and exits 0', () => {
    const r = runCli(['--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /Usage: appspec-lint/);
    assert.match(r.stdout, /--max-warnings/);
  });

  test('no PATH and unknown options are usage errors (exit 2)', () => {
    for (const args of [
      [],
      ['--frobnicate', 'x'],
      ['--format', 'xml', 'x'],
      ['--max-warnings', '-1', 'x'],
      ['--rule', 'W2004=loud', 'x'],
    ]) {
      const r = runCli(args);
      assert.equal(r.status, 2, `args ${JSON.stringify(args)}: ${r.stderr}`);
      assert.match(r.stderr, /^appspec-lint: /);
      assert.ok(!hasStackTrace(r.stderr), r.stderr);
    }
  });
});

describe('exit codes and the text format', () => {
  test('a clean bundle exits 0 with nothing on stdout and a summary on stderr', () => {
    const d = tree(cleanBundle());
    const r = runCli(['.'], { cwd: d });
    assert.equal(r.stdout, '', r.stdout);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /No problems in 1 file/);
  });

  test('an error exits 1 and prints file:line:col severity ID message (1-based)', () => {
    const { dir, findings } = expectFor(ERROR_EC2);
    // `os: solaris` is on line 2 and its value starts at column 5: the engine must call it an error.
    const osError = findings.find((p) => p.severity === 'error' && p.line === 2 && p.column === 5);
    assert.ok(osError, JSON.stringify(findings));
    const r = runCli(['appspec.yml'], { cwd: dir });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    for (const l of lines) assert.match(l, TEXT_LINE);
    assert.deepEqual(lines, findings.map(asText));
    assert.match(r.stderr, /\d+ problems? \(\d+ errors?, \d+ warnings?, \d+ infos?\) in 1 of 1 file/);
  });

  test('warnings alone exit 0; --max-warnings turns too many into exit 1', () => {
    const { dir, findings } = expectFor(WARNING_EC2);
    assert.ok(!findings.some((p) => p.severity === 'error'), JSON.stringify(findings));
    const warnings = findings.filter((p) => p.severity === 'warning');
    // The unknown top-level key `notes` (line 10) is a warning.
    assert.ok(
      warnings.some((p) => p.line === 10),
      JSON.stringify(findings),
    );
    const plain = runCli(['appspec.yml'], { cwd: dir });
    assert.equal(plain.status, 0, plain.stdout + plain.stderr);
    assert.equal(runCli(['--max-warnings', String(warnings.length), 'appspec.yml'], { cwd: dir }).status, 0);
    const over = runCli(['--max-warnings', String(warnings.length - 1), 'appspec.yml'], { cwd: dir });
    assert.equal(over.status, 1);
    assert.match(over.stderr, /more than --max-warnings/);
  });

  test('--rule changes or silences a rule; --quiet shows errors only', () => {
    const { dir, findings } = expectFor(WARNING_EC2);
    const id = findings.find((p) => p.line === 10 && p.severity === 'warning')?.ruleId;
    assert.ok(id, JSON.stringify(findings));
    const off = runCli(['--rule', `${id}=off`, 'appspec.yml'], { cwd: dir });
    assert.ok(!off.stdout.includes(` ${id} `), off.stdout);
    const err = runCli([`--rule=${id}=error`, 'appspec.yml'], { cwd: dir });
    assert.equal(err.status, 1);
    assert.ok(err.stdout.includes(`appspec.yml:10:1 error ${id} `), err.stdout);
    const both = expectFor(ERROR_EC2 + 'notes: x\n');
    assert.ok(
      both.findings.some((p) => p.severity !== 'error'),
      'the fixture also has non-errors',
    );
    const quiet = runCli(['--quiet', 'appspec.yml'], { cwd: both.dir });
    assert.equal(quiet.status, 1);
    assert.deepEqual(
      quiet.stdout.trimEnd().split('\n'),
      both.findings.filter((p) => p.severity === 'error').map(asText),
    );
  });

  test('a missing file exits 2 with a clear message and no stack trace', () => {
    const d = tree(cleanBundle());
    const r = runCli(['nope/appspec.yml'], { cwd: d });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /nope\/appspec\.yml: no such file or folder/);
    assert.ok(!hasStackTrace(r.stderr), r.stderr);
    // Other paths are still checked, but the run still exits 2.
    const mixed = runCli(['appspec.yml', 'missing.yml'], { cwd: d });
    assert.equal(mixed.status, 2);
    assert.match(mixed.stderr, /missing\.yml: no such file or folder/);
    assert.match(mixed.stderr, /in 1 file/);
  });

  test('an unreadable file exits 2 with a permission message (as an unprivileged user when run as root)', () => {
    const d = tree(cleanBundle());
    fs.chmodSync(path.join(d, 'appspec.yml'), 0o000);
    const r = runCliUnprivileged(['appspec.yml'], d);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /appspec\.yml: permission denied/);
  });
});

describe('file discovery', () => {
  test('folders are searched recursively for appspec.yml/.yaml/.json in any case (not myappspec.yml), skipping node_modules and .git', () => {
    const d = tree({
      'svc-a/appspec.yml': ERROR_EC2,
      'svc-b/deep/er/appspec.yaml': ERROR_EC2,
      'svc-c/appspec.json': '{"version": 0.0, "Resources": []}\n',
      'svc-d/not-an-appspec.yml': ERROR_EC2,
      'svc-e/myappspec.yml': ERROR_EC2,
      'svc-f/AppSpec.YML': ERROR_EC2,
      'node_modules/pkg/appspec.yml': ERROR_EC2,
      '.git/appspec.yml': ERROR_EC2,
    });
    assert.deepEqual(checkedFiles(['.'], d), [
      'svc-a/appspec.yml',
      'svc-b/deep/er/appspec.yaml',
      'svc-c/appspec.json',
      'svc-f/AppSpec.YML',
    ]);
  });

  test('a folder without AppSpec files is an error (exit 2)', () => {
    const d = tree({ 'README.md': '# nothing here\n' });
    const r = runCli(['.'], { cwd: d });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no appspec\.yml, appspec\.yaml or appspec\.json found/);
  });

  test('globs match files below their literal folder; explicit files of any name are checked', () => {
    const d = tree({
      'deploy/prod/appspec.yml': ERROR_EC2,
      'deploy/test/appspec.yml': ERROR_EC2,
      'deploy/test/other.yml': ERROR_EC2,
      'elsewhere/appspec.yml': ERROR_EC2,
      'custom-name.yml': ERROR_EC2,
    });
    assert.deepEqual(checkedFiles(['deploy/**/appspec.{yml,yaml}', 'custom-name.yml'], d), [
      'custom-name.yml',
      'deploy/prod/appspec.yml',
      'deploy/test/appspec.yml',
    ]);
    assert.deepEqual(checkedFiles(['deploy/*/app?pec.yml'], d), ['deploy/prod/appspec.yml', 'deploy/test/appspec.yml']);
    const none = runCli(['deploy/*.json'], { cwd: d });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /deploy\/\*\.json: no files match this pattern/);
  });

  test('- reads standard input, named by --stdin-filename', () => {
    const d = tree(cleanBundle());
    const named = runCli(['--format', 'json', '--stdin-filename', 'appspec.yml', '-'], { cwd: d, input: ERROR_EC2 });
    assert.equal(named.status, 1);
    const probs = JSON.parse(named.stdout) as JsonProblem[];
    assert.ok(probs.length > 0 && probs.every((p) => p.file === 'appspec.yml'));
    assert.deepEqual(probs, expectFor(ERROR_EC2).findings);
    const anon = runCli(['-'], { cwd: d, input: CLEAN_EC2 });
    assert.equal(anon.status, 0, anon.stdout + anon.stderr);
    const anonErr = runCli(['-'], { cwd: d, input: ERROR_EC2 });
    assert.match(anonErr.stdout, /^<stdin>:2:5 error [EWI]\d{4} /m);
    // JSON content is recognised by the stdin file name.
    const json = runCli(['--format', 'json', '--stdin-filename', 'appspec.json', '-'], {
      cwd: d,
      input: '{"version": 0.0,',
    });
    assert.equal(json.status, 1);
  });
});

describe('same findings as the editor', () => {
  test('JSON output equals the engine run in-process, with and without workspace checks', () => {
    const d = tree({
      'appspec.yml': ERROR_EC2 + 'notes: x\nhooks:\n  BeforeInstall:\n    - location: scripts/missing.sh\n',
      'app/index.html': 'x',
    });
    const abs = path.join(d, 'appspec.yml');
    for (const ws of [true, false]) {
      const r = runCli(['--format', 'json', ...(ws ? [] : ['--no-workspace-checks']), 'appspec.yml'], { cwd: d });
      const got = JSON.parse(r.stdout) as JsonProblem[];
      assert.deepEqual(got, engineFindings(abs, 'appspec.yml', ws));
      for (const p of got) {
        assert.ok(p.line >= 1 && p.column >= 1 && p.endLine >= p.line, JSON.stringify(p));
        assert.deepEqual(Object.keys(p), [
          'file',
          'line',
          'column',
          'endLine',
          'endColumn',
          'severity',
          'ruleId',
          'message',
          ...('related' in p ? ['related'] : []),
        ]);
      }
    }
  });

  test('the nearest .appspec-lint.json applies; --config replaces it; a bad config exits 2', () => {
    const id = expectFor(WARNING_EC2).findings.find((p) => p.line === 10)?.ruleId ?? 'W2004';
    const d = tree({
      'svc/appspec.yml': WARNING_EC2,
      'svc/app/x': 'x',
      'svc/scripts/after.sh': '#!/bin/sh\n',
      '.appspec-lint.json': JSON.stringify({ rules: { [id]: 'off' } }),
      'strict.json': JSON.stringify({ rules: { [id]: 'error' } }),
      'broken.json': '{ "rules": ',
    });
    const nearest = runCli(['svc'], { cwd: d });
    assert.equal(nearest.status, 0, nearest.stdout + nearest.stderr);
    assert.ok(!nearest.stdout.includes(id), nearest.stdout);
    const strict = runCli(['--config', 'strict.json', 'svc'], { cwd: d });
    assert.equal(strict.status, 1);
    assert.ok(strict.stdout.includes(`svc/appspec.yml:10:1 error ${id} `), strict.stdout);
    const broken = runCli(['--config', 'broken.json', 'svc'], { cwd: d });
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /broken\.json: .*not valid JSON/);
    const missing = runCli(['--config', 'nope.json', 'svc'], { cwd: d });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.json: no such file/);
  });
});

describe('SARIF', () => {
  test('is SARIF 2.1.0 with documented rules and 1-based result regions', () => {
    const d = tree({ ...cleanBundle(), 'deploy/appspec.yml': ERROR_EC2 + 'notes: x\n' });
    const r = runCli(['--format', 'sarif', 'deploy'], { cwd: d });
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'appspec-lint');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    assert.match(driver.informationUri, /^https:\/\//);
    // Only the rules that have results are described (a log of 4 results is not 200 KB of rule docs).
    const withResults = new Set((log.runs[0].results as SarifResult[]).map((res) => res.ruleId));
    assert.deepEqual(
      driver.rules.map((rule: { id: string }) => rule.id),
      [...withResults].sort((a, b) => allRules.findIndex((x) => x.id === a) - allRules.findIndex((x) => x.id === b)),
    );
    const all = JSON.parse(runCli(['--format', 'sarif', '--sarif-all-rules', 'deploy'], { cwd: d }).stdout);
    assert.ok(all.runs[0].tool.driver.rules.length >= allRules.length);
    for (const rule of all.runs[0].tool.driver.rules) {
      assert.match(rule.id, /^[EWI]\d{4}$/);
      assert.equal(typeof rule.name, 'string');
      assert.ok(rule.shortDescription.text.length > 0, rule.id);
      assert.ok(rule.fullDescription.text.length > 0, rule.id);
      assert.equal(rule.helpUri, `${DOCS_BASE_URL}#${rule.id.toLowerCase()}`);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    const json = JSON.parse(runCli(['--format', 'json', 'deploy'], { cwd: d }).stdout) as JsonProblem[];
    const results = log.runs[0].results as SarifResult[];
    assert.equal(results.length, json.length);
    results.forEach((res: SarifResult, i: number) => {
      const p = json[i];
      assert.equal(res.ruleId, p.ruleId);
      assert.equal(driver.rules[res.ruleIndex].id, res.ruleId);
      assert.equal(res.level, p.severity === 'error' ? 'error' : p.severity === 'warning' ? 'warning' : 'note');
      assert.equal(res.message.text, p.message);
      const loc = res.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uri, 'deploy/appspec.yml');
      assert.deepEqual(loc.region, {
        startLine: p.line,
        startColumn: p.column,
        endLine: p.endLine,
        endColumn: p.endColumn,
      });
    });
    assert.ok(results.some((res: SarifResult) => res.level === 'error'));
    assert.deepEqual(log.runs[0].artifacts, [{ location: { uri: 'deploy/appspec.yml', uriBaseId: '%SRCROOT%' } }]);
    assert.match(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
  });

  test('a clean run is valid SARIF with no results and exit 0', () => {
    const d = tree(cleanBundle());
    const r = runCli(['--format', 'sarif', '.'], { cwd: d });
    assert.equal(r.status, 0, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.deepEqual(log.runs[0].results, []);
  });

  test('a cross-file finding carries the other file as a related location in SARIF and JSON', () => {
    const d = tree({
      'svc/appspec.yaml': [
        'version: 0.0',
        'Resources:',
        '  - TargetService:',
        '      Type: AWS::ECS::Service',
        '      Properties:',
        '        TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"',
        '        LoadBalancerInfo:',
        '          ContainerName: "wbe"',
        '          ContainerPort: 8080',
        '',
      ].join('\n'),
      'svc/taskdef.json': JSON.stringify(
        {
          family: 'web',
          networkMode: 'awsvpc',
          containerDefinitions: [{ name: 'web', image: '<IMAGE1_NAME>', portMappings: [{ containerPort: 8080 }] }],
        },
        null,
        2,
      ),
    });
    const sarif = JSON.parse(runCli(['--format', 'sarif', 'svc'], { cwd: d }).stdout);
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'E9001');
    assert.ok(result, JSON.stringify(sarif.runs[0].results));
    assert.equal(result.locations[0].physicalLocation.region.startLine, 8);
    const rel = result.relatedLocations?.[0];
    assert.ok(rel, 'a related location');
    assert.equal(rel.physicalLocation.artifactLocation.uri, 'svc/taskdef.json');
    assert.ok(rel.physicalLocation.region.startLine > 1 && rel.message.text.length > 0, JSON.stringify(rel));
    const json = JSON.parse(runCli(['--format', 'json', 'svc'], { cwd: d }).stdout);
    const row = json.find((x: { ruleId: string }) => x.ruleId === 'E9001');
    assert.equal(row.related?.[0]?.file, 'svc/taskdef.json');
    assert.equal(row.related[0].line, rel.physicalLocation.region.startLine);
  });
});
