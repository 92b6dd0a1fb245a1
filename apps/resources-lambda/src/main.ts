import { ApiRouter } from '@tollgate/router';
import { createLazyResourceStore, resourceRoutes } from '@tollgate/domain-resources';
import { databaseSourceFromEnv } from '@tollgate/postgres-kit';
import { createLogger, withLogger } from '@tollgate/runtime-kit';

const logger = createLogger({ service: 'resources-lambda' });

// Cold start: validate configuration (a bad one fails the init with one line naming the
// variable) and create the container's single store. Its pg pool, Kysely and, with
// DB_SECRET_ID, the AWS SDK are loaded by the first query, not here.
const store = createLazyResourceStore(databaseSourceFromEnv(process.env));

export const handler = withLogger(
  logger,
  new ApiRouter(resourceRoutes({ store, logger }), { logger }).handler,
);
