import {
  analyticsConfigFromEnv,
  analyticsRoutes,
  analyticsToken,
  createAnalyticsClient,
} from '@tollgate/domain-analytics';
import { ApiRouter } from '@tollgate/router';
import { createLogger, requestTelemetry, withLogger } from '@tollgate/runtime-kit';

const service = 'analytics-lambda';
const logger = createLogger({ service });

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
    // One line per request: the access log and, as EMF, the request metrics.
    onResponse: requestTelemetry({ service, logger }),
    validateResponses: process.env['VALIDATE_RESPONSES'] === 'true',
  }).handler,
);
