/**
 * Why a call to the external data API failed. Each kind maps to exactly one HTTP answer
 * (see `problemForUpstreamError`); none carries the upstream body.
 */
export type UpstreamFailureKind =
  /** The upstream has no such report for this company (404). */
  | 'not-found'
  /** Every attempt ran out of time. */
  | 'timeout'
  /** Every attempt failed with a 5xx or a network error. */
  | 'unavailable'
  /** The upstream answered something we cannot use: bad JSON, wrong shape, another company's report. */
  | 'invalid-response'
  /** The upstream refused the request (4xx other than 404, e.g. a bad token); retrying cannot help. */
  | 'rejected'
  /** No bearer token to call with: the token source failed (e.g. Secrets Manager) and none is cached. */
  | 'token-unavailable';

export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';

  constructor(
    readonly kind: UpstreamFailureKind,
    /** Short, body-free description for logs, e.g. `status 503` or `schema mismatch`. */
    readonly reason: string,
    readonly attempts: number,
    readonly upstreamStatus?: number,
  ) {
    super(`analytics upstream ${kind}: ${reason} (after ${attempts} attempt${attempts === 1 ? '' : 's'})`);
  }
}
