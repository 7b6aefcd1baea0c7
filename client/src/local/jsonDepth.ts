/**
 * How deeply a JSON text nests, found by one pass over its characters (no recursion, no parse), so that
 * a request nested thousands of levels deep is refused before it is parsed, stored or saved.
 */

/** The deepest nesting the endpoint accepts in a request body (docs/local-endpoint.md, "Security and limits"). */
export const MAX_JSON_DEPTH = 100;

/** The maximum depth of `[`/`{` nesting outside strings; stops counting once `limit` is passed. */
export function jsonNestingDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}
