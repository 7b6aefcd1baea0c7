// @ts-check
// Applies a monitor diff (client/src/monitor/diff.ts makes it) to the last full state. The same rules as
// applyMonitorDiff there; test/unit/client/monitor-diff.test.ts checks both against each other. Loaded by the
// monitor page before monitor.js, and by the unit test through module.exports.
(function (root) {
  'use strict';
  /** @param {string[]} prev @param {string[]} added @param {string[]} removed @param {number[] | undefined} at */
  function applyOrder(prev, added, removed, at) {
    const gone = new Set(removed);
    const out = prev.filter((id) => !gone.has(id));
    if (!at) return out.concat(added);
    added.forEach((id, n) => out.splice(at[n], 0, id));
    return out;
  }
  /** @param {any} item @param {any} patch */
  function applyPatch(item, patch) {
    const out = Object.assign({}, item, patch.set);
    for (const k of patch.unset || []) delete out[k];
    for (const [k, l] of Object.entries(patch.lists || {})) {
      const list = (out[k] || []).slice(0, l.length);
      for (const [i, x] of l.items) list[i] = x;
      out[k] = list;
    }
    return out;
  }
  /** @param {{ id: string }[]} prev @param {any} d */
  function applyKeyed(prev, d) {
    const byId = new Map(prev.map((x) => [x.id, x]));
    for (const x of d.added) byId.set(x.id, x);
    for (const p of d.patched) byId.set(p.id, applyPatch(byId.get(p.id), p));
    const order =
      d.order ||
      applyOrder(
        prev.map((x) => x.id),
        d.added.map((/** @type {{ id: string }} */ x) => x.id),
        d.removed,
        d.at,
      );
    return order.map((/** @type {string} */ id) => byId.get(id));
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
  /** @param {any} v */
  const isPlain = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
  /** Undoes packForWire (client/src/monitor/diff.ts): `{ $table: keys, rows }` back to an array of objects. @param {any} v @returns {any} */
  function unpackFromWire(v) {
    if (Array.isArray(v)) return v.map(unpackFromWire);
    if (!isPlain(v)) return v;
    if (Array.isArray(v.$table) && Array.isArray(v.rows))
      return v.rows.map((/** @type {any[]} */ r) => {
        /** @type {Record<string, any>} */
        const o = {};
        v.$table.forEach((/** @type {string} */ k, /** @type {number} */ i) => {
          if (r[i] !== null) o[k] = unpackFromWire(r[i]);
        });
        return o;
      });
    /** @type {Record<string, any>} */
    const out = {};
    for (const [k, x] of Object.entries(v)) out[k] = unpackFromWire(x);
    return out;
  }
  // eslint-disable-next-line no-undef
  if (typeof module === 'object' && module.exports) module.exports = { applyMonitorDiff, unpackFromWire };
  else {
    root.applyMonitorDiff = applyMonitorDiff;
    root.unpackFromWire = unpackFromWire;
  }
})(this);
