import type { Finding, Rule } from '../../types';
import { bundleRelative, escapesRoot, filesEntries, finding, isInstancePath, osOf, valueRange } from './util';
import { caseMismatch, sourceStatOf } from './workspace';

export const filesSourceMissing: Rule = {
  id: 'W5005',
  name: 'files-source-missing',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'workspace',
  title: '`files` source not found in the bundle folder',
  doc:
    '`source` is relative to the bundle root, the folder holding the AppSpec (`/` means the whole bundle). A source ' +
    'missing from the revision fails the install with "No such file or directory". A build step may still produce it ' +
    '(e.g. `target/app.jar`), so this is a warning. A path that matches only case-insensitively (on macOS or Windows disks) is reported too ' +
    'unless `os` is `windows`. The path is taken as written: `source: 00010358` is the folder `00010358`, although a YAML 1.2 ' +
    'parser reads the number 10358 (agent v1 keeps digit strings holding an 8 or a 9 as strings, and agent v2 reads paths as ' +
    'strings). A source written as an instance path (`/var/www/html`) is W2024 instead. Only checked for AppSpec files on disk.',
  check(doc, ctx) {
    if (!ctx.fs || !ctx.bundleRoot) return [];
    const out: Finding[] = [];
    for (const entry of filesEntries(doc)) {
      if (entry.source === undefined || !entry.sourcePair) continue;
      const rel = bundleRelative(entry.source);
      if (rel === '' || escapesRoot(rel) || /[*?]/.test(rel)) continue;
      if (sourceStatOf(doc, ctx, entry)) {
        const spelled = osOf(doc) === 'windows' ? undefined : caseMismatch(doc, ctx, rel);
        if (spelled) {
          out.push(
            finding(
              'W5005',
              `\`source: ${entry.source}\` is spelled \`${spelled}\` on disk; Linux file systems are case-sensitive, so the install will not find it.`,
              valueRange(doc, entry.sourcePair),
            ),
          );
        }
        continue;
      }
      if (isInstancePath(entry.source)) continue; // W2024 says why it is missing
      out.push(
        finding(
          'W5005',
          `\`source: ${entry.source}\` does not exist in the bundle (looked for \`${rel}\` next to the AppSpec); the install fails unless a build step creates it.`,
          valueRange(doc, entry.sourcePair),
        ),
      );
    }
    return out;
  },
};
