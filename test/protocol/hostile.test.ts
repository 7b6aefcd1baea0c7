/**
 * The language server against hostile documents: alias bombs, huge files, 10,000 levels of
 * nesting, invalid UTF-8, NUL bytes, empty and comment-only files, and edit bursts with
 * versions out of order. For each one the server publishes diagnostics whose ranges lie inside
 * the document, stays alive, and answers the next request.
 */
import { test, before, after, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lineLengths, rangeProblem, type RangeLike } from '../helpers/fuzzCases';
import { hostileInputs } from '../helpers/hostileInputs';
import { StdioLsp } from '../helpers/stdioLsp';

const TIMEOUT_MS = 60_000;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'appspec-hostile-'));
let lsp: StdioLsp;
let n = 0;

before(async () => {
  lsp = new StdioLsp({ appspec: { syntaxDiagnostics: 'always', workspaceChecks: true } });
  await lsp.initialize(pathToFileURL(work).href);
});
after(async () => {
  await lsp.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Opens `text` as a fresh AppSpec and returns the first diagnostics published for it. */
async function openAndDiagnose(
  fileName: string,
  text: string,
): Promise<{ uri: string; diagnostics: { range: RangeLike; message: string; severity?: number }[] }> {
  const dir = path.join(work, `doc${n++}`);
  fs.mkdirSync(dir);
  const uri = pathToFileURL(path.join(dir, fileName)).href;
  const published = lsp.waitFor(lsp.diagnosticsFor(uri, 1), TIMEOUT_MS);
  lsp.notify('textDocument/didOpen', {
    textDocument: { uri, languageId: fileName.endsWith('.json') ? 'json' : 'yaml', version: 1, text },
  });
  const m = await published;
  assert.ok(
    m,
    `no diagnostics within ${TIMEOUT_MS} ms (server alive: ${lsp.alive}); stderr: ${lsp.stderr.slice(-1000)}`,
  );
  return { uri, diagnostics: m.params.diagnostics };
}

async function stillAnswers(uri: string): Promise<void> {
  assert.ok(lsp.alive, `server exited; stderr: ${lsp.stderr.slice(-2000)}`);
  await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }, TIMEOUT_MS);
  await lsp.request(
    'textDocument/completion',
    { textDocument: { uri }, position: { line: 0, character: 0 } },
    TIMEOUT_MS,
  );
  await lsp.request('textDocument/documentSymbol', { textDocument: { uri } }, TIMEOUT_MS);
  lsp.notify('textDocument/didClose', { textDocument: { uri } });
}

describe('hostile documents', () => {
  for (const input of hostileInputs()) {
    test(input.name, { timeout: 120_000 }, async () => {
      const { uri, diagnostics } = await openAndDiagnose(input.fileName, input.text);
      const lens = lineLengths(input.text);
      for (const d of diagnostics) {
        const bad = rangeProblem(d.range, lens);
        assert.equal(bad, undefined, `diagnostic "${d.message}" has a bad range: ${bad}`);
      }
      if (input.expect)
        assert.ok(
          diagnostics.some((d) => input.expect!.test(d.message)),
          `expected a finding matching ${input.expect}: ${JSON.stringify(diagnostics.map((d) => d.message))}`,
        );
      if (input.mustError)
        assert.ok(
          diagnostics.some((d) => d.severity === 1),
          `expected an error: ${JSON.stringify(diagnostics)}`,
        );
      await stillAnswers(uri);
    });
  }
});

describe('edit bursts', () => {
  test(
    'edits faster than validation, some out of order: the last version wins and nothing older follows it',
    { timeout: 120_000 },
    async () => {
      const clean = 'version: 0.0\nos: linux\n';
      const { uri } = await openAndDiagnose('appspec.yml', clean);
      const seen: number[] = [];
      const listener = lsp.waitFor((m) => {
        if (m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri) seen.push(m.params.version);
        return false;
      }, 30_000);
      void listener;
      // Versions 2..60, with neighbours swapped every few edits; only version 60 says `os: solaris`.
      const order: number[] = [];
      for (let v = 2; v <= 60; v++) order.push(v);
      for (let i = 1; i + 1 < order.length - 1; i += 5) [order[i], order[i + 1]] = [order[i + 1], order[i]];
      const textOf = (v: number): string =>
        v === 60 ? 'version: 0.0\nos: solaris\n' : `version: 0.0\nos: linux\n# edit ${v}\n`;
      const final = lsp.waitFor(lsp.diagnosticsFor(uri, 60), TIMEOUT_MS);
      for (const v of order)
        lsp.notify('textDocument/didChange', {
          textDocument: { uri, version: v },
          contentChanges: [{ text: textOf(v) }],
        });
      const m = await final;
      assert.ok(m, `no diagnostics for the last version; published versions: ${seen.join(',')}`);
      assert.ok(
        m.params.diagnostics.some((d: { range: RangeLike }) => d.range.start.line === 1),
        'the final diagnostics describe version 60 (os: solaris on line 2)',
      );
      // Nothing for an older version may arrive after the newest one: once the server has nothing
      // left to do, everything it published is in `seen`.
      const settled = await lsp.request('appspec/settled', { uri }, TIMEOUT_MS);
      assert.deepEqual(settled, { version: 60 }, 'the last version published is the newest');
      const after60 = seen.slice(seen.indexOf(60) + 1);
      assert.deepEqual(
        after60.filter((v) => v !== 60),
        [],
        `published after version 60: ${after60.join(',')}`,
      );
      await stillAnswers(uri);
    },
  );

  test('a malformed message does not take the server down', { timeout: 60_000 }, async () => {
    const { uri } = await openAndDiagnose('appspec.yml', 'version: 0.0\nos: linux\n');
    const body = '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{';
    lsp.sendRaw(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    lsp.notify('textDocument/didChange', {
      textDocument: { uri: 'file:///never/opened/appspec.yml', version: 3 },
      contentChanges: [{ text: 'x' }],
    });
    lsp.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 999, character: 999 }, end: { line: 1000, character: 0 } }, text: 'zzz' },
      ],
    });
    await stillAnswers(uri);
  });
});
