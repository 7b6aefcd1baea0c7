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
  /** Items that are new, whole. */
  added: T[];
  /** Items on both sides that differ: only their changed fields (lists element by element). */
  patched: ItemPatch[];
  removed: string[];
  /** Where the added items go: their indices in the new list, ascending (when the old items keep their order). */
  at?: number[];
  /** The full ID order, only when the old items changed their relative order. */
  order?: string[];
}

/** The fields of one item that changed: replaced, gone, or (arrays) changed elements and the new length. */
export interface ItemPatch {
  id: string;
  set?: Record<string, unknown>;
  unset?: string[];
  lists?: Record<string, { length: number; items: [number, unknown][] }>;
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

function patchOf(prev: Record<string, unknown>, next: Record<string, unknown>, id: string): ItemPatch {
  const patch: ItemPatch = { id };
  for (const k of new Set([...Object.keys(prev), ...Object.keys(next)])) {
    const a = prev[k];
    const b = next[k];
    if (same(a, b)) continue;
    if (b === undefined) (patch.unset ??= []).push(k);
    else if (Array.isArray(a) && Array.isArray(b)) {
      const items: [number, unknown][] = [];
      b.forEach((x, i) => {
        if (i >= a.length || !same(a[i], x)) items.push([i, x]);
      });
      (patch.lists ??= {})[k] = { length: b.length, items };
    } else (patch.set ??= {})[k] = b;
  }
  return patch;
}

function applyPatch<T>(item: T, patch: ItemPatch): T {
  const out = { ...item, ...patch.set } as Record<string, unknown>;
  for (const k of patch.unset ?? []) delete out[k];
  for (const [k, { length, items }] of Object.entries(patch.lists ?? {})) {
    const list = ((out[k] as unknown[] | undefined) ?? []).slice(0, length);
    for (const [i, x] of items) list[i] = x;
    out[k] = list;
  }
  return out as T;
}

function keyedDiff<T extends { id: string }>(prev: T[], next: T[]): KeyedListDiff<T> | undefined {
  const old = new Map(prev.map((x) => [x.id, x]));
  const ids = new Set(next.map((x) => x.id));
  const added: T[] = [];
  const at: number[] = [];
  const patched: ItemPatch[] = [];
  next.forEach((x, i) => {
    const before = old.get(x.id);
    if (!before) {
      added.push(x);
      at.push(i);
    } else if (!same(before, x))
      patched.push(
        patchOf(before as unknown as Record<string, unknown>, x as unknown as Record<string, unknown>, x.id),
      );
  });
  const removed = prev.filter((x) => !ids.has(x.id)).map((x) => x.id);
  const kept = prev.filter((x) => ids.has(x.id)).map((x) => x.id);
  const keptInNext = next.filter((x) => old.has(x.id)).map((x) => x.id);
  const reordered = kept.some((id, i) => id !== keptInNext[i]);
  const moved = !reordered && at.some((i, n) => i !== kept.length + n);
  if (!added.length && !patched.length && !removed.length && !reordered) return undefined;
  return {
    added,
    patched,
    removed,
    ...(reordered ? { order: next.map((x) => x.id) } : moved ? { at } : {}),
  };
}

/** The old order without the removed IDs, the added IDs at their indices (appended when none are given). */
function applyOrder(prev: string[], added: string[], removed: string[], at?: number[]): string[] {
  const gone = new Set(removed);
  const out = prev.filter((id) => !gone.has(id));
  if (!at) return [...out, ...added];
  added.forEach((id, n) => out.splice(at[n], 0, id));
  return out;
}

function applyKeyed<T extends { id: string }>(prev: T[], d: KeyedListDiff<T>): T[] {
  const byId = new Map(prev.map((x) => [x.id, x]));
  for (const x of d.added) byId.set(x.id, x);
  for (const p of d.patched) byId.set(p.id, applyPatch(byId.get(p.id)!, p));
  const order =
    d.order ??
    applyOrder(
      prev.map((x) => x.id),
      d.added.map((x) => x.id),
      d.removed,
      d.at,
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
    rows: rows ?? { added: [], patched: [], removed: [] },
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

// ---- the wire: arrays of objects travel as tables ----------------------------------------------------------

type Json = Record<string, unknown>;
const isPlain = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * How a message travels to the page: every array of two or more plain objects (targets, their events,
 * timeline rows) becomes `{ $table: keys, rows }`, the keys written once instead of once per object, which
 * makes a fleet's update about half the size. Arrays holding a `null` value stay as they are (a row uses
 * `null` for an absent field). `unpackFromWire` (and the page's copy in media/monitor/diff.js) undoes it.
 */
export function packForWire(v: unknown): unknown {
  if (Array.isArray(v)) {
    if (v.length >= 2 && v.every((o) => isPlain(o) && Object.values(o).every((x) => x !== null))) {
      const keys = [...new Set(v.flatMap((o) => Object.keys(o as Json).filter((k) => (o as Json)[k] !== undefined)))];
      return {
        $table: keys,
        rows: v.map((o) => keys.map((k) => ((o as Json)[k] === undefined ? null : packForWire((o as Json)[k])))),
      };
    }
    return v.map(packForWire);
  }
  if (!isPlain(v)) return v;
  const out: Json = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = packForWire(x);
  return out;
}

export function unpackFromWire(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(unpackFromWire);
  if (!isPlain(v)) return v;
  const { $table: keys, rows } = v as { $table?: unknown; rows?: unknown };
  if (Array.isArray(keys) && Array.isArray(rows))
    return rows.map((r: unknown[]) => {
      const o: Json = {};
      keys.forEach((k: string, i) => {
        if (r[i] !== null) o[k] = unpackFromWire(r[i]);
      });
      return o;
    });
  const out: Json = {};
  for (const [k, x] of Object.entries(v)) out[k] = unpackFromWire(x);
  return out;
}
