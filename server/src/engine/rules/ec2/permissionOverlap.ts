import type { Finding, Rule } from '../../types';
import { findPair, isSeq } from '../../ast';
import { finding, isUnder, normalizePosix, permissionEntries, type PermissionEntry } from './util';

function typesOf(e: PermissionEntry): Set<string> {
  return new Set(e.types ?? ['file', 'directory']);
}

function overlaps(a: PermissionEntry, b: PermissionEntry): boolean {
  const ta = typesOf(a);
  if (![...typesOf(b)].some((t) => ta.has(t))) return false;
  const oa = normalizePosix(a.object as string);
  const ob = normalizePosix(b.object as string);
  if (oa === ob) return a.pattern === '**' || b.pattern === '**' || a.pattern === b.pattern;
  // A nested object: the outer `**` entry also matches everything the inner one covers.
  if (isUnder(ob, oa)) return a.pattern === '**';
  if (isUnder(oa, ob)) return b.pattern === '**';
  return false;
}

function hasExcept(e: PermissionEntry): boolean {
  const v = findPair(e.map, 'except')?.value;
  return isSeq(v) && v.items.length > 0;
}

export const permissionOverlap: Rule = {
  id: 'W3013',
  name: 'permission-overlap',
  severity: 'warning',
  platforms: ['ec2'],
  title: 'Two `permissions` entries can match the same path',
  doc:
    'Each installed path may receive permissions from one entry only; when two entries match the same file or folder ' +
    'the install fails with "the permissions setting for (…) is specified more than once". This happens with the same ' +
    '`object` twice, or with a nested `object` below an entry whose `pattern` is `**`, when their `type`s overlap. ' +
    'Split the entries with `type: [file]` / `type: [directory]`, or narrow the outer one with `pattern`/`except`. ' +
    'Entries with an `except` list are not reported, since it may separate them.',
  check(doc) {
    const out: Finding[] = [];
    const entries = permissionEntries(doc).filter(
      (e) => e.object?.startsWith('/') && e.pattern !== undefined && e.objectPair,
    );
    for (let j = 1; j < entries.length; j++) {
      const b = entries[j];
      const a = entries.slice(0, j).find((x) => !hasExcept(x) && !hasExcept(b) && overlaps(x, b));
      if (!a) continue;
      out.push(
        finding(
          'W3013',
          `\`permissions\` entry ${b.index + 1} (\`${b.object}\`) can match the same paths as entry ${a.index + 1} (\`${a.object}\`, pattern \`${a.pattern}\`); the deployment fails when a path gets permissions twice. Separate them by \`type\` or narrow the pattern.`,
          doc.rangeOf(b.objectPair?.value as never),
          {
            related: [
              {
                range: doc.rangeOf(a.objectPair?.value as never),
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
