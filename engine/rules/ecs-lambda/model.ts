/**
 * Navigation over the ECS/Lambda AppSpec shape, shared by the ECS (6xxx), Lambda (7xxx) and
 * shared (8xxx) rules. ECS/Lambda keys are matched case-insensitively (AWS tooling accepts
 * `resources`, `properties`, `taskDefinition`, …); values are compared exactly.
 */
import type { AppSpecDocument, Finding, Range } from '../../types';
import { findPair, hasPlaceholder, isMap, isScalar, isSeq, keyText, pairsOf } from '../../ast';
import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from '../../ast';

export const CI = { caseInsensitive: true } as const;

/** The pair for `key` in `map`, matched case-insensitively. */
export function pairCI(map: unknown, key: string): Pair | undefined {
  return findPair(map, key, CI);
}

/** The value node of a pair (never a bare JS value). */
export function valueOf(pair: Pair | undefined): Node | null | undefined {
  if (!pair) return undefined;
  return (pair.value as Node | null) ?? null;
}

/** True when a node is absent, `null`, `~` or an empty scalar (`Key:` with nothing after it). */
export function isEmptyValue(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  if (isScalar(node)) {
    const v = node.value;
    return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  }
  return false;
}

/** A non-empty string scalar's text, else undefined. Numbers and booleans give undefined. */
export function stringValue(node: unknown): string | undefined {
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  return node.value;
}

/** True when the node (or, for a collection, any scalar in it) contains a pipeline placeholder. */
export function containsPlaceholder(node: unknown): boolean {
  if (isScalar(node)) return hasPlaceholder(node);
  if (isSeq(node)) return node.items.some((i) => containsPlaceholder(i));
  if (isMap(node)) return pairsOf(node).some((p) => containsPlaceholder(p.key) || containsPlaceholder(p.value));
  return false;
}

/** One resource of `Resources`: the list item, its name pair and the map holding Type/Properties. */
export interface ResourceEntry {
  index: number;
  /** The list item node. */
  item: Node | null;
  /** The `Name:` pair of the item (`TargetService:` for ECS), when the item is a map. */
  namePair?: Pair;
  /**
   * The map holding `Type`/`Properties`. Normally the name pair's value; when `Type`/`Properties`
   * were not indented under the name (siblings of it in the same item), the item map itself.
   */
  body?: YAMLMap;
  /** True when `Type`/`Properties` sit next to the resource name instead of under it. */
  misIndented: boolean;
  /** True when the entry starts with `Type`/`Properties`: the resource name is missing. */
  nameless?: boolean;
}

const BODY_KEYS = ['type', 'properties'];

/** The `Resources` pair of the document, if any. */
export function resourcesPair(doc: AppSpecDocument): Pair | undefined {
  return pairCI(doc.root, 'Resources');
}

/** Every item of the `Resources` list (a mapping written instead of the list counts as its one item). */
export function resourceEntries(doc: AppSpecDocument): ResourceEntry[] {
  const list = valueOf(resourcesPair(doc));
  // A mapping instead of a list is reported by E6001/E7001; the other rules still check its one resource.
  const items: unknown[] = isSeq(list) ? (list as YAMLSeq).items : isMap(list) ? [list] : [];
  return items.map((raw, index) => {
    const item = (raw as Node | null) ?? null;
    if (!isMap(item)) return { index, item, misIndented: false };
    const pairs = pairsOf(item);
    const first = pairs[0];
    const bodyPairs = pairs.filter((p) => BODY_KEYS.includes((keyText(p) ?? '').toLowerCase()));
    if (first && bodyPairs.includes(first))
      return { index, item, body: item as YAMLMap, misIndented: false, nameless: true };
    if (first && isEmptyValue(first.value) && bodyPairs.length > 0 && !bodyPairs.includes(first)) {
      return { index, item, namePair: first, body: item, misIndented: true };
    }
    const body = first && isMap(first.value) ? (first.value as YAMLMap) : undefined;
    return { index, item, namePair: first, body, misIndented: false };
  });
}

/** Where to report about a resource: its name, or its first key when the name is missing. */
export function entryAnchor(doc: AppSpecDocument, e: ResourceEntry): Range {
  const pair = e.namePair ?? pairsOf(e.body)[0];
  return pair ? doc.keyRangeOf(pair) : doc.rangeOf((e.item ?? { range: null }) as Node);
}

/** The resource's name for messages (`the resource` when it has none). */
export function entryName(e: ResourceEntry): string {
  const name = e.namePair ? keyText(e.namePair) : undefined;
  return name ? `\`${name}\`` : 'the resource';
}

