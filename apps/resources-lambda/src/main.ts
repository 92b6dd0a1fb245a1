import { ApiRouter } from '@tollgate/router';
import { createLazyResourceStore, resourceRoutes } from '@tollgate/domain-resources';
import { databaseSourceFromEnv } from '@tollgate/postgres-kit';
import { createLogger, requestTelemetry, withLogger } from '@tollgate/runtime-kit';

const service = 'resources-lambda';
const logger = createLogger({ service });

// Cold start: validate configuration (a bad one fails the init with one line naming the
// variable) and create the container's single store. Its pg pool, Kysely and, with
// DB_SECRET_ID, the AWS SDK are loaded by the first query, not here.
const store = createLazyResourceStore(databaseSourceFromEnv(process.env));

// VALIDATE_RESPONSES=true (the local API, tests) checks every answer against the declared
// responses; unset in AWS, where it costs nothing.
export const handler = withLogger(
  logger,
  new ApiRouter(resourceRoutes({ store, logger }), {
    logger,
    // One line per request: the access log and, as EMF, the request metrics.
    onResponse: requestTelemetry({ service, logger }),
    validateResponses: process.env['VALIDATE_RESPONSES'] === 'true',
  }).handler,
);
