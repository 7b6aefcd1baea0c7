/**
 * The lifecycle-event timeline as data: per target, one bar per event from its start to its end (an event
 * still running ends at "now"), on one time axis shared by all targets. Pure; the webview only draws it.
 * Large fleets are capped (failed and running targets first) so the page stays readable and small.
 */
import type { DeploymentTarget } from '../aws/api';
import { toMillis } from '../explorer/format';
import { targetEvents, targetId, targetStatus } from '../explorer/model';

export interface TimelineBar {
  name: string;
  status: string;
  /** Seconds from the timeline's start. */
  from: number;
  /** Seconds from the timeline's start; absent while the event runs (the webview extends it to now). */
  to?: number;
}

export interface TimelineRow {
  id: string;
  status: string;
  bars: TimelineBar[];
}

export interface TimelineView {
  /** Epoch milliseconds of the earliest event start (second 0 of the axis). */
  startedAt: number;
  /** Seconds covered by the axis: the last end, or now while something runs. */
  span: number;
  rows: TimelineRow[];
  /** Targets with events in all (rows holds at most `MAX_TIMELINE_ROWS` of them). */
  total: number;
}

export const MAX_TIMELINE_ROWS = 40;

const ORDER: Record<string, number> = { Failed: 0, InProgress: 1, Ready: 2, Pending: 3 };
const rank = (status: string) => ORDER[status] ?? 4;
const seconds = (ms: number) => Math.round(ms / 100) / 10;

export function timelineView(targets: DeploymentTarget[], now: number): TimelineView | undefined {
  const rows: TimelineRow[] = [];
  let first = Infinity;
  for (const t of targets)
    for (const e of targetEvents(t)) {
      const at = toMillis(e.startTime);
      if (at !== undefined && at < first) first = at;
    }
  if (first === Infinity) return undefined;
  let last = first;
  for (const t of targets) {
    const bars: TimelineBar[] = [];
    for (const e of targetEvents(t)) {
      const start = toMillis(e.startTime);
      if (start === undefined) continue;
      const end = toMillis(e.endTime);
      const running = end === undefined || e.status === 'InProgress';
      last = Math.max(last, running ? now : end, start);
      bars.push({
        name: e.lifecycleEventName ?? '?',
        status: e.status ?? 'Unknown',
        from: seconds(start - first),
        ...(running ? {} : { to: seconds(Math.max(end, start) - first) }),
      });
    }
    if (bars.length) rows.push({ id: targetId(t), status: targetStatus(t) ?? 'Unknown', bars });
  }
  // Over the cap, failed and running targets are kept first; the rows shown stay in ID order (they do not jump).
  const shown =
    rows.length > MAX_TIMELINE_ROWS
      ? [...rows]
          .sort((a, b) => rank(a.status) - rank(b.status) || a.id.localeCompare(b.id))
          .slice(0, MAX_TIMELINE_ROWS)
      : rows;
  shown.sort((a, b) => a.id.localeCompare(b.id));
  return { startedAt: first, span: seconds(last - first), rows: shown, total: rows.length };
}
