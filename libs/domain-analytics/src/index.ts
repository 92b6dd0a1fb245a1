export { createAnalyticsClient, type AnalyticsClient, type AnalyticsClientOptions } from './analytics-client.js';
export {
  analyticsConfigFromEnv,
  AnalyticsConfigError,
  type AnalyticsConfig,
  type AnalyticsTokenConfig,
} from './analytics-config.js';
export { analyticsRoutes, type AnalyticsLogger, type AnalyticsRoutesOptions } from './analytics-routes.js';
export { analyticsToken } from './analytics-token.js';
export type { BackoffOptions } from './backoff.js';
export { reportIdPattern, reportSchema, type Report } from './report.js';
export {
  analyticsStandInToken,
  simulatedFailures,
  startAnalyticsStandIn,
  type AnalyticsStandIn,
  type AnalyticsStandInOptions,
} from './stand-in/analytics-stand-in.js';
export { demoReports } from './stand-in/demo-reports.js';
export { UpstreamError, type UpstreamFailureKind } from './upstream-error.js';
export { problemForUpstreamError } from './upstream-problem.js';
