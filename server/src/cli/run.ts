/**
 * The CLI's main flow, independent of the process object so it can be driven in-process:
 * parse arguments → discover files → lint each one with the engine → format → exit code.
 * Exit codes: 0 clean, 1 errors (or too many warnings), 2 usage or file access problems.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeInternalError, setInternalErrorHandler } from '../../../engine/index';
import { HELP, parseArgs, UsageError, type CliOptions } from './args';
import { realPathOf } from '../fileSafety';
import { discoverFiles } from './discover';
import { createEngine, type CliEngine } from './engine';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';
import { countBySeverity, summaryLine, type Problem, type Report } from './report';
import { toolVersion } from './version';

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of standard input, as bytes. */
  readStdin(): Uint8Array;
  isTty: boolean;
  /** Show stacks of internal errors (APPSPEC_LINT_DEBUG). */
  debug?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** The path the user sees: relative to cwd when inside it, always `/`-separated. */
/** The display path of a related place's file: URI, else undefined (not a file on this machine). */
function relatedPath(uri: string, cwd: string): string | undefined {
  try {
    return displayPath(fileURLToPath(uri), cwd);
  } catch {
    return undefined;
  }
}

export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  return abs;
}

/**
 * Files beyond this are read only up to it: the engine skips deep checks past 5 MB anyway and
 * reports the size, so a stray multi-gigabyte file cannot exhaust memory.
 */
const READ_CAP_BYTES = 16 * 1024 * 1024;

function readCapped(abs: string, cap: number): Uint8Array {
  const fd = fs.openSync(abs, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buf = Buffer.alloc(Math.min(size, cap));
    let off = 0;
    while (off < buf.length) {
      const n = fs.readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    fs.closeSync(fd);
  }
}

function describeIoError(file: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return `${file}: no such file`;
  if (code === 'EACCES' || code === 'EPERM') return `${file}: permission denied`;
  if (code === 'EISDIR') return `${file}: is a folder`;
  return `${file}: cannot be read (${code ?? (err as Error)?.message ?? String(err)})`;
}

export function runCli(argv: readonly string[], io: CliIo, engine: CliEngine = createEngine()): number {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`appspec-lint: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  if (opts.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (opts.version) {
    io.stdout(`${toolVersion()}\n`);
    return EXIT_OK;
  }

  let exit = EXIT_OK;
  const fail = (msg: string): void => {
    io.stderr(`appspec-lint: ${msg}\n`);
    exit = EXIT_USAGE;
  };

  let explicitConfig: ReturnType<CliEngine['loadConfigFile']> | undefined;
  if (opts.configFile) {
    const abs = path.resolve(io.cwd, opts.configFile);
    try {
      explicitConfig = engine.loadConfigFile(abs);
    } catch (e) {
      fail(`--config ${opts.configFile}: ${(e as Error).message}`);
      return EXIT_USAGE;
    }
  }

  const report: Report = { files: [], problems: [] };
  const filePaths = opts.paths.filter((p) => p !== '-');
  const discovery = discoverFiles(filePaths, io.cwd, { followSymlinks: opts.followSymlinks });
  // Standard input is checked against the current folder (or --stdin-filename's folder).
  const stdinRoot = realPathOf(path.dirname(path.resolve(io.cwd, opts.stdinFilename ?? 'appspec.yml')));
  const roots = opts.paths.includes('-') && stdinRoot ? [...discovery.roots, stdinRoot] : discovery.roots;
  const lintOne = (bytes: Uint8Array, absPath: string, shown: string): void => {
    report.files.push(shown);
    let diagnoses;
    try {
      diagnoses = engine.lint(bytes, absPath, {
        workspaceChecks: opts.workspaceChecks,
        rules: opts.rules,
        config: explicitConfig,
        roots,
      });
    } catch (e) {
      // The engine must never throw; if it does, say which file and keep going.
      fail(`${shown}: internal error while checking this file (${(e as Error)?.message ?? String(e)})`);
      return;
    }
    for (const problem of engine.configProblems()) fail(problem);
    for (const d of diagnoses) {
      const p: Problem = {
        file: shown,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: d.severity,
        ruleId: d.ruleId,
        message: d.message,
      };
      const related = (d.related ?? []).flatMap((r) => {
        const file = r.uri ? relatedPath(r.uri, io.cwd) : shown;
        if (file === undefined) return [];
        const { start, end } = r.range;
        const at = { line: start.line + 1, column: start.character + 1, endLine: end.line + 1 };
        return [{ file, ...at, endColumn: end.character + 1, message: r.message }];
      });
      if (related.length) p.related = related;
      report.problems.push(p);
    }
  };

  // A rule that throws leaves its findings out: say so and exit 2 (the stack with APPSPEC_LINT_DEBUG).
  const previousHandler = setInternalErrorHandler((e) => fail(describeInternalError(e, { stack: io.debug === true })));
  for (const e of discovery.errors) fail(e);

  if (opts.paths.includes('-')) {
    const name = opts.stdinFilename ?? 'appspec.yml';
    let bytes: Uint8Array | undefined;
    try {
      bytes = io.readStdin();
    } catch (e) {
      fail(`standard input cannot be read (${(e as Error).message})`);
    }
    if (bytes)
      lintOne(
        bytes,
        path.resolve(io.cwd, name),
        opts.stdinFilename ? displayPath(path.resolve(io.cwd, name), io.cwd) : '<stdin>',
      );
  }
  for (const abs of discovery.files) {
    const shown = displayPath(abs, io.cwd);
    let bytes: Uint8Array;
    try {
      bytes = readCapped(abs, READ_CAP_BYTES);
    } catch (e) {
      fail(describeIoError(shown, e));
      continue;
    }
    lintOne(bytes, abs, shown);
  }
  setInternalErrorHandler(previousHandler);

  const counts = countBySeverity(report.problems);
  const shownReport: Report = opts.quiet
    ? { files: report.files, problems: report.problems.filter((p) => p.severity === 'error') }
    : report;
  if (opts.format === 'json') io.stdout(formatJson(shownReport));
  else if (opts.format === 'sarif')
    io.stdout(formatSarif(shownReport, engine.rules(), toolVersion(), io.cwd, { allRules: opts.sarifAllRules }));
  else {
    io.stdout(formatText(shownReport, opts.color && io.isTty));
    io.stderr(summaryLine(shownReport) + '\n');
  }

  if (exit === EXIT_OK) {
    if (counts.errors > 0) exit = EXIT_PROBLEMS;
    else if (opts.maxWarnings !== undefined && counts.warnings > opts.maxWarnings) {
      io.stderr(`appspec-lint: ${counts.warnings} warnings, more than --max-warnings ${opts.maxWarnings}\n`);
      exit = EXIT_PROBLEMS;
    }
  }
  return exit;
}
