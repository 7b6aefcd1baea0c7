#!/usr/bin/env node
// npm run fuzz -- [--cases N] [--seed S] [--start I] [--workers W] [--features-every K]
// npm run fuzz -- --seed S --case I [--server] [--print]     replay one case
//
// Feeds grammar-aware mutations of valid AppSpecs and random bytes to the engine and the
// language-service features in-process (worker threads with a hang watchdog), checking that
// nothing throws or hangs and that every range lies inside its document. Replaying a case
// prints its mutation steps (and with --print the text); --server also sends it to
// dist/server.js over stdio. Needs `npm run build` first (uses out/ and dist/).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (n, d) => {
  const i = args.indexOf('--' + n);
  return i >= 0 ? args[i + 1] : d;
};
const flag = (n) => args.includes('--' + n);
const root = resolve(import.meta.dirname, '..');
const helpers = join(root, 'out/test/helpers');
if (!existsSync(join(helpers, 'fuzzRun.js'))) {
  console.error('fuzz: out/test/helpers/fuzzRun.js is missing; run "npm run build" first.');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { runFuzz, describeFailures } = require(join(helpers, 'fuzzRun.js'));
const { makeCase } = require(join(helpers, 'fuzzCases.js'));

const seed = Number(opt('seed', Date.now() % 1_000_000));
const one = opt('case');

if (one !== undefined) {
  const index = Number(one);
  const c = makeCase(seed, index);
  console.log(`seed ${seed} case ${index}: ${c.fileName}, ${c.bytes.length} bytes, steps: ${c.steps.join(', ')}`);
  if (flag('print')) console.log('-----\n' + c.text + '\n-----');
  const r = await runFuzz({ seed, cases: 1, start: index, workers: 1, featuresEvery: 1 });
  console.log(r.failures.length ? describeFailures(seed, r.failures) : 'engine and features: OK');
  if (flag('server')) {
    const { StdioLsp } = require(join(helpers, 'stdioLsp.js'));
    const lsp = new StdioLsp({ appspec: { syntaxDiagnostics: 'always' } });
    await lsp.initialize(null);
    const uri = `file:///tmp/appspec-fuzz-replay/${c.fileName}`;
    const diag = lsp.waitFor(lsp.diagnosticsFor(uri, 1), 10000);
    lsp.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: c.fileName.endsWith('.json') ? 'json' : 'yaml', version: 1, text: c.text },
    });
    const m = await diag;
    console.log(m ? `server: ${m.params.diagnostics.length} diagnostics` : 'server: NO DIAGNOSTICS within 10 s');
    try {
      await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }, 10000);
      console.log('server: answers hover');
    } catch (e) {
      console.log(`server: ${e.message}`);
    }
    await lsp.stop();
  }
  process.exit(r.failures.length ? 1 : 0);
}

const cases = Number(opt('cases', 10000));
const start = Number(opt('start', 0));
console.log(`fuzz: seed ${seed}, cases ${start}..${start + cases - 1}`);
const t = performance.now();
const r = await runFuzz({
  seed,
  cases,
  start,
  workers: Number(opt('workers', 2)),
  featuresEvery: Number(opt('features-every', 4)),
});
const s = ((performance.now() - t) / 1000).toFixed(1);
console.log(`checked ${r.checked} cases in ${s} s; slowest case ${r.slowestCase} took ${r.slowestMs.toFixed(0)} ms`);
if (r.failures.length) {
  // Group by the kind of problem (first line, positions and numbers stripped) to see distinct bugs.
  const kinds = new Map();
  for (const f of r.failures) {
    for (const p of f.problems) {
      const key = p.split('\n')[0].replace(/\d+/g, 'N').slice(0, 160);
      const k = kinds.get(key) ?? { count: 0, first: f.index };
      k.count++;
      kinds.set(key, k);
    }
  }
  console.log(`${r.failures.length} failing cases, ${kinds.size} kinds of problem:`);
  for (const [key, k] of [...kinds].sort((a, b) => b[1].count - a[1].count))
    console.log(`  ${String(k.count).padStart(5)}x  ${key}   (first: --case ${k.first})`);
  console.log(`\nFirst cases:\n${describeFailures(seed, r.failures, Number(opt('show', 5)))}`);
  process.exit(1);
}
console.log('no failures');
