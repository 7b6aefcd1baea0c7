/**
 * Finds the line of a lifecycle hook in an AppSpec's text, so a failed event can open the
 * editor at the hook that ran. Pure: a line scan that works for YAML and JSON without a parse.
 */

export interface HookLocation {
  line: number;
  character: number;
}

const HOOK_SECTION = /^\s*("?)(hooks|Hooks)\1\s*:/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The position of `hookName` as a key (`BeforeInstall:`, `- BeforeInstall:` or `"BeforeInstall":`),
 * preferring a match after the `hooks`/`Hooks` key. Undefined when the hook is not in the text.
 */
export function findHookLine(text: string, hookName: string): HookLocation | undefined {
  if (!hookName) return undefined;
  const lines = text.split(/\r?\n/);
  const key = new RegExp(`^(\\s*(?:-\\s+)?)(["']?)${escapeRegExp(hookName)}\\2\\s*:`);
  const jsonKey = new RegExp(`"${escapeRegExp(hookName)}"\\s*:`);
  let section = -1;
  for (let i = 0; i < lines.length; i++)
    if (HOOK_SECTION.test(lines[i]) || /"(hooks|Hooks)"\s*:/.test(lines[i])) {
      section = i;
      break;
    }
  const candidates: HookLocation[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = key.exec(lines[i]);
    if (m) {
      candidates.push({ line: i, character: m[1].length + m[2].length });
      continue;
    }
    const j = jsonKey.exec(lines[i]);
    if (j) candidates.push({ line: i, character: j.index + 1 });
  }
  return candidates.find((c) => c.line >= section) ?? candidates[0];
}
