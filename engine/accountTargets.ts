/**
 * What the checks against the AWS account read from a Lambda or ECS AppSpec, with where each value
 * is: the function, alias and versions of each Lambda resource, the task definition, container and
 * port of each ECS resource, and the hook functions. Pure over the parsed model; values that are
 * pipeline placeholders (`<TASK_DEFINITION>`, `${VERSION}`, `{{…}}`) are left out, since the account
 * cannot say anything about them yet. Also tells which of these values a cursor is in (completion).
 */
import { hasPlaceholder, isScalar, keyText, pairsOf, type Node, type Pair } from './ast';
import { hookEntries, pairCI, propertiesOf, resourceEntries, entryAnchor, valueOf } from './rules/ecs-lambda/model';
import type { AppSpecDocument, Platform, Range } from './types';

export interface LocatedValue {
  /** The value as text (a number is written as it reads: `8080`, `7`). */
  value: string;
  /** Range of the value node (quotes included). */
  range: Range;
  /** How the value is quoted, so an edit can keep the style. */
  quote?: 'double' | 'single';
  /** True when the value is a number rather than a string. */
  numeric: boolean;
}

export interface LambdaTargetSpec {
  /** The resource's name (`myFunction`), for messages. */
  resource: string;
  /** Where to report about the resource as a whole (its name). */
  anchor: Range;
  name?: LocatedValue;
  alias?: LocatedValue;
  currentVersion?: LocatedValue;
  targetVersion?: LocatedValue;
}

export interface EcsTargetSpec {
  resource: string;
  anchor: Range;
  taskDefinition?: LocatedValue;
  containerName?: LocatedValue;
  containerPort?: LocatedValue;
}

export interface HookFunctionSpec {
  event: string;
  function: LocatedValue;
}

export interface AccountTargets {
  platform: Platform;
  lambda: LambdaTargetSpec[];
  ecs: EcsTargetSpec[];
  hooks: HookFunctionSpec[];
}

function located(doc: AppSpecDocument, node: Node | null | undefined): LocatedValue | undefined {
  if (!isScalar(node) || hasPlaceholder(node)) return undefined;
  const v = node.value;
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const value = String(typeof v === 'string' ? v.trim() : (node.source ?? v));
  if (value === '') return undefined;
  const quote = node.type === 'QUOTE_DOUBLE' ? 'double' : node.type === 'QUOTE_SINGLE' ? 'single' : undefined;
  return { value, range: doc.rangeOf(node), numeric: typeof v === 'number', ...(quote ? { quote } : {}) };
}

function prop(doc: AppSpecDocument, map: unknown, key: string): LocatedValue | undefined {
  return located(doc, valueOf(pairCI(map, key)));
}

/** The Lambda/ECS values of an AppSpec that the account can confirm or refute. */
export function accountTargets(doc: AppSpecDocument): AccountTargets {
  const platform = doc.platform.platform;
  const out: AccountTargets = { platform, lambda: [], ecs: [], hooks: [] };
  if (platform !== 'lambda' && platform !== 'ecs') return out;
  for (const entry of resourceEntries(doc)) {
    const props = propertiesOf(entry);
    if (!props) continue;
    const resource = (entry.namePair ? keyText(entry.namePair) : undefined) ?? `resource ${entry.index + 1}`;
    const anchor = entryAnchor(doc, entry);
    if (platform === 'lambda') {
      out.lambda.push({
        resource,
        anchor,
        name: prop(doc, props, 'Name'),
        alias: prop(doc, props, 'Alias'),
        currentVersion: prop(doc, props, 'CurrentVersion'),
        targetVersion: prop(doc, props, 'TargetVersion'),
      });
    } else {
      const lb = valueOf(pairCI(props, 'LoadBalancerInfo'));
      out.ecs.push({
        resource,
        anchor,
        taskDefinition: prop(doc, props, 'TaskDefinition'),
        containerName: prop(doc, lb, 'ContainerName'),
        containerPort: prop(doc, lb, 'ContainerPort'),
      });
    }
  }
  for (const h of hookEntries(doc)) {
    const fn = located(doc, valueOf(h.pair));
    if (fn && !fn.numeric) out.hooks.push({ event: h.event, function: fn });
  }
  return out;
}

export type AccountValueKind = 'Name' | 'Alias' | 'CurrentVersion' | 'TargetVersion' | 'Hook';

export interface AccountCompletionContext {
  kind: AccountValueKind;
  /** What to replace: the value node, or an empty range at the cursor when the value is empty. */
  range: Range;
  quote?: 'double' | 'single';
  /** The Lambda resource's function and alias (for alias and version completion). */
  functionName?: string;
  alias?: string;
  currentVersion?: string;
}

const LAMBDA_KEYS: AccountValueKind[] = ['Name', 'Alias', 'CurrentVersion', 'TargetVersion'];

/** The account-backed value the cursor (a text offset) is in, in a Lambda AppSpec; undefined elsewhere. */
export function accountCompletionContext(doc: AppSpecDocument, offset: number): AccountCompletionContext | undefined {
  if (doc.platform.platform !== 'lambda') return undefined;
  const inValue = (pair: Pair): Range | undefined => {
    const key = pair.key as Node | null;
    const keyEnd = key?.range?.[1];
    if (keyEnd === undefined || offset <= keyEnd) return undefined;
    const value = pair.value as Node | null;
    const r = value?.range;
    if (r && !(isScalar(value) && (value.value === null || value.value === ''))) {
      return offset >= r[0] && offset <= r[1] ? doc.rangeOf(value) : undefined;
    }
    // An empty value: the cursor must be on the key's line, after the colon.
    const line = doc.lines.positionAt(keyEnd).line;
    const at = doc.lines.positionAt(offset);
    if (at.line !== line || !/:\s*$/.test(doc.text.slice(keyEnd, offset))) return undefined;
    return { start: at, end: at };
  };
  for (const entry of resourceEntries(doc)) {
    const props = propertiesOf(entry);
    if (!props) continue;
    const text = (key: string) => prop(doc, props, key)?.value;
    for (const pair of pairsOf(props)) {
      const kind = LAMBDA_KEYS.find((k) => k.toLowerCase() === (keyText(pair) ?? '').toLowerCase());
      const range = kind ? inValue(pair) : undefined;
      if (!kind || !range) continue;
      const node = pair.value;
      const quote =
        isScalar(node) && node.type === 'QUOTE_DOUBLE'
          ? 'double'
          : isScalar(node) && node.type === 'QUOTE_SINGLE'
            ? 'single'
            : undefined;
      return {
        kind,
        range,
        ...(quote ? { quote } : {}),
        functionName: text('Name'),
        alias: text('Alias'),
        currentVersion: text('CurrentVersion'),
      };
    }
  }
  for (const h of hookEntries(doc)) {
    const range = inValue(h.pair);
    if (!range) continue;
    const node = h.pair.value;
    const quote =
      isScalar(node) && node.type === 'QUOTE_DOUBLE'
        ? 'double'
        : isScalar(node) && node.type === 'QUOTE_SINGLE'
          ? 'single'
          : undefined;
    return { kind: 'Hook', range, ...(quote ? { quote } : {}) };
  }
  return undefined;
}
