import { ApiRouter, type RouterLogger } from '@tollgate/router';
import {
  createLazyResourceStore,
  databaseSourceFromEnv,
  resourceRoutes,
} from '@tollgate/domain-resources';

// One JSON line per entry on stderr, which Lambda ships to CloudWatch Logs.
const logger: RouterLogger = {
  error(message, fields) {
    console.error(
      JSON.stringify({ level: 'ERROR', timestamp: new Date().toISOString(), message, ...fields }),
    );
  },
};

// Cold start: validate configuration (a bad one fails the init with one line naming the
// variable) and create the container's single store. Its pg pool, Kysely and, with
// DB_SECRET_ID, the AWS SDK are loaded by the first query, not here.
const store = createLazyResourceStore(databaseSourceFromEnv(process.env));

// VALIDATE_RESPONSES=true (the local API, tests) checks every answer against the declared
// responses; unset in AWS, where it costs nothing.
export const handler = new ApiRouter(resourceRoutes({ store, logger }), {
  logger,
  validateResponses: process.env['VALIDATE_RESPONSES'] === 'true',
}).handler;
