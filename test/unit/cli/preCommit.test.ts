/**
 * The pre-commit hook (.pre-commit-hooks.yaml + integrations/pre-commit.js): the manifest checked against pre-commit's
 * own manifest schema, and the hook's entry run with file names as pre-commit passes them, fetching the appspec-lint
 * package with the real npm client from a one-package registry on 127.0.0.1.
 */
import { test, describe, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '../../helpers/cliPackage';
import { baseEnv, fresh, repository, setUpCi, show, spawnAsync, tearDownCi, type Ci } from '../../helpers/ciHarness';
import { ERROR_EC2, cleanBundle } from './cliHarness';

let ci: Ci;
before(async () => {
  ci = await setUpCi();
});
after(tearDownCi);

describe('pre-commit hook', () => {
  type Hook = Record<string, unknown>;
  const manifest = parseYaml(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

  // pre-commit's manifest schema (MANIFEST_HOOK_DICT in pre_commit/clientlib.py): key → check.
  const isString = (v: unknown) => typeof v === 'string';
  const isBool = (v: unknown) => typeof v === 'boolean';
  const isStringList = (v: unknown) => Array.isArray(v) && v.every(isString);
  const isRegex = (v: unknown) => {
    if (!isString(v)) return false;
    new RegExp(v as string);
    return true;
  };
  // identify's tags that an AppSpec can carry (identify.identify.ALL_TAGS has them all).
  const TAGS = ['file', 'directory', 'symlink', 'executable', 'non-executable', 'text', 'binary', 'yaml', 'json'];
  const isTagList = (v: unknown) => isStringList(v) && (v as string[]).every((t) => TAGS.includes(t));
  // pre-commit's languages (pre_commit/languages/all.py), 4.4's unsupported* names included.
  const LANGUAGES = [
    'conda',
    'coursier',
    'dart',
    'docker',
    'docker_image',
    'dotnet',
    'fail',
    'golang',
    'haskell',
    'julia',
    'lua',
    'node',
    'perl',
    'pygrep',
    'python',
    'r',
    'ruby',
    'rust',
    'script',
    'swift',
    'system',
    'unsupported',
    'unsupported_script',
  ];
  const STAGES = [
    'commit-msg',
    'post-checkout',
    'post-commit',
    'post-merge',
    'post-rewrite',
    'pre-commit',
    'pre-merge-commit',
    'pre-push',
    'pre-rebase',
    'prepare-commit-msg',
    'manual',
  ];
  const SCHEMA: Record<string, { required?: boolean; check: (v: unknown) => boolean }> = {
    id: { required: true, check: isString },
    name: { required: true, check: isString },
    entry: { required: true, check: isString },
    language: { required: true, check: (v) => LANGUAGES.includes(v as string) },
    alias: { check: isString },
    files: { check: isRegex },
    exclude: { check: isRegex },
    types: { check: isTagList },
    types_or: { check: isTagList },
    exclude_types: { check: isTagList },
    additional_dependencies: { check: isStringList },
    args: { check: isStringList },
    always_run: { check: isBool },
    fail_fast: { check: isBool },
    pass_filenames: { check: isBool },
    description: { check: isString },
    language_version: { check: isString },
    log_file: { check: isString },
    minimum_pre_commit_version: { check: (v) => isString(v) && /^\d+(\.\d+)*$/.test(v as string) },
    require_serial: { check: isBool },
    stages: { check: (v) => isStringList(v) && (v as string[]).every((s) => STAGES.includes(s)) },
    verbose: { check: isBool },
  };

  const hook = manifest.find((h) => h.id === 'appspec-lint') as Hook;

  test(".pre-commit-hooks.yaml follows pre-commit's manifest schema", () => {
    assert.ok(Array.isArray(manifest) && manifest.length >= 1, 'the manifest is a list of hooks');
    assert.ok(hook, 'a hook with id appspec-lint');
    for (const h of manifest) {
      for (const [key, rule] of Object.entries(SCHEMA))
        if (rule.required) assert.ok(key in h, `hook ${String(h.id)} has ${key}`);
      for (const [key, value] of Object.entries(h)) {
        assert.ok(SCHEMA[key], `hook ${String(h.id)}: ${key} is a manifest key`);
        assert.ok(
          SCHEMA[key].check(value),
          `hook ${String(h.id)}: ${key} = ${JSON.stringify(value)} has the right type`,
        );
      }
    }
    // types_or arrived in pre-commit 2.9.0.
    const min = String(hook.minimum_pre_commit_version ?? '0')
      .split('.')
      .map(Number);
    if ('types_or' in hook) assert.ok(min[0] > 2 || (min[0] === 2 && min[1] >= 9), 'types_or needs pre-commit 2.9.0');
  });

  test('the hook selects AppSpec files only', () => {
    const files = new RegExp(hook.files as string);
    for (const yes of ['appspec.yml', 'appspec.yaml', 'appspec.json', 'deploy/web/appspec.yml'])
      assert.ok(files.test(yes), `${yes} is checked`);
    for (const no of ['myappspec.yml', 'appspec.yml.bak', 'appspec.txt', 'buildspec.yml', 'deploy/appspec.yml/x'])
      assert.ok(!files.test(no), `${no} is not checked`);
    assert.deepEqual(hook.types_or, ['yaml', 'json']);
  });

  test('the entry is an executable Node script, committed as executable', () => {
    const entry = path.join(REPO_ROOT, hook.entry as string);
    assert.equal(hook.language, 'script');
    assert.ok(fs.statSync(entry).mode & 0o111, `${hook.entry} is executable`);
    assert.match(fs.readFileSync(entry, 'utf8'), /^#!\/usr\/bin\/env node\n/);
    const staged = spawnSync('git', ['ls-files', '-s', '--', hook.entry as string], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    if (staged.stdout.trim()) assert.match(staged.stdout, /^100755 /, 'git records the executable bit');
  });

  test("run as pre-commit runs it: args and file names in, the CLI's exit code and findings out", async () => {
    const repo = repository({ good: cleanBundle()['appspec.yml'], bad: ERROR_EC2 });
    const cache = fresh('cache');
    const env = baseEnv({ XDG_CACHE_HOME: cache, PRE_COMMIT: '1' });
    const entry = path.join(REPO_ROOT, hook.entry as string);
    const args = (hook.args as string[] | undefined) ?? [];
    const bad = await spawnAsync(entry, [...args, 'good/appspec.yml', 'bad/appspec.yml'], repo, env);
    assert.equal(bad.status, 1, show(bad));
    assert.match(bad.stdout, /^bad\/appspec\.yml:2:5 error E2001 /m);
    assert.doesNotMatch(bad.stdout, /good\/appspec\.yml/);
    assert.ok(
      fs.existsSync(
        path.join(cache, 'appspec-lint', ci.packed.version, 'node_modules', 'appspec-lint', 'dist', 'cli.js'),
      ),
      'installed in the user cache, per version',
    );
    const requests = ci.registry.requests.length;
    const good = await spawnAsync(entry, [...args, 'good/appspec.yml'], repo, env);
    assert.equal(good.status, 0, show(good));
    assert.equal(ci.registry.requests.length, requests, 'the cached CLI is reused');
  });

  test('without the registry: exit 2 and what to do instead', async () => {
    const repo = repository({ good: cleanBundle()['appspec.yml'] });
    const env = baseEnv({
      XDG_CACHE_HOME: fresh('cache'),
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_fetch_retries: '0',
    });
    const r = await spawnAsync(path.join(REPO_ROOT, hook.entry as string), ['good/appspec.yml'], repo, env);
    assert.equal(r.status, 2, show(r));
    assert.match(r.stderr, /npm could not install appspec-lint@/);
    assert.match(r.stderr, /repo: local/);
  });
});
