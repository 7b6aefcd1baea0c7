/**
 * The `appspec-lint` npm package, end to end and offline: build and `npm pack` it, install the tarball into an
 * empty folder with npm, and run it with `npx appspec-lint` on AppSpecs with and without problems.
 */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { described, npmEnv, packCli, REPO_ROOT, run, type PackedCli } from '../../helpers/cliPackage';
import { ERROR_EC2, WARNING_EC2, cleanBundle, hasStackTrace } from './cliHarness';

let work: string;
let packed: PackedCli;
/** The empty folder the tarball is installed into; the AppSpecs to check live below it. */
let project: string;

const write = (rel: string, content: string): void => {
  const abs = path.join(project, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
  if (abs.endsWith('.sh')) fs.chmodSync(abs, 0o755);
};

const npx = (args: string[]) =>
  run('npx', ['appspec-lint', ...args], { cwd: project, env: npmEnv(work, { npm_config_offline: 'true' }) });

before(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'appspec-npm-'));
  packed = packCli(work);
  project = path.join(work, 'project');
  fs.mkdirSync(project);
  const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', packed.tarball], {
    cwd: project,
    env: npmEnv(work),
  });
  assert.equal(install.status, 0, `npm install of the tarball: ${described(install)}`);
  for (const [rel, content] of Object.entries(cleanBundle())) write(`clean/${rel}`, content);
  for (const [rel, content] of Object.entries(cleanBundle())) write(`broken/${rel}`, content);
  write('broken/appspec.yml', ERROR_EC2 + 'notes: deployed by CI\n');
});

after(() => fs.rmSync(work, { recursive: true, force: true }));

test('npm pack holds the bundle, README, LICENSE and rule docs, and nothing else', () => {
  assert.equal(packed.name, 'appspec-lint');
  assert.deepEqual(packed.files, [
    'LICENSE',
    'README.md',
    'dist/cli.js',
    'docs/rules-ec2.md',
    'docs/rules-ecs-lambda.md',
    'docs/rules.md',
    'package.json',
  ]);
  const extension = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  assert.equal(packed.version, extension.version, 'the CLI package is released with the extension');
  assert.equal(
    fs.readFileSync(path.join(packed.staged, 'LICENSE'), 'utf8'),
    fs.readFileSync(path.join(REPO_ROOT, 'LICENSE'), 'utf8'),
  );
  // Relative links in the shipped markdown point at files that ship too.
  for (const doc of ['README.md', 'docs/rules.md', 'docs/rules-ec2.md', 'docs/rules-ecs-lambda.md']) {
    const text = fs.readFileSync(path.join(packed.staged, doc), 'utf8');
    for (const [, target] of text.matchAll(/\]\(((?!https?:|#)[^)#\s]+)(?:#[^)]*)?\)/g)) {
      const resolved = path.join(path.dirname(path.join(packed.staged, doc)), target);
      assert.ok(fs.existsSync(resolved), `${doc} links to ${target}, which is not in the package`);
    }
  }
});

test('the installed package has no dependencies: npm adds exactly one package', () => {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(project, 'node_modules', 'appspec-lint', 'package.json'), 'utf8'),
  );
  for (const key of ['dependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies'])
    assert.equal(manifest[key], undefined, `${key} in the published package.json`);
  assert.deepEqual(manifest.bin, { 'appspec-lint': 'dist/cli.js' });
  const installed = fs.readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.'));
  assert.deepEqual(installed, ['appspec-lint']);
  // Nothing above the install folder could lend the bundle a module.
  for (let dir = path.dirname(project); dir !== path.dirname(dir); dir = path.dirname(dir))
    assert.ok(!fs.existsSync(path.join(dir, 'node_modules')), `${dir}/node_modules would hide a missing dependency`);
});

test('npx appspec-lint --version prints the package version', () => {
  const r = npx(['--version']);
  assert.equal(r.status, 0, described(r));
  assert.equal(r.stdout.trim(), packed.version);
});

test('npx appspec-lint --format sarif on files with problems: exit 1 and a SARIF log with the findings', () => {
  const r = npx(['--format', 'sarif', '.']);
  assert.equal(r.status, 1, described(r));
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  const [sarifRun] = log.runs;
  assert.equal(sarifRun.tool.driver.name, 'appspec-lint');
  assert.equal(sarifRun.tool.driver.version, packed.version);
  const artifacts = sarifRun.artifacts.map((a: { location: { uri: string } }) => a.location.uri).sort();
  assert.deepEqual(artifacts, ['broken/appspec.yml', 'clean/appspec.yml']);
  const results = sarifRun.results as {
    ruleId: string;
    ruleIndex: number;
    level: string;
    locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  }[];
  const brief = results.map((x) => `${x.ruleId} ${x.level} ${x.locations[0].physicalLocation.artifactLocation.uri}`);
  assert.deepEqual(brief.sort(), ['E2001 error broken/appspec.yml', 'W2004 warning broken/appspec.yml']);
  const badOs = results.find((x) => x.ruleId === 'E2001');
  assert.equal(badOs?.locations[0].physicalLocation.region.startLine, 2);
  for (const x of results) {
    const rule = sarifRun.tool.driver.rules[x.ruleIndex];
    assert.equal(rule?.id, x.ruleId, `ruleIndex of ${x.ruleId} points at its rule`);
    assert.match(rule.helpUri, /^https:\/\/.+#/);
  }
});

test('the packaged CLI reports exactly what the extension bundle reports', () => {
  const fromPackage = npx(['--format', 'json', '.']);
  const fromRepo = run(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), '--format', 'json', '.'], {
    cwd: project,
    env: npmEnv(work),
  });
  assert.equal(fromRepo.status, 1, described(fromRepo));
  assert.equal(fromPackage.status, 1, described(fromPackage));
  assert.deepEqual(JSON.parse(fromPackage.stdout), JSON.parse(fromRepo.stdout));
});

test('clean files exit 0; a warning alone exits 0 unless --max-warnings 0', () => {
  const clean = npx(['clean']);
  assert.equal(clean.status, 0, described(clean));
  assert.equal(clean.stdout, '');
  assert.match(clean.stderr, /^No problems in 1 file\.$/m);
  write('warned/appspec.yml', WARNING_EC2);
  write('warned/app/index.html', '<p>hi</p>\n');
  write('warned/scripts/after.sh', '#!/bin/sh\nexit 0\n');
  assert.equal(npx(['warned']).status, 0);
  const strict = npx(['--max-warnings', '0', 'warned']);
  assert.equal(strict.status, 1, described(strict));
  assert.match(strict.stdout, /^warned\/appspec\.yml:\d+:\d+ warning W2004 /m);
});

test('a missing path or an unknown option exits 2 with one clear line, no stack trace', () => {
  for (const args of [['no/such/folder'], ['--fromat', 'sarif', '.']]) {
    const r = npx(args);
    assert.equal(r.status, 2, described(r));
    assert.match(r.stderr, /^appspec-lint: /m);
    assert.ok(!hasStackTrace(r.stderr), r.stderr);
  }
});
