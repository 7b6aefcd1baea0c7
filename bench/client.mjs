// The client benchmark (`npm run bench -- --client`): the explorer, monitor and AWS-layer models of the
// extension, run in Node against the local endpoint (test/helpers/localEndpoint.ts) seeded at 4, 200 and
// 2,000 instances and 10,000 deployments. Needs `npm run build` (tsc output in out/).
//
// The monitor runs on a virtual clock: every pause the poller asks for passes at once and moves the
// endpoint's simulated time by as much, so a deployment of several minutes is watched in seconds and
// "calls per minute" is calls per minute of the poller's own schedule (request time not counted: real
// rates are lower). Each metric goes through one seam below, so other implementations can be measured
// by repointing it.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const load = (p) => require(resolve(root, 'out', p));

export const TARGETS = {
  callsPerMinute: 60,
  firstTreePageMs: 1000,
  updateMs: 50,
  updateBytes: 50 * 1024,
};

export function clientBenchReady() {
  for (const p of ['client/src/monitor/session.js', 'test/helpers/localEndpoint.js'])
    if (!existsSync(resolve(root, 'out', p))) return `out/${p} is missing; run "npm run build" first.`;
  return undefined;
}

// ---- seams: one function per metric ------------------------------------------------------------------

export const seams = {
  /** The AWS layer the extension uses (client/src/aws/sdkApi.ts). */
  api(settings) {
    return load('client/src/aws/sdkApi.js').createCodeDeployApi(settings);
  },
  /** The explorer's first page of a group's deployments (what expanding the group shows). */
  async firstTreePage(api, application, group) {
    const { loadChildren } = load('client/src/explorer/model.js');
    return loadChildren(api, { kind: 'deployments', application, group }, { now: Date.now() });
  },
  /** A monitor session (client/src/monitor/session.ts) on the given clock. */
  monitor(api, deploymentId, clock, onState) {
    const { MonitorSession } = load('client/src/monitor/session.js');
    return new MonitorSession({ api, deploymentId, clock, onState });
  },
  /** What the extension posts to the webview when the view goes from `previous` to `next` (panel.ts). */
  webviewMessage(previous, next) {
    const { diffMonitorState, packForWire } = load('client/src/monitor/diff.js');
    if (!previous || previous.deploymentId !== next.deploymentId) return { type: 'state', state: packForWire(next) };
    return { type: 'diff', diff: packForWire(diffMonitorState(previous, next)) };
  },
  /** What the webview does with a message before it renders: decode it and apply a diff to what it shows. */
  webviewReceive(previous, text) {
    const { applyMonitorDiff, unpackFromWire } = load('client/src/monitor/diff.js');
    const message = JSON.parse(text);
    return message.type === 'diff'
      ? applyMonitorDiff(previous, unpackFromWire(message.diff))
      : unpackFromWire(message.state);
  },
};

// ---- helpers -------------------------------------------------------------------------------------------

const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gc = () => globalThis.gc?.();
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
export const THROTTLED_RATES = '*=4/4';
const UNLIMITED = { default: { perSecond: Infinity, burst: Infinity }, byOperation: {} };

async function deployFleet(api) {
  const s = load('client/src/local/scaleSeed.js');
  return api.createDeployment({
    applicationName: s.FLEET_APP,
    deploymentGroupName: s.FLEET_GROUP,
    revision: { revisionType: 'S3', s3Location: { bucket: s.FLEET_BUCKET, key: s.FLEET_KEY, bundleType: 'zip' } },
  });
}

/**
 * Watches one deployment on the virtual clock until the session stops (or `maxPolls`); returns the
 * calls per virtual minute, the busiest 60-second window, views, errors shown, and update costs.
 */
