#!/usr/bin/env node
// npm run corpus -- DIR [--verbose] [--json FILE] [--via-cli]
//
// Lints every file listed in DIR/MANIFEST.tsv (columns: file, repo, path, commit, platform,
// verdict, reason; verdict is valid | template | suspicious | invalid) and prints:
//   - false alarms: errors on valid or template files (exit 1 when there are any)
//   - misses: invalid files with no error and no warning
//   - quiet suspicious files (no warning or error), platform disagreements, totals, rule hits.
// Each file is linted under its original file name (the manifest's path), without workspace
// checks (the rest of the original repository is not there). Uses the compiled engine in out/
// (run `npm run build` first), or dist/cli.js with --via-cli.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';

const args = process.argv.slice(2);
const flag = (n) => args.includes('--' + n);
const opt = (n) => {
  const i = args.indexOf('--' + n);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1] === '--json'));
if (!dir) {
  console.error('usage: npm run corpus -- DIR   (DIR holds MANIFEST.tsv and the files it lists)');
  process.exit(2);
}
const manifestPath = join(dir, 'MANIFEST.tsv');
if (!existsSync(manifestPath)) {
  console.error(`corpus: ${manifestPath} not found`);
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');

/** Minimal TSV with optional double-quoted fields ("" escapes a quote). */
function parseTsv(text) {
  const rows = text.split(/\r?\n/).filter((l) => l.length);
  const split = (line) =>
    line
      .split('\t')
      .map((f) => (f.startsWith('"') && f.endsWith('"') && f.length > 1 ? f.slice(1, -1).replace(/""/g, '"') : f));
  const head = split(rows[0]);
  return rows.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [head[i], v])));
}
const entries = parseTsv(readFileSync(manifestPath, 'utf8'));

let lintFile;
if (flag('via-cli')) {
  const cli = join(root, 'dist/cli.js');
  lintFile = (abs, fileName) => {
    const r = spawnSync(
      process.execPath,
      [cli, '--format', 'json', '--no-workspace-checks', '--stdin-filename', fileName, '-'],
      { input: readFileSync(abs) },
    );
    if (r.status === 2) throw new Error(r.stderr.toString());
    return { platform: undefined, findings: JSON.parse(r.stdout.toString()).map((p) => ({ ...p, line: p.line })) };
  };
} else {
  const enginePath = join(root, 'out/engine/index.js');
  if (!existsSync(enginePath)) {
    console.error('corpus: out/engine/index.js is missing; run "npm run build" first (or use --via-cli).');
    process.exit(2);
  }
  const engine = createRequire(import.meta.url)(enginePath);
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  lintFile = (abs, fileName) => {
    const text = utf8.decode(readFileSync(abs));
    const doc = engine.parseAppSpec(`file:///corpus/${fileName}`, text, 0);
    const findings = engine.lint(doc, { fileName }, { workspaceChecks: false });
    return {
      platform: doc.platform.platform,
      findings: findings.map((d) => ({
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        severity: d.severity,
        ruleId: d.ruleId,
        message: d.message,
      })),
    };
  };
}

const falseAlarms = [];
const misses = [];
const quietSuspicious = [];
const weakOnInvalid = [];
const platformDiffs = [];
const ruleHits = new Map();
const byVerdict = {};
const rows = [];
for (const e of entries) {
  const abs = join(dir, e.file);
  const fileName = basename(e.path || e.file);
  let res;
  try {
    res = lintFile(abs, fileName);
  } catch (err) {
    console.error(`corpus: ${e.file}: ${err.message}`);
    process.exitCode = 2;
    continue;
  }
  const errors = res.findings.filter((f) => f.severity === 'error');
  const warnings = res.findings.filter((f) => f.severity === 'warning');
  for (const f of res.findings) {
    const k = `${f.ruleId} ${f.severity}`;
    const hit = ruleHits.get(k) ?? { count: 0, files: new Set() };
    hit.count++;
    hit.files.add(e.file);
    ruleHits.set(k, hit);
  }
  const v = e.verdict;
  byVerdict[v] ??= { files: 0, withErrors: 0, withWarnings: 0, clean: 0 };
  byVerdict[v].files++;
  if (errors.length) byVerdict[v].withErrors++;
  else if (warnings.length) byVerdict[v].withWarnings++;
  else byVerdict[v].clean++;
  const row = { ...e, detected: res.platform, findings: res.findings };
  rows.push(row);
  if ((v === 'valid' || v === 'template') && errors.length) falseAlarms.push({ row, errors });
  if (v === 'invalid' && !errors.length && !warnings.length) misses.push(row);
  if (v === 'suspicious' && !errors.length && !warnings.length) quietSuspicious.push(row);
  if (v === 'invalid' && !errors.length && warnings.length) weakOnInvalid.push(row);
  if (res.platform && e.platform && res.platform !== e.platform) platformDiffs.push(row);
}

const show = (f) => `    ${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`;
const out = [];
out.push(`FALSE ALARMS (errors on valid/template files): ${falseAlarms.length}`);
for (const { row, errors } of falseAlarms) {
  out.push(`  ${row.file} [${row.verdict}, ${row.platform}]${row.reason ? ` (${row.reason})` : ''}`);
  for (const f of errors) out.push(show(f));
}
out.push('', `MISSES (invalid files with no error or warning): ${misses.length}`);
for (const row of misses) {
  out.push(`  ${row.file} [${row.platform}]: ${row.reason}`);
  for (const f of row.findings) out.push(show(f));
}
out.push('', `INVALID FILES WITH WARNINGS BUT NO ERROR (informational): ${weakOnInvalid.length}`);
for (const row of weakOnInvalid) {
  out.push(`  ${row.file} [${row.platform}]: ${row.reason}`);
  for (const f of row.findings.filter((x) => x.severity === 'warning')) out.push(show(f));
}
out.push('', `QUIET ON SUSPICIOUS FILES (no error or warning): ${quietSuspicious.length}`);
for (const row of quietSuspicious) out.push(`  ${row.file} [${row.platform}]: ${row.reason}`);
if (platformDiffs.length) {
  out.push('', `PLATFORM DISAGREEMENTS (manifest vs detected): ${platformDiffs.length}`);
  for (const row of platformDiffs) out.push(`  ${row.file}: manifest ${row.platform}, detected ${row.detected}`);
}
if (flag('verbose')) {
  out.push('', 'ALL FINDINGS');
  for (const row of rows) {
    out.push(`  ${row.file} [${row.verdict}, ${row.platform}]`);
    for (const f of row.findings) out.push(show(f));
  }
}
out.push('', 'TOTALS');
for (const [v, c] of Object.entries(byVerdict))
  out.push(
    `  ${v.padEnd(10)} ${String(c.files).padStart(3)} files: ${c.withErrors} with errors, ${c.withWarnings} with warnings only, ${c.clean} clean`,
  );
out.push(`  false alarms ${falseAlarms.length}, misses ${misses.length}, quiet suspicious ${quietSuspicious.length}`);
out.push('', 'RULE HITS (rule severity: findings in files)');
for (const [k, h] of [...ruleHits].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
  out.push(`  ${k}: ${h.count} in ${h.files.size}`);
console.log(out.join('\n'));
if (opt('json')) {
  writeFileSync(
    opt('json'),
    JSON.stringify(
      {
        falseAlarms: falseAlarms.map((f) => ({ file: f.row.file, verdict: f.row.verdict, errors: f.errors })),
        misses: misses.map((m) => m.file),
        byVerdict,
        rows,
      },
      null,
      1,
    ),
  );
}
if (falseAlarms.length && !process.exitCode) process.exitCode = 1;
