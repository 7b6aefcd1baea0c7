import type { Finding, Rule } from '../../types';
import { WINDOWS_SCRIPT, finding, osOf } from './util';
import { caseMismatch, resolvedScripts } from './workspace';

/** Control, format (bidi), private-use, unassigned and line/paragraph separator characters. */
const UNPRINTABLE = /[\p{C}\p{Zl}\p{Zp}]/gu;
/** How much of a document text the stub's comment quotes. */
const QUOTED_MAX = 120;

/**
 * Document text for the stub's comment line: every character that could end the line or hide text
 * (newlines, CR, ESC, bidi overrides, ...) becomes `?`, and long values are cut with an ellipsis.
 */
function commentSafe(text: string): string {
  const chars = [...text.replace(UNPRINTABLE, '?')];
  return chars.length > QUOTED_MAX ? `${chars.slice(0, QUOTED_MAX).join('')}…` : chars.join('');
}

/** A path with such characters gets no "create" fix (the file name itself would carry them). */
function hasUnprintable(text: string): boolean {
  return new RegExp(UNPRINTABLE.source, 'u').test(text);
}

/** The stub: two fixed lines and one comment; text from the document appears only inside the comment. */
function scriptContent(rel: string, event: string): string {
  const about = `${commentSafe(event)} hook for CodeDeploy (${commentSafe(rel)})`;
  return `#!/bin/bash\nset -euo pipefail\n# ${about}: replace this comment with the real steps.\n`;
}

export const hookScriptMissing: Rule = {
  id: 'W5001',
  name: 'hook-script-missing',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'workspace',
  title: 'Hook script not found in the bundle folder',
  doc:
    'The `location` of a hook is looked up relative to the bundle root, which is the folder that holds the AppSpec. ' +
    'If the file is not in the revision, the event fails with "Script does not exist at specified location". A build ' +
    'step may still produce the file, so this is a warning. Create the script (the quick fix writes an executable ' +
    'Bash stub) or correct the path. On case-insensitive disks (macOS, Windows) a path that differs from the file only in case is ' +
    'reported too, because Linux instances will not find it. Only checked for AppSpec files on disk.',
  check(doc, ctx) {
    const resolved = resolvedScripts(doc, ctx);
    if (!resolved) return [];
    const out: Finding[] = [];
    const windows = osOf(doc) === 'windows';
    const offered = new Set<string>();
    for (const s of resolved.scripts) {
      const spelled = s.stat && !windows ? caseMismatch(doc, ctx, s.rel) : undefined;
      if (spelled) {
        out.push(
          finding(
            'W5001',
            `Hook script \`${s.location}\` is spelled \`${spelled}\` on disk; Linux file systems are case-sensitive, so the instance will not find it.`,
            doc.rangeOf(s.node),
          ),
        );
        continue;
      }
      if (s.stat?.isFile || s.stat?.outside) continue; // outside the confined folders: unknown, not missing
      const what = s.stat?.isDirectory ? 'is a folder, not a file' : 'does not exist in the bundle';
      const canCreate =
        !s.stat && !windows && !WINDOWS_SCRIPT.test(s.rel) && !offered.has(s.rel) && !hasUnprintable(s.rel);
      offered.add(s.rel);
      out.push(
        finding(
          'W5001',
          `Hook script \`${s.location}\` (${s.event}) ${what} (looked for \`${s.rel}\` next to the AppSpec); the event fails with "Script does not exist at specified location".`,
          doc.rangeOf(s.node),
          {
            fixes: canCreate
              ? [
                  {
                    title: `Create ${s.rel}`,
                    createFiles: [{ path: s.rel, content: scriptContent(s.rel, s.event), executable: true }],
                    isPreferred: true,
                  },
                ]
              : [],
          },
        ),
      );
    }
    return out;
  },
};
