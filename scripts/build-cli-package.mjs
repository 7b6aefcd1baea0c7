#!/usr/bin/env node
// Builds the `appspec-lint` npm package (packages/appspec-lint) from this repository:
//   dist/cli.js   server/src/cli.ts and the engine in one self-contained bundle (Node builtins only, no source map)
//   LICENSE       the repository's license
//   docs/         the rule reference (docs/rules*.md); links to other repository docs become absolute URLs
// `npm pack` in packages/appspec-lint runs this first (prepack), so the tarball is always fresh.
// Usage: node scripts/build-cli-package.mjs [--out DIR] [--skip-gen]
//   --out DIR   writes a complete package folder (package.json and README included) to DIR instead of in place;
//               the tests pack that copy so parallel runs never share files.
//   --skip-gen  uses engine/generated as it is (the tests run after `npm run build`, and several at once must not
//               rewrite the validators another one is reading).
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'packages', 'appspec-lint');
const DOCS_URL = 'https://github.com/appspec-tools/appspec-codedeploy/blob/main/docs/';
const RULE_DOCS = ['rules.md', 'rules-ec2.md', 'rules-ecs-lambda.md'];

function fail(message) {
  console.error(`build-cli-package: ${message}`);
  process.exit(1);
}

function parseOut(argv) {
  const i = argv.indexOf('--out');
  if (i < 0) return SOURCE;
  const dir = argv[i + 1];
  if (!dir) fail('--out needs a folder');
  return path.resolve(dir);
}

/** The schema validators are generated at build time; generate them when missing or older than a schema. */
function ensureValidators() {
  const generated = path.join(ROOT, 'engine', 'generated', 'validators.ts');
  const schemas = readdirSync(path.join(ROOT, 'schemas'))
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => path.join(ROOT, 'schemas', f));
  const fresh = existsSync(generated) && schemas.every((s) => statSync(s).mtimeMs <= statSync(generated).mtimeMs);
  if (fresh) return;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'gen-validators.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) fail('generating the schema validators failed');
}

/** Relative links to repository docs that are not in the package point at the repository instead. */
function absolutiseLinks(markdown) {
  return markdown.replace(/\]\(([\w-]+\.md)(#[\w-]*)?\)/g, (whole, file, anchor = '') =>
    RULE_DOCS.includes(file) ? whole : `](${DOCS_URL}${file}${anchor})`,
  );
}

const out = parseOut(process.argv.slice(2));
const pkg = JSON.parse(readFileSync(path.join(SOURCE, 'package.json'), 'utf8'));
const extension = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
if (pkg.version !== extension.version)
  fail(
    `packages/appspec-lint/package.json has version ${pkg.version} but the extension has ${extension.version}; ` +
      'they are released together, set both to the same version',
  );

if (!process.argv.includes('--skip-gen')) ensureValidators();
if (out !== SOURCE) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const f of ['package.json', 'README.md']) copyFileSync(path.join(SOURCE, f), path.join(out, f));
}
rmSync(path.join(out, 'dist'), { recursive: true, force: true });
rmSync(path.join(out, 'docs'), { recursive: true, force: true });

await esbuild.build({
  entryPoints: [path.join(ROOT, 'server', 'src', 'cli.ts')],
  outfile: path.join(out, 'dist', 'cli.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Readable (stack traces in bug reports make sense), no source map to ship.
  minify: false,
  sourcemap: false,
  legalComments: 'inline',
  banner: { js: '#!/usr/bin/env node' },
  // Same choice as esbuild.mjs: the `yaml` package's ES module build binds directly (faster lint).
  alias: { yaml: path.join(ROOT, 'node_modules', 'yaml', 'browser', 'index.js') },
  logLevel: 'warning',
});

copyFileSync(path.join(ROOT, 'LICENSE'), path.join(out, 'LICENSE'));
mkdirSync(path.join(out, 'docs'), { recursive: true });
for (const f of RULE_DOCS) {
  writeFileSync(path.join(out, 'docs', f), absolutiseLinks(readFileSync(path.join(ROOT, 'docs', f), 'utf8')));
}
console.log(`build-cli-package: appspec-lint ${pkg.version} in ${path.relative(process.cwd(), out) || '.'}`);
