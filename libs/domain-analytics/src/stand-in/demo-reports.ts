import type { Report } from '../report.js';

const generatedAt = '2026-11-23T00:00:00.000Z';

/**
 * Deterministic demo data of the stand-in: `daily-usage` and `monthly-summary` for companies 42
 * and 43 (different figures), and `quarterly-review` for company 42 only.
 */
export const demoReports: readonly Report[] = [
  {
    reportId: 'daily-usage',
    companyId: '42',
    title: 'Daily usage',
    generatedAt,
    metrics: [
      { name: 'requests', value: 1280 },
      { name: 'errors', value: 3 },
    ],
  },
  {
    reportId: 'monthly-summary',
    companyId: '42',
    title: 'Monthly summary',
    generatedAt,
    metrics: [
      { name: 'requests', value: 38112 },
      { name: 'activeUsers', value: 17 },
    ],
  },
  {
    reportId: 'quarterly-review',
    companyId: '42',
    title: 'Quarterly review',
    generatedAt,
    metrics: [
      { name: 'requests', value: 112400 },
      { name: 'availability', value: 99.95 },
    ],
  },
  {
    reportId: 'daily-usage',
    companyId: '43',
    title: 'Daily usage',
    generatedAt,
    metrics: [
      { name: 'requests', value: 512 },
      { name: 'errors', value: 0 },
    ],
  },
  {
    reportId: 'monthly-summary',
    companyId: '43',
    title: 'Monthly summary',
    generatedAt,
    metrics: [
      { name: 'requests', value: 14950 },
      { name: 'activeUsers', value: 4 },
    ],
  },
];
