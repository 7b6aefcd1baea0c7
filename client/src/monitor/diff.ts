/**
 * What the monitor sends the webview after the first full state: only the parts that changed. Top-level
 * fields are replaced whole when they differ; targets and timeline rows, the parts that grow with the
 * fleet, go as changed items keyed by ID (plus removed IDs and, when it changed, the new order).
 * `applyMonitorDiff(prev, diffMonitorState(prev, next))` equals `next`. Pure and JSON-only, so the
 * webview applies the same format (media/monitor/diff.js, tested against this) and a benchmark can
 * measure the size and time of an update through this seam.
 */
import type { MonitorTarget, MonitorViewState } from './model';
import type { TimelineRow, TimelineView } from './timeline';

export interface KeyedListDiff<T> {
  /** Items that are new or differ, by `id`. */
  changed: T[];
  removed: string[];
  /** The full ID order, only when it is not what applying `changed`/`removed` to the old order gives. */
  order?: string[];
}

export interface MonitorDiff {
  /** Top-level fields (other than targets and timeline) that changed, with their new values. */
  set: Partial<MonitorViewState>;
  /** Top-level fields that are gone. */
  unset: (keyof MonitorViewState)[];
  targets?: KeyedListDiff<MonitorTarget>;
  /** The timeline's rows as a keyed diff and its scalars; `null` when the timeline is gone. */
  timeline?: { startedAt: number; span: number; total: number; rows: KeyedListDiff<TimelineRow> } | null;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function keyedDiff<T extends { id: string }>(prev: T[], next: T[]): KeyedListDiff<T> | undefined {
  const old = new Map(prev.map((x) => [x.id, x]));
  const ids = new Set(next.map((x) => x.id));
  const changed = next.filter((x) => !same(old.get(x.id), x));
  const removed = prev.filter((x) => !ids.has(x.id)).map((x) => x.id);
  const applied = applyOrder(
    prev.map((x) => x.id),
    changed.map((x) => x.id),
    removed,
  );
  const order = next.map((x) => x.id);
  const reordered = applied.length !== order.length || applied.some((id, i) => id !== order[i]);
  if (!changed.length && !removed.length && !reordered) return undefined;
  return { changed, removed, ...(reordered ? { order } : {}) };
}

/** The old order without the removed IDs, new IDs appended. */
function applyOrder(prev: string[], changed: string[], removed: string[]): string[] {
  const gone = new Set(removed);
  const out = prev.filter((id) => !gone.has(id));
  const have = new Set(out);
  for (const id of changed) if (!have.has(id)) out.push(id);
  return out;
}

function applyKeyed<T extends { id: string }>(prev: T[], d: KeyedListDiff<T>): T[] {
  const byId = new Map(prev.map((x) => [x.id, x]));
  for (const x of d.changed) byId.set(x.id, x);
  const order =
    d.order ??
    applyOrder(
      prev.map((x) => x.id),
      d.changed.map((x) => x.id),
      d.removed,
    );
  return order.map((id) => byId.get(id)!);
}

export function diffMonitorState(prev: MonitorViewState, next: MonitorViewState): MonitorDiff {
  const diff: MonitorDiff = { set: {}, unset: [] };
  const keys = new Set([...Object.keys(prev), ...Object.keys(next)] as (keyof MonitorViewState)[]);
  for (const k of keys) {
    if (k === 'targets' || k === 'timeline') continue;
    if (next[k] === undefined) {
      if (prev[k] !== undefined) diff.unset.push(k);
    } else if (!same(prev[k], next[k])) (diff.set as Record<string, unknown>)[k] = next[k];
  }
  const targets = keyedDiff(prev.targets, next.targets);
  if (targets) diff.targets = targets;
  const tl = timelineDiff(prev.timeline, next.timeline);
  if (tl !== undefined) diff.timeline = tl;
  return diff;
}

function timelineDiff(prev: TimelineView | undefined, next: TimelineView | undefined): MonitorDiff['timeline'] {
  if (!next) return prev ? null : undefined;
  const rows = keyedDiff(prev?.rows ?? [], next.rows);
  if (prev && !rows && prev.startedAt === next.startedAt && prev.span === next.span && prev.total === next.total)
    return undefined;
  return {
    startedAt: next.startedAt,
    span: next.span,
    total: next.total,
    rows: rows ?? { changed: [], removed: [] },
  };
}

export function applyMonitorDiff(prev: MonitorViewState, diff: MonitorDiff): MonitorViewState {
  const next = { ...prev, ...diff.set } as MonitorViewState;
  for (const k of diff.unset) delete next[k];
  if (diff.targets) next.targets = applyKeyed(prev.targets, diff.targets);
  if (diff.timeline === null) delete next.timeline;
  else if (diff.timeline) {
    const { rows, ...scalars } = diff.timeline;
    next.timeline = { ...scalars, rows: applyKeyed(prev.timeline?.rows ?? [], rows) };
  }
  return next;
}

/** True when the diff changes nothing (the monitor then sends nothing). */
export function isEmptyDiff(diff: MonitorDiff): boolean {
  return !Object.keys(diff.set).length && !diff.unset.length && !diff.targets && diff.timeline === undefined;
}
