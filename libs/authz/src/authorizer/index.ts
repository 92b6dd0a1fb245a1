// @tollgate/authz/authorizer — the Lambda side: the authorizer, the loaders that cache key maps,
// the sources they read, the errors sources raise and the logger interface.
export { createAuthorizer } from './create-authorizer.js';
export type { Authorizer, AuthorizerOptions } from './create-authorizer.js';
export type { AuthorizerEvent } from './authorizer-event.js';
export type { AuthorizerResult } from '../policy/authorizer-result.js';
export type { KeyMapProvider } from '../loader/key-map-provider.js';
export { CachingKeyMapLoader } from '../loader/caching-key-map-loader.js';
export type { CachingKeyMapLoaderOptions } from '../loader/caching-key-map-loader.js';
export { ShardedKeyMapLoader } from '../loader/sharded-key-map-loader.js';
export type { ShardedKeyMapLoaderOptions } from '../loader/sharded-key-map-loader.js';
export type { UsageIdentifiers } from '../key-map/usage-plans.js';
export type { KeyMapSource } from '../sources/key-map-source.js';
export { KeyMapSourceError } from '../sources/key-map-source-error.js';
export { fileKeyMapSource } from '../sources/file-key-map-source.js';
export { secretsManagerKeyMapSource, secretsManagerShardSources } from '../sources/secrets-manager-key-map-source.js';
export type { SecretsManagerClientLike } from '../sources/secrets-manager-key-map-source.js';
export { consoleJsonLogger } from '../logging/logger.js';
export type { AuthzLogger, LogFields } from '../logging/logger.js';
