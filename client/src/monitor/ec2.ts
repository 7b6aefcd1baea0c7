/**
 * The EC2/On-Premises part of the monitor: instance counts that add up (every status counted,
 * blue/green fleets apart), minimum healthy hosts, and the lifecycle-event columns. Pure.
 */
import type { DeploymentConfigInfo, DeploymentInfo } from '../aws/api';

/** What ec2View needs of a monitor target. */
export interface Ec2Target {
  status: string;
  label?: string;
  events: { name: string }[];
}

export interface Ec2View {
  total: number;
  succeeded: number;
  failed: number;
  inProgress: number;
  pending: number;
  skipped: number;
  ready: number;
  /** One line whose numbers add up to the instances shown (blue/green: per fleet). */
  summary: string;
  /** Instances that must stay healthy, when the config says. */
  minimumHealthy?: { type: string; value: number; required: number; label: string };
  healthy: number;
  atRisk: boolean;
  eventNames: string[];
}

/** Status words in the order the summary lists them. */
const WORDS: [string, string][] = [
  ['Succeeded', 'succeeded'],
  ['InProgress', 'in progress'],
  ['Ready', 'ready'],
  ['Pending', 'pending'],
  ['Failed', 'failed'],
  ['Skipped', 'skipped'],
];

/** "2 succeeded · 1 failed": only the statuses present, anything unexpected as "other". */
export function countsLine(statuses: string[]): string {
  const known = new Set(WORDS.map(([s]) => s));
  const parts = WORDS.map(([s, word]) => [statuses.filter((x) => x === s).length, word] as const)
    .filter(([n]) => n > 0)
    .map(([n, word]) => `${n} ${word}`);
  const other = statuses.filter((s) => !known.has(s)).length;
  if (other) parts.push(`${other} other`);
  return parts.join(' · ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The summary line: per fleet for blue/green (the original fleet is not in CodeDeploy's overview). */
export function ec2Summary(targets: Ec2Target[], overviewTotal: number, fromOverview: string[]): string {
  if (!targets.length) {
    if (!overviewTotal) return 'No instances yet.';
    return `${countsLine(fromOverview)} (${plural(overviewTotal, 'instance')})`;
  }
  const green = targets.filter((t) => t.label === 'Green');
  const blue = targets.filter((t) => t.label === 'Blue');
  if (!green.length && !blue.length)
    return `${countsLine(targets.map((t) => t.status))} (${plural(targets.length, 'instance')})`;
  const parts: string[] = [];
  if (green.length) parts.push(`Replacement (green): ${countsLine(green.map((t) => t.status))}`);
  if (blue.length) parts.push(`Original (blue): ${countsLine(blue.map((t) => t.status))}`);
  const rest = targets.filter((t) => t.label !== 'Green' && t.label !== 'Blue');
  if (rest.length) parts.push(`Other: ${countsLine(rest.map((t) => t.status))}`);
  return `${parts.join(' — ')} (${plural(targets.length, 'instance')})`;
}

/** Instances that must stay healthy for the config (undefined when the config does not say). */
export function minimumHealthy(config: DeploymentConfigInfo | undefined, total: number): Ec2View['minimumHealthy'] {
  const mh = config?.minimumHealthyHosts;
  if (!mh?.type || mh.value === undefined) return undefined;
  const value = mh.value;
  switch (mh.type) {
    case 'HOST_COUNT':
      return {
        type: mh.type,
        value,
        required: Math.min(value, total),
        label: value > 0 ? `at least ${value} healthy` : 'none required',
      };
    case 'FLEET_PERCENT':
      return { type: mh.type, value, required: Math.ceil((total * value) / 100), label: `at least ${value}% healthy` };
    default:
      // MOST_CONCURRENCY (OneAtATime): `value` instances at a time.
      return { type: mh.type, value, required: Math.max(0, total - value), label: `${value} at a time` };
  }
}

export function ec2View(d: DeploymentInfo, targets: Ec2Target[], config: DeploymentConfigInfo | undefined): Ec2View {
  const count = (s: string) => targets.filter((t) => t.status === s).length;
  const o = d.deploymentOverview;
  const overview: [string, number][] = o
    ? [
        ['Pending', o.Pending ?? 0],
        ['InProgress', o.InProgress ?? 0],
        ['Succeeded', o.Succeeded ?? 0],
        ['Failed', o.Failed ?? 0],
        ['Skipped', o.Skipped ?? 0],
        ['Ready', o.Ready ?? 0],
      ]
    : [];
  const overviewTotal = overview.reduce((n, [, v]) => n + v, 0);
  // A large fleet's details arrive over several polls: until then the overview's counts are the truth.
  const labelled = targets.some((t) => t.label === 'Blue' || t.label === 'Green');
  const partial = !labelled && targets.length > 0 && targets.length < overviewTotal;
  const fromTargets = targets.length > 0 && !partial;
  const total = fromTargets ? targets.length : overviewTotal;
  const pick = (s: string, fromOverview: number | undefined) => (fromTargets ? count(s) : (fromOverview ?? 0));
  const failed = pick('Failed', o?.Failed);
  const inProgress = pick('InProgress', o?.InProgress);
  const mh = minimumHealthy(config, total);
  const healthy = Math.max(0, total - failed - inProgress);
  const names: string[] = [];
  for (const t of targets) for (const e of t.events) if (!names.includes(e.name)) names.push(e.name);
  return {
    total,
    succeeded: pick('Succeeded', o?.Succeeded),
    failed,
    inProgress,
    pending: pick('Pending', o?.Pending),
    skipped: pick('Skipped', o?.Skipped),
    ready: pick('Ready', o?.Ready),
    summary:
      ec2Summary(
        fromTargets ? targets : [],
        overviewTotal,
        overview.flatMap(([s, n]) => Array<string>(n).fill(s)),
      ) + (partial ? ` · details of ${targets.length} so far` : ''),
    minimumHealthy: mh,
    healthy,
    atRisk: mh !== undefined && total - failed < mh.required,
    eventNames: names,
  };
}