/** `Properties` map of a resource, when it is a map. */
export function propertiesOf(entry: ResourceEntry | undefined): YAMLMap | undefined {
  const node = valueOf(pairCI(entry?.body, 'Properties'));
  return isMap(node) ? (node as YAMLMap) : undefined;
}

/** Every resource's Properties map (usually one). */
export function allProperties(doc: AppSpecDocument): YAMLMap[] {
  return resourceEntries(doc)
    .map((e) => propertiesOf(e))
    .filter((m): m is YAMLMap => m !== undefined);
}

/**
 * For the checks of one name-like property: follows `path` in each resource's Properties and hands every scalar
 * value to `check`. Empty values are skipped; a value that is not a scalar is reported with the message `notOne`.
 */
export function checkPropertyScalar(
  doc: AppSpecDocument,
  ruleId: string,
  path: string[],
  notOne: string,
  check: (node: Scalar) => Finding | undefined,
): Finding[] {
  const out: Finding[] = [];
  for (const props of allProperties(doc)) {
    const node = getCI(props, path);
    if (isEmptyValue(node)) continue;
    if (!isScalar(node)) {
      out.push({ ruleId, range: doc.rangeOf(node as Node), message: notOne });
      continue;
    }
    const finding = check(node);
    if (finding) out.push(finding);
  }
  return out;
}

/** One `Event: function` entry of `Hooks`, from the list form or the (undocumented) map form. */
export interface HookEntry {
  pair: Pair;
  event: string;
  /** Index of the list item (undefined for the map form). */
  itemIndex?: number;
  /** The list item map holding the pair (undefined for the map form). */
  item?: YAMLMap;
}

/** The `Hooks` pair of the document, if any. */
export function hooksPair(doc: AppSpecDocument): Pair | undefined {
  return pairCI(doc.root, 'Hooks');
}

/** All hook entries, in document order. */
export function hookEntries(doc: AppSpecDocument): HookEntry[] {
  const hooks = valueOf(hooksPair(doc));
  const out: HookEntry[] = [];
  if (isMap(hooks)) {
    for (const pair of pairsOf(hooks)) {
      const event = keyText(pair);
      if (event !== undefined) out.push({ pair, event });
    }
  } else if (isSeq(hooks)) {
    hooks.items.forEach((item, itemIndex) => {
      if (!isMap(item)) return;
      for (const pair of pairsOf(item)) {
        const event = keyText(pair);
        if (event !== undefined) out.push({ pair, event, itemIndex, item: item as YAMLMap });
      }
    });
  }
  return out;
}

/** Function name grammar of the Lambda API (`FunctionName`), generous about regions and partitions. */
const FUNCTION_REF =
  /^(?:arn:aws[a-zA-Z-]*:lambda:)?(?:[a-z]{2}(?:-[a-z]+)+-\d+:)?(?:\d{12}:)?(?:function:)?([a-zA-Z0-9_.-]+)(?::(?:\$LATEST|[a-zA-Z0-9_-]+))?$/;

/** The bare function name inside a name, `name:qualifier`, partial ARN or full ARN; undefined if none of those. */
export function functionNameOf(ref: string): string | undefined {
  const m = FUNCTION_REF.exec(ref);
  return m ? m[1] : undefined;
}

/** Why `ref` is not a usable Lambda function reference, or undefined when it is one. */
export function functionRefProblem(ref: string): string | undefined {
  if (ref.trim() === '') return 'is empty';
  if (/\s/.test(ref)) return 'contains whitespace';
  const name = functionNameOf(ref);
  if (name === undefined) {
    if (ref.startsWith('arn:') && !/^arn:aws[a-zA-Z-]*:lambda:/.test(ref))
      return 'is an ARN of another service, not a Lambda function ARN';
    return 'is not a function name (letters, digits, `-`, `_`) or a Lambda function ARN';
  }
  if (ref.startsWith('arn:') ? ref.length > 170 : name.length > 64) {
    return ref.startsWith('arn:')
      ? 'is longer than 170 characters'
      : 'is longer than 64 characters (the Lambda limit for a function name)';
  }
  return undefined;
}

/** A short rendering of a value for messages. */
export function show(text: string, max = 60): string {
  const t = text.length > max ? text.slice(0, max - 1) + '…' : text;
  return `'${t}'`;
}

/** Follows a path of keys, matched case-insensitively. */
export function getCI(node: unknown, path: string[]): Node | null | undefined {
  let cur: unknown = node;
  for (const key of path) {
    if (!isMap(cur)) return undefined;
    cur = valueOf(pairCI(cur, key));
  }
  return cur as Node | null | undefined;
}
