// @ts-check
// Applies a monitor diff (client/src/monitor/diff.ts makes it) to the last full state. The same rules as
// applyMonitorDiff there; test/unit/client/monitor-diff.test.ts checks both against each other. Loaded by the
// monitor page before monitor.js, and by the unit test through module.exports.
(function (root) {
  'use strict';
  /** @param {string[]} prev @param {string[]} changed @param {string[]} removed */
  function applyOrder(prev, changed, removed) {
    const gone = new Set(removed);
    const out = prev.filter((id) => !gone.has(id));
    const have = new Set(out);
    for (const id of changed) if (!have.has(id)) out.push(id);
    return out;
  }
  /** @param {{ id: string }[]} prev @param {{ changed: { id: string }[], removed: string[], order?: string[] }} d */
  function applyKeyed(prev, d) {
    const byId = new Map(prev.map((x) => [x.id, x]));
    for (const x of d.changed) byId.set(x.id, x);
    const order =
      d.order ||
      applyOrder(
        prev.map((x) => x.id),
        d.changed.map((x) => x.id),
        d.removed,
      );
    return order.map((id) => byId.get(id));
  }
  /** @param {any} prev @param {any} diff */
  function applyMonitorDiff(prev, diff) {
    const next = Object.assign({}, prev, diff.set);
    for (const k of diff.unset) delete next[k];
    if (diff.targets) next.targets = applyKeyed(prev.targets, diff.targets);
    if (diff.timeline === null) delete next.timeline;
    else if (diff.timeline) {
      const rows = applyKeyed(prev.timeline ? prev.timeline.rows : [], diff.timeline.rows);
      next.timeline = {
        startedAt: diff.timeline.startedAt,
        span: diff.timeline.span,
        total: diff.timeline.total,
        rows,
      };
    }
    return next;
  }
  // eslint-disable-next-line no-undef
  if (typeof module === 'object' && module.exports) module.exports = { applyMonitorDiff };
  else root.applyMonitorDiff = applyMonitorDiff;
})(this);
