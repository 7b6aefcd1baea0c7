import type { Finding, Rule } from '../../types';
import { filesEntries, finding, normalizePosix, osOf, permissionEntries, valueRange } from './util';

export const permissionObjectPath: Rule = {
  id: 'W3004',
  name: 'permission-object-not-installed',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
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
    const index = new DestinationIndex(uniqueDests);
    for (const entry of permissionEntries(doc)) {
      if (entry.object === undefined || !entry.objectPair) continue;
      const range = () => valueRange(doc, entry.objectPair); // only for the entries reported
      if (!entry.object.startsWith('/')) {
        out.push(
          finding(
            'W3004',
            `\`object: ${entry.object}\` is not an absolute path, so it never matches an installed file; use the absolute path on the instance (e.g. a \`files\` destination).`,
            range(),
          ),
        );
        continue;
      }
      if (!destsKnown) continue;
      const related = index.relates(normalizePosix(entry.object));
      if (!related) {
        out.push(
          finding(
            'W3004',
            `\`object: ${entry.object}\` is not inside any \`files\` destination (${listSome(uniqueDests)}); permissions apply only to installed files, so this entry has no effect.`,
            range(),
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

/**
 * Answers "is this object inside a destination, or a parent folder of one?" for normalised absolute paths
 * by looking up path prefixes (linear in the number of entries instead of entries × destinations).
 */
class DestinationIndex {
  private readonly dests: Set<string>;
  /** Every folder that holds a destination (`/opt` and `/opt/app` for `/opt/app/web`), without `/`. */
  private readonly parents = new Set<string>();

  constructor(dests: readonly string[]) {
    this.dests = new Set(dests);
    for (const d of dests)
      for (let i = d.indexOf('/', 1); i > 0; i = d.indexOf('/', i + 1)) this.parents.add(d.slice(0, i));
  }

  relates(obj: string): boolean {
    if (this.dests.size === 0) return false;
    // Every destination lies below `/`, and everything lies below a destination `/`.
    if (obj === '/' || this.dests.has('/')) return true;
    if (this.dests.has(obj) || this.parents.has(obj)) return true;
    for (let i = obj.indexOf('/', 1); i > 0; i = obj.indexOf('/', i + 1))
      if (this.dests.has(obj.slice(0, i))) return true;
    return false;
  }
}
