/**
 * Path rules of the sandbox: revision-relative sources and script locations, and `files`
 * destinations re-rooted under `<sandbox>/root`. Every path that climbs out with `..` is refused,
 * so nothing is ever read from outside the revision or written outside the sandbox.
 */
import * as path from 'node:path';

/** Splits a path written in the AppSpec into its components (both separators), dropping `.` and empties. */
function components(p: string): string[] {
  return p.split(/[\\/]+/).filter((c) => c !== '' && c !== '.');
}

/** Normalises components; `undefined` when a `..` would climb above the start. */
function normalise(parts: string[]): string[] | undefined {
  const out: string[] = [];
  for (const c of parts) {
    if (c === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(c);
  }
  return out;
}

/**
 * A revision-relative path (`files` source or hook `location`): a leading separator does not make it
 * absolute (the agents join it onto the revision folder). Returns `/`-joined components, `''` for the
 * whole revision, or `undefined` when it escapes the revision.
 */
export function revisionRelative(p: string): string | undefined {
  const parts = normalise(components(p.trim()));
  return parts && parts.join('/');
}

/**
 * A `files` destination re-rooted inside the sandbox: a Windows drive (`C:`) and leading separators
 * are dropped, so `/var/www/app` becomes `var/www/app`. `undefined` when `..` climbs above the root.
 */
export function reRootDestination(p: string): string | undefined {
  const drive = /^[A-Za-z]:/.exec(p.trim());
  const rest = drive ? `${drive[0][0].toLowerCase()}/${p.trim().slice(2)}` : p.trim();
  const parts = normalise(components(rest));
  return parts && parts.join('/');
}

/** `rel` joined under `base`, or an error when the result is not inside `base` (belt and braces). */
export function inside(base: string, rel: string): string {
  const abs = path.resolve(base, ...rel.split('/').filter(Boolean));
  const back = path.relative(path.resolve(base), abs);
  if (back.startsWith('..') || path.isAbsolute(back)) throw new Error(`${rel} resolves outside ${base}`);
  return abs;
}
