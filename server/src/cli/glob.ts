/**
 * A small glob matcher for the CLI: `*`, `?`, `**`, `[abc]`, `[!abc]` and `{a,b}` over
 * `/`-separated relative paths. Enough for `appspec-lint "deploy/**\/appspec.yml"`; it is not
 * a full minimatch (no extglobs, no negation patterns).
 */

const GLOB_CHARS = /[*?[\]{}]/;

export function isGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

/** Expands `{a,b}` groups (nested ones too) into plain patterns. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) {
      const body = pattern.slice(open + 1, i);
      const options: string[] = [];
      let d = 0;
      let start = 0;
      for (let j = 0; j < body.length; j++) {
        if (body[j] === '{') d++;
        else if (body[j] === '}') d--;
        else if (body[j] === ',' && d === 0) {
          options.push(body.slice(start, j));
          start = j + 1;
        }
      }
      options.push(body.slice(start));
      const head = pattern.slice(0, open);
      const tail = pattern.slice(i + 1);
      return options.flatMap((o) => expandBraces(head + o + tail));
    }
  }
  return [pattern]; // unbalanced: treat literally
}

function segmentToRegex(seg: string): string {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i];
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const close = seg.indexOf(']', i + 1);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let cls = seg.slice(i + 1, close);
      if (cls.startsWith('!')) cls = '^' + cls.slice(1);
      out += '[' + cls.replace(/\\/g, '\\\\') + ']';
      i = close;
    } else out += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return out;
}

/** A regex matching whole `/`-separated paths for one brace-free pattern. */
function toRegex(pattern: string): RegExp {
  const segs = pattern.split('/');
  let re = '^';
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    if (seg === '**') re += last ? '.*' : '(?:[^/]+/)*';
    else re += segmentToRegex(seg) + (last ? '' : '/');
  });
  return new RegExp(re + '$');
}

/** A predicate over `/`-separated paths. */
export function globMatcher(pattern: string): (path: string) => boolean {
  const res = expandBraces(pattern.replace(/\\/g, '/')).map(toRegex);
  return (p) => res.some((r) => r.test(p));
}

/**
 * Splits a pattern into the literal folder to start walking from and the rest.
 * `deploy/** /appspec.yml` → { base: 'deploy', rest: '** /appspec.yml' }.
 */
export function splitGlobBase(pattern: string): { base: string; rest: string } {
  const segs = pattern.replace(/\\/g, '/').split('/');
  const idx = segs.findIndex((s) => isGlob(s));
  if (idx < 0) return { base: segs.slice(0, -1).join('/') || '.', rest: segs[segs.length - 1] };
  const baseSegs = segs.slice(0, idx);
  let base = baseSegs.join('/');
  if (base === '' && pattern.startsWith('/')) base = '/';
  return { base: base || '.', rest: segs.slice(idx).join('/') };
}
