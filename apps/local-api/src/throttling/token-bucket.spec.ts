import { TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('starts full: burstLimit requests at once, then throttles', () => {
    const bucket = new TokenBucket({ rateLimit: 1, burstLimit: 3 }, 0);
    expect([1, 2, 3, 4].map(() => bucket.take(0))).toEqual([true, true, true, false]);
  });

  it('refills at rateLimit tokens per second, never above burstLimit', () => {
    const bucket = new TokenBucket({ rateLimit: 2, burstLimit: 2 }, 0);
    bucket.take(0);
    bucket.take(0);
    expect(bucket.take(499)).toBe(false);
    expect(bucket.take(500)).toBe(true);
    expect(bucket.take(500)).toBe(false);
    // A long pause refills only up to the burst.
    expect([1, 2, 3].map(() => bucket.take(60_000))).toEqual([true, true, false]);
  });

  it('keeps fractions of a token: 0.5 per second gives one request every 2 s', () => {
    const bucket = new TokenBucket({ rateLimit: 0.5, burstLimit: 1 }, 0);
    expect(bucket.take(0)).toBe(true);
    expect(bucket.take(1000)).toBe(false);
    expect(bucket.take(2000)).toBe(true);
  });

  it('gains nothing from a clock stepping back', () => {
    const bucket = new TokenBucket({ rateLimit: 1, burstLimit: 1 }, 10_000);
    expect(bucket.take(10_000)).toBe(true);
    expect(bucket.take(5_000)).toBe(false);
    expect(bucket.take(10_999)).toBe(false);
    expect(bucket.take(11_000)).toBe(true);
  });
});
