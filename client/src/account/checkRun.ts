/**
 * What the account checks share: their findings and fixes, the options, and the run that performs
 * reads (turning a missing IAM permission into a skipped check remembered for one information
 * finding) and collects findings.
 */
import { isMissingPermission, type AccountReader } from '../aws/accountApi';
import type { LocatedValue, Range } from '../../../engine/index';
import type { EcsGroupTarget } from './ecsChecks';

export interface AccountFix {
  title: string;
  range: Range;
  newText: string;
  preferred?: boolean;
}

export interface AccountFinding {
  /** A stable name for the kind of finding (`lambda-current-version-stale`, …), shown as the diagnostic code. */
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  range: Range;
  fixes?: AccountFix[];
}

export interface AccountCheckOptions {
  /** How the account is named in messages: "the local endpoint", "account 123… in us-east-1", … */
  where: string;
  /** The ECS deployment group the AppSpec deploys to, when known (its service, cluster, target groups). */
  ecsGroup?: EcsGroupTarget;
  /** The engine's did-you-mean (injected so this module stays free of the engine bundle). */
  didYouMean(word: string, candidates: readonly string[]): string | undefined;
}

export const PERMISSION_CODE = 'account-permission-missing';

/** Shared by the Lambda and ECS checks: collects findings and the permissions that stopped a read. */
export class CheckRun {
  readonly findings: AccountFinding[] = [];
  private readonly denied = new Map<string, Range>();

  constructor(
    readonly reader: AccountReader,
    readonly opts: AccountCheckOptions,
  ) {}

  add(f: AccountFinding): void {
    this.findings.push(f);
  }

  /** Runs a read; a missing permission is remembered (at `range`) and yields `blocked`. */
  async read<T>(range: Range, fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
    try {
      return { ok: true, value: await fn() };
    } catch (err) {
      if (!isMissingPermission(err)) throw err;
      if (!this.denied.has(err.permission)) this.denied.set(err.permission, range);
      return { ok: false };
    }
  }

  /** A read that only feeds suggestions: any failure means no suggestion. */
  async quiet<T>(fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch {
      return undefined;
    }
  }

  /** The one information finding about missing permissions, if any. */
  permissionFinding(): AccountFinding | undefined {
    const actions = [...this.denied.keys()];
    if (!actions.length) return undefined;
    const first = [...this.denied.values()][0];
    const list = actions.length === 1 ? actions[0] : `${actions.slice(0, -1).join(', ')} and ${actions.at(-1)}`;
    return {
      code: PERMISSION_CODE,
      severity: 'info',
      range: first,
      message: `Some account checks were skipped: the connection's credentials are not allowed ${list}. Grant ${actions.length === 1 ? 'it' : 'them'} to check this AppSpec against ${this.opts.where}.`,
    };
  }
}

/** The edit that writes `text` in place of a located value, keeping a quoted value quoted. */
export function replaceWith(v: LocatedValue, text: string, asString = false): { range: Range; newText: string } {
  const newText =
    v.quote === 'single'
      ? `'${text.replace(/'/g, "''")}'`
      : v.quote === 'double' || asString
        ? JSON.stringify(text)
        : text;
  return { range: v.range, newText };
}

export const show = (s: string) => `\`${s.length > 80 ? `${s.slice(0, 79)}…` : s}\``;

/** Fixes replacing `v` by the suggestion (preferred) or by each of a few candidates. */
export function choiceFixes(
  run: CheckRun,
  v: LocatedValue,
  candidates: readonly string[],
  label: (c: string) => string,
  asString = false,
): AccountFix[] {
  const best = run.opts.didYouMean(v.value, candidates);
  const list = best ? [best] : candidates.length <= 5 ? [...candidates] : [];
  return list.map((c, i) => ({ title: label(c), ...replaceWith(v, c, asString), preferred: i === 0 && !!best }));
}
