// The deployment monitor webview, seen from the workbench page: VS Code renders a webview in an outer iframe
// (`iframe.webview`) whose document hosts the extension's HTML in `#active-frame`.
import { ExpectationError, LONG, waitUntil } from './workbench.mjs';

/** A FrameLocator for the visible webview's content. */
export function monitorFrame(page) {
  return page.frameLocator('iframe.webview.ready >> visible=true').first().frameLocator('#active-frame');
}

/** The status badge text (role=status in the header), or '' when not rendered yet. */
export async function monitorStatus(page) {
  const badge = monitorFrame(page).locator('header [role="status"]').first();
  return (await badge.count()) ? ((await badge.innerText({ timeout: 2000 })) ?? '').trim() : '';
}

export async function monitorText(page) {
  const app = monitorFrame(page).locator('body');
  return (await app.count()) ? await app.innerText({ timeout: 2000 }) : '';
}

/** Waits until the monitor's status badge is one of `statuses`; returns it. */
export async function waitForMonitorStatus(page, statuses, timeoutMs = LONG) {
  let last = '';
  try {
    return await waitUntil(
      async () => {
        last = await monitorStatus(page);
        return statuses.includes(last) ? last : undefined;
      },
      `the deployment monitor to show status ${statuses.join(' or ')}`,
      timeoutMs,
      500,
    );
  } catch (e) {
    throw new ExpectationError(
      `${e.message}; monitor shows "${last}"\n${(await monitorText(page).catch(() => '')).slice(0, 800)}`,
    );
  }
}

/** Waits until the monitor text contains `needle`. */
export async function waitForMonitorText(page, needle, what, timeoutMs = LONG) {
  let text = '';
  try {
    await waitUntil(
      async () => {
        text = await monitorText(page);
        return needle instanceof RegExp ? needle.test(text) : text.includes(needle);
      },
      what ?? `the deployment monitor to show "${needle}"`,
      timeoutMs,
      500,
    );
  } catch (e) {
    throw new ExpectationError(`${e.message}\nmonitor text:\n${text.slice(0, 800)}`);
  }
  return text;
}
