import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseLintConfig, loadLintConfig, mergeConfigs, normalizeConfig, severityFor } from '../../../engine/config';
import { lintText } from '../../../engine/lint';

test('parses rules and workspaceChecks, normalising IDs and spellings', () => {
  const { config, problems } = parseLintConfig(
    '{ "rules": { "w4001": "off", "I0009": "Warning", "E0010": "information" }, "workspaceChecks": false }',
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(config, { rules: { W4001: 'off', I0009: 'warning', E0010: 'info' }, workspaceChecks: false });
});

test('malformed JSON gives an empty config and a clear problem with the offset', () => {
  const r = parseLintConfig('{ "rules": { "W4001": "off", } }');
  assert.deepEqual(r.config, {});
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0].message, /\.appspec-lint\.json is not valid JSON/);
  assert.equal(typeof r.problems[0].offset, 'number');
});

test('bad entries are reported and skipped, good ones kept', () => {
  const r = normalizeConfig({ rules: { W4001: 'loud', E0001: 'off' }, workspaceChecks: 'yes', extra: 1 });
  assert.deepEqual(r.config, { rules: { E0001: 'off' } });
  assert.equal(r.problems.length, 3);
  assert.match(normalizeConfig([1]).problems[0].message, /must be a JSON object/);
});

test('merge order: defaults < settings < file', () => {
  const merged = mergeConfigs(
    { rules: {}, workspaceChecks: true },
    { rules: { W4001: 'error', I0009: 'off' } },
    { rules: { W4001: 'off' }, workspaceChecks: false },
  );
  assert.deepEqual(merged, { rules: { W4001: 'off', I0009: 'off' }, workspaceChecks: false });
  assert.equal(severityFor(merged, 'W4001', 'warning'), 'off');
  assert.equal(severityFor(merged, 'E0001', 'error'), 'error');
});

test('loader finds the nearest file walking up, and stops at the stop folder', () => {
  const files: Record<string, string> = {
    '/repo/.appspec-lint.json': '{"rules":{"I0009":"off"}}',
    '/repo/app/deploy/.appspec-lint.json': '{"rules":{"W0004":"error"}}',
  };
  const read = (p: string) => files[p];
  assert.deepEqual(loadLintConfig('/repo/app/deploy', read).config, { rules: { W0004: 'error' } });
  const up = loadLintConfig('/repo/app/other', read);
  assert.equal(up.path, '/repo/.appspec-lint.json');
  assert.deepEqual(loadLintConfig('/repo/app/other', read, '/repo/app').config, {});
  assert.deepEqual(loadLintConfig('/elsewhere', read), { config: {}, problems: [] });
  assert.deepEqual(
    loadLintConfig('/x', () => {
      throw new Error('EACCES');
    }),
    { config: {}, problems: [] },
  );
});

test('Windows paths walk up too', () => {
  const seen: string[] = [];
  loadLintConfig('C:\\repo\\app', (p) => {
    seen.push(p);
    return undefined;
  });
  assert.deepEqual(seen, [
    'C:\\repo\\app\\.appspec-lint.json',
    'C:\\repo\\.appspec-lint.json',
    'C:\\.appspec-lint.json',
  ]);
});

test('lint applies config: off removes, a severity replaces', () => {
  const text = 'version: 0.0\r\nos: linux\r\n';
  assert.equal(lintText(text).find((d) => d.ruleId === 'I0009')?.severity, 'info');
  assert.equal(
    lintText(text, { config: { rules: { I0009: 'error' } } }).find((d) => d.ruleId === 'I0009')?.severity,
    'error',
  );
  assert.equal(
    lintText(text, { config: { rules: { I0009: 'off' } } }).find((d) => d.ruleId === 'I0009'),
    undefined,
  );
});

test('unknown rule IDs are reported (with a suggestion) when the known IDs are given', () => {
  const r = parseLintConfig('{"rules": {"W4010": "off", "E0011": "off"}}', ['W4010', 'E0010', 'I0011']);
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0].message, /Unknown rule ID "E0011".*did you mean/);
  assert.deepEqual(parseLintConfig('{"rules": {"E0011": "off"}}').problems, []);
});

test('a malformed config file becomes one W0014 finding on the AppSpec, through merge and lint', () => {
  const loaded = loadLintConfig('/repo', (p) =>
    p === '/repo/.appspec-lint.json' ? '{"rules": {"I0009": "of"}}' : undefined,
  );
  assert.equal(loaded.problems.length, 1);
  const merged = mergeConfigs({ rules: {} }, { rules: { W0004: 'off' } }, loaded.config);
  const out = lintText('version: 0.0\nos: linux\n', { config: merged });
  const w = out.filter((d) => d.ruleId === 'W0014');
  assert.equal(w.length, 1);
  assert.equal(w[0].severity, 'warning');
  assert.match(w[0].message, /Rule "I0009".*"of".*\/repo\/\.appspec-lint\.json.*That entry was ignored/);
  const broken = loadLintConfig('/repo', () => '{ nope');
  assert.match(
    lintText('version: 0.0\nos: linux\n', { config: broken.config }).find((d) => d.ruleId === 'W0014')!.message,
    /None of its settings/,
  );
  assert.ok(!lintText('version: 0.0\nos: linux\n').some((d) => d.ruleId === 'W0014'));
});