async function watch(ep, api, id, { maxPolls = Infinity } = {}) {
  const seen = () => sum(ep.endpoint.throttle.seen);
  const calls0 = seen();
  let virtual = 0;
  let pollStart = 0;
  const polled = []; // [virtual ms the poll started, its calls]
  let counted = 0;
  const states = [];
  let firstStateMs;
  const started = performance.now();
  let polls = 0;
  let wake;
  const clock = {
    now: () => ep.clock.now(),
    setTimeout: (fn, ms) => {
      polls++;
      const now = seen() - calls0;
      polled.push([pollStart, now - counted]);
      counted = now;
      virtual += ms;
      pollStart = virtual;
      ep.clock.advance(ms);
      const h = setImmediate(() => (polls >= maxPolls ? wake?.() : fn()));
      return h;
    },
    clearTimeout: (h) => clearImmediate(h),
  };
  const heapBefore = heap();
  let session;
  const done = new Promise((r) => (wake = r));
  session = seams.monitor(api, id, clock, (st) => {
    firstStateMs ??= performance.now() - started;
    states.push(st);
  });
  const stopWatch = setInterval(() => {
    if (!session.running && !session.polling && states.length) wake();
  }, 5);
  session.start();
  await done;
  clearInterval(stopWatch);
  session.stop();
  const calls = seen() - calls0;
  polled.push([pollStart, calls - counted]);
  // The busiest minute: the most calls made by polls that started within any 60 s (half-open) window.
  let busiest = 0;
  for (let i = 0; i < polled.length; i++) {
    let n = 0;
    for (let j = i; j < polled.length && polled[j][0] - polled[i][0] < 60_000; j++) n += polled[j][1];
    busiest = Math.max(busiest, n);
  }
  // The webview update for the view with the most instances shown while running (else the last).
  const running = states.filter((s) => !s.final);
  const big = [...(running.length ? running : states)].sort((a, b) => b.targets.length - a.targets.length)[0];
  const prev = states[Math.max(0, states.indexOf(big) - 1)];
  const times = [];
  let bytes = 0;
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    const text = JSON.stringify(seams.webviewMessage(prev, big));
    seams.webviewReceive(prev, text);
    times.push(performance.now() - t);
    bytes = Buffer.byteLength(text);
  }
  const views = states.length;
  const errorsShown = states.filter((s) => s.pollError).length;
  const final = states.at(-1)?.status;
  const shown = states.at(-1)?.targets.length ?? 0;
  states.length = 0; // the heap read below counts what the session holds, not the bench's copies
  const heapAfter = heap();
  return {
    calls,
    minutes: virtual / 60_000,
    perMinute: virtual ? calls / (virtual / 60_000) : calls,
    busiestMinute: busiest,
    polls,
    views,
    errorsShown,
    final,
    shown,
    firstStateMs,
    updateMs: median(times),
    updateBytes: bytes,
    heapBytes: Math.max(0, heapAfter - heapBefore),
    sessionHeld: session, // kept alive through the heap read
  };
}

// ---- the runs ------------------------------------------------------------------------------------------

export async function runClientBench({ sizes = [4, 200, 2000], history = 10_000, log = console.log } = {}) {
  const { startBenchEndpoint } = load('test/helpers/localEndpoint.js');
  const { parseThrottleSpec } = load('client/src/local/throttle.js');
  const monitor = [];
  for (const n of sizes) {
    const ep = await startBenchEndpoint({ scale: { fleet: n }, throttle: UNLIMITED });
    const api = seams.api(ep.settings);
    try {
      const id = await deployFleet(api);
      const r = await watch(ep, api, id);
      delete r.sessionHeld;
      monitor.push({ instances: n, ...r });
      log(
        `monitor ${n} instances: ${r.calls} calls in ${r.minutes.toFixed(1)} min (${r.perMinute.toFixed(1)}/min, busiest minute ${r.busiestMinute}), ${r.polls} polls, ${r.errorsShown} errors shown, ended ${r.final} with ${r.shown} shown, update ${r.updateBytes} B in ${r.updateMs.toFixed(1)} ms`,
      );
    } finally {
      api.dispose();
      await ep.close();
    }
  }

  // Throttled: every operation at 4 requests a second (stricter than `--throttle on`, so that throttling
  // happens often), the largest fleet, a bounded number of polls.
  const big = sizes.at(-1);
  const tep = await startBenchEndpoint({ scale: { fleet: big }, throttle: parseThrottleSpec(THROTTLED_RATES) });
  const tapi = seams.api(tep.settings);
  let throttled;
  try {
    const id = await deployFleet(tapi);
    const r = await watch(tep, tapi, id, { maxPolls: 10 });
    throttled = {
      instances: big,
      polls: r.polls,
      views: r.views,
      errorsShown: r.errorsShown,
      refused: sum(tep.endpoint.throttle.refused),
      calls: r.calls,
    };
    log(
      `monitor ${big} instances, throttled: ${throttled.refused} ThrottlingExceptions of ${r.calls} requests, ${r.views} views, ${r.errorsShown} errors shown`,
    );
  } finally {
    tapi.dispose();
    await tep.close();
  }

  // The explorer on a large account: 10,000 deployments in one group (with the fleet and 50 applications).
  const hep = await startBenchEndpoint({ scale: { fleet: big, history, apps: 50 }, throttle: UNLIMITED });
  const hapi = seams.api(hep.settings);
  let tree;
  try {
    const { HISTORY_APP, HISTORY_GROUP } = load('client/src/local/scaleSeed.js');
    const times = [];
    let nodes = [];
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      nodes = await seams.firstTreePage(hapi, HISTORY_APP, HISTORY_GROUP);
      times.push(performance.now() - t);
    }
    tree = {
      deployments: history,
      startMs: hep.startMs,
      firstMs: times[0],
      medianMs: median(times.slice(1)),
      nodes: nodes.length,
      more: nodes.some((n) => n.label === 'Load more…'),
    };
    log(
      `explorer ${history} deployments: endpoint ready in ${tree.startMs.toFixed(0)} ms; first page (${tree.nodes} nodes) ${tree.firstMs.toFixed(0)} ms cold, ${tree.medianMs.toFixed(0)} ms warm`,
    );
  } finally {
    hapi.dispose();
    await hep.close();
  }

  const at = (n) => monitor.find((m) => m.instances === n) ?? monitor.at(-1);
  const largest = at(big);
  const checks = [
    {
      name: `monitor ${big} instances: API calls per minute (busiest minute)`,
      value: largest.busiestMinute,
      target: TARGETS.callsPerMinute,
      unit: 'calls',
    },
    {
      name: `monitor ${big} instances, throttled: errors shown`,
      value: throttled.errorsShown + (throttled.views > 1 ? 0 : 1),
      target: 0,
      unit: '',
    },
    {
      name: `explorer: first page of a group with ${history} deployments`,
      value: Math.max(tree.firstMs, tree.medianMs),
      target: TARGETS.firstTreePageMs,
      unit: 'ms',
    },
    {
      name: `monitor ${big} instances: webview update time`,
      value: largest.updateMs,
      target: TARGETS.updateMs,
      unit: 'ms',
    },
    {
      name: `monitor ${big} instances: webview update size`,
      value: largest.updateBytes,
      target: TARGETS.updateBytes,
      unit: 'B',
    },
  ].map((c) => ({ ...c, pass: c.value <= c.target }));
  return { monitor, throttled, tree, checks };
}

