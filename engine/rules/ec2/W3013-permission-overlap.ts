import type { Finding, Rule } from '../../types';
import { findPair, isSeq } from '../../ast';
import { finding, isUnder, normalizePosix, permissionEntries, type PermissionEntry, valueRange } from './util';

/** What the pairwise comparison needs of an entry, computed once per entry (the check is quadratic). */
interface Prepared {
  entry: PermissionEntry;
  object: string;
  types: Set<string>;
  hasExcept: boolean;
}

function prepare(e: PermissionEntry): Prepared {
  const except = findPair(e.map, 'except')?.value;
  return {
    entry: e,
    object: normalizePosix(e.object as string),
    types: new Set(e.types ?? ['file', 'directory']),
    hasExcept: isSeq(except) && except.items.length > 0,
  };
}

function overlaps(a: Prepared, b: Prepared): boolean {
  let shared = false;
  for (const t of b.types) if (a.types.has(t)) shared = true;
  if (!shared) return false;
  const pa = a.entry.pattern;
  const pb = b.entry.pattern;
  if (a.object === b.object) return pa === '**' || pb === '**' || pa === pb;
  // A nested object: the outer `**` entry also matches everything the inner one covers.
  if (isUnder(b.object, a.object)) return pa === '**';
  if (isUnder(a.object, b.object)) return pb === '**';
  return false;
}

export const permissionOverlap: Rule = {
  id: 'W3013',
  name: 'permission-overlap',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Two `permissions` entries can match the same path',
  doc:
    'Each installed path may receive permissions from one entry only; when two entries match the same file or folder ' +
    'the install fails with "the permissions setting for (…) is specified more than once". This happens with the same ' +
    '`object` twice, or with a nested `object` below an entry whose `pattern` is `**`, when their `type`s overlap. ' +
    'Split the entries with `type: [file]` / `type: [directory]`, or narrow the outer one with `pattern`/`except`. ' +
    'Entries with an `except` list are not reported, since it may separate them.',
  check(doc) {
    const out: Finding[] = [];
    const entries = permissionEntries(doc)
      .filter((e) => e.object?.startsWith('/') && e.pattern !== undefined && e.objectPair)
      .map(prepare);
    const index = new ObjectIndex(entries);
    for (let j = 1; j < entries.length; j++) {
      const pb = entries[j];
      if (pb.hasExcept) continue;
      const pa = index.firstOverlap(j);
      if (!pa) continue;
      const a = pa.entry;
      const b = pb.entry;
      out.push(
        finding(
          'W3013',
          `\`permissions\` entry ${b.index + 1} (\`${b.object}\`) can match the same paths as entry ${a.index + 1} (\`${a.object}\`, pattern \`${a.pattern}\`); the deployment fails when a path gets permissions twice. Separate them by \`type\` or narrow the pattern.`,
          valueRange(doc, b.objectPair),
          {
            related: [
              {
                range: valueRange(doc, a.objectPair),
                message: `entry ${a.index + 1} also matches these paths`,
              },
            ],
          },
        ),
      );
    }
    return out;
  },
};

/** Parent folders of a normalised absolute path, `/` first (`/`, `/opt`, `/opt/app` for `/opt/app/web`). */
function parentsOf(object: string): string[] {
  if (object === '/') return [];
  const out = ['/'];
  for (let i = object.indexOf('/', 1); i > 0; i = object.indexOf('/', i + 1)) out.push(object.slice(0, i));
  return out;
}

/**
 * Finds, for entry j, the first earlier entry it overlaps with. Two entries can only overlap when their objects
 * are equal or one lies below the other, so only entries at the same object, at a parent folder or below the
 * object are compared (each list is in entry order, so its first match is its earliest).
 */
class ObjectIndex {
  /** Entry indexes by object. */
  private readonly at = new Map<string, number[]>();
  /** Entry indexes by every parent folder of their object. */
  private readonly below = new Map<string, number[]>();

  constructor(private readonly entries: readonly Prepared[]) {
    entries.forEach((e, i) => {
      add(this.at, e.object, i);
      for (const parent of parentsOf(e.object)) add(this.below, parent, i);
    });
  }

  firstOverlap(j: number): Prepared | undefined {
    const pb = this.entries[j];
    let best = j;
    const scan = (list: number[] | undefined) => {
      if (!list) return;
      for (const i of list) {
        if (i >= best) return;
        const pa = this.entries[i];
        if (!pa.hasExcept && overlaps(pa, pb)) {
          best = i;
          return;
        }
      }
    };
    scan(this.at.get(pb.object));
    for (const parent of parentsOf(pb.object)) scan(this.at.get(parent));
    scan(this.below.get(pb.object));
    return best < j ? this.entries[best] : undefined;
  }
}

function add(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}
