import {
  CachingKeyMapLoader,
  createAuthorizer,
  fileKeyMapSource,
  secretsManagerKeyMapSource,
  secretsManagerShardSources,
  ShardedKeyMapLoader,
  type Authorizer,
  type AuthzLogger,
  type KeyMapProvider,
  type SecretsManagerClientLike,
} from '@tollgate/authz/authorizer';
import type { AuthorizerConfig } from './config.js';

export interface AuthorizerDependencies {
  /** The Lambda passes the runtime kit's logger, the one line shape of every Lambda. */
  readonly logger?: AuthzLogger;
  /** Tests pass a mocked client; in AWS the source creates one on first load. */
  readonly secretsManagerClient?: SecretsManagerClientLike;
  /**
   * Every path template the API serves (main.ts passes the registry's `servedPaths`), so a
   * request is judged on the route the router serves it from — a key granted `/r/{id}` is not
   * granted a served `/r/search`. Throws `TypeError` at cold start for an invalid template.
   */
  readonly servedPaths?: readonly string[];
}

/** Wires the configured key-map source, cache and policy scope into the authorizer. */
export function authorizerFromConfig(
  config: AuthorizerConfig,
  dependencies: AuthorizerDependencies = {},
): Authorizer {
  return createAuthorizer({
    keyMaps: keyMapProvider(config, dependencies),
    policyResource: config.policyResource,
    logger: dependencies.logger,
  });
}

function keyMapProvider(
  config: AuthorizerConfig,
  { logger, secretsManagerClient: client, servedPaths }: AuthorizerDependencies,
): KeyMapProvider {
  const { keyMapSource } = config;
  const caching = {
    ttlMs: config.cacheTtlMs,
    graceMs: config.graceMs,
    logger,
    servedPaths,
    usageIdentifiers: config.usageIdentifiers,
  };
  switch (keyMapSource.kind) {
    case 'file':
      return new CachingKeyMapLoader({ source: fileKeyMapSource(keyMapSource.path), ...caching });
    case 'secrets-manager':
      return new CachingKeyMapLoader({
        source: secretsManagerKeyMapSource({ secretId: keyMapSource.secretId, client }),
        ...caching,
      });
    case 'sharded-secrets-manager':
      return new ShardedKeyMapLoader({
        shardCount: keyMapSource.shards,
        sourceFor: secretsManagerShardSources({ secretId: keyMapSource.secretIdPrefix, client }),
        ...caching,
      });
  }
}