export function renderClientText(r) {
  const lines = ['', 'Client benchmark (virtual clock; see docs/benchmarks.md)', ''];
  lines.push(
    'instances | calls | minutes | calls/min | busiest min | polls | first view ms | update KB | update ms | heap MB',
  );
  for (const m of r.monitor)
    lines.push(
      [
        m.instances,
        m.calls,
        m.minutes.toFixed(1),
        m.perMinute.toFixed(1),
        m.busiestMinute,
        m.polls,
        m.firstStateMs.toFixed(0),
        (m.updateBytes / 1024).toFixed(1),
        m.updateMs.toFixed(1),
        (m.heapBytes / 1048576).toFixed(1),
      ].join(' | '),
    );
  lines.push('');
  for (const c of r.checks)
    lines.push(
      `${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${Math.round(c.value * 10) / 10} ${c.unit} (target ≤ ${c.target} ${c.unit})`,
    );
  return lines.join('\n');
}

export function renderClientMarkdown(r) {
  const out = [
    '| instances | calls | minutes watched | calls / min | busiest minute | polls | first view | update size | update time | heap held |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const m of r.monitor)
    out.push(
      `| ${m.instances} | ${m.calls} | ${m.minutes.toFixed(1)} | ${m.perMinute.toFixed(1)} | ${m.busiestMinute} | ${m.polls} | ${m.firstStateMs.toFixed(0)} ms | ${(m.updateBytes / 1024).toFixed(1)} KB | ${m.updateMs.toFixed(1)} ms | ${(m.heapBytes / 1048576).toFixed(1)} MB |`,
    );
  out.push('', '| target | value | limit | result |', '| --- | ---: | ---: | --- |');
  for (const c of r.checks)
    out.push(
      `| ${c.name} | ${Math.round(c.value * 10) / 10} ${c.unit} | ${c.target} ${c.unit} | ${c.pass ? 'PASS' : 'FAIL'} |`,
    );
  out.push(
    '',
    `Throttled run (\`--throttle "${THROTTLED_RATES}"\`, ${r.throttled.instances} instances, ${r.throttled.polls} polls): ${r.throttled.refused} ThrottlingExceptions among ${r.throttled.calls} requests, ${r.throttled.views} views, ${r.throttled.errorsShown} errors shown.`,
    `Explorer: endpoint seeded with ${r.tree.deployments} deployments, ${r.monitor.at(-1).instances} instances and 50 applications ready in ${r.tree.startMs.toFixed(0)} ms; first page of the group (${r.tree.nodes} nodes${r.tree.more ? ', "Load more…" included' : ''}) in ${r.tree.firstMs.toFixed(0)} ms cold, ${r.tree.medianMs.toFixed(0)} ms warm.`,
  );
  return out.join('\n') + '\n';
}
