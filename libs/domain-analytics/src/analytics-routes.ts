import { route, type RouteDefinition } from '@tollgate/router';
import { callerCompanyId } from '@tollgate/runtime-kit';
import * as z from 'zod/mini';
import type { AnalyticsClient } from './analytics-client.js';
import { reportIdPattern, reportSchema } from './report.js';
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

/** The versions this domain serves, newest first; the two answer alike. */
export const analyticsApiVersions = ['2025-03-01', '2024-12-01'] as const;

/** 2024-12-01 is served until this date, like the rest of that API version. */
export const ANALYTICS_V20241201_SUNSET = '2027-06-30';

const responses = {
  200: { description: 'the report', body: reportSchema },
  404: { description: "no such report for the caller's company", problem: true },
  502: { description: 'the analytics data service failed or sent an unusable answer', problem: true },
  503: { description: 'the analytics credentials are unavailable; retry after Retry-After seconds', problem: true },
  504: { description: 'the analytics data service did not answer in time', problem: true },
} as const;

/** The analytics domain's routes: `GET /analytics/{reportId}` in every supported version. */
export function analyticsRoutes({ client, logger }: AnalyticsRoutesOptions): RouteDefinition[] {
  return analyticsApiVersions.map((version) =>
    route({
      method: 'GET',
      path: '/analytics/{reportId}',
      version,
      ...(version === '2024-12-01' && { deprecated: { sunset: ANALYTICS_V20241201_SUNSET } }),
      summary: "Get one of the caller's company's reports from the analytics data service",
      schemas: { params },
      responses,
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
  );
}
