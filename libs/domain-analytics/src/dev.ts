// `@tollgate/domain-analytics/dev`: a local stand-in for the external data API and its demo
// data, for `npm start` and tests. Never imported by the Lambda.
export {
  analyticsStandInToken,
  simulatedFailures,
  startAnalyticsStandIn,
  type AnalyticsStandIn,
  type AnalyticsStandInOptions,
} from './stand-in/analytics-stand-in.js';
export { demoReports } from './stand-in/demo-reports.js';
