/** A throttle as API Gateway's: `rateLimit` requests per second on average, `burstLimit` at once. */
export interface Throttle {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/**
 * API Gateway's throttling algorithm: a bucket of `burstLimit` tokens, refilled at `rateLimit`
 * tokens per second; a request takes one token or is throttled. It starts full. Time is passed
 * in (epoch ms), so the bucket is pure and tests need no waiting.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly throttle: Throttle,
    now: number,
  ) {
    this.tokens = throttle.burstLimit;
    this.updatedAt = now;
  }

  /** Takes a token if one is left at `now`; false: the request is throttled. */
  take(now: number): boolean {
    // A clock stepping back refills nothing and takes nothing back.
    if (now > this.updatedAt) {
      const refill = ((now - this.updatedAt) / 1000) * this.throttle.rateLimit;
      this.tokens = Math.min(this.throttle.burstLimit, this.tokens + refill);
      this.updatedAt = now;
    }
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
