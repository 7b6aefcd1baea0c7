// One isolated code-server + chromium session: fresh dirs, the extension (VSIX or development path), the workbench open.
// Always call `session.close()` in a finally block: it ends every process the session started.
import { launchBrowser, screenshot } from './browser.mjs';
import { installVsix, startCodeServer, workbenchUrl } from './code-server.mjs';
import { ROOT } from './paths.mjs';
import { killAll } from './processes.mjs';
import { createRunDir, isolatedEnv, removeRunDir } from './run-dir.mjs';

/**
 * @param {object} o
 * @param {string} o.name
 * @param {string[]} o.sources                 workspace source dirs (copied)
 * @param {object} [o.workspaceSettings]
 * @param {object} [o.userSettings]
 * @param {{vsix:string}|{devPath:string, testsPath?:string}} o.extension
 * @param {object} [o.env]                     extra env for code-server (reaches the extension host)
 * @param {boolean} [o.browser=true]
 * @param {(msg:import('playwright-core').ConsoleMessage)=>void} [o.onConsole]
 * @param {(page:import('playwright-core').Page)=>Promise<void>} [o.beforeGoto]  e.g. exposeFunction
 */
export async function openSession(o) {
  const dirs = createRunDir({
    name: o.name,
    sources: o.sources,
    workspaceName: o.workspaceName,
    workspaceSettings: o.workspaceSettings,
    userSettings: o.userSettings,
  });
  const env = isolatedEnv(dirs, o.env);
  const session = { dirs, env, server: undefined, context: undefined, page: undefined, url: undefined };
  session.close = async () => {
    try {
      await session.context?.close();
    } catch {
      /* browser already gone */
    }
    await session.server?.stop();
    await killAll();
    removeRunDir(dirs);
  };
  try {
    if ('vsix' in o.extension) await installVsix(dirs, o.extension.vsix, env);
    session.server = await startCodeServer(dirs, { env });
    session.url = workbenchUrl(
      session.server,
      dirs.workspace,
      'devPath' in o.extension
        ? { devExtensionPath: o.extension.devPath ?? ROOT, testsPath: o.extension.testsPath }
        : {},
    );
    if (o.browser !== false) {
      const { context, page } = await launchBrowser(dirs);
      session.context = context;
      session.page = page;
      if (o.onConsole) page.on('console', o.onConsole);
      if (o.beforeGoto) await o.beforeGoto(page);
      await page.goto(session.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    }
    session.screenshot = (name) => screenshot(session.page, name);
    return session;
  } catch (e) {
    await session.close();
    throw e;
  }
}
