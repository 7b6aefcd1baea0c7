/**
 * Small pure formatting helpers shared by the explorer and the monitor: ages, durations, status
 * icons. No vscode here.
 */
import type { ComputePlatform, DeploymentStatus } from '../aws/api';

export type DateLike = Date | string | number | undefined;

export function toMillis(d: DateLike): number | undefined {
  if (d === undefined || d === null) return undefined;
  const t = d instanceof Date ? d.getTime() : typeof d === 'number' ? d : Date.parse(d);
  return Number.isFinite(t) ? t : undefined;
}

/** "just now", "42s ago", "5m ago", "3h ago", "2d ago". */
export function formatAge(then: DateLike, now: number): string {
  const t = toMillis(then);
  if (t === undefined) return '';
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 5) return 'just now';
  if (s < 60) return `${s}s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ago`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ago`;
  return `${Math.floor(h / 24)}d ago`;
}

/** "850ms", "12s", "3m 05s", "1h 02m". */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

export function durationBetween(start: DateLike, end: DateLike, now: number): number | undefined {
  const a = toMillis(start);
  if (a === undefined) return undefined;
  const b = toMillis(end) ?? now;
  return Math.max(0, b - a);
}

export const FINAL_STATUSES: readonly string[] = ['Succeeded', 'Failed', 'Stopped'];

export function isFinalStatus(status: DeploymentStatus | string | undefined): boolean {
  return status !== undefined && FINAL_STATUSES.includes(status);
}

/** A codicon id plus an optional theme colour id for a deployment/target/event status. */
export interface StatusIcon {
  iconId: string;
  color?: string;
}

export function statusIcon(status: string | undefined): StatusIcon {
  switch (status) {
    case 'Succeeded':
      return { iconId: 'pass', color: 'testing.iconPassed' };
    case 'Failed':
      return { iconId: 'error', color: 'testing.iconFailed' };
    case 'Stopped':
      return { iconId: 'debug-stop', color: 'testing.iconSkipped' };
    case 'InProgress':
    case 'Baking':
      return { iconId: 'sync~spin' };
    case 'Ready':
      return { iconId: 'debug-pause', color: 'charts.yellow' };
    case 'Created':
    case 'Queued':
    case 'Pending':
      return { iconId: 'clock' };
    case 'Skipped':
      return { iconId: 'debug-step-over', color: 'testing.iconSkipped' };
    default:
      return { iconId: 'circle-outline' };
  }
}

export function platformIcon(platform: ComputePlatform | string | undefined): string {
  switch (platform) {
    case 'Lambda':
      return 'symbol-function';
    case 'ECS':
      return 'layers';
    case 'Server':
      return 'server';
    default:
      return 'question';
  }
}

export function platformLabel(platform: ComputePlatform | string | undefined): string {
  switch (platform) {
    case 'Lambda':
      return 'AWS Lambda';
    case 'ECS':
      return 'Amazon ECS';
    case 'Server':
      return 'EC2/On-Premises';
    default:
      return 'unknown platform';
  }
}

/** `CodeDeployDefault.LambdaCanary10Percent5Minutes` → `LambdaCanary10Percent5Minutes`. */
export function shortConfigName(name: string | undefined): string {
  if (!name) return '';
  return name.startsWith('CodeDeployDefault.') ? name.slice('CodeDeployDefault.'.length) : name;
}

const CREATORS: Record<string, string> = {
  user: 'by user',
  autoscaling: 'by Auto Scaling',
  autoscalingTermination: 'by Auto Scaling termination',
  CloudFormation: 'by CloudFormation',
  CloudFormationRollback: 'CloudFormation rollback',
  CodeDeploy: 'by CodeDeploy',
  CodeDeployAutoUpdate: 'by CodeDeploy auto update',
  codeDeployRollback: 'automatic rollback',
};

export function creatorLabel(creator: string | undefined): string {
  if (!creator) return '';
  return CREATORS[creator] ?? `by ${creator}`;
}

/** Escapes text for a markdown tooltip (the tree renders MarkdownString without HTML). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

/** A fenced code block that cannot be broken out of by backticks inside the text. */
export function codeBlock(text: string): string {
  let fence = '```';
  while (text.includes(fence)) fence += '`';
  return `${fence}text\n${text}\n${fence}`;
}
