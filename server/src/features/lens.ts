/**
 * Lifecycle at a glance: a code lens above every hook event telling where it runs in the
 * platform's order, e.g. "runs 3rd of 9 · in-place & blue/green (replacement instances)".
 */
import type { CodeLens } from 'vscode-languageserver-types';
import {
  findEvent,
  findPair,
  isMap,
  isSeq,
  keyText,
  type AppSpecDocument,
  type AppSpecPlatform,
  type LifecycleEvent,
  type Pair,
} from '../../../engine/index';
import { eventSummary } from './describe';

/** Hook event pairs of the document with the platform their names belong to. */
export function hookPairs(doc: AppSpecDocument): { pair: Pair; platform: AppSpecPlatform }[] {
  const p = doc.platform.platform;
  const out: { pair: Pair; platform: AppSpecPlatform }[] = [];
  if (p === 'ec2' || p === 'unknown') {
    const hooks = findPair(doc.root, 'hooks');
    if (hooks && isMap(hooks.value))
      for (const h of hooks.value.items as Pair[]) out.push({ pair: h, platform: 'ec2' });
    if (p === 'ec2') return out;
  }
  const platform: AppSpecPlatform = p === 'lambda' ? 'lambda' : 'ecs';
  const hooks = findPair(doc.root, 'Hooks', { caseInsensitive: true });
  if (!hooks || (p === 'unknown' && keyText(hooks) === 'hooks' && isMap(hooks.value))) return out;
  if (isSeq(hooks.value)) {
    for (const item of hooks.value.items)
      if (isMap(item)) for (const h of item.items as Pair[]) out.push({ pair: h, platform });
  } else if (isMap(hooks.value)) {
    for (const h of hooks.value.items as Pair[]) out.push({ pair: h, platform });
  }
  return out;
}

export function codeLenses(doc: AppSpecDocument): CodeLens[] {
  const lenses: CodeLens[] = [];
  const events: LifecycleEvent[] = [];
  for (const { pair, platform } of hookPairs(doc)) {
    const name = keyText(pair);
    const event = name ? findEvent(platform, name) : undefined;
    if (!event) continue;
    events.push(event);
    lenses.push({ range: doc.keyRangeOf(pair), command: { title: eventSummary(event), command: '' } });
  }
  // On the section itself: the order the hooks actually run in, whatever order they are written in.
  const section = findPair(doc.root, 'hooks') ?? findPair(doc.root, 'Hooks', { caseInsensitive: true });
  const scriptable = events.filter((e) => e.scriptable);
  if (section && scriptable.length > 1) {
    const order = [...new Map(scriptable.map((e) => [e.name, e])).values()].sort((a, b) => a.order - b.order);
    lenses.unshift({
      range: doc.keyRangeOf(section),
      command: { title: `run order: ${order.map((e) => e.name).join(' → ')}`, command: '' },
    });
  }
  return lenses;
}
