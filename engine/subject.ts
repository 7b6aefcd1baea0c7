/**
 * The template policy: how an error is softened when the value it is about is not filled in yet.
 *
 * Real AppSpec files are often templates: unedited AWS samples or console templates with blank values
 * (`TaskDefinition: ""`, `Subnets: ["", ""]`, `source:`), or pipeline files whose values a script
 * replaces before deploying (`ContainerPort: CONTAINER_PORT`, `TaskDefinition: {{TASK_DEFINITION}}`).
 * Such a file is not broken yet, so an error on it would be a false alarm; a file that really is
 * deployed that way is still flagged, with a warning. The engine applies this centrally to every
 * rule's findings and the schema findings (rules need not repeat it):
 *
 * - blank subject (null, `""`, whitespace-only, or a list of only blank items): an error becomes a
 *   warning; the message is unchanged;
 * - bare UPPER_SNAKE placeholder subject (at least one `_`, so `os: LINUX` stays an error): an error
 *   becomes a warning and the message says a script may replace it;
 * - unquoted `{{VAR}}` subject (YAML reads it as a flow mapping): the error is dropped, as rules
 *   already do for `<VAR>`, `${VAR}` and quoted `"{{VAR}}"`.
 *
 * Not softened: missing keys (no pair at all: E1102 and rules' "has no `X`" findings point at the
 * parent, whose value is not blank), general 0xxx findings (syntax and text, not values), findings
 * whose severity the user configured explicitly.
 *
 * The subject of a finding is found from its range: the value node at that range, or the pair whose
 * key range (or whole range) matches it, whose value is then the subject.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { isBracePlaceholder } from './ast';
import type { AppSpecDocument, Range } from './types';

/** A bare placeholder a script substitutes: `CONTAINER_PORT`, `TASK_DEF_ARN` (one `_` at least). */
export const UPPER_SNAKE_PLACEHOLDER = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
export const PLACEHOLDER_NOTE = ' (if a script replaces this placeholder before deploying, ignore this)';

/**
 * Findings of these rules are never softened: general 0xxx rules (syntax and text), E1102 (missing
 * key), E8010 (a resource name left empty because `Type`/`Properties` sit beside it: indentation, not
 * an unfilled template).
 */
const NOT_SOFTENED = /^(?:[EWI]0\d{3}|E1102|E8010)$/;

/** The subject node of a finding: null means "an empty value"; undefined means "not found". */
export type Subject = Node | null | undefined;

const MAX_NODES = 20000;

/** Maps `start:end` offsets of keys, pairs and values to the value node they stand for. */
export function subjectIndex(yaml: Document | undefined): Map<string, Node | null> {
  const index = new Map<string, Node | null>();
  const put = (r: readonly number[] | null | undefined, node: Node | null) => {
    // Zero-width ranges belong only to empty values (`key:`, a bare `-`), so they can stand for themselves.
    if (!r || r[1] < r[0] || (r[1] === r[0] && !isBlank(node))) return;
    const k = `${r[0]}:${r[1]}`;
    if (!index.has(k)) index.set(k, node);
  };
  let budget = MAX_NODES;
  const visit = (n: unknown, depth: number): void => {
    if (budget-- <= 0 || depth > 100) return;
    if (isMap(n)) {
      for (const p of n.items as Pair[]) {
        if (!isPair(p)) continue;
        const value = (p.value as Node | null) ?? null;
        const k = (p.key as Node | null)?.range;
        const v = value?.range;
        put(v, value);
        put(k, value);
        if (k && v) put([k[0], v[1]], value);
        visit(value, depth + 1);
      }
    } else if (isSeq(n)) {
      for (const item of n.items) {
        put((item as Node | null)?.range, (item as Node | null) ?? null);
        visit(item, depth + 1);
      }
    }
  };
  visit(yaml?.contents, 0);
  return index;
}

export function subjectAt(doc: AppSpecDocument, index: Map<string, Node | null>, range: Range): Subject {
  const start = doc.lines.offsetAt(range.start);
  const end = doc.lines.offsetAt(range.end);
  const key = `${start}:${end}`;
  return index.has(key) ? index.get(key) : undefined;
}

/** null, `""`, whitespace-only text, or a non-empty list of only such items. */
export function isBlank(node: Subject): boolean {
  if (node === null) return true;
  if (node === undefined) return false;
  if (isScalar(node)) {
    const v = node.value;
    return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  }
  if (isSeq(node)) return node.items.length > 0 && node.items.every((i) => isBlank((i as Node | null) ?? null));
  return false;
}

export function isUpperSnakePlaceholder(node: Subject): boolean {
  return isScalar(node) && typeof node.value === 'string' && UPPER_SNAKE_PLACEHOLDER.test(node.value);
}

export type Softening = 'keep' | 'drop' | 'blank' | 'placeholder';

/** What the template policy does with an error-severity finding of `ruleId` about `subject`. */
export function softening(ruleId: string, subject: Subject): Softening {
  if (NOT_SOFTENED.test(ruleId) || subject === undefined) return 'keep';
  if (isBracePlaceholder(subject)) return 'drop';
  if (isBlank(subject)) return 'blank';
  if (isUpperSnakePlaceholder(subject)) return 'placeholder';
  return 'keep';
}
