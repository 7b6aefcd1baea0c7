// Bundles the four entry points into dist/. Type-checking is separate (`tsc -b`).
import * as esbuild from 'esbuild';
import { statSync } from 'node:fs';
import * as path from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  // Warnings and errors only: the per-bundle size table marks the AWS SDK bundles with ⚠️ for being
  // over 1 MB, which is expected (they load on first use, not at activation). One summary line follows.
  logLevel: 'warning',
  // The AWS SDK picks up optional native helpers it does not need here.
  external: ['vscode', 'aws-crt', '@aws-sdk/signature-v4-crt'],
  // The `yaml` package's ES module build instead of its CommonJS one: esbuild then binds its exports
  // directly, where the CommonJS interop turns every `isScalar(…)` call into a property getter
  // (measured ~15% of a lint of a 12,000-line AppSpec). Same code, same version.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};

// The extension loads the AWS SDK, the local endpoint and the engine only when first used
// (dynamic import()). They are bundled separately and required at that moment, so dist/client.js
// stays small and activation fast. (Added by client-ui.)
const lazyClientModules = {
  'client/src/aws/index': { entry: 'client/src/aws/index.ts', out: 'client-aws.js' },
  'client/src/local/index': { entry: 'client/src/local/index.ts', out: 'client-local.js' },
  'client/src/deploy/engine': { entry: 'client/src/deploy/engine.ts', out: 'client-engine.js' },
  // Run Hooks Locally parses the AppSpec (the yaml package): loaded when the command first runs.
  'client/src/hookRunner/command': { entry: 'client/src/hookRunner/command.ts', out: 'client-hooks.js' },
  // The language client (vscode-languageclient and its protocol, ~0.7 MB) starts right after
  // activate() returns; loading it lazily keeps it out of the activation time (bench/activation.mjs).
  'client/src/languageClient': { entry: 'client/src/languageClient.ts', out: 'client-lsp.js' },
};
const lazySplit = {
  name: 'lazy-split',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const rel = path
        .relative(process.cwd(), path.resolve(args.resolveDir, args.path))
        .split(path.sep)
        .join('/')
        .replace(/\.ts$/, '');
      const lazy = lazyClientModules[rel];
      return lazy ? { path: `./${lazy.out}`, external: true } : undefined;
    });
  },
};

const entries = [
  {
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    plugins: [lazySplit],
    supported: { 'dynamic-import': false },
    // First line of the bundle: when loading started, for the "activated in N ms" log line.
    banner: { js: 'var __appspecLoadStart = performance.now();' },
  },
  ...Object.values(lazyClientModules).map((m) => ({ entryPoints: [m.entry], outfile: `dist/${m.out}` })),
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['client/src/local/main.ts'], outfile: 'dist/local.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  const started = Date.now();
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
  const kb = (f) => Math.round(statSync(f).size / 1024);
  console.log(
    `esbuild: ${entries.length} bundles in dist/ (${((Date.now() - started) / 1000).toFixed(1)}s; dist/client.js ${kb('dist/client.js')} KB loads at activation)`,
  );
}
