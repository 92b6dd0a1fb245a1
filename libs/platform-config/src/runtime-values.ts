import {
  resourcePrefix,
  type PlatformConfigValue,
  type PlatformSecret,
} from '@tollgate/domain-registry';
import type { PlatformConfig } from './config-schema.js';
import { PlatformConfigError } from './platform-config-error.js';

/**
 * A config value a Lambda contract names; undefined when the environment leaves it unset.
 * `envName` (the environment deployed) is needed for `usageIdentifierNamespace` only.
 */
export function platformConfigValue(
  config: PlatformConfig,
  name: PlatformConfigValue,
  envName?: string,
): string | undefined {
  switch (name) {
    case 'analyticsApiUrl':
      return config.analytics.apiUrl;
    case 'apiKeyShards':
      return config.apiKeyShards === undefined ? undefined : String(config.apiKeyShards);
    case 'databaseWriterHost':
      return config.database.writerHost;
    case 'databaseReaderHost':
      return config.database.readerHost;
    case 'usageIdentifiers':
      return config.api.usageIdentifiers;
    case 'usagePlans':
      return Object.keys(config.api.usagePlans).join(',');
    case 'usageIdentifierNamespace':
      // Never guessed: a wrong namespace names usage plan keys that `publish` never created.
      if (envName === undefined) {
        throw new PlatformConfigError('usageIdentifierNamespace needs the environment name');
      }
      return resourcePrefix(config.project, envName);
  }
}

/**
 * The Secrets Manager names a Lambda reading `secret` must be allowed to get: the secret itself,
 * or for a sharded key map its `<name>/shard-NNN` secrets (`?` matches one character in IAM).
 */
export function secretResourceName(config: PlatformConfig, secret: PlatformSecret): string {
  const name = config.secrets[secret];
  return secret === 'apiKeys' && config.apiKeyShards !== undefined ? `${name}/shard-???` : name;
}
