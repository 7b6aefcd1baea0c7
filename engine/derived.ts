/**
 * Views derived from one parsed AppSpec (every mapping node, the `files` entries, …), computed once and
 * shared by all rules instead of each rule walking the tree again. A parsed document never changes, so a
 * view keyed on the document object stays valid for as long as the document lives; the memo is a
 * WeakMap, so it goes away with the document. Incremental re-parsing builds a new document object (which
 * may reuse unchanged `yaml` subtrees): that is a new key, so views are never shared across documents.
 *
 * Views that also read the workspace (a hook script's `stat`) may only live for one lint run, since files
 * change between runs: `memoForRun` keys them on the context object `lint` creates per run.
 *
 * Views are shared: callers must not modify what they get (the types are read-only).
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Alias,
  type Document,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { AppSpecDocument, RuleContext } from './types';

const perDocument = new WeakMap<AppSpecDocument, Map<string, unknown>>();

/** The view `key` of `doc`, built by `build` on first use. `key` must name one meaning of the view everywhere. */
export function memoFor<T>(doc: AppSpecDocument, key: string, build: () => T): T {
  let views = perDocument.get(doc);
  if (!views) perDocument.set(doc, (views = new Map()));
  if (views.has(key)) return views.get(key) as T;
  const view = build();
  views.set(key, view);
  return view;
}

const runs = new WeakMap<RuleContext, WeakMap<AppSpecDocument, Map<string, unknown>>>();

/** Starts a lint run: views asked for with `memoForRun(doc, ctx, …)` are shared until `ctx` is dropped. */
export function startRun(ctx: RuleContext): void {
  runs.set(ctx, new WeakMap());
}

/**
 * Like `memoFor`, for views that depend on the workspace too: shared within the lint run that `ctx` belongs
 * to (see `startRun`), built afresh on every call outside a run (a rule called directly, as in tests).
 */
export function memoForRun<T>(doc: AppSpecDocument, ctx: RuleContext, key: string, build: () => T): T {
  const run = runs.get(ctx);
  if (!run) return build();
  let views = run.get(doc);
  if (!views) run.set(doc, (views = new Map()));
  if (views.has(key)) return views.get(key) as T;
  const view = build();
  views.set(key, view);
  return view;
}

/** Every node of the document by kind, in document order (keys before values, a collection before its items). */
export interface DocumentNodes {
  maps: readonly YAMLMap[];
  seqs: readonly YAMLSeq[];
  scalars: readonly Scalar[];
  aliases: readonly Alias[];
}

const NO_NODES: DocumentNodes = { maps: [], seqs: [], scalars: [], aliases: [] };

/**
 * All nodes of the document in one walk, in the order `yaml`'s `visit` reaches them. Iterative, so depth is
 * not limited by the call stack. Aliases are not followed (each node is listed once).
 */
export function nodesOf(doc: AppSpecDocument): DocumentNodes {
  const parsed = doc.yaml;
  if (!parsed) return NO_NODES;
  return memoFor(doc, 'nodes', () => collectNodes(parsed));
}

function collectNodes(parsed: Document.Parsed): DocumentNodes {
  const maps: YAMLMap[] = [];
  const seqs: YAMLSeq[] = [];
  const scalars: Scalar[] = [];
  const aliases: Alias[] = [];
  // Pending nodes, last one next; children are pushed in reverse so they come off in order.
  const stack: unknown[] = [parsed.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isScalar(node)) scalars.push(node);
    else if (isMap(node) || isSeq(node)) {
      if (isMap(node)) maps.push(node);
      else seqs.push(node);
      const items = node.items as unknown[];
      for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]);
    } else if (isPair(node)) {
      stack.push(node.value, node.key);
    } else if (isAlias(node)) aliases.push(node);
  }
  return { maps, seqs, scalars, aliases };
}
