/**
 * appspec-lint: checks AppSpec files from the command line with the editor's engine.
 * All logic lives in cli/run.ts; this file only binds it to the process.
 */
import * as fs from 'node:fs';
import { runCli } from './cli/run';

function main(): void {
  let code: number;
  try {
    code = runCli(process.argv.slice(2), {
      cwd: process.cwd(),
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
      readStdin: () => fs.readFileSync(0),
      isTty: Boolean(process.stdout.isTTY),
      debug: Boolean(process.env.APPSPEC_LINT_DEBUG),
    });
  } catch (e) {
    // Never a stack trace for users; APPSPEC_LINT_DEBUG=1 shows it.
    process.stderr.write(`appspec-lint: unexpected failure: ${(e as Error)?.message ?? String(e)}\n`);
    if (process.env.APPSPEC_LINT_DEBUG) process.stderr.write(`${(e as Error)?.stack}\n`);
    code = 2;
  }
  process.exitCode = code;
}

// A closed pipe (e.g. `appspec-lint . | head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main();
