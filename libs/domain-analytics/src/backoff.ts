export interface BackoffOptions {
  /** Upper bound of the first retry's delay, in ms. */
  readonly baseDelayMs: number;
  /** No delay ever exceeds this, in ms. */
  readonly maxDelayMs: number;
}

/**
 * Exponential backoff with full jitter: the delay before retry `n` (1-based) is uniform in
 * `[0, min(maxDelayMs, baseDelayMs * 2^(n-1)))`. Full jitter spreads retries of many Lambdas
 * that failed together instead of having them hit the recovering upstream in lockstep.
 * `random` returns a number in [0, 1), like `Math.random`.
 */
export function backoffDelay(retry: number, options: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}
