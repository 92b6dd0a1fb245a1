import type { PlatformConfigValue, PlatformSecret } from '@tollgate/domain-registry';
import type { PlatformConfig } from './config-schema.js';

/** A config value a Lambda contract names; undefined when the environment leaves it unset. */
export function platformConfigValue(
  config: PlatformConfig,
  name: PlatformConfigValue,
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
