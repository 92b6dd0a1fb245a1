import type { DomainDefinition, LambdaImageDefinition } from './domain-definition.js';
import { postgresContract } from './runtime-contract.js';

export const domains: readonly DomainDefinition[] = [
  {
    name: 'resources',
    lambdaApp: 'resources-lambda',
    imageName: 'resources',
    basePaths: ['/resources'],
    apiResources: ['/resources', '/resources/{proxy+}'],
    runtime: postgresContract,
    routeTableModule: '@tollgate/domain-resources/route-table',
  },
  {
    name: 'analytics',
    lambdaApp: 'analytics-lambda',
    imageName: 'analytics',
    basePaths: ['/analytics'],
    apiResources: ['/analytics/{proxy+}'],
    runtime: {
      aws: {
        ANALYTICS_API_URL: { config: 'analyticsApiUrl' },
        ANALYTICS_API_SECRET_ID: { secret: 'analyticsApiToken' },
      },
      local: { ANALYTICS_API_URL: 'analyticsApiUrl', ANALYTICS_API_TOKEN: 'analyticsApiToken' },
    },
    routeTableModule: '@tollgate/domain-analytics/route-table',
  },
  // New domains are appended here by `nx g @tollgate/nx-plugin:domain`.
];

export const authorizerImage: LambdaImageDefinition = {
  lambdaApp: 'authorizer-lambda',
  imageName: 'authorizer',
  runtime: {
    aws: {
      API_KEYS_SECRET_ID: { secret: 'apiKeys' },
      API_KEYS_SHARDS: { config: 'apiKeyShards' },
      USAGE_IDENTIFIERS: { config: 'usageIdentifiers' },
      USAGE_PLANS: { config: 'usagePlans' },
      USAGE_IDENTIFIER_NAMESPACE: { config: 'usageIdentifierNamespace' },
    },
    local: {
      API_KEYS_FILE: 'apiKeysFile',
      USAGE_IDENTIFIERS: 'usageIdentifiers',
      USAGE_PLANS: 'usagePlans',
      USAGE_IDENTIFIER_NAMESPACE: 'usageIdentifierNamespace',
    },
  },
};

/** Every Lambda image the platform builds: the authorizer first, then one per domain. */
export const lambdaImages: readonly LambdaImageDefinition[] = [
  authorizerImage,
  ...domains.map(({ lambdaApp, imageName, runtime }) => ({ lambdaApp, imageName, runtime })),
];
