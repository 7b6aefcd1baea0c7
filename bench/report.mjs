// Targets and rendering for scripts/bench.mjs.

const OURS = 'ours';
const YAML = 'yaml-language-server';
const small = (r) => r.doc !== 'ec2-stress';
const fmt = (v, unit = '') => (v == null ? 'n/a' : `${v}${unit}`);
const SCENARIO_LABEL = { value: 'value edit', 'value-end': 'value edit at the end', comment: 'comment edit' };
/** The document, with the edit scenario when it is not the default one. */
const docLabel = (r) => (!r.scenario || r.scenario === 'value' ? r.doc : `${r.doc} (${SCENARIO_LABEL[r.scenario]})`);
/** The scenario every server runs (used for the side-by-side ratio and the per-document targets). */
const main = (r) => !r.scenario || r.scenario === 'value';

/** Each target: label, measured value, limit, pass (true/false/null when not measurable). */
export function targetsFor(report) {
  const ours = report.results.filter((r) => r.server === OURS);
  const yaml = report.results.filter((r) => r.server === YAML);
  const t = [];
  const add = (label, value, limit, pass) => t.push({ label, value, limit, pass: value == null ? null : pass });
  for (const r of ours) {
    const lim = small(r) ? 20 : 300;
    add(
      `edit→diagnostics p99, ${docLabel(r)}`,
      r.edit_to_diagnostics_ms?.p99,
      `≤ ${lim} ms`,
      r.edit_to_diagnostics_ms?.p99 <= lim && !r.edits_without_diagnostics,
    );
    const clim = small(r) ? 10 : 60;
    add(`completion p99, ${docLabel(r)}`, r.completion_ms?.p99, `≤ ${clim} ms`, r.completion_ms?.p99 <= clim);
    if (!main(r)) continue; // the other scenarios add latency rows only
    const y = yaml.find((x) => x.doc === r.doc && main(x));
    if (y?.edit_to_diagnostics_ms?.p50 != null && r.edit_to_diagnostics_ms?.p50) {
      const ratio = +(y.edit_to_diagnostics_ms.p50 / r.edit_to_diagnostics_ms.p50).toFixed(1);
      add(`edit→diagnostics p50 speed-up vs yaml-language-server, ${r.doc}`, ratio, '≥ 5×', ratio >= 5);
    }
    // The tail too, so a fast median cannot hide slow outliers (e.g. the first edits after opening a big file).
    if (y?.edit_to_diagnostics_ms?.p99 != null && r.edit_to_diagnostics_ms?.p99) {
      const ratio = +(y.edit_to_diagnostics_ms.p99 / r.edit_to_diagnostics_ms.p99).toFixed(1);
      add(`edit→diagnostics p99 speed-up vs yaml-language-server, ${r.doc}`, ratio, '≥ 5×', ratio >= 5);
    }
    if (small(r)) add(`memory (RSS), ${r.doc}`, r.rss_mb, '≤ 60 MB', r.rss_mb <= 60);
  }
  // Opening the 12,000-line file: the first diagnostics (its head) within 500 ms, in every stress run.
  const opens = ours.filter((r) => !small(r) && r.open_to_diagnostics_ms != null);
  if (opens.length) {
    const worst = Math.max(...opens.map((r) => r.open_to_diagnostics_ms));
    add(`open→first diagnostics, ec2-stress (worst of ${opens.length} opens)`, worst, '≤ 500 ms', worst <= 500);
  }
  const firstSmall = ours.find(small);
  if (firstSmall)
    add('startup to initialize response', firstSmall.startup_ms, '≤ 300 ms', firstSmall.startup_ms <= 300);
  const a = report.activation;
  if (a) {
    add(
      'extension activation (require dist/client.js + activate(), median)',
      a.activation_ms_median ?? null,
      '≤ 100 ms',
      a.activation_ms_median <= 100,
    );
    add(
      'AWS SDK and local endpoint not loaded by activation',
      a.lazy_bundles_loaded ? (a.lazy_bundles_loaded.length ? a.lazy_bundles_loaded.join(', ') : 'none loaded') : null,
      'none loaded',
      !!a.lazy_bundles_loaded &&
        !a.lazy_bundles_loaded.includes('client-aws.js') &&
        !a.lazy_bundles_loaded.includes('client-local.js'),
    );
  }
  const vsix = Object.entries(report.sizes).find(([f]) => f.endsWith('.vsix'));
  add(
    'VSIX size',
    vsix ? +(vsix[1] / 1024 / 1024).toFixed(2) : null,
    '≤ 3 MB',
    vsix ? vsix[1] <= 3 * 1024 * 1024 : null,
  );
  return t;
}

