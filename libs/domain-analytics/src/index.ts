// What the Lambda needs. The local stand-in for the external data API and its demo data are
// development tooling, in `./dev`.
export { createAnalyticsClient, type AnalyticsClient, type AnalyticsClientOptions } from './analytics-client.js';
export {
  analyticsConfigFromEnv,
  type AnalyticsConfig,
  type AnalyticsTokenConfig,
} from './analytics-config.js';
export {
  ANALYTICS_V20241201_SUNSET,
  analyticsApiVersions,
  analyticsRoutes,
  type AnalyticsLogger,
  type AnalyticsRoutesOptions,
} from './analytics-routes.js';
export { analyticsToken, type AnalyticsTokenOptions, type AnalyticsTokenSource } from './analytics-token.js';
export type { BackoffOptions } from './backoff.js';
export { reportIdPattern, reportSchema, type Report } from './report.js';
export { UpstreamError, type UpstreamFailureKind } from './upstream-error.js';
export { problemForUpstreamError } from './upstream-problem.js';
