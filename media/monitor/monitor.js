// @ts-check
// The deployment monitor page. It renders only the state the extension posts and sends back
// button clicks; it never talks to AWS. Everything is built with DOM APIs and textContent
// (log tails and messages are untrusted text).
(function () {
  'use strict';
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  const SVG = 'http://www.w3.org/2000/svg';
  /** @type {any} */
  let state;
  let clockOffset = 0;
  const deploymentId = app.dataset.deploymentId || '';
  vscode.setState({ deploymentId });

  /**
   * @param {string} tag
   * @param {Record<string, string>} [attrs]
   * @param {(Node | string | undefined | null | false)[]} [children]
   */
  function h(tag, attrs, children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
    for (const c of children || [])
      if (c !== undefined && c !== null && c !== false)
        el.append(typeof c === 'string' ? document.createTextNode(c) : c);
    return el;
  }

  /** @param {string} tag @param {Record<string, string | number>} attrs */
  function s(tag, attrs) {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    return el;
  }

  /** @param {string} type */
  function send(type, extra) {
    vscode.postMessage(Object.assign({ type }, extra || {}));
  }

  /** @param {number} secs */
  function clock(secs) {
    secs = Math.max(0, Math.round(secs));
    const m = Math.floor(secs / 60);
    const r = secs % 60;
    return m >= 60
      ? `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`
      : `${m}:${String(r).padStart(2, '0')}`;
  }

  /**
   * A toolbar button: a real <button> with an accessible name. An unavailable one is disabled (and
   * aria-disabled), looks disabled, has a tooltip saying why, and is described by the visible reason line
   * below the toolbar (a disabled button is not focusable, so the reason must be readable without focus).
   * @param {{ label: string, type: string, enabled: boolean, cls: string, name: string, why?: string, whyId?: string }} o
   */
  function btn(o) {
    const el = h(
      'button',
      {
        type: 'button',
        class: o.enabled ? o.cls : 'secondary unavailable',
        'data-action': o.type,
        'aria-label': o.name,
      },
      [o.label],
    );
    if (!o.enabled) {
      el.setAttribute('disabled', '');
      el.setAttribute('aria-disabled', 'true');
      if (o.why) el.setAttribute('title', o.why);
      if (o.whyId) el.setAttribute('aria-describedby', o.whyId);
    }
    el.addEventListener('click', () => {
      if (el.hasAttribute('disabled')) return;
      // One click per state: the next state (after the command ran or was cancelled) enables it again.
      el.setAttribute('disabled', '');
      el.setAttribute('aria-disabled', 'true');
      el.classList.add('unavailable');
      send(o.type);
    });
    return el;
  }

  function buttons() {
    const b = state.buttons;
    const id = state.deploymentId;
    const specs = [
      {
        label: b.continue.label,
        type: 'continue',
        enabled: b.continue.enabled,
        cls: 'primary',
        name: `${b.continue.label} (deployment ${id})`,
        why: b.continue.reason,
      },
      {
        label: 'Stop',
        type: 'stop',
        enabled: b.stop,
        cls: 'secondary',
        name: `Stop deployment ${id}`,
        why: b.stopReason,
      },
      {
        label: 'Stop and roll back',
        type: 'stopAndRollback',
        enabled: b.stopAndRollback,
        cls: 'secondary',
        name: `Stop and roll back deployment ${id}`,
        why: b.stopReason,
      },
    ];
    // One visible line per distinct reason, naming the buttons it explains (unless it explains all of them).
    /** @type {Map<string, { id: string, labels: string[] }>} */
    const reasons = new Map();
    for (const sp of specs) {
      if (sp.enabled || !sp.why) continue;
      const r = reasons.get(sp.why) || { id: `why-${sp.type}`, labels: [] };
      r.labels.push(sp.label);
      reasons.set(sp.why, r);
      Object.assign(sp, { whyId: r.id });
    }
    const lines = [...reasons].map(([why, r]) =>
      h('p', { id: r.id, class: 'muted why' }, [
        r.labels.length < specs.length ? h('span', { class: 'what' }, [`${r.labels.join(', ')}: `]) : '',
        why,
      ]),
    );
    return h('div', { class: 'controls' }, [
      h('div', { class: 'actions', role: 'group', 'aria-label': `Actions for deployment ${id}` }, specs.map(btn)),
      lines.length ? h('div', { class: 'reasons' }, lines) : undefined,
    ]);
  }

  /** A deployment ID that opens that deployment's monitor. @param {string} id */
  function deploymentLink(id) {
    if (id === state.deploymentId) return h('strong', {}, [id]);
    const a = h('button', { type: 'button', class: 'link', title: `Open the monitor of ${id}` }, [id]);
    a.addEventListener('click', () => send('openDeployment', { deploymentId: id }));
    return a;
  }

  function header() {
    return h('header', {}, [
      h('h1', {}, [
        h('span', { class: `badge ${state.statusClass}`, role: 'status' }, [state.status]),
        ' ',
        state.deploymentId,
      ]),
      h('p', { class: 'muted' }, [
        `${state.application} / ${state.group} · ${state.platformLabel} · ${state.configName}`,
        state.creator ? ` · ${state.creator}` : '',
        state.elapsed ? ` · ${state.elapsed}` : '',
      ]),
      versions(),
    ]);
  }

  function versions() {
    const v = state.versions;
    if (!v || (!v.from && !v.to)) return undefined;
    // Without an earlier version (a group's first deployment) there is no "from" to show.
    if (!v.from) return h('p', { class: 'versions' }, [`${v.subject}: deploys `, h('strong', {}, [v.to])]);
    if (!v.to) return h('p', { class: 'versions' }, [`${v.subject}: replaces `, h('strong', {}, [v.from])]);
    return h('p', { class: 'versions' }, [`${v.subject}: `, h('strong', {}, [v.from]), ' → ', h('strong', {}, [v.to])]);
  }

  function messages() {
    const items = [];
    if (state.error)
      items.push(h('p', { class: 'error' }, [h('strong', {}, [state.error.code]), ': ', state.error.message]));
    if (state.rollback)
      items.push(
        h(
          'p',
          { class: 'note rollback' },
          state.rollback.parts.map((/** @type {any} */ p) =>
            p.deploymentId ? deploymentLink(p.deploymentId) : p.text,
          ),
        ),
      );
    for (const m of state.messages) items.push(h('p', { class: 'note' }, [m]));
    if (state.pollError) items.push(h('p', { class: 'warn' }, ['Could not refresh: ', state.pollError, ' (retrying)']));
    return items.length ? h('section', { class: 'messages' }, items) : undefined;
  }

  function waitingHooks() {
    if (!state.waitingHooks || !state.waitingHooks.length) return undefined;
    return h(
      'section',
      { class: 'hooks', 'aria-label': 'Hooks waiting for a status' },
      state.waitingHooks.map((/** @type {any} */ w) => {
        const what = w.functionName ? ['hook function ', h('code', {}, [w.functionName])] : [`the ${w.event} hook`];
        const line = h('p', { class: 'waiting' }, [
          'Waiting for ',
          ...what,
          w.functionName ? ` (${w.event})` : '',
          w.timesOutAt !== undefined
            ? h('span', {}, [
                ' (times out in ',
                h('strong', { 'data-ends-at': String(w.timesOutAt) }, [clock(w.remainingSeconds)]),
                ')',
              ])
            : '',
        ]);
        if (!w.executionId) return h('div', { class: 'hook' }, [line]);
        /** @param {string} label @param {'Succeeded' | 'Failed'} status @param {string} cls */
        const report = (label, status, cls) => {
          const b = h('button', { type: 'button', class: cls, 'data-action': `report${status}` }, [label]);
          b.addEventListener('click', () => {
            if (b.getAttribute('aria-disabled') === 'true') return;
            for (const x of b.parentElement ? b.parentElement.querySelectorAll('button') : []) {
              x.setAttribute('aria-disabled', 'true');
              x.classList.add('unavailable');
            }
            send('reportHook', { executionId: w.executionId, status });
          });
          return b;
        };
        return h('div', { class: 'hook' }, [
          line,
          h('div', { class: 'actions', role: 'group', 'aria-label': `Report the ${w.event} hook's outcome` }, [
            report('Report Succeeded', 'Succeeded', 'primary'),
            report('Report Failed', 'Failed', 'secondary'),
          ]),
        ]);
      }),
    );
  }

  function countdowns() {
    if (!state.countdowns.length) return undefined;
    return h(
      'section',
      { class: 'countdowns' },
      state.countdowns.map((/** @type {any} */ c) =>
        h('div', { class: 'countdown' }, [
          h('span', {}, [c.label, ' ']),
          h('strong', { 'data-ends-at': String(c.endsAt) }, [clock(c.remainingSeconds)]),
        ]),
      ),
    );
  }

  function traffic() {
    const t = state.traffic;
    if (!t) return undefined;
    const green = Math.round(t.green);
    if (t.ended)
      return h('section', { class: 'traffic' }, [
        h('h2', {}, ['Traffic']),
        h('p', { class: 'ended' }, [t.stepLabel]),
        chart(t),
        h('p', { class: 'muted legend' }, ['Traffic on the replacement as observed until the deployment ended.']),
      ]);
    const bar = h(
      'div',
      { class: 'split', role: 'img', 'aria-label': `Original ${100 - green} percent, replacement ${green} percent` },
      [h('div', { class: 'blue' }, []), h('div', { class: 'green' }, [])],
    );
    // Widths via CSSOM (inline style attributes would need 'unsafe-inline').
    /** @type {HTMLElement} */ (bar.children[0]).style.width = `${100 - green}%`;
    /** @type {HTMLElement} */ (bar.children[1]).style.width = `${green}%`;
    return h('section', { class: 'traffic' }, [
      h('h2', {}, ['Traffic']),
      h('p', {}, [
        h('span', { class: 'dot blue' }, []),
        ` ${t.blueLabel} ${100 - green}%  `,
        h('span', { class: 'dot green' }, []),
        ` ${t.greenLabel} ${green}%`,
      ]),
      bar,
      h('p', { class: 'muted' }, [t.stepLabel]),
      chart(t),
      h('p', { class: 'muted legend' }, [
        t.planned.length
          ? `Solid: traffic on the replacement as observed. Dashed: the plan of ${state.configName}.`
          : 'Traffic on the replacement as observed.',
      ]),
    ]);
  }

  /** A step chart: planned (dashed) beside actual (solid), green share 0–100 over time. */
  function chart(/** @type {any} */ t) {
    const W = 560,
      H = 180,
      L = 36,
      B = 22,
      T = 8,
      R = 8;
    const lastPlanned = t.planned.length ? t.planned[t.planned.length - 1].atSeconds : 0;
    const lastActual = t.actual.length ? t.actual[t.actual.length - 1].t : 0;
    const maxT = Math.max(lastPlanned * 1.15, lastActual, 10);
    const minT = Math.min(0, t.actual.length ? t.actual[0].t : 0);
    const x = (/** @type {number} */ v) => L + ((v - minT) / (maxT - minT)) * (W - L - R);
    const y = (/** @type {number} */ v) => T + (1 - v / 100) * (H - T - B);
    const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img' });
    const title = s('title', {});
    title.textContent = 'Replacement traffic share over time: planned (dashed) and actual (solid)';
    svg.append(title);
    for (const v of [0, 50, 100]) {
      svg.append(s('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' }));
      const lbl = s('text', { x: L - 4, y: y(v) + 4, class: 'axis', 'text-anchor': 'end' });
      lbl.textContent = `${v}%`;
      svg.append(lbl);
    }
    const unit = maxT > 600 ? 60 : 1;
    const tl = s('text', { x: W - R, y: H - 6, class: 'axis', 'text-anchor': 'end' });
    tl.textContent = unit === 60 ? `${Math.round(maxT / 60)} min` : `${Math.round(maxT)} s`;
    svg.append(tl);
    /** @param {{t:number, green:number}[]} pts */
    const stepPath = (pts, end) => {
      if (!pts.length) return '';
      let d = `M${x(pts[0].t)},${y(pts[0].green)}`;
      for (let i = 1; i < pts.length; i++) d += ` H${x(pts[i].t)} V${y(pts[i].green)}`;
      return d + ` H${x(end)}`;
    };
    if (t.planned.length) {
      const pts = [
        { t: 0, green: 0 },
        ...t.planned.map((/** @type {any} */ p) => ({ t: p.atSeconds, green: p.green })),
      ];
      // The first planned step happens at 0: start the line at its value.
      if (pts.length > 1 && pts[1].t === 0) pts.shift();
      svg.append(s('path', { d: stepPath(pts, maxT), class: 'planned' }));
    }
    if (t.actual.length) svg.append(s('path', { d: stepPath(t.actual, lastActual), class: 'actual' }));
    return svg;
  }

  function ec2() {
    const e = state.ec2;
    if (!e) return undefined;
    const summary = e.summary;
    const mh = e.minimumHealthy
      ? h('p', { class: e.atRisk ? 'error' : 'muted' }, [
          `Minimum healthy hosts: ${e.minimumHealthy.label}`,
          e.minimumHealthy.required > 0 ? ` (${e.minimumHealthy.required} of ${e.total})` : '',
          e.atRisk ? ' — too many failures, the deployment will fail' : '',
        ])
      : undefined;
    const head = h('tr', {}, [
      h('th', { scope: 'col' }, ['Instance']),
      ...e.eventNames.map((/** @type {string} */ n) => h('th', { scope: 'col', class: 'event' }, [n])),
    ]);
    const rows = state.targets.map((/** @type {any} */ t) =>
      h('tr', {}, [
        h('th', { scope: 'row' }, [
          t.id,
          t.label ? ` (${t.label})` : '',
          h('div', { class: 'progress' }, [progress(t.progress, t.status)]),
        ]),
        ...e.eventNames.map((/** @type {string} */ n) => {
          const ev = t.events.find((/** @type {any} */ x) => x.name === n);
          return h(
            'td',
            { class: `cell ${ev ? ev.status : 'none'}`, title: ev ? `${n}: ${ev.status} ${ev.duration}` : '' },
            [ev ? short(ev.status) : ''],
          );
        }),
      ]),
    );
    return h('section', { class: 'ec2' }, [
      h('h2', {}, ['Instances']),
      h('p', {}, [summary]),
      mh,
      h('div', { class: 'scroll' }, [h('table', {}, [h('thead', {}, [head]), h('tbody', {}, rows)])]),
    ]);
  }

  /** A per-instance bar, coloured by the instance's status. @param {number} p @param {string} status */
  function progress(p, status) {
    const el = h(
      'div',
      {
        class: `bar ${status}`,
        'aria-label': status,
        role: 'progressbar',
        'aria-valuemin': '0',
        'aria-valuemax': '100',
        'aria-valuenow': String(Math.round(p * 100)),
      },
      [],
    );
    el.style.width = `${Math.round(p * 100)}%`;
    return el;
  }

  /** @param {string} st */
  function short(st) {
    return { Succeeded: '✓', Failed: '✗', InProgress: '…', Pending: '·', Skipped: '–' }[st] || '?';
  }

  /**
   * A time offset on the timeline's scale: tenths of a second for short spans, seconds, then m:ss.
   * @param {number} secs @param {number} span
   */
  function offset(secs, span) {
    if (span < 10) return `${secs.toFixed(1)} s`;
    if (span < 120) return `${Math.round(secs)} s`;
    return clock(secs);
  }

  /**
   * Lifecycle events per target on one time axis: a bar from each event's start to its end (running ones
   * reach now), coloured by status with the theme's colours. The same facts as a table for screen readers
   * and for anyone who would rather read.
   */
  function timeline() {
    const tl = state.timeline;
    if (!tl || !tl.rows.length) return undefined;
    const nowRel = Math.max(0, (state.now - tl.startedAt) / 1000);
    const span = Math.max(tl.span, 1);
    const W = 640,
      L = 150,
      R = 12,
      ROW = 18,
      T = 6,
      AXIS = 20;
    const H = T + tl.rows.length * ROW + AXIS;
    const x = (/** @type {number} */ v) => L + (Math.min(v, span) / span) * (W - L - R);
    const svg = s('svg', {
      viewBox: `0 0 ${W} ${H}`,
      class: 'timeline-chart',
      role: 'img',
      'aria-labelledby': 'tl-title',
    });
    const title = s('title', { id: 'tl-title' });
    const failed = tl.rows.filter((/** @type {any} */ r) => r.status === 'Failed').length;
    title.textContent =
      `Lifecycle event timeline of ${tl.rows.length} target${tl.rows.length === 1 ? '' : 's'} over ${offset(span, span)}` +
      (failed ? `, ${failed} failed` : '') +
      '. The table below lists the same events.';
    svg.append(title);
    for (const f of [0, 0.25, 0.5, 0.75, 1]) {
      const at = x(span * f);
      svg.append(s('line', { x1: at, x2: at, y1: T, y2: H - AXIS + 2, class: 'grid' }));
      const lbl = s('text', {
        x: at,
        y: H - 6,
        class: 'axis',
        'text-anchor': f === 0 ? 'start' : f === 1 ? 'end' : 'middle',
      });
      lbl.textContent = offset(span * f, span);
      svg.append(lbl);
    }
    tl.rows.forEach((/** @type {any} */ row, /** @type {number} */ i) => {
      const y = T + i * ROW;
      const name = s('text', { x: L - 6, y: y + ROW - 5, class: `row-label ${row.status}`, 'text-anchor': 'end' });
      name.textContent = row.id.length > 22 ? `${row.id.slice(0, 21)}…` : row.id;
      svg.append(name);
      for (const b of row.bars) {
        const to = b.to === undefined ? nowRel : b.to;
        const x1 = x(b.from);
        const rect = s('rect', {
          x: x1,
          y: y + 3,
          width: Math.max(2, x(to) - x1),
          height: ROW - 6,
          rx: 2,
          class: `tl-bar ${b.status}`,
        });
        const tip = s('title', {});
        tip.textContent = `${row.id} · ${b.name}: ${b.status}, ${offset(b.from, span)} → ${b.to === undefined ? 'now' : offset(b.to, span)}`;
        rect.append(tip);
        svg.append(rect);
      }
    });
    const legend = h(
      'p',
      { class: 'muted legend' },
      ['Succeeded', 'InProgress', 'Failed', 'Skipped'].map((st) =>
        h('span', { class: 'key' }, [
          h('span', { class: `swatch ${st}` }, []),
          ` ${st === 'InProgress' ? 'In progress' : st} `,
        ]),
      ),
    );
    const table = h('table', { class: 'timeline-table' }, [
      h('caption', { class: 'sr-only' }, ['Lifecycle events with their start and end, counted from the first start']),
      h('thead', {}, [
        h('tr', {}, [
          h('th', { scope: 'col' }, ['Target']),
          h('th', { scope: 'col' }, ['Event']),
          h('th', { scope: 'col' }, ['Status']),
          h('th', { scope: 'col' }, ['Start']),
          h('th', { scope: 'col' }, ['End']),
        ]),
      ]),
      h(
        'tbody',
        {},
        tl.rows.flatMap((/** @type {any} */ row) =>
          row.bars.map((/** @type {any} */ b) =>
            h('tr', {}, [
              h('th', { scope: 'row' }, [row.id]),
              h('td', {}, [b.name]),
              h('td', {}, [b.status]),
              h('td', {}, [offset(b.from, span)]),
              h('td', {}, [b.to === undefined ? 'running' : offset(b.to, span)]),
            ]),
          ),
        ),
      ),
    ]);
    return h('section', { class: 'timeline', 'aria-labelledby': 'timeline-heading' }, [
      h('h2', { id: 'timeline-heading' }, ['Timeline']),
      tl.total > tl.rows.length
        ? h('p', { class: 'muted' }, [
            `Showing ${tl.rows.length} of ${tl.total} targets: failed and running ones first.`,
          ])
        : undefined,
      h('div', { class: 'scroll' }, [svg]),
      legend,
      h('details', { class: 'timeline-text' }, [
        h('summary', {}, ['Timeline as a table']),
        h('div', { class: 'scroll' }, [table]),
      ]),
    ]);
  }

  function targets() {
    if (!state.targets.length)
      return h('section', { class: 'placeholder' }, [
        h('p', { class: 'muted' }, [state.placeholder || 'No targets yet.']),
      ]);
    return h('section', { class: 'targets' }, [
      h('h2', {}, ['Lifecycle events']),
      ...state.targets.map((/** @type {any} */ t) =>
        h(
          'details',
          Object.assign({ class: 'target' }, t.status === 'Failed' || state.targets.length === 1 ? { open: '' } : {}),
          [
            h('summary', {}, [
              h('span', { class: `badge ${t.status}` }, [t.status]),
              ' ',
              t.id,
              t.label ? ` (${t.label})` : '',
            ]),
            h(
              'ol',
              { class: 'events' },
              t.events.map((/** @type {any} */ ev) =>
                h('li', { class: `ev ${ev.status}` }, [
                  h('span', { class: 'name' }, [ev.name]),
                  h('span', { class: 'muted' }, [
                    ` ${ev.status}${ev.duration ? ' · ' + ev.duration : ''}${ev.errorCode ? ' · ' + ev.errorCode : ''}`,
                  ]),
                  ev.status === 'Failed' ? failure(t, ev) : undefined,
                ]),
              ),
            ),
          ],
        ),
      ),
    ]);
  }

  function failure(/** @type {any} */ t, /** @type {any} */ ev) {
    let link;
    if (ev.canOpen) {
      link = h('button', { type: 'button', class: 'link' }, [`Open ${ev.name} in the AppSpec`]);
      link.addEventListener('click', () => send('openHook', { targetId: t.id, event: ev.name }));
    }
    return h('div', { class: 'failure' }, [
      link ? h('p', {}, [link]) : undefined,
      ev.scriptName ? h('p', {}, ['Script: ', h('code', {}, [ev.scriptName])]) : undefined,
      ev.message ? h('p', {}, [ev.message]) : undefined,
      ev.logTail ? h('pre', { class: 'log', tabindex: '0', 'aria-label': 'Log tail' }, [ev.logTail]) : undefined,
    ]);
  }

  function render() {
    if (!state) return;
    const focused = document.activeElement && document.activeElement.getAttribute('data-action');
    const open = new Set([...document.querySelectorAll('details.target[open] summary')].map((e) => e.textContent));
    app.replaceChildren(
      header(),
      buttons(),
      messages() || '',
      waitingHooks() || '',
      countdowns() || '',
      traffic() || '',
      ec2() || '',
      timeline() || '',
      targets(),
    );
    for (const d of document.querySelectorAll('details.target')) {
      const sum = d.querySelector('summary');
      if (sum && open.has(sum.textContent)) d.setAttribute('open', '');
    }
    if (focused) {
      const again = /** @type {HTMLElement | null} */ (document.querySelector(`[data-action="${focused}"]`));
      if (again) again.focus();
    }
  }

  function tick() {
    const now = Date.now() - clockOffset;
    for (const el of document.querySelectorAll('[data-ends-at]')) {
      el.textContent = clock((Number(el.getAttribute('data-ends-at')) - now) / 1000);
    }
  }

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg) return;
    // @ts-ignore unpackFromWire comes from diff.js, loaded before this script.
    if (msg.type === 'state' && msg.state) state = window.unpackFromWire(msg.state);
    else if (msg.type === 'diff' && msg.diff) {
      // A diff without the state it applies to cannot be used: ask for the whole state again.
      if (!state) return send('ready');
      // @ts-ignore applyMonitorDiff comes from diff.js, loaded before this script.
      state = window.applyMonitorDiff(state, window.unpackFromWire(msg.diff));
    } else return;
    clockOffset = Date.now() - state.now;
    render();
  });
  setInterval(tick, 1000);
  send('ready');
})();
