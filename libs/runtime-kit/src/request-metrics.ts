/**
 * The request metrics every domain Lambda emits (as EMF) and the dashboard reads: one contract,
 * so a renamed metric cannot leave an empty graph behind.
 */
export const requestMetrics = {
  namespace: 'Tollgate',
  /** Dimension names: the Lambda app, `GET /template` (or `unmatched`), the served version (or `none`). */
  dimensions: {
    service: 'service',
    route: 'route',
    version: 'version',
    statusClass: 'statusClass',
  },
  /** Metric names: 1 per request; 1 per 5xx answer, else 0 (its Average is the 5xx rate); ms. */
  metrics: { requests: 'requests', serverErrors: 'serverErrors', latency: 'latency' },
} as const;
