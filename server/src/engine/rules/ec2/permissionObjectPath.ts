import type { Finding, Rule } from '../../types';
import { filesEntries, finding, isUnder, normalizePosix, osOf, permissionEntries } from './util';

export const permissionObjectPath: Rule = {
  id: 'W3004',
  name: 'permission-object-not-installed',
  severity: 'warning',
  platforms: ['ec2'],
  title: '`permissions` object is relative or outside every `files` destination',
  doc:
    'Permissions apply only to files and folders this deployment installs, matched by absolute path. A relative ' +
    '`object` (or one starting with `~`) never matches, and an `object` that is neither inside a `files` destination ' +
    'nor a parent folder of one is silently skipped. Use the absolute destination path (or a path below it). Not ' +
    'reported when a destination is templated.',
  check(doc) {
    if (osOf(doc) === 'windows') return []; // E3001 covers permissions on Windows.
    const out: Finding[] = [];
    const files = filesEntries(doc);
    const dests = files.map((f) => f.destination);
    const destsKnown = dests.length > 0 && dests.every((d) => d !== undefined && d.startsWith('/'));
    // Normalised once, without repeats: large bundles list the same destination many times.
    const uniqueDests = destsKnown ? [...new Set((dests as string[]).map(normalizePosix))] : [];
    for (const entry of permissionEntries(doc)) {
      if (entry.object === undefined || !entry.objectPair) continue;
      const range = doc.rangeOf(entry.objectPair.value as never);
      if (!entry.object.startsWith('/')) {
        out.push(
          finding(
            'W3004',
            `\`object: ${entry.object}\` is not an absolute path, so it never matches an installed file; use the absolute path on the instance (e.g. a \`files\` destination).`,
            range,
          ),
        );
        continue;
      }
      if (!destsKnown) continue;
      const obj = normalizePosix(entry.object);
      const related = uniqueDests.some((d) => isUnder(obj, d) || isUnder(d, obj));
      if (!related) {
        out.push(
          finding(
            'W3004',
            `\`object: ${entry.object}\` is not inside any \`files\` destination (${listSome(uniqueDests)}); permissions apply only to installed files, so this entry has no effect.`,
            range,
          ),
        );
      }
    }
    return out;
  },
};

/** The first few destinations, then how many more, so a message stays readable on large bundles. */
function listSome(paths: string[], shown = 3): string {
  const head = paths.slice(0, shown).map((d) => `\`${d}\``);
  return paths.length > shown ? `${head.join(', ')} and ${paths.length - shown} more` : head.join(', ');
}
