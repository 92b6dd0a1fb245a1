import { createHash } from 'node:crypto';
import type { Logger } from './logger.js';
import { requestMetrics } from './request-metrics.js';

/** The router's per-request record (`@tollgate/router`'s `ResponseRecord` fits). */
export interface RequestRecord {
  readonly event: {
    readonly headers?: Readonly<Record<string, string | undefined>> | null;
    readonly requestContext?: {
      readonly authorizer?: Readonly<Record<string, unknown>> | null;
    } | null;
  };
  readonly method: string;
  readonly route: string | undefined;
  readonly version: string | undefined;
  readonly status: number;
  readonly durationMs: number;
  readonly requestId: string;
}

export interface RequestTelemetryOptions {
  /** The Lambda app (`resources-lambda`); must be the logger's `service`, a metric dimension. */
  readonly service: string;
  readonly logger: Logger;
  readonly now?: () => number;
}

const { dimensions: d, metrics: m } = requestMetrics;
/** Dimension sets: by status class (what failed), and all classes (rates and p99 per version). */
const DIMENSION_SETS = [
  [d.service, d.route, d.version, d.statusClass],
  [d.service, d.route, d.version],
];
const METRICS = [
  { Name: m.requests, Unit: 'Count' },
  { Name: m.serverErrors, Unit: 'Count' },
  { Name: m.latency, Unit: 'Milliseconds' },
];

/**
 * One line per request through the logger — status, route, version, latency, request id, the
 * caller's company and key fingerprint — that is also a CloudWatch Embedded Metric Format
 * document: CloudWatch turns it into `requests`, `serverErrors` and `latency` by route × version
 * (× status class), with no API call. The company is a property, not a dimension: a dimension per
 * company would be a metric per company. Locally the same line goes to the console.
 */
export function requestTelemetry({
  service,
  logger,
  now = Date.now,
}: RequestTelemetryOptions): (record: RequestRecord) => void {
  const directive = [
    { Namespace: requestMetrics.namespace, Dimensions: DIMENSION_SETS, Metrics: METRICS },
  ];
  return (record) => {
    const authorizer = record.event.requestContext?.authorizer;
    const companyId = authorizer?.['companyId'];
    const apiKey = apiKeyOf(record.event.headers);
    logger.info('request', {
      _aws: { Timestamp: now(), CloudWatchMetrics: directive },
      [d.service]: service,
      [d.route]: record.route === undefined ? 'unmatched' : `${record.method} ${record.route}`,
      [d.version]: record.version ?? 'none',
      [d.statusClass]: `${Math.floor(record.status / 100)}xx`,
      [m.requests]: 1,
      [m.serverErrors]: record.status >= 500 ? 1 : 0,
      [m.latency]: Math.round(record.durationMs * 1000) / 1000,
      status: record.status,
      requestId: record.requestId,
      ...(companyId !== undefined && companyId !== null && { companyId: String(companyId) }),
      ...(apiKey !== undefined && { keyFingerprint: keyFingerprint(apiKey) }),
    });
  };
}

function apiKeyOf(headers: RequestRecord['event']['headers']): string | undefined {
  if (headers == null) return undefined;
  for (const name in headers) {
    if (name.length === 9 && name.toLowerCase() === 'x-api-key') return headers[name] || undefined;
  }
  return undefined;
}

/** The authorizer's fingerprint of a key (first 8 hex of its sha256): what logs show instead of it. */
export function keyFingerprint(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 8);
}
