import { quotaPeriodStart } from './quota-period.js';

const at = (iso: string) => Date.parse(iso);

describe('quotaPeriodStart', () => {
  // 2026-12-03 is a Thursday.
  const now = at('2026-12-03T16:34:46.123Z');

  it('DAY: UTC midnight', () => {
    expect(quotaPeriodStart('DAY', now)).toBe(at('2026-12-03T00:00:00Z'));
    expect(quotaPeriodStart('DAY', at('2026-12-03T00:00:00Z'))).toBe(at('2026-12-03T00:00:00Z'));
  });

  it('WEEK: the last Sunday, UTC midnight', () => {
    expect(quotaPeriodStart('WEEK', now)).toBe(at('2026-11-29T00:00:00Z'));
    expect(quotaPeriodStart('WEEK', at('2026-11-29T23:59:59Z'))).toBe(at('2026-11-29T00:00:00Z'));
    expect(quotaPeriodStart('WEEK', at('2026-11-28T23:59:59Z'))).toBe(at('2026-11-22T00:00:00Z'));
  });

  it('MONTH: the first of the month, UTC', () => {
    expect(quotaPeriodStart('MONTH', now)).toBe(at('2026-12-01T00:00:00Z'));
    expect(quotaPeriodStart('MONTH', at('2027-01-01T00:00:00Z'))).toBe(at('2027-01-01T00:00:00Z'));
  });
});
