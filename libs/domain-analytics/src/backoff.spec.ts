import fc from 'fast-check';
import { backoffDelay } from './backoff.js';

const options = { baseDelayMs: 100, maxDelayMs: 1000 };

describe('backoffDelay (exponential backoff, full jitter)', () => {
  it('stays below a ceiling that doubles with each retry until the cap', () => {
    const almostOne = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, options, almostOne))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
  });

  it('can be zero: the whole range is jittered', () => {
    expect(backoffDelay(3, options, () => 0)).toBe(0);
  });

  it('is a whole number in [0, min(cap, base * 2^(retry-1))) for any random draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, draw) => {
          const delay = backoffDelay(retry, options, () => draw);
          const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(ceiling);
        },
      ),
    );
  });
});
