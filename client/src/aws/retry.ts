/**
 * How the AWS layer retries. Every client uses the SDK's adaptive mode: on throttling it backs off
 * with jitter and lowers its own sending rate (a client-side token bucket shared by all calls of
 * the client), so a ThrottlingException is retried away instead of reaching the user. Throttling
 * gets many attempts; other transient errors (a connection refused, a timeout) get few, so a local
 * endpoint that is not running still fails fast.
 */

/** Attempts per call (the first one included). */
export const RETRY_ATTEMPTS = {
  /**
   * When the service throttles. The SDK waits up to 0.5 s × 2^n (with full jitter) before retry n,
   * so four retries wait at most 7.5 s: a user's action still answers within seconds, and a poll
   * that stays throttled is left to the monitor's own back-off.
   */
  throttling: 5,
  /** Any other retryable error. */
  otherLocal: 2,
  otherAws: 5,
} as const;

/** The parts of the SDK's retry strategy (RetryStrategyV2) this module relies on. */
interface RetryToken {
  getRetryCount(): number;
}
interface RetryStrategyV2 {
  acquireInitialRetryToken(scope: string): Promise<RetryToken>;
  refreshRetryTokenForRetry(token: RetryToken, info: { errorType: string }): Promise<RetryToken>;
  recordSuccess(token: RetryToken): void;
}

/** The configuration part: adaptive retries, with as many attempts as throttling may use. */
export function retryConfig(): { retryMode: 'adaptive'; maxAttempts: number } {
  return { retryMode: 'adaptive', maxAttempts: RETRY_ATTEMPTS.throttling };
}

/**
 * A strategy that gives up on errors other than throttling after `otherAttempts` attempts and
 * leaves throttling to `inner` (which stops at maxAttempts). When the strategy refuses, the SDK
 * throws the call's own error.
 */
export function limitNonThrottling<S extends RetryStrategyV2>(inner: S, otherAttempts: number): RetryStrategyV2 {
  return {
    acquireInitialRetryToken: (scope) => inner.acquireInitialRetryToken(scope),
    refreshRetryTokenForRetry: (token, info) => {
      if (info.errorType !== 'THROTTLING' && token.getRetryCount() + 1 >= otherAttempts)
        return Promise.reject(new Error('no more attempts for this error'));
      return inner.refreshRetryTokenForRetry(token, info);
    },
    recordSuccess: (token) => inner.recordSuccess(token),
  };
}

/**
 * Installs `limitNonThrottling` on a constructed SDK client (the retry middleware asks the client's
 * configuration for its strategy on every call). Strategies without the V2 shape are left alone.
 */
export function applyRetryPolicy(client: { config: object }, local: boolean): void {
  const config = client.config as { retryStrategy?: () => Promise<unknown> };
  const resolve = config.retryStrategy;
  if (typeof resolve !== 'function') return;
  const other = local ? RETRY_ATTEMPTS.otherLocal : RETRY_ATTEMPTS.otherAws;
  let wrapped: Promise<unknown> | undefined;
  config.retryStrategy = () =>
    (wrapped ??= resolve
      .call(config)
      .then((s) =>
        s && typeof (s as RetryStrategyV2).acquireInitialRetryToken === 'function'
          ? limitNonThrottling(s as RetryStrategyV2, other)
          : s,
      ));
}
