/**
 * The template policy: how an error is reported when the value it is about is not filled in yet.
 *
 * Real AppSpec files are often templates: unedited AWS samples or console templates with blank values
 * (`TaskDefinition: ""`, `Subnets: ["", ""]`, `source:`), or pipeline files whose values a script
 * replaces before deploying (`ContainerPort: CONTAINER_PORT`, `TaskDefinition: {{TASK_DEFINITION}}`,
 * `"[YOUR_TASK_DEFINITION_ARN]"`). Such a file is not broken yet, so an error on it would be a false alarm;
 * a file that really is deployed that way is still flagged, with a warning. The engine applies this
 * centrally to every rule's findings and the schema findings (rules need not repeat it). A rule's letter
 * always matches its severity, so a softened error is reported under an ID of its own:
 *
 * - blank subject (null, `""`, whitespace-only, or a list of only blank items): the error becomes the
 *   warning W1201 (template-value-blank), its message naming the rule it stands for;
 * - bare UPPER_SNAKE placeholder subject (at least one `_`, so `os: LINUX` stays an error): the error
 *   becomes the warning W1202 (template-value-placeholder), and the message says a script may replace it;
 * - unquoted `{{VAR}}` subject (YAML reads it as a flow mapping) or a whole-value `[…]` placeholder
 *   (`"[YOUR_ContainerName]"`, or unquoted `[YOUR_TASK_DEFINITION_ARN]`, a one-item flow list): the error is
 *   dropped, as rules already do for `<VAR>`, `${VAR}` and quoted `"{{VAR}}"`.
 *
 * Not softened: missing keys (no pair at all: E1102 and rules' "has no `X`" findings point at the
 * parent, whose value is not blank), general 0xxx findings (syntax and text, not values), structural
 * findings (`covers` set: wrong nesting leaves a value empty, which is not an unfilled template),
 * findings whose severity the user configured explicitly.
 *
 * Strict blanks: for a Lambda `CurrentVersion`/`TargetVersion` (E7005) a blank value is softened only when the
 * document is otherwise a template (it holds a placeholder, or another `""`); in a filled-in file an empty
 * version is the positive-integer error it would be at deployment time (appspec.md errata, checks 89/90).
 *
 * The subject of a finding is found from its range: the value node at that range, or the pair whose
 * key range (or whole range) matches it, whose value is then the subject.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { hasPlaceholder, isBracePlaceholder, isBracketPlaceholder, isQuoted } from './ast';
import type { AppSpecDocument, Range } from './types';

/** A bare placeholder a script substitutes: `CONTAINER_PORT`, `TASK_DEF_ARN` (one `_` at least). */
export const UPPER_SNAKE_PLACEHOLDER = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
export const PLACEHOLDER_NOTE = ' (if a script replaces this placeholder before deploying, ignore this)';

/** The IDs softened findings are reported under (their rule entries: rules/general/W1201-…, W1202-…). */
export const TEMPLATE_BLANK_ID = 'W1201';
export const TEMPLATE_PLACEHOLDER_ID = 'W1202';

/** Rules whose blank subjects are softened only in a document that is otherwise a template. */
const STRICT_BLANK = new Set(['E7005']);

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

/**
 * What the template policy does with an error-severity finding of `ruleId` about `subject`. `isTemplate` answers
 * whether the document holds template marks other than the subject (asked only for strict-blank rules).
 */
export function softening(
  ruleId: string,
  subject: Subject,
  isTemplate: (except: Node | null) => boolean = () => true,
): Softening {
  if (NOT_SOFTENED.test(ruleId) || subject === undefined) return 'keep';
  if (isBracePlaceholder(subject) || isBracketPlaceholder(subject)) return 'drop';
  if (isBlank(subject)) return !STRICT_BLANK.has(ruleId) || isTemplate(subject) ? 'blank' : 'keep';
  if (isUpperSnakePlaceholder(subject)) return 'placeholder';
  return 'keep';
}

/** True for a value that marks an unfilled template: a placeholder of any style, or a quoted empty string. */
function isTemplateMark(node: unknown): boolean {
  if (hasPlaceholder(node) || isUpperSnakePlaceholder(node as Subject)) return true;
  return isScalar(node) && node.value === '' && isQuoted(node);
}

/** Whether the document holds a template mark other than `except` (at most MAX_NODES nodes are looked at). */
export function hasTemplateMarks(yaml: Document | undefined, except: Node | null): boolean {
  let budget = MAX_NODES;
  let found = false;
  const visit = (n: unknown, depth: number): void => {
    if (found || budget-- <= 0 || depth > 100 || n === null || n === undefined) return;
    if (n !== except && isTemplateMark(n)) {
      found = true;
      return;
    }
    if (isMap(n)) {
      for (const p of n.items as Pair[]) {
        if (isPair(p)) visit(p.value, depth + 1);
      }
    } else if (isSeq(n)) {
      for (const item of n.items) visit(item, depth + 1);
    }
  };
  visit(yaml?.contents, 0);
  return found;
}
