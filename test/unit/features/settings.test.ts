import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createLanguageService, DEFAULT_SETTINGS, normalizeSettings } from '../../../server/src/languageService';
import { isAppSpecUri } from '../../../server/src/features/appspecFiles';
import { doc } from './util';

describe('settings', () => {
  test('normalizeSettings falls back to the defaults on bad input', () => {
    assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(
      normalizeSettings({
        rules: { w4002: 'off', X: 'loud' },
        workspaceChecks: 'no',
        syntaxDiagnostics: 'sometimes',
        files: ['a/*.yml', 3],
        maxProblems: -5,
        taskDefinitionFile: 7,
      }),
      {
        rules: { W4002: 'off' },
        workspaceChecks: true,
        syntaxDiagnostics: 'auto',
        files: ['a/*.yml'],
        maxProblems: 1000,
        taskDefinitionFile: '',
      },
    );
  });

  test('maxProblems keeps the most severe findings and says how many were left out', () => {
    const ls = createLanguageService();
    // Ten unknown hook events (warnings) and one bad os value (an error) at the very end.
    const hooks = Array.from({ length: 10 }, (_, i) => `  Unknown${i}:\n    - location: s${i}.sh\n`).join('');
    const text = `version: 0.0\nos: linux\nhooks:\n${hooks}file_exists_behavior: SOMETIMES\n`;
    const all = ls.validate(doc('file:///w/appspec.yml', text), { maxProblems: 0 });
    assert.ok(all.length > 4, `enough findings to cut: ${all.length}`);
    const cut = ls.validate(doc('file:///w/appspec.yml', text), { maxProblems: 3 });
    assert.equal(cut.length, 4, 'three findings and the note');
    assert.equal(cut[0].code, 'appspec.maxProblems');
    assert.match(cut[0].message, new RegExp(`^${all.length - 3} more problems not shown`));
    assert.equal(cut[0].codeDescription, undefined);
    const errors = all.filter((d) => d.severity === 1);
    assert.ok(errors.length >= 1);
    for (const e of errors)
      assert.ok(
        cut.some((d) => d.code === e.code && d.range.start.line === e.range.start.line),
        `error ${e.code} kept`,
      );
    const lines = cut.slice(1).map((d) => d.range.start.line);
    assert.deepEqual(
      lines,
      [...lines].sort((a, b) => a - b),
      'kept findings stay in document order',
    );
    assert.deepEqual(ls.codeActions(doc('file:///w/appspec.yml', text), cut[0].range, [cut[0]]), []);
  });

  test('defaults equal package.json contributes.configuration', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8'));
    const props = pkg.contributes.configuration.properties;
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      assert.deepEqual(props[`appspec.${key}`]?.default, value, `appspec.${key}`);
    }
  });

  test('rule severities from settings apply, off removes', () => {
    const ls = createLanguageService();
    const text = 'version: 0.0\nos: linux\nhooks:\n  BeforeInstal:\n    - location: a.sh\n';
    const d = doc('file:///w/appspec.yml', text);
    assert.equal(ls.validate(d).find((x) => x.code === 'W4002')?.severity, 2);
    assert.equal(ls.validate(d, { rules: { W4002: 'error' } }).find((x) => x.code === 'W4002')?.severity, 1);
    assert.equal(
      ls.validate(d, { rules: { W4002: 'off' } }).find((x) => x.code === 'W4002'),
      undefined,
    );
  });

  test('syntax errors: always, never, and auto with the YAML extension active', () => {
    const ls = createLanguageService();
    const d = doc('file:///w/appspec.yml', 'version: 0.0\nos: [linux\n');
    const has = (s: Parameters<typeof ls.validate>[1]) => ls.validate(d, s).some((x) => x.code === 'E0001');
    assert.equal(has({}), true);
    assert.equal(has({ syntaxDiagnostics: 'never' }), false);
    assert.equal(has({ syntaxDiagnostics: 'auto', yamlExtensionActive: true }), false);
    assert.equal(has({ syntaxDiagnostics: 'always', yamlExtensionActive: true }), true);
    const json = doc('file:///w/appspec.json', '{"version": 0.0,');
    assert.equal(
      ls.validate(json, { yamlExtensionActive: true }).some((x) => x.code === 'E0001'),
      true,
      "JSON is not the YAML extension's business",
    );
  });
});

describe('which files are AppSpecs', () => {
  test('the three names, anywhere', () => {
    assert.equal(isAppSpecUri('file:///repo/a/appspec.yml'), true);
    assert.equal(isAppSpecUri('file:///repo/appspec.yaml'), true);
    assert.equal(isAppSpecUri('file:///repo/appspec.json'), true);
    assert.equal(isAppSpecUri('file:///repo/appspec.yml.bak'), false);
    assert.equal(isAppSpecUri('file:///repo/myappspec.yml'), false);
    assert.equal(isAppSpecUri('file:///repo/AppSpec.YML'), true);
    assert.equal(isAppSpecUri('file:///repo/docker-compose.yml'), false);
  });
  test('extra globs from appspec.files', () => {
    const globs = ['deploy/*.appspec.yml', '**/codedeploy/{blue,green}.yaml'];
    assert.equal(isAppSpecUri('file:///repo/deploy/web.appspec.yml', globs), true);
    assert.equal(isAppSpecUri('file:///repo/x/deploy/web.appspec.yml', globs), true);
    assert.equal(isAppSpecUri('file:///repo/deploy/sub/web.appspec.yml', globs), false);
    assert.equal(isAppSpecUri('file:///repo/ci/codedeploy/green.yaml', globs), true);
    assert.equal(isAppSpecUri('file:///repo/ci/codedeploy/red.yaml', globs), false);
  });
});
