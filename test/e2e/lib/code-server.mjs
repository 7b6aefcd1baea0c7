// Starting code-server (the real VS Code server + web workbench) on 127.0.0.1 with auth none, isolated per run.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CODE_SERVER_ENTRY } from './paths.mjs';
import { freePort } from './ports.mjs';
import { spawnTracked, stopChild } from './processes.mjs';
import { isolatedEnv } from './run-dir.mjs';

function commonArgs(dirs) {
  return ['--config', dirs.config, '--user-data-dir', dirs.data, '--extensions-dir', dirs.extensions];
}

export function assertCodeServerInstalled() {
  if (!existsSync(CODE_SERVER_ENTRY)) {
    throw new Error('code-server is not installed: run `node test/e2e/install.mjs` first.');
  }
}

/** `code-server --install-extension <vsix>` into the run's extensions dir. */
export function installVsix(dirs, vsix, env = isolatedEnv(dirs)) {
  assertCodeServerInstalled();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CODE_SERVER_ENTRY, ...commonArgs(dirs), '--install-extension', vsix], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0 && /was successfully installed|already installed/i.test(out)) resolve(out);
      else reject(new Error(`installing ${path.basename(vsix)} failed (exit ${code}):\n${out}`));
    });
  });
}

function get(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

/**
 * Starts code-server for `dirs` and waits for /healthz.
 * @returns {Promise<{port:number, authority:string, child:import('node:child_process').ChildProcess, logFile:string, stop:()=>Promise<void>, log:()=>string}>}
 */
export async function startCodeServer(dirs, { env = isolatedEnv(dirs), port, timeoutMs = 60_000, logFile } = {}) {
  assertCodeServerInstalled();
  port ??= await freePort();
  logFile ??= path.join(dirs.root, 'code-server.log');
  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...commonArgs(dirs),
    dirs.workspace,
  ];
  const child = spawnTracked(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: dirs.root });
  const logStream = createWriteStream(logFile);
  let tail = '';
  const onData = (d) => {
    logStream.write(d);
    tail = (tail + d).slice(-20_000);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  child.on('exit', (code, signal) => (exited = signal ?? code));

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) throw new Error(`code-server exited early (${exited}). Log:\n${tail}`);
    if ((await get(`http://127.0.0.1:${port}/healthz`)) === 200) break;
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`code-server did not answer /healthz within ${timeoutMs / 1000}s. Log:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    port,
    authority: `127.0.0.1:${port}`,
    child,
    logFile,
    log: () => tail,
    stop: async () => {
      await stopChild(child);
      logStream.end();
    },
  };
}

/** The workbench URL for a folder, optionally with the dev-extension/test payload. */
export function workbenchUrl(server, folder, { devExtensionPath, testsPath } = {}) {
  let url = `http://${server.authority}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
  if (devExtensionPath) {
    const payload = [['extensionDevelopmentPath', `vscode-remote://${server.authority}${devExtensionPath}`]];
    if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://${server.authority}${testsPath}`]);
    url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }
  return url;
}
