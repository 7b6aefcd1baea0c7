import type { AppSpecDocument, Finding, RuleContext, Rule } from '../../types';
import {
  WINDOWS_ABSOLUTE,
  bundleRelative,
  filesEntries,
  finding,
  normalizePosix,
  type FilesEntry,
  valueRange,
} from './util';
import { sourceStatOf } from './workspace';
import { memoForRun } from '../../derived';

/** Destination folder in a comparable form (Windows paths case-folded with `/`). */
function destKey(dest: string): string {
  if (WINDOWS_ABSOLUTE.test(dest) || dest.includes('\\')) return normalizePosix(dest.replace(/\\/g, '/').toLowerCase());
  return normalizePosix(dest);
}

/**
 * True when the source names a single file: from the workspace when known, else by a file-like name.
 * Answered once per entry and lint run (two rules ask).
 */
export function sourceIsFile(doc: AppSpecDocument, entry: FilesEntry, ctx: RuleContext): boolean | undefined {
  const known = memoForRun(doc, ctx, 'ec2.sourceIsFile', () => new Map<FilesEntry, boolean | undefined>());
  if (known.has(entry)) return known.get(entry);
  const answer = readSourceIsFile(doc, entry, ctx);
  known.set(entry, answer);
  return answer;
}

function readSourceIsFile(doc: AppSpecDocument, entry: FilesEntry, ctx: RuleContext): boolean | undefined {
  const rel = bundleRelative(entry.source ?? '');
  if (rel === '') return false;
  const st = sourceStatOf(doc, ctx, entry);
  if (st) return st.isFile;
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  return /^[^.].*\.[A-Za-z0-9]{1,8}$/.test(base) ? true : undefined;
}

/** The last segment of a bundle-relative path. */
function baseName(rel: string): string {
  const trimmed = rel.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export const filesDuplicateDestination: Rule = {
  id: 'W2016',
  name: 'files-duplicate-destination',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'workspace',
  title: 'Two `files` entries install to the same path',
  doc:
    'Each file may be installed once. Two entries with the same `source` and `destination`, or two files with the same ' +
    'name copied into the same `destination` folder, make the install fail ("specifies two source files … for the same ' +
    'destination"). Remove the duplicate entry or give one of them another destination. Whether a source is a file is ' +
    'read from the workspace when available, otherwise guessed from a file extension, so folder collisions are not reported.',
  check(doc: AppSpecDocument, ctx: RuleContext) {
    const out: Finding[] = [];
    type Seen = { entry: FilesEntry; dest: string; src: string; base: string; isFile: boolean | undefined };
    // Indexed by (destination, source) and, for single files, by (destination, file name): linear on large bundles.
    const bySource = new Map<string, Seen>();
    const byFileName = new Map<string, Seen>();
    for (const entry of filesEntries(doc)) {
      if (entry.source === undefined || entry.destination === undefined || !entry.destPair) continue;
      const rel = bundleRelative(entry.source);
      const cur: Seen = {
        entry,
        dest: destKey(entry.destination),
        src: normalizePosix(rel),
        base: baseName(rel),
        isFile: sourceIsFile(doc, entry, ctx),
      };
      const sourceKey = `${cur.dest}\0${cur.src}`;
      const nameKey = `${cur.dest}\0${cur.base}`;
      const sameSource = bySource.get(sourceKey);
      const sameName = cur.isFile === true ? byFileName.get(nameKey) : undefined;
      const clash =
        sameSource && sameName
          ? sameSource.entry.index <= sameName.entry.index
            ? sameSource
            : sameName
          : (sameSource ?? sameName);
      if (clash) {
        const same = clash.src === cur.src;
        const message = same
          ? `\`files\` entry ${entry.index + 1} repeats entry ${clash.entry.index + 1} (\`${entry.source}\` → \`${entry.destination}\`); installing the same files twice fails the deployment.`
          : `\`${entry.source}\` and \`${clash.entry.source}\` are both installed as \`${cur.base}\` in \`${entry.destination}\`; the deployment fails with "two source files … for the same destination".`;
        out.push(
          finding('W2016', message, valueRange(doc, entry.destPair), {
            related: [
              {
                range: valueRange(doc, clash.entry.destPair),
                message: `entry ${clash.entry.index + 1} installs to the same path`,
              },
            ],
          }),
        );
      }
      if (!bySource.has(sourceKey)) bySource.set(sourceKey, cur);
      if (cur.isFile === true && !byFileName.has(nameKey)) byFileName.set(nameKey, cur);
    }
    return out;
  },
};
