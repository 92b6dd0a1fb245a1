import { route, type RouteDefinition } from '@tollgate/router';
import { callerCompanyId } from '@tollgate/runtime-kit';
import * as z from 'zod/mini';
import type { AnalyticsClient } from './analytics-client.js';
import { reportIdPattern } from './report.js';
import { UpstreamError } from './upstream-error.js';
import { problemForUpstreamError } from './upstream-problem.js';

/** Where upstream failures are reported: a short, body-free line with structured fields. */
export interface AnalyticsLogger {
  warn(message: string, fields: Readonly<Record<string, unknown>>): void;
}

export interface AnalyticsRoutesOptions {
  readonly client: AnalyticsClient;
  /** The Lambda's logger (the runtime kit's fits). */
  readonly logger: AnalyticsLogger;
}

const params = z.object({
  reportId: z.string().check(z.regex(reportIdPattern, 'must be 1-64 letters, digits, "_" or "-"')),
});

/** The analytics domain's routes: `GET /analytics/{reportId}` (version 2024-12-01). */
export function analyticsRoutes({ client, logger }: AnalyticsRoutesOptions): RouteDefinition[] {
  return [
    route({
      method: 'GET',
      path: '/analytics/{reportId}',
      version: '2024-12-01',
      schemas: { params },
      handler: async (request) => {
        const companyId = callerCompanyId(request.event);
        const { reportId } = request.params;
        try {
          const report = await client.getReport(companyId, reportId);
          return { status: 200, body: report, headers: { 'Cache-Control': 'private, no-store' } };
        } catch (error) {
          if (!(error instanceof UpstreamError)) throw error;
          logger.warn('analytics upstream request failed', {
            requestId: request.requestId,
            companyId,
            reportId,
            kind: error.kind,
            reason: error.reason,
            attempts: error.attempts,
            upstreamStatus: error.upstreamStatus,
          });
          throw problemForUpstreamError(error);
        }
      },
    }),
  ];
}
