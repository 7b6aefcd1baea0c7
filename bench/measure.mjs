// One benchmark pass: start a server, open one document, edit it many times, ask for
// completion and hover, read its memory. Everything is timed from the client side, as an
// editor user would feel it.
import { pathToFileURL } from 'node:url';
import { LspProcess, stats } from './lsp.mjs';

const CLIENT_CAPABILITIES = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

/**
 * The edit scenarios. Each edit toggles one character and back, so every other version equals the
 * original text:
 *  - 'value'     (default) the last digit of the `timeout:` value nearest the middle (a quoted
 *                value for ECS/Lambda): the document's meaning changes, so it is linted again.
 *  - 'value-end' the same on the `timeout:` value nearest the end of the document.
 *  - 'comment'   a `#` appended at the very end of the document and removed again (what the shared
 *                lspbench tool does): only trivia changes.
 */
export const EDIT_SCENARIOS = ['value', 'value-end', 'comment'];

/** The line of a `timeout:` value nearest the middle (or the end) of the document (the edit target). */
function editTarget(lines, where = 'middle') {
  const mid = where === 'end' ? lines.length - 1 : Math.floor(lines.length / 2);
  let best = -1;
  lines.forEach((l, i) => {
    if (/^\s*timeout: \d+\s*$/.test(l) && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  });
  if (best >= 0) return { line: best, character: lines[best].trimEnd().length - 1 };
  // No timeout (ECS/Lambda): edit the last character of a quoted value near the middle.
  lines.forEach((l, i) => {
    if (/"[^"]+"\s*$/.test(l) && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  });
  if (best < 0) best = mid;
  return { line: best, character: Math.max(0, lines[best].trimEnd().length - 2) };
}

/** Positions for completion/hover: `count` non-empty lines spread over the document. */
function probePositions(lines, count) {
  const nonEmpty = lines.map((l, i) => [l, i]).filter(([l]) => l.trim());
  const step = Math.max(1, Math.floor(nonEmpty.length / count));
  const out = [];
  for (let k = 0; k < nonEmpty.length && out.length < count; k += step) {
    const [l, i] = nonEmpty[k];
    const indent = l.length - l.trimStart().length;
    const keyEnd = l.indexOf(':');
    out.push({
      completion: { line: i, character: l.length },
      hover: { line: i, character: keyEnd > indent ? Math.min(keyEnd - 1, indent + 2) : indent },
    });
  }
  return out;
}

/**
 * @param {{name: string, argv: string[], settings: object}} server
 * @param {{name: string, dir: string, file: string, languageId: string, text: string}} doc
 */
export async function measure(
  server,
  doc,
  { edits = 200, requests = 100, timeoutMs = 20000, budgetMs = 90000, scenario = 'value' } = {},
) {
  const uri = pathToFileURL(doc.file).href;
  const out = { server: server.name, doc: doc.name, scenario, lines: doc.text.split('\n').length };
  const t0 = performance.now();
  const lsp = new LspProcess(server.argv, server.settings);
  try {
    const init = await lsp.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(doc.dir).href,
      workspaceFolders: [{ uri: pathToFileURL(doc.dir).href, name: 'bench' }],
      capabilities: CLIENT_CAPABILITIES,
    });
    out.startup_ms = +(performance.now() - t0).toFixed(1);
    const sync = init.result?.capabilities?.textDocumentSync;
    const incremental = (typeof sync === 'number' ? sync : sync?.change) === 2;
    lsp.notify('initialized', {});
    lsp.notify('workspace/didChangeConfiguration', { settings: server.settings });

    const isDiag = (v) => (m) =>
      m.method === 'textDocument/publishDiagnostics' &&
      m.params.uri === uri &&
      (m.params.version == null || v == null || m.params.version === v);
    let version = 1;
    let text = doc.text;
    // Every publish for the opened version, with its time: a server may publish part of the findings first
    // (ours does for a large file: its head), then all of them.
    const openPublishes = [];
    let t = performance.now();
    const onOpenPublish = (m) => {
      if (isDiag(1)(m)) openPublishes.push({ ms: performance.now() - t, count: m.params.diagnostics.length });
    };
    lsp.listeners.push(onOpenPublish);
    t = performance.now();
    const first = lsp.waitFor(isDiag(null), timeoutMs);
    lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: doc.languageId, version, text } });
    const d0 = await first;
    out.open_to_diagnostics_ms = d0 ? +(performance.now() - t).toFixed(1) : null;
    if (server.settledRequest) {
      // Our server answers once everything it was going to publish has gone out: edits start after that.
      await lsp.request(server.settledRequest, { uri }, timeoutMs);
    } else {
      while (await lsp.waitFor(isDiag(null), 400));
    }
    lsp.listeners.splice(lsp.listeners.indexOf(onOpenPublish), 1);
    const final = openPublishes[openPublishes.length - 1];
    out.open_publishes = openPublishes.length;
    out.open_first_diagnostics = openPublishes[0]?.count ?? null;
    out.open_to_all_diagnostics_ms = final ? +final.ms.toFixed(1) : null;
    out.diagnostics_on_open = final ? final.count : null;

    const lines = text.split('\n');
    const comment = scenario === 'comment';
    const target = comment
      ? { line: lines.length - 1, character: lines[lines.length - 1].length }
      : editTarget(lines, scenario === 'value-end' ? 'end' : 'middle');
    const lineOffset = lines.slice(0, target.line).reduce((n, l) => n + l.length + 1, 0);
    const original = comment ? '' : lines[target.line][target.character];
    const times = [];
    const editStart = performance.now();
    let sent = 0;
    // A slow server gets fewer edits rather than a run that never ends (the count is reported).
    for (let i = 0; i < edits && performance.now() - editStart < budgetMs; i++) {
      sent++;
      version++;
      const ch =
        i % 2 === 0
          ? comment
            ? '#'
            : original === '9'
              ? '8'
              : original === 'x'
                ? 'y'
                : /\d/.test(original)
                  ? String(Number(original) + 1)
                  : 'x'
          : original;
      const off = lineOffset + target.character;
      // Replaces the character at the target (a comment edit inserts `#` at the end, then deletes it).
      const oldLength = comment ? (i % 2 === 0 ? 0 : 1) : 1;
      text = text.slice(0, off) + ch + text.slice(off + oldLength);
      const change = incremental
        ? {
            range: { start: target, end: { line: target.line, character: target.character + oldLength } },
            rangeLength: oldLength,
            text: ch,
          }
        : { text };
      const p = lsp.waitFor(isDiag(version), timeoutMs);
      t = performance.now();
      lsp.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      const m = await p;
      if (m) times.push(performance.now() - t);
    }
    out.edit_to_diagnostics_ms = stats(times);
    out.edits_without_diagnostics = sent - times.length;
    if (sent < edits) out.edits_cut_by_time_budget = edits - sent;

    const probes = probePositions(lines, 50);
    const comp = [];
    const hov = [];
    let items = 0;
    let hovers = 0;
    for (let i = 0; i < requests; i++) {
      const p = probes[i % probes.length];
      t = performance.now();
      const r = await lsp.request(
        'textDocument/completion',
        { textDocument: { uri }, position: p.completion },
        timeoutMs,
      );
      comp.push(performance.now() - t);
      items += (Array.isArray(r.result) ? r.result : (r.result?.items ?? [])).length;
      t = performance.now();
      const h = await lsp.request('textDocument/hover', { textDocument: { uri }, position: p.hover }, timeoutMs);
      hov.push(performance.now() - t);
      if (h.result) hovers++;
    }
    out.completion_ms = stats(comp);
    out.completion_items_avg = requests ? +(items / requests).toFixed(1) : 0;
    out.hover_ms = stats(hov);
    out.hover_hits = hovers;
    out.rss_mb = lsp.rssMb() && +lsp.rssMb().toFixed(1);
  } catch (e) {
    out.error = String(e?.message ?? e);
    if (lsp.stderr) out.stderr = lsp.stderr.slice(0, 500);
  } finally {
    await lsp.stop();
  }
  return out;
}
