// Answering the quick picks / input boxes of a multi-step command the way a new user would: accept the suggested
// (first, pre-selected) item with Enter, one prompt at a time, until the expected outcome appears.
import { ExpectationError } from './workbench.mjs';

/**
 * @param {import('playwright-core').Page} page
 * `choose(title, rows)` may return text to type into a prompt before Enter (filtering a quick pick to the wanted
 * row, or replacing an input box's value), or a function called with the prompt (checks, screenshots); otherwise
 * the suggestion is accepted.
 * @param {{ until: () => Promise<boolean>, what: string, timeoutMs?: number, log?: (s: string) => void, maxPrompts?: number,
 *   choose?: (title: string, rows: string[]) => Promise<string | undefined> | string | undefined }} o
 * @returns {Promise<string[]>} the titles/placeholders of the prompts answered
 */
export async function answerPrompts(
  page,
  { until, what, timeoutMs = 90_000, log = () => {}, maxPrompts = 6, choose = () => undefined },
) {
  const widget = page.locator('.quick-input-widget');
  const answered = [];
  let lastKey = '';
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await until().catch(() => false)) return answered;
    if (await widget.isVisible().catch(() => false)) {
      const title = (
        (await widget
          .locator('.quick-input-title')
          .innerText()
          .catch(() => '')) || ''
      ).trim();
      const placeholder =
        (await widget
          .locator('input.input')
          .getAttribute('placeholder')
          .catch(() => '')) || '';
      const first = (
        (await widget
          .locator('.quick-input-list .monaco-list-row')
          .first()
          .innerText()
          .catch(() => '')) || ''
      ).split('\n')[0];
      const key = `${title}|${placeholder}|${first}`;
      // Wait until the list has items (quick picks load asynchronously) before accepting.
      const busy =
        (await widget
          .locator('.quick-input-progress.active:not(.done)')
          .count()
          .catch(() => 0)) > 0;
      const hasList = await widget
        .locator('.quick-input-list')
        .isVisible()
        .catch(() => false);
      if (!busy && (!hasList || first) && key !== lastKey) {
        if (answered.length >= maxPrompts)
          throw new ExpectationError(
            `more than ${maxPrompts} prompts while waiting for ${what}: ${answered.join(' → ')}`,
          );
        answered.push(title || placeholder || '(prompt)');
        const typed = await choose(title || placeholder, await promptRows(widget));
        if (typed !== undefined) {
          await widget.locator('input.input').fill(typed);
          await new Promise((r) => setTimeout(r, 400));
        }
        log(
          `    prompt "${title || placeholder}" → ${typed !== undefined ? `typed "${typed}"` : first ? `"${first}"` : 'default'} (Enter)`,
        );
        lastKey = key;
        await page.keyboard.press('Enter');
      }
    } else {
      lastKey = '';
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new ExpectationError(
    `timed out after ${timeoutMs / 1000}s waiting for ${what}${answered.length ? ` (answered: ${answered.join(' → ')})` : ''}`,
  );
}

/**
 * The visible rows of an open quick pick, each as one line: its text pieces (label, description, detail) joined
 * with spaces. Read in one go, so rows re-rendered meanwhile cannot make it wait.
 */
export async function promptRows(widget) {
  return widget
    .locator('.quick-input-list .monaco-list-row')
    .evaluateAll((rows) =>
      rows.map((row) => {
        const parts = [];
        const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode())
          if (n.textContent.trim()) parts.push(n.textContent.trim());
        return parts.join(' ').replace(/\s+/g, ' ');
      }),
    )
    .catch(() => []);
}
