import { createLogger, withLogger } from '@tollgate/runtime-kit';
import { authorizerFromConfig } from './authorizer-from-config.js';
import { configFromEnv } from './config.js';

/** API Gateway REST `REQUEST` authorizer: X-Api-Key → Allow/Deny policy, or 401. */
const logger = createLogger({ service: 'authorizer-lambda' });
const authorizer = authorizerFromConfig(configFromEnv(process.env), { logger });
export const handler = withLogger(logger, authorizer.authorize.bind(authorizer));
