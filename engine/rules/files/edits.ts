/** Text edits of the cross-file quick fixes: a value replaced in the style it is written in. */
import type { LocatedValue } from '../../accountTargets';
import type { Edit } from '../../types';

/** Replaces a located value with `text` (a string keeps its quotes; `numeric` writes a bare number). */
export function replaceValue(at: LocatedValue, text: string, numeric = false): Edit {
  if (numeric) return { range: at.range, newText: text };
  if (at.quote === 'double') return { range: at.range, newText: JSON.stringify(text) };
  if (at.quote === 'single') return { range: at.range, newText: `'${text.replace(/'/g, "''")}'` };
  return { range: at.range, newText: text };
}
