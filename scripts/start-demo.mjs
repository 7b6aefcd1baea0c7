#!/usr/bin/env node
// `npm start`: a real VS Code (code-server) in the browser with this extension installed, a demo workspace copied from
// examples/, and the built-in local CodeDeploy endpoint selected. Prints the URL and runs until Ctrl-C.
//   1. installs test/e2e (code-server) once, with this machine's install fixes
//   2. builds and packages the VSIX (npm run package)
//   3. fresh workspace/user-data/extensions dirs, installs the VSIX, starts code-server on 127.0.0.1
// Env: APPSPEC_DEMO_PORT (default 8080, or a free port when 8080 is taken), APPSPEC_DEMO_SKIP_PACKAGE=1 (reuse dist/*.vsix).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureInstalled } from '../test/e2e/lib/install.mjs';
import { installVsix, startCodeServer, workbenchUrl } from '../test/e2e/lib/code-server.mjs';
import { EXAMPLES, ROOT, VSIX } from '../test/e2e/lib/paths.mjs';
import { freePort } from '../test/e2e/lib/ports.mjs';
import { killAll } from '../test/e2e/lib/processes.mjs';
import { createRunDir, isolatedEnv, removeRunDir } from '../test/e2e/lib/run-dir.mjs';

function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', () => resolve(127));
    child.on('exit', (code) => resolve(code ?? 1));
  });
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

if (process.env.APPSPEC_DEMO_SKIP_PACKAGE && existsSync(VSIX)) {
  console.log('[2/3] reusing dist/appspec-codedeploy.vsix');
} else {
  console.log('[2/3] building and packaging the extension (npm run package)…');
  if ((await run('npm', ['run', '--silent', 'package'])) !== 0 || !existsSync(VSIX)) fail('`npm run package` failed.');
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
  Connection: the local CodeDeploy endpoint (codedeploy.connection = local), no AWS account needed.
  Try: open ec2-webapp/appspec.yml and the Problems panel; the CodeDeploy icon in the activity bar;
       "CodeDeploy: Deploy This AppSpec" on lambda-function/appspec.json.

Press Ctrl-C to stop.`);

server.child.on('exit', (code, signal) => {
  if (stopping) return;
  console.error(`code-server exited unexpectedly (${signal ?? code}). Last log lines:\n${server.log().slice(-2000)}`);
  void shutdown(1);
});
