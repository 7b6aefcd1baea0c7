#!/usr/bin/env node
// @ts-check
/**
 * The GitHub Action (action.yml at the repository root runs this with node). Reads its inputs from INPUT_* variables
 * (named as the runner names them: INPUT_PATHS, INPUT_FAIL-ON, …), checks the AppSpecs with appspec-lint, and
 *   - writes the report file (SARIF by default, for github/codeql-action/upload-sarif),
 *   - annotates each finding on its line (workflow commands) and prints it in the log,
 *   - adds a table to the job summary,
 *   - sets the outputs errors, warnings, infos, report-file and sarif-file,
 *   - fails the step when a finding reaches `fail-on`, or when appspec-lint reports a usage or file problem.
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { fileURLToPath } = require('node:url');
const { PACKAGE, checkVersion, ensureCli, releasedVersion, runCli } = require('./cli');

const FORMATS = ['sarif', 'json', 'text'];
const FAIL_ON = ['error', 'warning', 'info', 'never'];
const DEFAULT_OUTPUT = { sarif: 'appspec-lint.sarif', json: 'appspec-lint.json', text: 'appspec-lint.txt' };
const SUMMARY_ROWS = 50;

class InputError extends Error {}

/**
 * An input as the runner passes it to JavaScript actions (INPUT_ + the name in upper case, spaces as underscores:
 * INPUT_FAIL-ON) or, when that is not set, with underscores for hyphens (INPUT_FAIL_ON, as action.yml sets it so a
 * shell could read it too); trimmed.
 */
function input(name, fallback = '') {
  const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
  const raw = process.env[key] ?? process.env[key.replace(/-/g, '_')];
  const value = raw === undefined ? '' : raw.trim();
  return value === '' ? fallback : value;
}

function oneOf(name, value, allowed) {
  const v = value.toLowerCase();
  if (!allowed.includes(v)) throw new InputError(`input ${name} is "${value}"; use one of ${allowed.join(', ')}`);
  return v;
}

function booleanInput(name, fallback) {
  const v = input(name, fallback ? 'true' : 'false').toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new InputError(`input ${name} is "${v}"; use true or false`);
}

function readInputs() {
  const paths = input('paths', '.')
    .split(/\s+/)
    .filter((p) => p !== '');
  const format = oneOf('format', input('format', 'sarif'), FORMATS);
  const failOn = oneOf('fail-on', input('fail-on', 'error'), FAIL_ON);
  const output = input('output', DEFAULT_OUTPUT[format]);
  const config = input('config');
  let version = input('version');
  try {
    version = checkVersion(version || releasedVersion());
  } catch (e) {
    throw new InputError(`input version: ${e.message}`);
  }
  return { paths, format, failOn, output, config, version, annotations: booleanInput('annotations', true) };
}

// Workflow commands: data and property values are escaped as the runner expects.
const escapeData = (s) => String(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(name, properties, message) {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',');
  process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${os.EOL}`);
}

/**
 * Prints text that comes from the checked files (finding messages quote AppSpec values, file names are anyone's) with
 * workflow commands off, so a line in it can never act as one (`::stop-commands::` with a one-time token).
 */
function printUntrusted(lines) {
  if (!lines.length) return;
  const token = `appspec-lint-${crypto.randomUUID()}`;
  process.stdout.write(`::stop-commands::${token}${os.EOL}${lines.join(os.EOL)}${os.EOL}::${token}::${os.EOL}`);
}

/** Appends `name` = `value` to a GITHUB_OUTPUT-style file, in the delimited form (safe for any value). */
function appendKeyValue(file, name, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  fs.appendFileSync(file, `${name}<<${delimiter}${os.EOL}${value}${os.EOL}${delimiter}${os.EOL}`);
}

function setOutputs(outputs) {
  const file = process.env.GITHUB_OUTPUT;
  for (const [name, value] of Object.entries(outputs)) {
    if (file) appendKeyValue(file, name, String(value));
    else console.log(`output ${name}=${value}`);
  }
}

const ANNOTATION = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

function annotate(problems) {
  for (const p of problems) {
    command(
      ANNOTATION[p.severity] ?? 'notice',
      {
        file: p.file,
        line: p.line,
        col: p.column,
        endLine: p.endLine,
        endColumn: p.endLine === p.line ? p.endColumn : undefined,
        title: `${PACKAGE} ${p.ruleId}`,
      },
      p.message,
    );
  }
}

const SARIF_SEVERITY = { error: 'error', warning: 'warning', note: 'info' };

/** The findings of appspec-lint's SARIF log in its JSON shape (file relative to the workspace, 1-based positions). */
function fromSarif(text, workspace) {
  const log = JSON.parse(text);
  const results = log?.runs?.[0]?.results;
  if (!Array.isArray(results)) throw new Error('no SARIF results');
  return results.map((r) => {
    const loc = r.locations?.[0]?.physicalLocation ?? {};
    const uri = String(loc.artifactLocation?.uri ?? '');
    const file = uri.startsWith('file:')
      ? path.relative(workspace, fileURLToPath(uri)) || fileURLToPath(uri)
      : uri.split('/').map(decodeURIComponent).join('/');
    const region = loc.region ?? {};
    return {
      file,
      line: region.startLine,
      column: region.startColumn,
      endLine: region.endLine,
      endColumn: region.endColumn,
      severity: SARIF_SEVERITY[r.level] ?? 'info',
      ruleId: r.ruleId,
      message: r.message?.text ?? '',
    };
  });
}

function counts(problems) {
  const c = { error: 0, warning: 0, info: 0 };
  for (const p of problems) {
    if (p.severity === 'error') c.error++;
    else if (p.severity === 'warning') c.warning++;
    else c.info++;
  }
  return c;
}

/** How many findings reach the fail-on level. */
function failing(c, failOn) {
  if (failOn === 'never') return 0;
  if (failOn === 'error') return c.error;
  if (failOn === 'warning') return c.error + c.warning;
  return c.error + c.warning + c.info;
}

/** A Markdown table cell: no table breaks, no HTML, no links or images from the checked files. */
const cell = (s) =>
  String(s)
    .replace(/\\/g, '\\\\')
    .replace(/([|[\]])/g, '\\$1')
    .replace(/\r?\n/g, ' ')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

function summary(problems, c, failed) {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const lines = [
    `### ${failed ? '❌' : '✅'} ${PACKAGE}`,
    '',
    problems.length
      ? `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.info, 'info')}.`
      : 'No problems in the AppSpec files.',
  ];
  if (problems.length) {
    lines.push('', '| File | Line | Severity | Rule | Message |', '| --- | --- | --- | --- | --- |');
    for (const p of problems.slice(0, SUMMARY_ROWS))
      lines.push(`| ${cell(p.file)} | ${p.line} | ${p.severity} | ${p.ruleId} | ${cell(p.message)} |`);
    if (problems.length > SUMMARY_ROWS)
      lines.push('', `… and ${problems.length - SUMMARY_ROWS} more (see the report file or the annotations).`);
  }
  fs.appendFileSync(file, lines.join('\n') + '\n');
}

