import type { InfraConfig } from '../config/config-schema.js';

/**
 * Each Lambda's environment in AWS (docs/design.md's configuration table), keyed by image name.
 * Secrets travel by name; the functions read them through the shared role.
 */
const environments: Readonly<Record<string, (config: InfraConfig) => Record<string, string>>> = {
  authorizer: (config) => ({
    API_KEYS_SECRET_ID: config.secrets.apiKeys,
    ...(config.apiKeyShards === undefined ? {} : { API_KEYS_SHARDS: String(config.apiKeyShards) }),
  }),
  resources: (config) => ({ DB_SECRET_ID: config.secrets.database }),
  analytics: (config) => ({
    ANALYTICS_API_URL: config.analytics.apiUrl,
    ANALYTICS_API_SECRET_ID: config.secrets.analyticsApiToken,
  }),
};

export function lambdaEnvironment(imageName: string, config: InfraConfig): Record<string, string> {
  const environment = Object.hasOwn(environments, imageName) ? environments[imageName] : undefined;
  if (environment === undefined) {
    // A registry entry infra was never taught about: fail synth rather than ship an unconfigured Lambda.
    throw new Error(`No Lambda environment defined in apps/infra for image "${imageName}"`);
  }
  return environment(config);
}
