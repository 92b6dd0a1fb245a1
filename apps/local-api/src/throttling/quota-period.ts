export type QuotaPeriod = 'DAY' | 'WEEK' | 'MONTH';

const DAY_MS = 86_400_000;

/**
 * When the quota period holding `now` began: UTC midnight, the last Sunday (API Gateway's week
 * offset 0, which infra keeps) or the first of the month. API Gateway documents no finer rule, so
 * this is the local approximation.
 */
export function quotaPeriodStart(period: QuotaPeriod, now: number): number {
  const date = new Date(now);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  switch (period) {
    case 'DAY':
      return midnight;
    case 'WEEK':
      return midnight - date.getUTCDay() * DAY_MS;
    case 'MONTH':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  }
}
