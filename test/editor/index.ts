/**
 * Entry point of the in-editor suite (VS Code's `extensionTestsPath` contract: `run()` returns a promise that
 * rejects when a test failed). Runs inside the real extension host, with the real `vscode` API, through
 * code-server (test/e2e/run-editor-tests.mjs).
 *
 * Env:
 *   APPSPEC_EDITOR_RESULTS  path of a JSON file receiving { passed, failed, pending, tests: [...] }
 *   APPSPEC_EDITOR_LOG      path of a text file receiving one line per test as it finishes (live progress)
 *   APPSPEC_EDITOR_GREP     only run tests whose full title matches this regular expression
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findTests(p));
    else if (entry.name.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

function progress(line: string): void {
  const file = process.env.APPSPEC_EDITOR_LOG;
  if (file) fs.appendFileSync(file, line + '\n');
  else console.log(line);
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'dot' });
  if (process.env.APPSPEC_EDITOR_GREP) mocha.grep(new RegExp(process.env.APPSPEC_EDITOR_GREP));
  for (const file of findTests(path.join(__dirname, 'suite'))) mocha.addFile(file);

  const results: TestResult[] = [];
  const write = () => {
    const file = process.env.APPSPEC_EDITOR_RESULTS;
    const summary = {
      passed: results.filter((r) => r.state === 'passed').length,
      failed: results.filter((r) => r.state === 'failed').length,
      pending: results.filter((r) => r.state === 'pending').length,
      tests: results,
    };
    if (file) fs.writeFileSync(file, JSON.stringify(summary, null, 2));
    return summary;
  };

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const summary = write();
        if (failures > 0 || summary.failed > 0) reject(new Error(`${summary.failed} in-editor test(s) failed`));
        else resolve();
      });
      runner.on('pass', (t) => {
        results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
        progress(`  ok   ${t.fullTitle()} (${t.duration ?? 0} ms)`);
      });
      runner.on('fail', (t, err: Error) => {
        const error = `${err?.message ?? String(err)}${err?.stack ? `\n${err.stack.split('\n').slice(1, 6).join('\n')}` : ''}`;
        results.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error });
        progress(`  FAIL ${t.fullTitle()}\n       ${error.replace(/\n/g, '\n       ')}`);
      });
      runner.on('pending', (t) => {
        results.push({ title: t.fullTitle(), state: 'pending' });
        progress(`  skip ${t.fullTitle()}`);
      });
    } catch (e) {
      results.push({ title: 'loading the suite', state: 'failed', error: (e as Error).stack ?? String(e) });
      write();
      reject(e);
    }
  });
}