function rows(report) {
  const head = [
    'server',
    'doc',
    'lines',
    'startup ms',
    'open→first / all diag ms',
    'edit→diag p50/p90/p99 ms',
    'completion p50/p99 ms',
    'hover p50/p99 ms',
    'RSS MB',
    'diags',
  ];
  const body = report.results.map((r) =>
    r.error
      ? [r.server, docLabel(r), String(r.lines), 'ERROR', r.error, '', '', '', '', '']
      : [
          r.server,
          docLabel(r),
          String(r.lines),
          fmt(r.startup_ms),
          r.open_publishes > 1
            ? `${fmt(r.open_to_diagnostics_ms)} (${r.open_first_diagnostics}) / ${fmt(r.open_to_all_diagnostics_ms)}`
            : fmt(r.open_to_diagnostics_ms),
          `${fmt(r.edit_to_diagnostics_ms?.p50)} / ${fmt(r.edit_to_diagnostics_ms?.p90)} / ${fmt(r.edit_to_diagnostics_ms?.p99)}` +
            ` (n=${r.edit_to_diagnostics_ms?.n})` +
            (r.edits_without_diagnostics ? ` (${r.edits_without_diagnostics} edits unanswered)` : '') +
            (r.edits_cut_by_time_budget ? ` (${r.edits_cut_by_time_budget} edits skipped: time budget)` : ''),
          `${fmt(r.completion_ms?.p50)} / ${fmt(r.completion_ms?.p99)}`,
          `${fmt(r.hover_ms?.p50)} / ${fmt(r.hover_ms?.p99)}`,
          fmt(r.rss_mb),
          fmt(r.diagnostics_on_open),
        ],
  );
  return [head, ...body];
}

function activationLine(report) {
  const a = report.activation;
  if (!a) return '';
  if (a.error) return `Activation: ERROR ${a.error}\n`;
  return (
    `Activation (node + vscode stub, ${a.runs} cold runs): median ${a.activation_ms_median} ms, max ${a.activation_ms_max} ms ` +
    `(last run: require ${a.require_ms} ms + activate() ${a.activate_ms} ms); bundles loaded by activation: ` +
    `${a.loaded_at_activation.join(', ')}; lazy bundles loaded by the time the client is ready: ` +
    `${a.lazy_bundles_loaded.length ? a.lazy_bundles_loaded.join(', ') : 'none'}; ` +
    `${a.vscode_api_touched.length} vscode API members touched by activate()\n`
  );
}

const verdict = (p) => (p === null ? 'n/a ' : p ? 'PASS' : 'FAIL');

export function renderText(report) {
  const table = rows(report);
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  let s = table.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ')).join('\n') + '\n\n';
  if (report.cli)
    s += `CLI: ${report.cli.files} files in ${report.cli.ms} ms (${report.cli.files_per_s} files/s), exit ${report.cli.exit}, ${fmt(report.cli.problems)} problems\n`;
  s += activationLine(report);
  s +=
    'Sizes: ' +
    Object.entries(report.sizes)
      .map(([f, b]) => `${f} ${(b / 1024).toFixed(0)} KB`)
      .join(', ') +
    '\n\nTargets:\n';
  for (const t of report.targets) s += `  ${verdict(t.pass)}  ${t.label}: ${fmt(t.value)} (target ${t.limit})\n`;
  if (report.lspbench) {
    s += '\nlspbench (shared tool) on our server:\n';
    for (const r of report.lspbench) {
      s += r.error
        ? `  ${r.doc}: ERROR ${r.error}\n`
        : `  ${r.doc}: startup ${r.startup_ms} ms, open→diag ${r.open_to_diagnostics_ms} ms, edit→diag p50/p99 ${r.edit_to_diagnostics_ms?.p50}/${r.edit_to_diagnostics_ms?.p99} ms, completion p99 ${r.completion_ms?.p99} ms, hover p99 ${r.hover_ms?.p99} ms, RSS ${r.rss_mb} MB\n`;
    }
  }
  s += `\nLoad average during the run: ${report.load?.join(' / ')} — numbers on a busy machine are pessimistic.\n`;
  return s;
}

export function renderMarkdown(report) {
  const table = rows(report);
  let s = `Run ${report.date}, Node ${report.node}, load average ${report.load?.join(' / ') ?? 'n/a'} (1/5/15 min).\n\n`;
  s += `| ${table[0].join(' | ')} |\n| ${table[0].map(() => '---').join(' | ')} |\n`;
  for (const r of table.slice(1)) s += `| ${r.join(' | ')} |\n`;
  if (report.cli) s += `\nCLI: ${report.cli.files} files in ${report.cli.ms} ms (${report.cli.files_per_s} files/s).\n`;
  if (report.activation) s += `\n${activationLine(report)}`;
  s += '\n| file | size |\n| --- | --- |\n';
  for (const [f, b] of Object.entries(report.sizes)) s += `| ${f} | ${(b / 1024).toFixed(0)} KB |\n`;
  s += '\n| target | measured | limit | result |\n| --- | --- | --- | --- |\n';
  for (const t of report.targets) s += `| ${t.label} | ${fmt(t.value)} | ${t.limit} | ${verdict(t.pass).trim()} |\n`;
  if (report.lspbench)
    s += '\nlspbench (shared tool) on our server:\n\n```json\n' + JSON.stringify(report.lspbench, null, 1) + '\n```\n';
  return s;
}
