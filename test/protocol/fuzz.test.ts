/**
 * Robustness under fuzzing, with a FIXED seed so a failure is reproducible:
 *   - 10,000 mutated AppSpecs and random byte strings through the engine in-process (worker
 *     threads with a watchdog; every 4th case also through every language-service feature);
 *   - 1,200 more through one long-lived language server over stdio, as didChange edits followed
 *     by hover/completion requests, checking published diagnostics on every 10th case.
 * Nothing may throw or hang, and every range must lie inside its document. A failure names the
 * case: `npm run fuzz -- --seed SEED --case N` replays it.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lineLengths, makeCase, prng, rangeProblem, SEED_DOCS, type RangeLike } from '../helpers/fuzzCases';
import { describeFailures, runFuzz } from '../helpers/fuzzRun';
import { StdioLsp } from '../helpers/stdioLsp';

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const ENGINE_CASES = Number(process.env.FUZZ_CASES ?? 10_000);
const SERVER_CASES = Number(process.env.FUZZ_SERVER_CASES ?? 1_200);
/** Server cases start after the engine's, so the two parts see different inputs. */
const SERVER_START = 1_000_000;
const REQUEST_TIMEOUT_MS = 10_000;

test(
  `engine and features: ${ENGINE_CASES} fuzz cases (seed ${SEED}) never throw, never hang, ranges inside the document`,
  { timeout: 300_000 },
  async () => {
    const r = await runFuzz({
      seed: SEED,
      cases: ENGINE_CASES,
      workers: 2,
      featuresEvery: 4,
      caseLimitMs: 5000,
      hangMs: 20_000,
    });
    assert.equal(r.failures.length, 0, `${r.failures.length} failing cases:\n${describeFailures(SEED, r.failures)}`);
    assert.equal(r.checked, ENGINE_CASES);
  },
);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'appspec-fuzz-lsp-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

test(
  `language server: ${SERVER_CASES} fuzz cases (seed ${SEED}) as edits over stdio; it answers every request`,
  { timeout: 300_000 },
  async () => {
    const lsp = new StdioLsp({ appspec: { syntaxDiagnostics: 'always', workspaceChecks: true } });
    try {
      await lsp.initialize(pathToFileURL(work).href);
      const docs = new Map<string, { uri: string; version: number }>();
      for (const name of new Set(SEED_DOCS.map((d) => d.fileName))) {
        const uri = pathToFileURL(path.join(work, name)).href;
        const seed = SEED_DOCS.find((d) => d.fileName === name)!;
        lsp.notify('textDocument/didOpen', {
          textDocument: { uri, languageId: name.endsWith('.json') ? 'json' : 'yaml', version: 1, text: seed.text },
        });
        docs.set(name, { uri, version: 1 });
      }
      const failures: string[] = [];
      for (let k = 0; k < SERVER_CASES && failures.length < 5; k++) {
        const index = SERVER_START + k;
        const c = makeCase(SEED, index);
        const d = docs.get(c.fileName)!;
        d.version++;
        const where = `case ${index} (replay: npm run fuzz -- --seed ${SEED} --case ${index} --server) [${c.steps.join(', ')}]`;
        const checkDiagnostics = k % 10 === 0;
        const published = checkDiagnostics
          ? lsp.waitFor(lsp.diagnosticsFor(d.uri, d.version), REQUEST_TIMEOUT_MS)
          : undefined;
        lsp.notify('textDocument/didChange', {
          textDocument: { uri: d.uri, version: d.version },
          contentChanges: [{ text: c.text }],
        });
        const lens = lineLengths(c.text);
        const r = prng(index);
        const line = Math.floor(r() * lens.length);
        const position = { line, character: Math.floor(r() * (lens[line] + 1)) };
        try {
          await lsp.request('textDocument/hover', { textDocument: { uri: d.uri }, position }, REQUEST_TIMEOUT_MS);
          if (k % 3 === 0)
            await lsp.request(
              'textDocument/completion',
              { textDocument: { uri: d.uri }, position },
              REQUEST_TIMEOUT_MS,
            );
          if (k % 7 === 0)
            await lsp.request('textDocument/documentSymbol', { textDocument: { uri: d.uri } }, REQUEST_TIMEOUT_MS);
        } catch (e) {
          failures.push(`${where}: ${(e as Error).message}`);
          if (!lsp.alive) break;
          continue;
        }
        if (published) {
          const m = await published;
          if (!m) {
            failures.push(`${where}: no diagnostics for version ${d.version} within ${REQUEST_TIMEOUT_MS} ms`);
            continue;
          }
          for (const diag of m.params.diagnostics as { range: RangeLike; code?: string }[]) {
            const bad = rangeProblem(diag.range, lens);
            if (bad) failures.push(`${where}: diagnostic ${diag.code ?? ''} range ${bad}`);
          }
        }
      }
      assert.ok(lsp.alive, `the server exited; stderr:\n${lsp.stderr.slice(-2000)}`);
      assert.deepEqual(failures, []);
      // Still answering after everything.
      const uri = docs.get('appspec.yml')!.uri;
      await lsp.request(
        'textDocument/hover',
        { textDocument: { uri }, position: { line: 0, character: 0 } },
        REQUEST_TIMEOUT_MS,
      );
    } finally {
      await lsp.stop();
    }
  },
);
