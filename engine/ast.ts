/**
 * Small helpers over the `yaml` node tree that rules and features share.
 * Keys are compared exactly unless `caseInsensitive` is asked for (ECS/Lambda tooling
 * accepts camelCase and lowercase keys; EC2 agents do not).
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq, type Scalar } from 'yaml';

export { isMap, isPair, isScalar, isSeq };
export type { Node, Pair, YAMLMap, YAMLSeq, Scalar };

/** The text of a pair's key when it is a scalar, else undefined. */
export function keyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return k.value === null || k.value === undefined ? '' : String(k.value);
  if (typeof k === 'string' || typeof k === 'number') return String(k);
  return undefined;
}

/** The pairs of a mapping node (or [] for anything else). */
export function pairsOf(node: unknown): Pair[] {
  return isMap(node) ? (node.items as Pair[]) : [];
}

/** Finds the pair for `key` in a mapping; the first match wins (duplicates are a rule of their own). */
export function findPair(map: unknown, key: string, opts?: { caseInsensitive?: boolean }): Pair | undefined {
  if (!isMap(map)) return undefined;
  if (!opts?.caseInsensitive) {
    // The common case, without building key strings (rules look up a handful of keys in every entry).
    for (const pair of map.items as Pair[]) {
      const k = pair.key;
      if (isScalar(k)) {
        const v = k.value;
        if (typeof v === 'string' ? v === key : (v === null || v === undefined ? '' : String(v)) === key) return pair;
      } else if ((typeof k === 'string' || typeof k === 'number') && String(k) === key) return pair;
    }
    return undefined;
  }
  const wanted = key.toLowerCase();
  for (const pair of pairsOf(map)) {
    const text = keyText(pair);
    if (text === undefined) continue;
    if (text.toLowerCase() === wanted) return pair;
  }
  return undefined;
}

/** The value node under `key`, or undefined. A key with no value yields null (explicitly present). */
export function getValue(map: unknown, key: string, opts: { caseInsensitive?: boolean } = {}): Node | null | undefined {
  const pair = findPair(map, key, opts);
  if (!pair) return undefined;
  return (pair.value as Node | null) ?? null;
}

/** Follows a path of keys (strings) and list indexes (numbers) from a node. */
export function getIn(
  node: unknown,
  path: (string | number)[],
  opts: { caseInsensitive?: boolean } = {},
): Node | null | undefined {
  let cur: unknown = node;
  for (const step of path) {
    if (cur === null || cur === undefined) return undefined;
    if (typeof step === 'number') {
      if (!isSeq(cur)) return undefined;
      cur = cur.items[step];
    } else {
      cur = getValue(cur, step, opts);
    }
  }
  return cur as Node | null | undefined;
}

/** The scalar's value as a string (numbers and booleans converted), or undefined. */
export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || v === undefined) return undefined;
  return String(v);
}

/** The source text of a scalar exactly as written (keeps quotes off, keeps `0644` as written). */
export function scalarSource(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  return (node as Scalar & { source?: string }).source ?? scalarString(node);
}

/** True when a scalar was written with quotes (`'x'` or `"x"`). */
export function isQuoted(node: unknown): boolean {
  return isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
}

/**
 * Placeholders a pipeline fills in before deploying: `<TASK_DEFINITION>`, `${VAR}`, `{{VAR}}`, `#{Var}`, and the
 * square-bracket style of templates inside a longer value (`[YOUR_ACCOUNT_ID]`, `[ACCOUNT_ID]`, `[Your region]`).
 */
export const PLACEHOLDER =
  /<[A-Za-z0-9_.:-]+>|\$\{[^}]+\}|\{\{[^}]+\}\}|#\{[^}]+\}|\$[A-Z_][A-Z0-9_]*|\[[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\]|\[[Yy][Oo][Uu][Rr][ _-][^\]]*\]/;

/**
 * The text inside a whole-value `[…]` placeholder: it starts with a letter and holds a space or an underscore
 * (`YOUR_TASK_DEFINITION_ARN`, `Your container Name`, `Version number, ex: 1.3.0`), so a character class such
 * as `[a-z]` or a glob is not one.
 */
const BRACKET_CONTENT = /^[A-Za-z][^[\]*?]*[ _][^[\]*?]*$/;
/** Unquoted `[…]` text that is a template's, not a one-item list's: `YOUR_…` or UPPER_SNAKE. */
const UNQUOTED_BRACKET = /^(?:[Yy][Oo][Uu][Rr][ _-]\S|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$)/;

/**
 * True for a value that is one `[…]` placeholder as unedited templates write them: a string `"[YOUR_…]"`, or the
 * same text unquoted, which YAML reads as a one-item flow list (`TaskDefinition: [YOUR_TASK_DEFINITION_ARN]`;
 * unquoted, only `YOUR_…` and UPPER_SNAKE text counts, since `[CodeDeployHook_x]` is a real one-item list).
 */
export function isBracketPlaceholder(node: unknown): boolean {
  if (isScalar(node) && typeof node.value === 'string') {
    const t = node.value.trim();
    return t.length > 2 && t.startsWith('[') && t.endsWith(']') && BRACKET_CONTENT.test(t.slice(1, -1).trim());
  }
  if (isSeq(node) && node.flow && node.items.length === 1) {
    // Unquoted, `[CodeDeployHook_x]` is a real one-item list: only the template forms count there.
    const item = node.items[0];
    return (
      isScalar(item) && item.type === 'PLAIN' && typeof item.value === 'string' && UNQUOTED_BRACKET.test(item.value)
    );
  }
  return false;
}

/**
 * True for an unquoted `{{VAR}}`: YAML reads it as a flow mapping whose only key is the flow mapping
 * `{VAR}` and whose value is empty, i.e. `{ {VAR: null}: null }`. Templating tools (Helm-style,
 * mustache, envsubst wrappers) replace it before deploying, so it is a placeholder, not a mapping.
 */
export function isBracePlaceholder(node: unknown): boolean {
  if (!isMap(node) || !node.flow || node.items.length !== 1) return false;
  const outer = node.items[0] as Pair;
  if (outer.value !== null && !(isScalar(outer.value) && outer.value.value === null)) return false;
  const inner = outer.key;
  if (!isMap(inner) || !inner.flow || inner.items.length !== 1) return false;
  const innerPair = inner.items[0] as Pair;
  if (!isScalar(innerPair.key)) return false;
  return innerPair.value === null || (isScalar(innerPair.value) && innerPair.value.value === null);
}

/** True when a scalar's text is, or contains, a pipeline placeholder (or the node is an unquoted `{{VAR}}` or `[YOUR_…]`). Rules must not report such values. */
export function hasPlaceholder(node: unknown): boolean {
  if (isBracePlaceholder(node) || isBracketPlaceholder(node)) return true;
  const s = scalarString(node);
  return s !== undefined && PLACEHOLDER.test(s);
}

/** `text` written with the same quoting as `node` (so a fix that replaces a quoted JSON key or value stays valid). */
export function quoteLike(node: unknown, text: string): string {
  if (isScalar(node) && node.type === 'QUOTE_DOUBLE') return JSON.stringify(text);
  if (isScalar(node) && node.type === 'QUOTE_SINGLE') return `'${text.replace(/'/g, "''")}'`;
  return text;
}
