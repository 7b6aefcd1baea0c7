#!/usr/bin/env node
// @ts-check
/**
 * The pre-commit hook (.pre-commit-hooks.yaml, id appspec-lint). pre-commit runs it from its clone of this repository
 * with the hook's args and then the staged AppSpec files; this passes them all to appspec-lint and exits with its
 * exit code (0 clean, 1 errors, 2 usage or file problems).
 * The CLI of the same release comes from npm once and stays in the user's cache folder (~/.cache/appspec-lint/…).
 */
'use strict';
const path = require('node:path');
const { PACKAGE, ensureCli, releasedVersion, runCli, userCacheRoot } = require('./cli');

function main() {
  let cli;
  try {
    cli = ensureCli({
      version: releasedVersion(),
      cacheDir: path.join(userCacheRoot(), PACKAGE),
      log: (line) => process.stderr.write(`${line}\n`),
    });
  } catch (e) {
    process.stderr.write(
      `${PACKAGE}: ${e instanceof Error ? e.message : String(e)}\n` +
        `${PACKAGE}: without access to the npm registry, add appspec-lint to the project's devDependencies and use ` +
        'the "repo: local" hook shown in docs/cli.md instead.\n',
    );
    return 2;
  }
  return runCli(cli, process.argv.slice(2), { cwd: process.cwd(), stdio: 'inherit' }).code;
}

process.exitCode = main();
