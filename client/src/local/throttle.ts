/**
 * Per-operation request rates for the local endpoint (`--throttle`): a token bucket per CodeDeploy
 * operation; a request that finds its bucket empty is answered as the service answers one over its
 * rate: HTTP 400 `{"__type": "ThrottlingException", "message": "Rate exceeded"}`, which the AWS SDKs
 * recognise as throttling (they retry it with back-off). Off unless asked for.
 *
 * Spec: `on` (the defaults below) or a comma list of `Operation=rate[/burst]`, `*` for every other
 * operation; rate in requests per second, burst defaults to twice the rate (at least 1).
 * Example: `--throttle "*=5,ListDeploymentTargets=2/4,BatchGetDeploymentTargets=2/4"`.
 */
import { ServiceError } from './errors';

export interface Rate {
  /** Requests per second, sustained. */
  perSecond: number;
  /** Requests allowed at once after a quiet spell. */
  burst: number;
}

export interface ThrottleRates {
  /** The rate of operations without their own entry. */
  default: Rate;
  byOperation: Record<string, Rate>;
}

/**
 * The local default when throttling is on. AWS does not publish per-operation request rates for
 * CodeDeploy (see docs/local-endpoint.md): these are our choice, low enough that a client polling
 * too eagerly meets ThrottlingException here before it meets it on AWS.
 */
export const DEFAULT_RATES: ThrottleRates = {
  default: { perSecond: 10, burst: 20 },
  byOperation: {
    GetDeployment: { perSecond: 5, burst: 10 },
    ListDeploymentTargets: { perSecond: 5, burst: 10 },
    BatchGetDeploymentTargets: { perSecond: 5, burst: 10 },
    ListDeployments: { perSecond: 5, burst: 10 },
    BatchGetDeployments: { perSecond: 5, burst: 10 },
  },
};

const OPERATION = /^(\*|[A-Z][A-Za-z]{1,63})$/;

function parseRate(text: string, where: string): Rate {
  const m = /^(\d+(?:\.\d+)?)(?:\/(\d+))?$/.exec(text);
  const perSecond = m ? Number(m[1]) : NaN;
  if (!m || !(perSecond > 0) || perSecond > 100_000)
    throw new Error(`${where}: the rate must be a positive number of requests per second, got "${text}"`);
  const burst = m[2] !== undefined ? Number(m[2]) : Math.max(1, Math.ceil(perSecond * 2));
  if (!(burst >= 1) || burst > 1_000_000) throw new Error(`${where}: the burst must be at least 1, got "${m[2]}"`);
  return { perSecond, burst };
}

/** `on` or `Op=rate[/burst],…` → rates; throws a message naming the bad part. */
export function parseThrottleSpec(spec: string): ThrottleRates {
  const text = spec.trim();
  if (text === 'on') return structuredClone(DEFAULT_RATES);
  if (text === '') throw new Error('--throttle needs "on" or a list like "*=5,GetDeployment=2/4"');
  const rates: ThrottleRates = { default: DEFAULT_RATES.default, byOperation: {} };
  let sawDefault = false;
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    const op = eq > 0 ? part.slice(0, eq).trim() : '';
    if (!OPERATION.test(op)) throw new Error(`--throttle: "${part.slice(0, 80)}" is not Operation=rate[/burst]`);
    const rate = parseRate(part.slice(eq + 1).trim(), `--throttle ${op}`);
    if (op === '*') {
      rates.default = rate;
      sawDefault = true;
    } else rates.byOperation[op] = rate;
  }
  // Naming only some operations throttles only those.
  if (!sawDefault) rates.default = { perSecond: Infinity, burst: Infinity };
  return rates;
}

/** Token buckets per operation on a monotonic millisecond clock. */
export class Throttle {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  /** Requests refused so far, by operation (the bench and tests read it). */
  readonly refused = new Map<string, number>();
  /** Requests seen so far (served or refused), by operation. */
  readonly seen = new Map<string, number>();

  constructor(
    private readonly rates: ThrottleRates,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  private rate(op: string): Rate {
    return Object.prototype.hasOwnProperty.call(this.rates.byOperation, op)
      ? this.rates.byOperation[op]
      : this.rates.default;
  }

  /** Takes a token for `op`; false when the operation is over its rate. */
  take(op: string): boolean {
    this.seen.set(op, (this.seen.get(op) ?? 0) + 1);
    const { perSecond, burst } = this.rate(op);
    if (perSecond === Infinity) return true;
    const now = this.nowMs();
    const b = this.buckets.get(op) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
    b.at = now;
    this.buckets.set(op, b);
    if (b.tokens < 1) {
      this.refused.set(op, (this.refused.get(op) ?? 0) + 1);
      return false;
    }
    b.tokens -= 1;
    return true;
  }

  /** Throws the service's ThrottlingException when `op` is over its rate (the dispatch hook). */
  check(op: string): void {
    if (!this.take(op)) throw new ServiceError('ThrottlingException', 'Rate exceeded');
  }
}

/** The operations table with the throttle in front of every handler. */
export function throttled<H extends (input: never) => unknown>(
  ops: Record<string, H>,
  throttle: Throttle | undefined,
): Record<string, H> {
  if (!throttle) return ops;
  const out = Object.create(null) as Record<string, H>;
  for (const [op, handler] of Object.entries(ops))
    out[op] = ((input: never) => {
      throttle.check(op);
      return handler(input);
    }) as H;
  return out;
}