function main() {
  let inputs;
  try {
    inputs = readInputs();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    command('error', {}, `${PACKAGE}: ${e.message}`);
    return 1;
  }
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const cacheDir = path.join(process.env.RUNNER_TEMP || os.tmpdir(), `${PACKAGE}-cli`);
  let cli;
  try {
    cli = ensureCli({ version: inputs.version, cacheDir, log: (l) => console.log(l) });
  } catch (e) {
    command('error', {}, `${PACKAGE}: ${e.message}`);
    return 1;
  }

  const base = [...(inputs.config ? ['--config', inputs.config] : []), '--no-color'];
  // One run in the report's format when the findings can be read back from it (SARIF, JSON); text needs a JSON run
  // too. `--` keeps a path that starts with "-" a path.
  const findingsFormat = inputs.format === 'text' ? 'json' : inputs.format;
  const checked = runCli(cli, ['--format', findingsFormat, ...base, '--', ...inputs.paths], { cwd: workspace });
  const stderr = checked.stderr.split(/\r?\n/).filter((line) => line.trim());
  for (const line of stderr) if (line.startsWith(`${PACKAGE}: `)) command('error', {}, line);
  printUntrusted(stderr.filter((line) => !line.startsWith(`${PACKAGE}: `)));
  if (checked.code === 2 && !checked.stdout.trim()) {
    // Nothing was checked (a bad configuration file, no AppSpec found): no report to write.
    setOutputs({ errors: 0, warnings: 0, infos: 0, 'report-file': '', 'sarif-file': '' });
    return 2;
  }
  let problems;
  try {
    problems = findingsFormat === 'sarif' ? fromSarif(checked.stdout, workspace) : JSON.parse(checked.stdout);
  } catch {
    command('error', {}, `${PACKAGE}: unexpected output (not ${findingsFormat}): ${checked.stdout.slice(0, 200)}`);
    return 2;
  }

  let report = checked.stdout;
  if (inputs.format === 'text')
    report = runCli(cli, ['--format', 'text', ...base, '--', ...inputs.paths], { cwd: workspace }).stdout;
  const reportFile = path.resolve(workspace, inputs.output);
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(reportFile, report);

  if (problems.length) {
    console.log(`::group::${PACKAGE} findings`);
    printUntrusted(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.ruleId} ${p.message}`));
    console.log('::endgroup::');
  }
  if (inputs.annotations) annotate(problems);
  const c = counts(problems);
  const over = failing(c, inputs.failOn);
  const failed = over > 0 || checked.code === 2;
  console.log(
    `${PACKAGE}: ${c.error} error(s), ${c.warning} warning(s), ${c.info} info(s); ${inputs.format} report in ${path.relative(workspace, reportFile) || reportFile}`,
  );
  setOutputs({
    errors: c.error,
    warnings: c.warning,
    infos: c.info,
    'report-file': reportFile,
    'sarif-file': inputs.format === 'sarif' ? reportFile : '',
  });
  summary(problems, c, failed);
  if (checked.code === 2) return 2;
  if (over > 0) {
    command('error', {}, `${PACKAGE}: ${over} finding(s) at or above fail-on level "${inputs.failOn}"`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  command('error', {}, `${PACKAGE}: unexpected failure: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
}
