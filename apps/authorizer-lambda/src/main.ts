import { servedPaths } from '@tollgate/domain-registry';
import { createLogger, withLogger } from '@tollgate/runtime-kit';
import { authorizerFromConfig } from './authorizer-from-config.js';
import { configFromEnv } from './config.js';

/**
 * API Gateway REST `REQUEST` authorizer: X-Api-Key → Allow/Deny policy, or 401. It knows the
 * API's path templates from the registry (generated from the domains' route tables), so it
 * judges each request on the route the router will serve.
 */
const logger = createLogger({ service: 'authorizer-lambda' });
const authorizer = authorizerFromConfig(configFromEnv(process.env), { logger, servedPaths });
export const handler = withLogger(logger, authorizer.authorize.bind(authorizer));
