import { authorizerFromConfig } from './authorizer-from-config.js';
import { configFromEnv } from './config.js';

/** API Gateway REST `REQUEST` authorizer: X-Api-Key → Allow/Deny policy, or 401. */
const authorizer = authorizerFromConfig(configFromEnv(process.env));
export const handler = authorizer.authorize.bind(authorizer);
