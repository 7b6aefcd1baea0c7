#!/usr/bin/env node
// `npm start`: a real VS Code (code-server) in the browser with this extension installed, a demo workspace copied from
// examples/, and the built-in local CodeDeploy endpoint selected. Prints the URL and runs until Ctrl-C.
//   1. installs test/e2e (code-server) once, with this machine's install fixes
//   2. builds and packages the VSIX (npm run package), unless dist/appspec-codedeploy.vsix is newer than every
//      source it is made from (then it is reused); the build's output goes to .tmp/demo-package.log
//   3. fresh workspace/user-data/extensions dirs, installs the VSIX, starts code-server on 127.0.0.1
// Env: APPSPEC_DEMO_PORT (default 8080, or a free port when 8080 is taken), APPSPEC_DEMO_SKIP_PACKAGE=1 (reuse
// dist/appspec-codedeploy.vsix even when sources changed), APPSPEC_DEMO_REBUILD=1 (package even when fresh).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureInstalled } from '../test/e2e/lib/install.mjs';
import { installVsix, startCodeServer, workbenchUrl } from '../test/e2e/lib/code-server.mjs';
import { EXAMPLES, ROOT, VSIX } from '../test/e2e/lib/paths.mjs';
import { freePort } from '../test/e2e/lib/ports.mjs';
import { killAll } from '../test/e2e/lib/processes.mjs';
import { createRunDir, isolatedEnv, removeRunDir } from '../test/e2e/lib/run-dir.mjs';

/** Runs a command with its output written to `logFile` only; resolves to the exit code. */
function runLogged(cmd, args, logFile) {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    const done = (code) => log.end(() => resolve(code));
    child.on('error', () => done(127));
    child.on('exit', (code) => done(code ?? 1));
  });
}

/** What the VSIX is made from: sources, media, schemas, snippets and the manifest files. */
const PACKAGE_INPUTS = [
  'client/src',
  'server/src',
  'engine',
  'media',
  'schemas',
  'snippets',
  'scripts/gen-validators.mjs',
].concat(['package.json', 'package-lock.json', 'esbuild.mjs', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore']);

function newestInput() {
  let newest = 0;
  const walk = (p) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'generated' && e !== 'node_modules') walk(path.join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const input of PACKAGE_INPUTS) walk(path.join(ROOT, input));
  return newest;
}

/** The VSIX exists and is newer than everything it is made from. */
function vsixIsFresh() {
  return existsSync(VSIX) && statSync(VSIX).mtimeMs >= newestInput();
}

function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

function fail(message) {
  console.error(`\nnpm start: ${message}`);
  process.exit(1);
}

if (!existsSync(path.join(ROOT, 'node_modules', '.bin', 'tsc')))
  fail('dependencies are missing: run `npm install` first.');

console.log('[1/3] VS Code server (code-server, installed once into test/e2e)…');
if (!(await ensureInstalled())) fail('could not install code-server (see above).');

const mb = () => (statSync(VSIX).size / 1024 / 1024).toFixed(1);
if (process.env.APPSPEC_DEMO_SKIP_PACKAGE && existsSync(VSIX)) {
  console.log(`[2/3] reusing dist/appspec-codedeploy.vsix (${mb()} MB; APPSPEC_DEMO_SKIP_PACKAGE is set)`);
} else if (!process.env.APPSPEC_DEMO_REBUILD && vsixIsFresh()) {
  console.log(
    `[2/3] reusing dist/appspec-codedeploy.vsix (${mb()} MB, newer than every source; APPSPEC_DEMO_REBUILD=1 rebuilds)`,
  );
} else {
  const logFile = path.join(ROOT, '.tmp', 'demo-package.log');
  const started = Date.now();
  process.stdout.write('[2/3] building and packaging the extension (npm run package, a minute or two)… ');
  const code = await runLogged('npm', ['run', '--silent', 'package'], logFile);
  if (code !== 0 || !existsSync(VSIX)) {
    console.log('failed.');
    const tail = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-40).join('\n');
    fail(`\`npm run package\` failed. Last lines of ${path.relative(ROOT, logFile)}:\n${tail}`);
  }
  console.log(
    `done in ${Math.round((Date.now() - started) / 1000)}s (${mb()} MB; output in ${path.relative(ROOT, logFile)})`,
  );
}

console.log('[3/3] starting VS Code with the extension and the demo workspace…');
const dirs = createRunDir({
  name: 'demo',
  sources: [EXAMPLES],
  workspaceName: 'codedeploy-demo',
  workspaceSettings: {
    'codedeploy.connection': 'local',
    'files.exclude': { '**/.vscode': true },
  },
  userSettings: { 'workbench.startupEditor': 'none' },
});
const env = isolatedEnv(dirs);
let server;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping VS Code and cleaning up…');
  try {
    await server?.stop();
    await killAll();
  } finally {
    removeRunDir(dirs);
    process.exit(code);
  }
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));

try {
  await installVsix(dirs, VSIX, env);
  const wanted = Number(process.env.APPSPEC_DEMO_PORT || 8080);
  const port = (await portFree(wanted)) ? wanted : await freePort();
  server = await startCodeServer(dirs, { env, port });
} catch (e) {
  console.error(e.message);
  await shutdown(1);
}

const url = workbenchUrl(server, dirs.workspace);
console.log(`
CodeDeploy AppSpec demo is running.

  Open:  ${url}

  Workspace: ${dirs.workspace} (a throw-away copy of examples/; removed on exit)
  Connection: the local CodeDeploy endpoint, preset in the demo workspace's settings (codedeploy.connection =
              local), so the CodeDeploy view is connected from the start; no AWS account needed.
  Try: open ec2-webapp/appspec.yml and the Problems panel; the CodeDeploy icon in the activity bar;
       "CodeDeploy: Deploy This AppSpec" on lambda-function/appspec.json.

Press Ctrl-C to stop.`);

server.child.on('exit', (code, signal) => {
  if (stopping) return;
  console.error(`code-server exited unexpectedly (${signal ?? code}). Last log lines:\n${server.log().slice(-2000)}`);
  void shutdown(1);
});
