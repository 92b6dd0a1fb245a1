import {
  analyticsConfigFromEnv,
  analyticsRoutes,
  analyticsToken,
  createAnalyticsClient,
} from '@tollgate/domain-analytics';
import { ApiRouter } from '@tollgate/router';
import { createLogger, withLogger } from '@tollgate/runtime-kit';

const logger = createLogger({ service: 'analytics-lambda' });

// Cold start: a bad configuration stops the container here with one line naming the variable.
const config = analyticsConfigFromEnv(process.env);

const client = createAnalyticsClient({
  baseUrl: config.apiUrl,
  token: analyticsToken(config.token),
  timeoutMs: config.timeoutMs,
  deadlineMs: config.deadlineMs,
});

// VALIDATE_RESPONSES=true (the local API, tests) checks every answer against the declared
// responses; unset in AWS, where it costs nothing.
export const handler = withLogger(
  logger,
  new ApiRouter(analyticsRoutes({ client, logger }), {
    logger,
    validateResponses: process.env['VALIDATE_RESPONSES'] === 'true',
  }).handler,
);
