/**
 * What is being typed at the cursor, independent of YAML or JSON: the path of the mapping (for a
 * key) or of the value, what is already there, and which characters a completion replaces.
 */
import type { PathStep } from './nodeAt';

export interface CursorContext {
  kind: 'key' | 'value';
  /** key: path of the mapping the key goes into; value: path of the value (key last, list index for list items). */
  path: PathStep[];
  /** Keys already present in that mapping (key context only). */
  siblings: string[];
  /** What was typed of the word so far (without quotes). */
  prefix: string;
  /** The replaced characters, all on `line`. */
  line: number;
  replaceStart: number;
  replaceEnd: number;
  /** The word is inside quotes; the replaced range includes them. */
  quote?: '"' | "'";
  /** YAML: the key starts a new list item (`- |`). */
  newItem?: boolean;
  /** YAML: value completion right after `key:` with no space yet. */
  needsLeadingSpace?: boolean;
  /** The key already has a `:` after the cursor, so only the name is replaced. */
  hasValueAfter?: boolean;
  /** JSON: a comma is missing after the previous member; insert one at this position. */
  commaBefore?: { line: number; character: number };
  /** JSON: another member follows, so the completion must end with a comma. */
  commaAfter?: boolean;
  /** Column where the key starts (for multi-line inserts). */
  keyCol: number;
}
