/**
 * "Did you mean …?" for keys, event names and enum values.
 * A case-insensitive match wins; otherwise the closest candidate within a small edit distance.
 */

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped at `max + 1`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[cols - 1];
}

/** The largest edit distance still worth suggesting for a word of this length. */
function allowedDistance(word: string): number {
  if (word.length <= 3) return 1;
  if (word.length <= 6) return 2;
  return 3;
}

/**
 * The candidate the user most likely meant, or undefined.
 * Exact matches return undefined (nothing to suggest); case-insensitive matches come first,
 * then the closest by edit distance (compared case-insensitively), ties broken by list order.
 * Separators (`_`, `-`, spaces) are ignored in a second pass so `FileExistsBehavior` finds `file_exists_behavior`.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (!word || candidates.length === 0) return undefined;
  if (candidates.includes(word)) return undefined;
  const lower = word.toLowerCase();
  const ci = candidates.find((c) => c.toLowerCase() === lower);
  if (ci) return ci;
  const squash = (s: string) => s.toLowerCase().replace(/[_\-\s]/g, '');
  const sq = squash(word);
  const bySquash = candidates.find((c) => squash(c) === sq);
  if (bySquash) return bySquash;
  const max = allowedDistance(word);
  let best: string | undefined;
  let bestD = max + 1;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase(), max);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= max ? best : undefined;
}
